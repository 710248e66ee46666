"""Code actions for the findings under the cursor, and fix-all for a buffer.

For each finding: its own fix (``isPreferred`` when safe, so an editor's
"apply preferred fix" never makes a judgement call), "Accept 'X' in this
project's vocabulary" (a command: the server edits the config file itself),
and "Disable RULE for this line" (an edit inserting the format's directive).
``source.fixAll.copydesk`` applies the safe fixes only, to a fixpoint.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lsprotocol import types

from copydesk.model import Finding, Fix
from copydesk.server.documents import OpenDocument
from copydesk.server.edits import replacement_edit, text_edits, workspace_edit
from copydesk.server.positions import Encoding
from copydesk.server.suppression import disable_line

FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.copydesk"
ACCEPT_COMMAND = "copydesk.acceptInVocabulary"
KINDS = (types.CodeActionKind.QuickFix, FIX_ALL)


@dataclass(frozen=True, slots=True)
class ActionContext:
    """What every action of one request needs to know."""

    doc: OpenDocument
    #: The document's format (``plain``, ``markdown``, ``html``, ``rst``).
    format: str
    encoding: Encoding
    #: Whether the client takes ``documentChanges`` (versioned edits).
    versioned: bool
    #: A finding as the diagnostic the client holds, to attach to its actions.
    diagnostic: Callable[[Finding], types.Diagnostic]


def wanted(only: Sequence[str] | None, kind: str) -> bool:
    """Whether a request restricted to ``only`` kinds asks for ``kind``
    (kinds are hierarchical: asking for ``source`` includes fix-all)."""
    if not only:
        return True
    return any(kind == k or kind.startswith(k + ".") for k in only)


def findings_in(
    doc: OpenDocument,
    start: types.Position,
    end: types.Position,
    diagnostics: Sequence[types.Diagnostic],
    encoding: Encoding,
) -> list[Finding]:
    """Current findings touching the range; narrowed to the client's own
    copydesk diagnostics when it sent some (by rule and range)."""
    index = doc.positions
    lo = index.offset(start.line, start.character, encoding)
    hi = index.offset(end.line, end.character, encoding)
    touching = [f for f in doc.current_findings() if f.start <= hi and lo <= f.end]
    sent = {
        (d.code, d.range.start.line, d.range.start.character)
        for d in diagnostics
        if d.source == "copydesk"
    }
    if not sent:
        return touching
    return [f for f in touching if (f.rule, *index.position(f.start, encoding)) in sent]


def quick_fixes(context: ActionContext, finding: Finding) -> list[types.CodeAction]:
    """The finding's fix, then accepting its text, then disabling its rule."""
    actions: list[types.CodeAction] = []
    if finding.fix is not None:
        actions.append(_fix_action(context, finding, finding.fix))
    accept = _accept_action(context, finding)
    if accept is not None:
        actions.append(accept)
    if not finding.rule.startswith("copydesk."):  # directives cannot silence these
        actions.append(_disable_action(context, finding))
    return actions


def _fix_title(finding: Finding, fix: Fix) -> str:
    if len(fix.edits) == 1 and fix.edits[0].replacement:
        what = f"Replace '{finding.match}' with '{fix.edits[0].replacement}'"
    elif len(fix.edits) == 1:
        what = f"Delete '{finding.match}'"
    else:
        what = f"Fix '{finding.match}'"
    return what if fix.is_safe else f"{what} (unsafe fix: check the context)"


def _fix_action(context: ActionContext, finding: Finding, fix: Fix) -> types.CodeAction:
    doc = context.doc
    edits = text_edits(doc.positions, fix.edits, context.encoding)
    return types.CodeAction(
        title=f"{_fix_title(finding, fix)} ({finding.rule})",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[context.diagnostic(finding)],
        is_preferred=fix.is_safe,
        edit=workspace_edit(doc.uri, doc.version, edits, context.versioned),
    )


def acceptable(finding: Finding) -> bool:
    """Whether the flagged text is a term a vocabulary can hold: words, not
    quote marks or copydesk's own diagnostics about directives and rules."""
    return is_term(finding.match) and not finding.rule.startswith(
        ("copydesk.", "vocab.")
    )


#: Longer than any name or phrase a vocabulary holds.
MAX_TERM = 200


def is_term(text: str) -> bool:
    """A word or phrase a vocabulary can hold: letters, on one line."""
    term = text.strip()
    return (
        0 < len(term) <= MAX_TERM
        and any(ch.isalpha() for ch in term)
        and not any(ch in term for ch in "\n\r\x0b\x0c\x85\u2028\u2029")
    )


def _accept_action(context: ActionContext, finding: Finding) -> types.CodeAction | None:
    if not acceptable(finding):
        return None
    term = finding.match.strip()
    title = f"Accept '{term}' in this project's vocabulary"
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[context.diagnostic(finding)],
        command=types.Command(
            title=title, command=ACCEPT_COMMAND, arguments=[context.doc.uri, term]
        ),
    )


def _disable_action(context: ActionContext, finding: Finding) -> types.CodeAction:
    doc = context.doc
    line = doc.positions.position(finding.start, context.encoding)[0]
    suppression = disable_line(doc.positions, line, finding.rule, context.format)
    edits = text_edits(doc.positions, suppression.edits, context.encoding)
    return types.CodeAction(
        title=suppression.title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[context.diagnostic(finding)],
        edit=workspace_edit(doc.uri, doc.version, edits, context.versioned),
    )


def fix_all_action(context: ActionContext, fixed_text: str) -> types.CodeAction | None:
    """Fix-all as one edit from the buffer to ``fixed_text`` (None: no change)."""
    doc = context.doc
    if fixed_text == doc.text:
        return None
    edit = replacement_edit(doc.text, fixed_text)
    edits = text_edits(doc.positions, [edit], context.encoding)
    return types.CodeAction(
        title="copydesk: apply all safe fixes",
        kind=FIX_ALL,
        edit=workspace_edit(doc.uri, doc.version, edits, context.versioned),
    )
