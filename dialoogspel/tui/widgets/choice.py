"""A radio set for forms: the arrow keys choose straight away, as radio buttons do in most forms."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.widgets import RadioButton, RadioSet


class ChoiceButton(RadioButton):
    """A radio button whose mark says on or off without colour: (*) and ( ) in ASCII mode."""

    def __init__(self, label: str, plain: bool = False) -> None:
        super().__init__(Content(label))  # a label is text, never markup
        self.plain = plain
        """Draw with ASCII only."""
        if plain:
            self.BUTTON_LEFT, self.BUTTON_RIGHT = "(", ")"

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """One line, or as many as the label needs where it wraps (ASCII mode: no "…")."""
        if self.styles.text_wrap == "nowrap":
            return 1
        return len(self.render().wrap(width))

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        if self.plain:
            return "*" if self.value else " "
        return "●" if self.value else "○"


class ChoiceSet(RadioSet):
    """A RadioSet whose arrow keys choose at once, instead of only moving the highlight."""

    BINDINGS = [
        Binding("down,right", "choose(1)", show=False),
        Binding("up,left", "choose(-1)", show=False),
    ]

    def __init__(
        self,
        *buttons: str | RadioButton,
        chosen: int,
        id: str | None = None,
        compact: bool = False,
        plain: bool = False,
    ) -> None:
        made = (ChoiceButton(b, plain) if isinstance(b, str) else b for b in buttons)
        super().__init__(*made, id=id, compact=compact)
        self.chosen_at_start = chosen
        """Index of the option that is on when the form opens."""

    def on_mount(self) -> None:
        # Switched on after mount, so the highlight starts on the chosen option too.
        self.choose_index(self.chosen_at_start)

    def choose_index(self, index: int) -> None:
        """Switch the option at `index` on (the one that was on goes off)."""
        self.query(RadioButton)[index].value = True

    def action_choose(self, step: int) -> None:
        """Arrow keys: move to the next or previous option and choose it."""
        if step > 0:
            self.action_next_button()
        else:
            self.action_previous_button()
        self.action_toggle_button()
