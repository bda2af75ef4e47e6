"""The outcome writer of format 1 (before `formaat: 2`), kept to make old files for the tests.

A copy of the old `dialoogspel/outcome.py` (render only), so the tests can check that files
teams already have on their shares stay readable.

Old docstring: a session as the Markdown outcome file a team keeps.

The file opens with YAML front matter (machine-readable setup), then the agreements as task lists
and the board (or, in vragen mode, the discussed questions). All user text is escaped so that no
casus, note or name can add or break a heading, list, link or HTML; `read_outcome` undoes that.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from datetime import date
from typing import Any

import yaml

from dialoogspel.model import (
    Agreement,
    AgreementKind,
    Mode,
    Quadrant,
    Session,
    SessionCard,
    Settlement,
    describe_deadline,
)

# -- escaping ---------------------------------------------------------------------------------

_ALWAYS = "`*[]<|~#"
"""Escaped wherever they stand: code spans, emphasis, links, raw HTML, table cells, strike, #."""
_LINE_START = re.compile(r"^(?:[-+=>]|\d+(?=[.)]))")
"""At the start of a list item these would begin a nested list, quote, heading underline or rule."""
_FOLD = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
SEPARATOR = " — "
"""Between the parts of a line; an em dash in user text becomes &mdash; so parts split cleanly."""


from dialoogspel.textsafe import clean_text  # noqa: E402


@functools.lru_cache(maxsize=4)
def _inline(also: str) -> re.Pattern[str]:
    """What to escape anywhere in a line (one regex, so long outcomes render fast)."""
    return re.compile(
        "[" + re.escape(_ALWAYS + also) + "—]"
        r"|\\(?=[!-/:-@\[-`{-~—]|\Z)"  # a backslash that would escape what follows it
        r"|_(?![^\W_])|(?<![^\W_])_"  # an underscore not inside a word (snake_case stays)
        r"|&(?=#?[A-Za-z0-9]+;)"  # an ampersand that would start an entity
    )


def _escape_one(match: re.Match[str]) -> str:
    char = match.group()
    return "&mdash;" if char == "—" else "\\" + char


@functools.lru_cache(maxsize=2048)  # names, letters and sources repeat on every card
def escape(text: str, also: str = "") -> str:
    """User text made inert for Markdown, still readable raw: only what could change structure is
    backslash-escaped (plus the characters in `also`, e.g. ")" inside parentheses)."""
    text = _inline(also).sub(_escape_one, clean_text(text))
    start = _LINE_START.match(text)
    if start is None:
        return text
    cut = start.end() if start.group()[0].isdigit() else 0  # "1." → "1\.", "- x" → "\- x"
    return text[:cut] + "\\" + text[cut:]


_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])|&mdash;")


def unescape(text: str) -> str:
    """The inverse of `escape` (for text that went through `clean_text`)."""
    return _UNESCAPE.sub(lambda m: m.group(1) or "—", text)


def _strong(text: str) -> str:
    """Bold user text; empty text shows as a dash so the bold markers never touch."""
    return f"**{escape(text) or '—'}**"


# -- rendering --------------------------------------------------------------------------------

NO_CARDS = "_Geen kaarten._"
NO_AGREEMENTS = "_Geen afspraken._"
PILE_HEADING = "Geparkeerd / niet besproken"
UNVISITED_HEADING = "Niet besproken"


class _FrontMatterDumper(yaml.SafeDumper):
    """safe_dump, but text with line breaks is double-quoted so no raw line can read as `---`."""


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    multiline = any(char in text for char in "\n\r\x85\u2028\u2029")
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"' if multiline else None)


_FrontMatterDumper.add_representer(str, _represent_text)


def front_matter(session: Session, day: date) -> dict[str, Any]:
    """The machine-readable head of the outcome, keys in the documented order."""
    setup = session.setup
    return {
        "spel": "dialoogspel",
        "datum": day,
        "casus": setup.casus,
        "niveau": setup.niveau,
        "thema": [deck.theme for deck in setup.decks],
        "modus": setup.mode.value,
        "deelnemers": [{"naam": p.name, "rol": p.role} for p in setup.participants],
        "verdekt": setup.hidden_voting,
        "sessie": session.id,
    }


def render(session: Session, day: date) -> str:
    """The whole outcome file as Markdown text (SPEC section 6)."""
    head = yaml.dump(
        front_matter(session, day),
        Dumper=_FrontMatterDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=None,
        width=2**31 - 1,
    )
    lines = ["---", *head.splitlines(), "---", _title(session), "", *_intro(session, day)]
    labels = card_labels(session)
    lines += ["", "## Afspraken", *_agreements(session, labels)]
    lines += (_questions if session.mode is Mode.VRAGEN else _board)(session, labels)
    return "\n".join(lines) + "\n"


def _title(session: Session) -> str:
    themes = ", ".join(filter(None, (escape(deck.theme) for deck in session.setup.decks)))
    parts = ["Dialoogspel", themes, escape(session.setup.casus)]
    return "# " + SEPARATOR.join(part for part in parts if part)


def _intro(session: Session, day: date) -> list[str]:
    """Niveau, mode, date and who was there, so the file reads on its own."""
    setup = session.setup
    mode = setup.mode.value + (" (verdekt stemmen)" if setup.hidden_voting else "")
    niveau = escape(setup.niveau) or "—"
    lines = [f"Niveau: {niveau} · modus: {mode} · {describe_deadline(day)}"]
    people = [(escape(p.name) or "—") + _role(p.role) for p in setup.participants]
    if setup.mode is Mode.PIONNEN:
        letters = [escape(p.letter) for p in setup.participants]
        pawns = [f"{letter} = {person}" for letter, person in zip(letters, people, strict=True)]
        lines += ["", "Pionnen: " + ", ".join(pawns)]
    elif people:
        lines += ["", "Deelnemers: " + ", ".join(people)]
    return lines


