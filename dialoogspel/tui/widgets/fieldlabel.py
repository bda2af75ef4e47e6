"""A form field's name that shows where the focus is without colour: "> " and reversed."""

from __future__ import annotations

from textual.widgets import Label


class FieldLabel(Label):
    """A field's name; "> " in front while its field has focus (reads without colour too)."""

    MARK = "> "

    def __init__(self, name: str) -> None:
        super().__init__(f"  {name}", classes="field-label", markup=False)
        self.field_name = name
        """The name without the focus mark."""

    def mark(self, focused: bool) -> None:
        """Show or hide the focus mark."""
        self.update(f"{self.MARK if focused else '  '}{self.field_name}")
        self.set_class(focused, "-focus")
