"""The card, the prompt and the board as lines to print, built from `present`'s sentences."""

from __future__ import annotations

from collections.abc import Sequence

from dialoogspel.line.console import Console
from dialoogspel.model import Participant, Quadrant, Session
from dialoogspel.present import (
    LINE_KEYS,
    board_groups,
    data_source_hint,
    plain,
    prompt_sentences,
    top_line,
)
from dialoogspel.present.board import NO_CARDS


def card_lines(session: Session) -> list[str]:
    """Where the team is, the question, the data-source hint and the notes on the card."""
    card = session.current
    state = session.current_state
    theme, position, *rest = top_line(session)
    done = [part for part in rest if part.endswith("klaar")]
    where = ", ".join([position.capitalize(), *done])
    lines = [
        f"{where}. {theme}, kaart {session.card_label(card.key)}.",
        f"Vraag: {card.card.question}",
        # "(d)" alone is read as the word "de"
        data_source_hint(len(card.card.data_sources), f"typ {LINE_KEYS.flip}") + ".",
    ]
    lines += [f"Notitie: {note}" for note in state.notes]
    return lines


def prompt_lines(session: Session) -> list[str]:
    """What the team must do now, with pawns said by name and role.

    Who stands where is said per quadrant as "Vak 1: slb'er (Anna)." rather than the screen's
    "1: slb'er | 3: docent": read aloud, a bare number and a bar say nothing.
    """
    prompt = session.prompt
    lines = [plain(sentence) for sentence in prompt_sentences(prompt, LINE_KEYS)]
    if prompt.positions:  # the second line says who stands where (see prompt_sentences)
        lines[1] = positions_line(prompt.positions, prompt.passed)
    return lines


def positions_line(
    positions: Sequence[tuple[Quadrant, Sequence[Participant]]],
    passed: Sequence[Participant] = (),
) -> str:
    """Who stands where, per quadrant: "Vak 1: slb'er (Anna). Vak 3: docent (Bram)", then
    "Weet ik niet: teammanager (Chris)."."""
    groups = [(f"Vak {quadrant.value}", people) for quadrant, people in positions]
    if passed:
        groups.append(("Weet ik niet", passed))
    return " ".join(
        f"{mark}: {', '.join(f'{p.role} ({p.name})' for p in people)}." for mark, people in groups
    )


def say_prompt(console: Console, session: Session) -> None:
    """Say what the team must do now."""
    console.say(*prompt_lines(session))


def _count(number: int) -> str:
    return "1 kaart" if number == 1 else f"{number} kaarten"


def board_lines(session: Session) -> list[str]:
    """The board in words: per quadrant its cards, notes and how contested pawns stood."""
    lines = [f"Het bord: {session.settled_count} van {_count(len(session.cards))} klaar."]
    for group in board_groups(session, arrow=""):
        if not group.cards:
            lines.append(f"{group.heading}: {NO_CARDS}.")
            continue
        lines.append(f"{group.heading}: {_count(len(group.cards))}.")
        for card in group.cards:
            status = f" ({card.status})" if card.status else ""
            lines.append(f"  {card.label}: {card.question}{status}")
            lines += [f"    {detail}" for detail in card.details]
    return lines
