"""The board in words, for the afspraken screen: every card under its quadrant, with notes and
how the pawns stood on a card the team had to discuss (the words come from `present`)."""

from __future__ import annotations

from rich.console import Group
from rich.padding import Padding
from rich.text import Text

from dialoogspel.model import Session
from dialoogspel.present import board_groups
from dialoogspel.present.board import NO_CARDS
from dialoogspel.tui.glyphs import Glyphs
from dialoogspel.tui.widgets.card import theme_colour


def board_in_words(session: Session, glyphs: Glyphs) -> Group:
    """Quadrants (urgent first), notes, contested pawns, then the parked and open cards."""
    lines: list[Text | Padding] = []
    for group in board_groups(session, "->" if glyphs.plain else "→"):
        title = Text(group.heading, "bold")
        if not group.cards:
            title.append(f": {NO_CARDS}", "italic")
        lines.append(title)
        for card in group.cards:
            colour = theme_colour(session.card(card.key).deck.colour).hex
            line = Text(card.label, f"bold {colour}")
            line.append(f" {card.question}")
            if card.status:
                line.append(f" ({card.status})", "italic")
            lines.append(Padding(line, (0, 0, 0, 2)))
            bullet = glyphs.bullet
            lines += [Padding(Text(f"{bullet} {d}"), (0, 0, 0, 4)) for d in card.details]
    return Group(*lines)
