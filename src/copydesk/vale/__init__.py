"""``copydesk vale``: run existing Vale configurations and styles unchanged.

The package reproduces Vale's behaviour where it shows in the output: how a
``.vale.ini`` is found and read, how rule files compile, how markup becomes
blocks, where an alert is reported, and how alerts are printed. Entry point:
:func:`copydesk.vale.cli.main`.
"""
