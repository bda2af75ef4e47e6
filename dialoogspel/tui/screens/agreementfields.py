"""The agreement form's pieces: the kind choice, the card choice's lines, the uitzoek fields."""

from __future__ import annotations

from dialoogspel.model import AgreementKind, Quadrant, Session
from dialoogspel.present.board import KIND_EXPLANATIONS
from dialoogspel.tui.glyphs import Glyphs
from dialoogspel.tui.widgets.choice import ChoiceSet

KIND_ORDER = (AgreementKind.AAN_DE_SLAG, AgreementKind.UITZOEKEN)
"""The order of the two choices on screen."""
UITZOEK_FIELDS = (
    ("vermoeden", "Vermoeden", "wat denken jullie dat eruit komt? (mag leeg)"),
    ("bron", "Bron", "welke databron vertelt het? (mag leeg)"),
)
"""The optional fields of an uitzoek-afspraak: id, label, placeholder."""
QUESTION_WIDTH = 45
"""How much of a card's question fits in the card choice at 80 columns."""


def default_kind(session: Session, card_key: str | None) -> AgreementKind:
    """Aan de slag for a card lying in Belangrijk & urgent, otherwise uitzoeken."""
    if card_key is not None and card_key in session.states:
        state = session.states[card_key]
        if state.final is Quadrant.BELANGRIJK_URGENT and not state.parked:
            return AgreementKind.AAN_DE_SLAG
    return AgreementKind.UITZOEKEN


def card_choice(session: Session, key: str, glyphs: Glyphs) -> str:
    """How a card reads in the card choice: "U03 — Welke studenten …"."""
    card = session.card(key).card
    dash, more = (" - " if glyphs.plain else " — "), glyphs.ellipsis
    question = card.question
    if len(question) > QUESTION_WIDTH:
        question = question[: QUESTION_WIDTH - len(more)].rstrip() + more
    return f"{card.id}{dash}{question}"


class KindChoice(ChoiceSet):
    """The two kinds, in KIND_ORDER; the arrow keys choose straight away."""

    def __init__(self, chosen: AgreementKind, plain: bool, *, id: str) -> None:
        buttons = (KIND_EXPLANATIONS[k] for k in KIND_ORDER)
        super().__init__(
            *buttons, chosen=KIND_ORDER.index(chosen), id=id, compact=True, plain=plain
        )

    def choose(self, kind: AgreementKind) -> None:
        """Switch a kind on (the other goes off)."""
        self.choose_index(KIND_ORDER.index(kind))

    @property
    def kind(self) -> AgreementKind | None:
        """The kind that is on."""
        return KIND_ORDER[self.pressed_index] if self.pressed_index >= 0 else None
