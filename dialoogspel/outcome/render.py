"""A session as its outcome file: the record as YAML front matter, then a body people paste.

The body reads well raw and pasted into Teams, OneNote or Word: dates in words, pawns by name
and role ("Anna (slb'er) → 1"), the databronnen under every card it lists (in every mode), the
cards nobody discussed on one line, and escapes only where typed text would change structure.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

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
from dialoogspel.outcome import yamltext
from dialoogspel.outcome.lookback import terugblik_lines
from dialoogspel.outcome.markdown import SEPARATOR, escape, in_parentheses, strong
from dialoogspel.outcome.record import OutcomeRecord, record_of
from dialoogspel.textsafe import clean_text

NO_CARDS = "Geen kaarten."
NO_AGREEMENTS = "Geen afspraken."
PARKED_HEADING = "Geparkeerd"
UNDISCUSSED_HEADING = "Niet besproken"
QUESTIONS_HEADING = "Besproken vragen"
HOW_WORDS = {
    Settlement.AGREED: "eens",
    Settlement.DISCUSSED: "besproken",
    Settlement.JOINT: "samen gelegd",
}


def card_labels(session: Session) -> dict[str, str]:
    """Per card key, how the body names the card: its id, or deck:id when two decks share it."""
    counts = Counter(card.card.id for card in session.cards)
    return {c.key: c.key if counts[c.card.id] > 1 else c.card.id for c in session.cards}


def card_label(session: Session, key: str) -> str:
    """How the body names one card (see card_labels)."""
    return session.card_label(key)


def front_matter_text(record: OutcomeRecord) -> str:
    """The front matter between its `---` fences."""
    return "\n".join(["---", *yamltext.record_lines(record), "---"])


def render(session: Session, day: date) -> str:
    """The whole outcome file (SPEC section 6, format 2)."""
    body = _Body(session)
    lines = [front_matter_text(record_of(session, day)), body.title(), "", *body.intro(day)]
    lines += terugblik_lines(session)
    lines += ["", "## Afspraken", *body.agreements()]
    lines += body.questions() if session.mode is Mode.VRAGEN else body.board()
    return "\n".join(lines) + "\n"


class _Body:
    """The Markdown body of one session; names and labels are escaped once per render."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.labels = {key: escape(label) for key, label in card_labels(session).items()}
        self.people = {
            p.letter: (escape(p.name) or "—") + in_parentheses(p.role) for p in session.participants
        }

    def title(self) -> str:
        setup = self.session.setup
        themes = ", ".join(filter(None, (escape(deck.theme) for deck in setup.decks)))
        parts = ["Dialoogspel", themes, escape(setup.casus)]
        return "# " + SEPARATOR.join(part for part in parts if part)

    def intro(self, day: date) -> list[str]:
        """Niveau, mode, the date in words and who was there, so the file reads on its own."""
        setup = self.session.setup
        mode = setup.mode.value + (" (verdekt stemmen)" if setup.hidden_voting else "")
        niveau = escape(setup.niveau) or "—"
        lines = [f"Niveau: {niveau} · modus: {mode} · {describe_deadline(day)}"]
        if self.people:
            lines += ["", "Deelnemers: " + ", ".join(self.people.values())]
        return lines

    # -- agreements ---------------------------------------------------------------------------

    def agreement(self, agreement: Agreement) -> list[str]:
        """`- [ ] **Who** (role): what — vóór maandag 1 december 2026 — kaart U03`."""
        person = self.session.match_participant(agreement.who)
        role = in_parentheses(person.role) if person else ""
        parts = [f"- [ ] {strong(agreement.who)}{role}: {escape(agreement.what) or '—'}"]
        if agreement.deadline:
            parts.append(f"vóór {describe_deadline(agreement.deadline)}")
        if agreement.card_key:
            parts.append(f"kaart {self.labels.get(agreement.card_key) or '—'}")
        lines = [SEPARATOR.join(parts)]
        for word, value in (("vermoeden", agreement.vermoeden), ("bron", agreement.bron)):
            if value and clean_text(value):
                lines.append(f"  - {word}: {escape(value)}")
        return lines

    def agreements(self) -> list[str]:
        lines: list[str] = []
        for kind in AgreementKind:
            items = [self.agreement(a) for a in self.session.agreements if a.kind is kind]
            found = [line for item in items for line in item]
            lines += ["", f"### {kind.label}", "", *(found or [NO_AGREEMENTS])]
        return lines

    # -- cards --------------------------------------------------------------------------------

    def how(self, card: SessionCard) -> str:
        """Pawns by name and role, then how the card was settled, or that it was parked."""
        session = self.session
        state = session.states[card.key]
        parts: list[str] = []
        if state.pawns:
            if session.pawns_revealed(card.key):
                placed = [p for p in session.participants if p.letter in state.pawns]
                pawns = (f"{self.people[p.letter]} → {int(state.pawns[p.letter])}" for p in placed)
                parts.append(", ".join(pawns))
            else:
                total = len(session.participants)
                parts.append(f"{len(state.pawns)} van {total} pionnen gekozen (verdekt)")
        if state.final is not None and state.settled_by is not None:
            word = HOW_WORDS[state.settled_by]
            shows_place = state.parked or state.settled_by is Settlement.DISCUSSED
            parts.append(word + (f" → {int(state.final)}" if shows_place else ""))
        if state.parked:
            parts.append("geparkeerd")
        elif state.final is None and session.rules.has_board and (state.pawns or state.notes):
            parts.append("nog niet gelegd")
        return "; ".join(parts)

    def card(self, card: SessionCard, how: str = "") -> list[str]:
        """A card as a list item, with its databronnen and notes nested under it."""
        head = f"- {strong(self.labels[card.key])}{SEPARATOR}{escape(card.card.question) or '—'}"
        lines = [head + (SEPARATOR + how if how else "")]
        sources = [
            (escape(s.name) or "—") + in_parentheses(s.explanation) for s in card.card.data_sources
        ]
        if sources:
            lines.append("  - databronnen: " + "; ".join(sources))
        notes = (escape(note) for note in self.session.states[card.key].notes)
        lines += [f"  - notitie: {note}" for note in notes if note]
        return lines

    def section(self, heading: str, cards: list[SessionCard], with_how: bool = True) -> list[str]:
        items = [line for c in cards for line in self.card(c, self.how(c) if with_how else "")]
        return ["", heading, "", *(items or [NO_CARDS])]

    def rest(self, discussed: set[str]) -> list[str]:
        """Parked cards, then the ones nobody discussed: those with words as items, the
        others on one line of ids with a count."""
        session = self.session
        parked = list(session.parked_cards())
        lines = self.section(f"### {PARKED_HEADING}", parked)
        states = session.states
        waiting = [c for c in session.cards if c.key not in discussed and not states[c.key].parked]
        started = [c for c in waiting if states[c.key].notes or states[c.key].pawns]
        silent = [c for c in waiting if c not in started]
        lines += ["", f"### {UNDISCUSSED_HEADING}", ""]
        lines += [line for c in started for line in self.card(c, self.how(c))]
        if silent:
            count = f"{len(silent)} kaart" + ("en" if len(silent) != 1 else "")
            lines.append(", ".join(self.labels[c.key] or "—" for c in silent) + f" ({count})")
        elif not started:
            lines.append(NO_CARDS)
        return lines

    def board(self) -> list[str]:
        legend = " · ".join(f"{int(q)} = {q.label}" for q in Quadrant)
        lines = ["", "## Bord", "", f"Vakken: {legend}"]
        placed: set[str] = set()
        for quadrant in Quadrant:
            cards = list(self.session.cards_in(quadrant))
            placed.update(c.key for c in cards)
            lines += self.section(f"### {quadrant.label}", cards)
        return lines + self.rest(placed)

    def questions(self) -> list[str]:
        """Vragen: the seen cards with databronnen and notes; then parked and unseen ones."""
        states = self.session.states
        seen = [c for c in self.session.cards if states[c.key].visited and not states[c.key].parked]
        lines = self.section(f"## {QUESTIONS_HEADING}", seen, with_how=False)
        return lines + self.rest({c.key for c in seen})
