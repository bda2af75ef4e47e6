"""The agreements in an outcome body, read with markdown-it-py tokens (no regexes over prose).

Tolerant of what people do to a file on a share: `[x]` or `[X]`, `*`, `+` or `-` bullets,
items moved around, lines added. Text the writer escaped (a `\\[`, an `&mdash;`) arrives as
a separate token, so a separator typed by the team is never taken for the writer's own.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from dialoogspel.model import AgreementKind
from dialoogspel.model.agreements import MONTHS
from dialoogspel.outcome.markdown import SEPARATOR

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_KINDS = {kind.label.casefold(): kind for kind in AgreementKind}
_BOXES = {"[ ] ": False, "[x] ": True, "[X] ": True}


class BodyAgreement(NamedTuple):
    """One task item under `## Afspraken`, as the body shows it."""

    kind: AgreementKind
    """From the `###` heading it stands under."""
    done: bool
    """The box is ticked."""
    who: str
    """The bold name ("" when the writer showed "—")."""
    role: str | None
    """The role in parentheses after the name, if any."""
    text: str
    """Everything after "name (role): ", as shown."""
    parts: tuple[str, ...]
    """`text` split at the writer's own " — " separators."""


@functools.lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # comes with Textual (rich); only reading needs it

    # Without text_join, escapes and entities stay separate tokens: typed text, not structure.
    return MarkdownIt("commonmark").disable("text_join")


def _plain(token: Token) -> str:
    return "".join(c.content for c in token.children or [] if c.type in ("text", "text_special"))


def _heading(line: str) -> tuple[int, str] | None:
    """(level, text) of an ATX heading line, or None."""
    stripped = line.strip()
    level = len(stripped) - len(stripped.lstrip("#"))
    if not 1 <= level <= 6 or line.startswith("    ") or stripped[level : level + 1] not in " ":
        return None
    return level, stripped.strip("#").strip()


def _afspraken_part(body: str) -> str:
    """The `## Afspraken` section when it can be found by its heading lines (a long board is
    then not parsed at all); else the whole body, so a file in another shape is still read."""
    lines = body.split("\n")
    start = None
    for number, line in enumerate(lines):
        heading = _heading(line) if line.lstrip().startswith("#") else None
        if heading is None:
            continue
        if start is None and heading[0] <= 2 and heading[1].casefold() == "afspraken":
            start = number
        elif start is not None and heading[0] <= 2:
            return "\n".join(lines[start:number])
    return "\n".join(lines[start:]) if start is not None else body


class Part(NamedTuple):
    """A heading ("h1".."h6", its text casefolded) or a top-level list item ("li", its inline)."""

    tag: str
    text: str
    children: list[Token]


def outline(tokens: list[Token]) -> Iterator[Part]:
    """The headings and the top-level list items of a parsed body, in order."""
    depth, item_opened = 0, False
    for number, token in enumerate(tokens):
        if token.type == "heading_open" and number + 1 < len(tokens):
            yield Part(token.tag, _plain(tokens[number + 1]).strip().casefold(), [])
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif token.type == "list_item_open":
            item_opened = depth == 1
        elif token.type == "inline" and item_opened:
            item_opened = False
            yield Part("li", "", token.children or [])


def read_agreements(body: str) -> list[BodyAgreement]:
    """Every task item under `## Afspraken` › `### Uitzoeken` / `### Aan de slag`, in order."""
    found: list[BodyAgreement] = []
    section, kind = "", None
    for part in outline(_parser().parse(_afspraken_part(body))):
        if part.tag in ("h1", "h2"):
            section, kind = part.text, None
        elif part.tag != "li":
            if section == "afspraken":
                kind = _KINDS.get(part.text)
        elif section == "afspraken" and kind is not None:
            item = _item(part.children, kind)
            if item is not None:
                found.append(item)
    return found


def _segments(children: list[Token]) -> list[tuple[str, bool | None]]:
    """(text, typed) pairs; typed True for escapes, entities and code, None for a bold mark."""
    segments: list[tuple[str, bool | None]] = []
    for child in children:
        if child.type == "text":
            if segments and segments[-1][1] is False:
                segments[-1] = (segments[-1][0] + child.content, False)
            else:
                segments.append((child.content, False))
        elif child.type in ("text_special", "code_inline"):
            segments.append((child.content, True))
        elif child.type in ("softbreak", "hardbreak"):
            segments.append((" ", False))
        elif child.type in ("strong_open", "strong_close"):
            segments.append(("", None))
    return segments


def _item(children: list[Token], kind: AgreementKind) -> BodyAgreement | None:
    """`[ ] **Who** (role): what — …`, or None when the item is not an agreement."""
    segments = _segments(children)
    if len(segments) < 3 or segments[0][1] is not False or segments[1][1] is not None:
        return None
    done = _BOXES.get(segments[0][0])
    if done is None:
        return None
    try:
        close = next(n for n in range(2, len(segments)) if segments[n][1] is None)
    except StopIteration:
        return None
    who = "".join(text for text, _ in segments[2:close]).strip()
    chars = "".join(text for text, _ in segments[close + 1 :])
    typed = [flag for text, flag in segments[close + 1 :] for _ in text]
    role, start = _role(chars, typed)
    if start is None:
        return None
    while start < len(chars) and chars[start] == " ":
        start += 1
    parts = _split(chars[start:], typed[start:])
    if parts[0] == "—" and not typed[start]:  # the writer's dash for empty text
        parts[0] = ""
    who_typed = any(flag for _, flag in segments[2:close])
    return BodyAgreement(
        kind=kind,
        done=done,
        who="" if who == "—" and not who_typed else who,
        role=role,
        text=chars[start:],
        parts=tuple(parts),
    )


def _role(chars: str, typed: list[bool | None]) -> tuple[str | None, int | None]:
    """The role in ` (role):` and where the text after the colon starts."""
    if chars.startswith(":") and not typed[0]:
        return None, 1
    if not chars.startswith(" (") or typed[0] or typed[1]:
        return None, None
    for index in range(2, len(chars) - 1):
        if chars[index] == ")" and not typed[index] and chars[index + 1] == ":":
            return chars[2:index], index + 2
    return None, None


def _split(chars: str, typed: list[bool | None]) -> list[str]:
    """Split at " — " where the writer put it (never at a dash the team typed)."""
    parts, start, index = [], 0, chars.find(SEPARATOR)
    while index != -1:
        if not any(typed[index : index + len(SEPARATOR)]):
            parts.append(chars[start:index])
            start = index + len(SEPARATOR)
        index = chars.find(SEPARATOR, index + 1)
    return [*parts, chars[start:]]


def read_date(text: str) -> date | None:
    """ "2026-12-01" or "maandag 1 december 2026" (the weekday may be left out); else None."""
    words = text.split()
    try:
        if len(words) == 1:
            return date.fromisoformat(words[0]) if len(words[0]) == 10 else None
        day, month, year = words[-3:]
        return date(int(year), MONTHS.index(month.casefold()) + 1, int(day))
    except ValueError:
        return None
