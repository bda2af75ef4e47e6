"""The board in words, for the afspraken screen: every card under its quadrant, with notes and
how the pawns stood on a card the team had to discuss."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.padding import Padding
from rich.text import Text

from dialoogspel.model import Mode, Quadrant, Session, SessionCard
from dialoogspel.tui.glyphs import Glyphs
from dialoogspel.tui.widgets.card import theme_colour


def board_in_words(session: Session, glyphs: Glyphs) -> Group:
    """Quadrants (urgent first), notes, contested pawns, then the parked and open cards."""
    lines: list[Text | Padding] = []
    if session.mode is Mode.VRAGEN:
        waiting = {card.key for card in session.open_cards()}
        seen = [card for card in session.cards if card.key not in waiting]
        lines += _card_group(session, glyphs, "Besproken vragen", seen)
    else:
        for quadrant in Quadrant:
            heading = f"{quadrant.value} {quadrant.label}"
            lines += _card_group(session, glyphs, heading, session.cards_in(quadrant))
    lines += _card_group(session, glyphs, "Geparkeerd / niet besproken", session.open_cards())
    return Group(*lines)


def _card_group(
    session: Session, glyphs: Glyphs, heading: str, cards: Sequence[SessionCard]
) -> list[Text | Padding]:
    """A heading and its cards; wrapped lines hang under their own indent."""
    title = Text(heading, "bold")
    if not cards:
        title.append(": geen kaarten", "italic")
    lines: list[Text | Padding] = [title]
    for card in cards:
        state = session.states[card.key]
        line = Text(session.card_label(card.key), f"bold {theme_colour(card.deck.colour).hex}")
        line.append(f" {card.card.question}")
        if state.parked:
            line.append(" (geparkeerd)", "italic")
        elif not session.is_settled(card.key):
            line.append(" (nog niet gelegd)" if state.visited else " (niet besproken)", "italic")
        lines.append(Padding(line, (0, 0, 0, 2)))
        details = [f"notitie: {note}" for note in state.notes]
        if session.is_contested(card.key):
            details.insert(0, f"pionnen: {pawn_line(session, card.key, glyphs)}")
        lines += [Padding(Text(f"{glyphs.bullet} {d}"), (0, 0, 0, 4)) for d in details]
    return lines


def pawn_line(session: Session, key: str, glyphs: Glyphs) -> str:
    """How the pawns stood on a contested card, e.g. "A→1, H→3; besproken → 1"."""
    state = session.states[key]
    arrow = "->" if glyphs.plain else "→"
    placed = [p for p in session.participants if p.letter in state.pawns]
    line = ", ".join(f"{p.letter}{arrow}{state.pawns[p.letter].value}" for p in placed)
    if state.final is not None:
        line += f"; besproken {arrow} {state.final.value}"
    return line
