"""The key registries (`present.keys`, `present.dialogkeys`; pure) as Textual bindings."""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding, BindingType

from dialoogspel.present.dialogkeys import (
    AGREEMENT_KEYS,
    CARD_PICK_KEYS,
    CONFIRM_KEYS,
    FOLDER_KEYS,
    NOTE_KEYS,
    NOTES_KEYS,
    TERUGBLIK_CHOICE_KEYS,
    TERUGBLIK_KEYS,
)
from dialoogspel.present.keys import (
    AFSPRAKEN_KEYS,
    APP_KEYS,
    BOARD_KEYS,
    HELP,
    HELP_F1,
    HELP_SCREEN_KEYS,
    PLAY_KEYS,
    SETUP_KEYS,
    KeyAction,
    key_text,
)

__all__ = [
    "AFSPRAKEN_KEYS",
    "AGREEMENT_KEYS",
    "APP_KEYS",
    "BOARD_KEYS",
    "CARD_PICK_KEYS",
    "CONFIRM_KEYS",
    "FOLDER_KEYS",
    "HELP",
    "HELP_F1",
    "HELP_SCREEN_KEYS",
    "NOTES_KEYS",
    "NOTE_KEYS",
    "PLAY_KEYS",
    "SETUP_KEYS",
    "TERUGBLIK_CHOICE_KEYS",
    "TERUGBLIK_KEYS",
    "KeyAction",
    "bindings",
    "key_text",
]


def bindings(actions: Sequence[KeyAction]) -> list[BindingType]:
    """Textual bindings for a screen, made from its registry."""
    return [
        Binding(
            a.keys,
            a.action,
            a.label,
            show=a.footer,
            key_display=a.display,
            priority=a.priority,
        )
        for a in actions
    ]
