"""The INI dialect of ``.vale.ini`` (the go-ini library Vale uses).

Details that change what a config means: keys before any section belong to
the default section; section and key names are case-sensitive and kept as
written; a repeated section continues the first; a repeated key keeps its
first value and the later ones as "shadows" (``StylesPath`` reads the last
shadow, list options read them all); ``#`` and ``;`` start a comment line, and
inside a value only when preceded by a space; a value wrapped in matching
quotes loses them; ``\\`` at the end of a line continues the value; and
triple-quoted values span lines. Several files load into one, in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["DEFAULT", "IniError", "IniFile", "Section", "excerpt"]

DEFAULT = "DEFAULT"
#: Longest piece of a config an error message quotes.
EXCERPT = 80


def excerpt(text: str) -> str:
    """``text`` as an error message may quote it: on one line, without
    control characters (a binary .vale.ini could send terminal escapes) and
    at most :data:`EXCERPT` characters. A short printable text is unchanged."""
    shown = "".join(c if c.isprintable() else "\ufffd" for c in text[: EXCERPT + 1])
    return shown if len(shown) <= EXCERPT else shown[: EXCERPT - 3] + "..."


class IniError(ValueError):
    """A line go-ini cannot read."""


@dataclass(slots=True)
class Section:
    """A section's keys in order; each key's values (first, then shadows)."""

    name: str
    keys: dict[str, list[str]] = field(default_factory=dict)

    def add(self, key: str, value: str) -> None:
        values = self.keys.setdefault(key, [])
        if value not in values or not values:
            values.append(value)

    def get(self, key: str) -> str:
        """``Key.String()``: the first value, or ``""``."""
        values = self.keys.get(key)
        return values[0] if values else ""

    def shadows(self, key: str) -> list[str]:
        """``Key.ValueWithShadows()``."""
        return list(self.keys.get(key, [""]))

    def list_with_shadows(self, key: str) -> list[str]:
        """``Key.StringsWithShadows(",")``: every value split on commas."""
        out: list[str] = []
        for value in self.keys.get(key, [""]):
            out.extend(part.strip() for part in value.split(","))
        return out

    def list(self, key: str) -> list[str]:
        """``Key.Strings(",")``: the first value split on unescaped commas."""
        text = self.get(key)
        if not text:
            return []
        parts: list[str] = []
        current: list[str] = []
        escape = False
        for char in text:
            if escape:
                if char not in "\\,":
                    current.append("\\")
                current.append(char)
                escape = False
            elif char == "\\":
                escape = True
            elif char == ",":
                parts.append("".join(current).strip())
                current = []
            else:
                current.append(char)
        if escape:
            current.append("\\")
        parts.append("".join(current).strip())
        return parts


@dataclass(slots=True)
class IniFile:
    """Sections in order of first appearance."""

    sections: dict[str, Section] = field(
        default_factory=lambda: {DEFAULT: Section(DEFAULT)}
    )

    def section(self, name: str) -> Section:
        """The named section (empty when absent); ``""`` is the default one."""
        return self.sections.get(name or DEFAULT) or Section(name or DEFAULT)

    def load(self, text: str) -> None:
        """Add the sections and keys of ``text``."""
        _Parser(self, text).run()


def _surrounded(value: str, quote: str) -> bool:
    return (
        len(value) >= 2
        and value[0] == quote
        and value[-1] == quote
        and value.find(quote, 1) == len(value) - 1
    )


class _Parser:
    def __init__(self, ini: IniFile, text: str) -> None:
        self.ini = ini
        if text.startswith("\ufeff"):
            text = text[1:]
        self.lines = text.replace("\r\n", "\n").split("\n")
        self.pos = 0
        self.current = ini.sections[DEFAULT]

    def run(self) -> None:
        while self.pos < len(self.lines):
            raw = self.lines[self.pos]
            self.pos += 1
            line = raw.lstrip()
            if not line or line[0] in "#;":
                continue
            if line[0] == "[":
                close = line.rfind("]")
                if close < 0:
                    raise IniError(f"unclosed section: {excerpt(line)}")
                name = line[1:close]
                self.current = self.ini.sections.setdefault(name, Section(name))
                continue
            key, rest = self._key(line)
            self.current.add(key, self._value(rest))

    def _key(self, line: str) -> tuple[str, str]:
        quote = ""
        if line.startswith('"""') and len(line) > 6:
            quote = '"""'
        elif line[0] in '"`':
            quote = line[0]
        if quote:
            end = line.find(quote, len(quote))
            if end < 0:
                raise IniError(f"missing closing key quote: {excerpt(line)}")
            delim = _find_any(line, "=:", end + len(quote))
            if delim < 0:
                raise IniError(f"key-value delimiter not found: {excerpt(line)}")
            return line[len(quote) : end].strip(), line[delim + 1 :]
        delim = _find_any(line, "=:", 0)
        if delim < 0:
            raise IniError(f"key-value delimiter not found: {excerpt(line)}")
        return line[:delim].strip(), line[delim + 1 :]

    def _value(self, text: str) -> str:
        line = text.lstrip()
        if not line:
            return ""
        quote = '"""' if line.startswith('"""') and len(line) > 3 else ""
        if not quote and line[0] == "`":
            quote = "`"
        if quote:
            end = line.rfind(quote, len(quote))
            if end < 0:
                return self._multiline(line[len(quote) :], quote)
            return line[len(quote) : end]
        line = line.strip()
        if line.endswith("\\"):
            return self._continued(line[:-1])
        cut = line.find(" #")
        if cut < 0:
            cut = line.find(" ;")
        if cut >= 0:
            line = line[:cut].strip()
        if _surrounded(line, "'") or _surrounded(line, '"'):
            line = line[1:-1]
        return line

    def _multiline(self, value: str, quote: str) -> str:
        value += "\n"
        while self.pos < len(self.lines):
            line = self.lines[self.pos]
            self.pos += 1
            end = line.rfind(quote)
            if end >= 0:
                return value + line[:end]
            value += line + "\n"
        raise IniError(f"missing closing quote {quote}")

    def _continued(self, value: str) -> str:
        while self.pos < len(self.lines):
            line = self.lines[self.pos].strip()
            self.pos += 1
            if not line:
                break
            value += line
            if not value.endswith("\\"):
                break
            value = value[:-1]
        return value


def _find_any(text: str, chars: str, start: int) -> int:
    found = [i for i in (text.find(c, start) for c in chars) if i >= 0]
    return min(found) if found else -1