def _role(role: str) -> str:
    """` (role)` after a name, or nothing when the role is empty."""
    text = escape(role, also=")")
    return f" ({text})" if text else ""


def card_labels(session: Session) -> dict[str, str]:
    """Per card key, how the outcome names the card: its id, or deck:id when two decks share it."""
    counts = Counter(card.card.id for card in session.cards)
    return {c.key: c.key if counts[c.card.id] > 1 else c.card.id for c in session.cards}


def card_label(session: Session, key: str) -> str:
    """How the outcome names one card (see card_labels)."""
    return card_labels(session).get(key, key.rpartition(":")[2])


def agreement_line(
    session: Session, agreement: Agreement, labels: dict[str, str] | None = None
) -> str:
    """`- [ ] **Who** (role): what — vóór YYYY-MM-DD — kaart U03`."""
    who = agreement.who.strip().casefold()
    person = next((p for p in session.participants if p.name.casefold() == who), None)
    role = _role(person.role) if person else ""
    parts = [f"- [ ] {_strong(agreement.who)}{role}: {escape(agreement.what) or '—'}"]
    if agreement.deadline:
        parts.append(f"vóór {agreement.deadline.isoformat()}")
    if agreement.card_key:
        key = agreement.card_key
        label = labels.get(key) if labels is not None else None
        parts.append(f"kaart {escape(label or card_label(session, key))}")
    return SEPARATOR.join(parts)


def _agreements(session: Session, labels: dict[str, str]) -> list[str]:
    lines: list[str] = []
    for kind in AgreementKind:
        items = [agreement_line(session, a, labels) for a in session.agreements if a.kind is kind]
        lines += ["", f"### {kind.label}", "", *(items or [NO_AGREEMENTS])]
    return lines


def _how(session: Session, card: SessionCard, *, in_pile: bool) -> str:
    """How the card got where it is: pawns per letter, then agreed / discussed / together."""
    state = session.states[card.key]
    parts: list[str] = []
    if session.mode is Mode.PIONNEN and state.pawns:
        if session.pawns_revealed(card.key):
            placed = [p for p in session.participants if p.letter in state.pawns]
            pawns = (f"{escape(p.letter)}→{int(state.pawns[p.letter])}" for p in placed)
            parts.append("pionnen: " + ", ".join(pawns))
        else:
            total = len(session.participants)
            parts.append(f"pionnen: {len(state.pawns)} van {total} gekozen (verdekt)")
    if state.final is not None:
        where = f" → {int(state.final)}"
        if state.settled_by is Settlement.DISCUSSED:
            parts.append("besproken" + where)
        elif state.settled_by is Settlement.AGREED:
            parts.append("eens" + (where if in_pile else ""))
        else:
            parts.append("samen gelegd" + (where if in_pile else ""))
    if state.parked:
        parts.append("geparkeerd")
    if not parts:
        parts.append("nog niet gelegd" if state.visited else "niet besproken")
    return "; ".join(parts)


def _card_lines(
    session: Session,
    labels: dict[str, str],
    card: SessionCard,
    tail: str = "",
    sources: bool = False,
) -> list[str]:
    """One card as a list item, with nested data sources (vragen) and notes."""
    head = f"- {_strong(labels[card.key])}{SEPARATOR}{escape(card.card.question)}"
    lines = [head + (SEPARATOR + tail if tail else "")]
    if sources and card.card.data_sources:
        lines.append("  - databronnen:")
        for source in card.card.data_sources:
            text = escape(source.name) or "—"
            if clean_text(source.explanation):
                text += SEPARATOR + escape(source.explanation)
            lines.append(f"    - {text}")
    notes = (escape(note) for note in session.states[card.key].notes)
    lines += [f"  - notitie: {note}" for note in notes if note]
    return lines


def _section(heading: str, items: list[list[str]]) -> list[str]:
    return ["", heading, "", *([line for item in items for line in item] or [NO_CARDS])]


def _board(session: Session, labels: dict[str, str]) -> list[str]:
    legend = " · ".join(f"{int(q)} = {q.label}" for q in Quadrant)
    lines = ["", "## Bord", "", f"Vakken: {legend}"]
    for quadrant in Quadrant:
        cards = session.cards_in(quadrant)
        items = [_card_lines(session, labels, c, _how(session, c, in_pile=False)) for c in cards]
        lines += _section(f"### {quadrant.label}", items)
    pile = [
        _card_lines(session, labels, c, _how(session, c, in_pile=True))
        for c in session.open_cards()
    ]
    return lines + _section(f"### {PILE_HEADING}", pile)


def _questions(session: Session, labels: dict[str, str]) -> list[str]:
    """Vragen mode: visited cards with sources and notes; the rest under "Niet besproken"."""
    done, rest = [], []
    for card in session.cards:
        state = session.states[card.key]
        if state.visited and not state.parked:
            done.append(_card_lines(session, labels, card, sources=True))
        else:
            rest.append(_card_lines(session, labels, card, "geparkeerd" if state.parked else ""))
    return _section("## Besproken vragen", done) + _section(f"### {UNVISITED_HEADING}", rest)
