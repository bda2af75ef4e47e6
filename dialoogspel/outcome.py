"""A session as the Markdown outcome file a team keeps, and that file read back (pure, no I/O).

The file opens with YAML front matter (machine-readable setup), then the agreements as task lists
and the board (or, in vragen mode, the discussed questions). All user text is escaped so that no
casus, note or name can add or break a heading, list, link or HTML; `read_outcome` undoes that.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
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


def clean_text(text: str) -> str:
    """User text as it appears in the outcome: line breaks, tabs and control characters become
    spaces (a note stays inside its list item), outer whitespace goes."""
    return (text if text.isprintable() else _FOLD.sub(" ", text)).strip()


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


# -- reading back -----------------------------------------------------------------------------


class OutcomeFormatError(ValueError):
    """An outcome file this version cannot read; the message is Dutch."""


@dataclass(frozen=True)
class OutcomeAgreement:
    """An agreement as read back from an outcome file."""

    kind: AgreementKind
    """Uitzoeken or aan de slag (from the heading it stands under)."""
    what: str
    """What will be done."""
    who: str
    """The owner."""
    role: str | None
    """The owner's role when the owner was a participant."""
    deadline: date | None
    """The agreed date, if any."""
    card_id: str | None
    """The card as shown in the file (its id, or deck:id when ids clash)."""
    done: bool
    """The team ticked the box."""


@dataclass(frozen=True)
class OutcomeData:
    """What a later session needs from an earlier outcome file."""

    front_matter: dict[str, Any]
    """The YAML head as loaded (datum is a date)."""
    agreements: tuple[OutcomeAgreement, ...]
    """All agreements in file order."""

    @property
    def open_agreements(self) -> tuple[OutcomeAgreement, ...]:
        """The agreements nobody ticked off yet (for opvolging)."""
        return tuple(a for a in self.agreements if not a.done)


_TASK = re.compile(r"^ {0,3}[-*+] +\[(?P<box>[ xX])\] +(?P<body>.*?)\s*$")
_BODY = re.compile(
    r"^\*\*(?P<who>(?:\\.|[^\\*])*)\*\*"
    r"(?: \((?P<role>(?:\\.|[^\\)])*)\))?: *(?P<rest>.*)$"
)
_DEADLINE = re.compile(r"^v(?:óó|oo)r (\d{4}-\d{2}-\d{2})$")
_CARD = re.compile(r"^kaart (.+)$")
_KINDS = {kind.label.casefold(): kind for kind in AgreementKind}


def read_outcome(text: str) -> OutcomeData:
    """Read an outcome file back: its front matter and agreements (ticked boxes count as done)."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    head: dict[str, Any] = {}
    if lines and lines[0].strip() == "---":
        try:
            end = next(i for i in range(1, len(lines)) if lines[i].rstrip() == "---")
        except StopIteration:
            raise OutcomeFormatError(
                "Het kopje bovenaan (tussen ---) is niet afgesloten."
            ) from None
        try:
            loaded = yaml.safe_load("\n".join(lines[1:end]))
        except yaml.YAMLError as error:
            raise OutcomeFormatError(
                f"Het kopje bovenaan is geen geldige YAML ({error})."
            ) from None
        if not isinstance(loaded, dict):
            raise OutcomeFormatError("Het kopje bovenaan bevat geen gegevens van een dialoogspel.")
        head, lines = loaded, lines[end + 1 :]
    return OutcomeData(front_matter=head, agreements=tuple(_read_agreements(lines)))


def _read_agreements(lines: list[str]) -> list[OutcomeAgreement]:
    found: list[OutcomeAgreement] = []
    in_section, kind = False, None
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("## "):
            in_section, kind = stripped[3:].strip().casefold() == "afspraken", None
        elif in_section and stripped.startswith("### "):
            kind = _KINDS.get(stripped[4:].strip().casefold())
        elif in_section and kind is not None:
            agreement = _read_agreement(line, kind)
            if agreement is not None:
                found.append(agreement)
    return found


def _read_agreement(line: str, kind: AgreementKind) -> OutcomeAgreement | None:
    task = _TASK.match(line)
    body = _BODY.match(task.group("body")) if task else None
    if task is None or body is None:
        return None
    what, *tail = body.group("rest").split(SEPARATOR)
    deadline, card_id, extra = None, None, []
    for part in tail:
        when, card = _DEADLINE.match(part), _CARD.match(part)
        if when and deadline is None:
            try:
                deadline = date.fromisoformat(when.group(1))
            except ValueError:
                extra.append(part)
        elif card and card_id is None:
            card_id = unescape(card.group(1))
        else:
            extra.append(part)  # a dash the team typed in an editor: keep it in the text
    what = SEPARATOR.join([what, *extra])
    role = body.group("role")
    return OutcomeAgreement(
        kind=kind,
        what="" if what == "—" else unescape(what),
        who="" if body.group("who") == "—" else unescape(body.group("who")),
        role=unescape(role) if role is not None else None,
        deadline=deadline,
        card_id=card_id,
        done=task.group("box") != " ",
    )
