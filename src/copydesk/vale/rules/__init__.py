"""Vale's rule types (``extends:``), each in its own module.

A rule is built from its YAML mapping (already validated and coerced by
:mod:`copydesk.vale.dialect`) and runs on one :class:`~copydesk.vale.model.Block`
at a time, returning unplaced alerts; the linter places them.
"""
