"""The `## Terugblik` section of an outcome body: per earlier file, each open agreement the team
looked back on, its status, the note, whether the vermoeden held and whether it was carried."""

from __future__ import annotations

from dialoogspel.model import Session, TerugblikItem, describe_deadline
from dialoogspel.outcome.markdown import SEPARATOR, escape, strong
from dialoogspel.textsafe import clean_text

HEADING = "## Terugblik"
NOT_ANSWERED = "nog geen antwoord"


def _item(item: TerugblikItem) -> list[str]:
    """`- **Anna**: verzuim opvragen — vóór … — loopt nog`, then the note and the rest nested."""
    parts = [f"- {strong(item.wie)}: {escape(item.wat) or '—'}"]
    if item.voor is not None:
        parts.append(f"vóór {describe_deadline(item.voor)}")
    parts.append(item.status.value if item.status is not None else NOT_ANSWERED)
    lines = [SEPARATOR.join(parts)]
    if item.notitie and clean_text(item.notitie):
        lines.append(f"  - notitie: {escape(item.notitie)}")
    if item.vermoeden and clean_text(item.vermoeden):
        held = f"{SEPARATOR}klopte: {item.vermoeden_held.value}" if item.vermoeden_held else ""
        lines.append(f"  - vermoeden: {escape(item.vermoeden)}{held}")
    if item.carried:
        lines.append("  - meegenomen naar de afspraken van nu")
    return lines


def terugblik_lines(session: Session) -> list[str]:
    """The section with a blank line before it, or nothing when the team did not look back."""
    if not session.terugblik:
        return []
    lines = ["", HEADING]
    files: dict[str, list[TerugblikItem]] = {}
    for item in session.terugblik:
        files.setdefault(item.bestand, []).append(item)
    for name, items in files.items():
        lines += ["", f"### {escape(name) or '—'}", ""]
        lines += [line for item in items for line in _item(item)]
    return lines
