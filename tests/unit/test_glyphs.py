"""ASCII drawing: asked for, switched off, or chosen by itself on the old Windows console."""

from __future__ import annotations

import pytest

from dialoogspel.tui.glyphs import ASCII, UNICODE, ascii_wanted, choose_glyphs

OLD_CONSOLE: dict[str, str] = {}
WINDOWS_TERMINAL = {"WT_SESSION": "3f1c-…"}


def test_the_old_windows_console_gets_ascii_by_itself() -> None:
    assert ascii_wanted(False, "win32", OLD_CONSOLE)
    assert choose_glyphs(False, "win32", OLD_CONSOLE) is ASCII


def test_windows_terminal_and_other_systems_keep_their_characters() -> None:
    assert not ascii_wanted(False, "win32", WINDOWS_TERMINAL)
    assert not ascii_wanted(False, "linux", OLD_CONSOLE)
    assert not ascii_wanted(False, "darwin", OLD_CONSOLE)
    assert choose_glyphs(False, "linux", OLD_CONSOLE) is UNICODE


def test_an_empty_wt_session_is_not_windows_terminal() -> None:
    assert ascii_wanted(False, "win32", {"WT_SESSION": ""})


@pytest.mark.parametrize("value", ["0", "nee", "NO", " false ", "uit"])
def test_dialoogspel_ascii_0_turns_the_windows_default_off(value: str) -> None:
    assert not ascii_wanted(False, "win32", {"DIALOOGSPEL_ASCII": value})


@pytest.mark.parametrize("value", ["1", "ja", "yes"])
def test_dialoogspel_ascii_1_turns_it_on_everywhere(value: str) -> None:
    assert ascii_wanted(False, "linux", {"DIALOOGSPEL_ASCII": value})
    assert ascii_wanted(False, "win32", {"DIALOOGSPEL_ASCII": value, "WT_SESSION": "x"})


def test_the_ascii_switch_wins_over_the_environment() -> None:
    assert ascii_wanted(True, "linux", {"DIALOOGSPEL_ASCII": "0"})
    assert ascii_wanted(True, "win32", WINDOWS_TERMINAL)


def test_an_empty_variable_leaves_the_choice_to_the_console() -> None:
    assert ascii_wanted(False, "win32", {"DIALOOGSPEL_ASCII": " "})
    assert not ascii_wanted(False, "linux", {"DIALOOGSPEL_ASCII": ""})


def test_ascii_text_keeps_dutch_letters_and_replaces_symbols() -> None:
    assert ASCII.text("Vóór één → ‘kaart’ — klaar…") == "Vóór één -> ‘kaart’ - klaar..."
