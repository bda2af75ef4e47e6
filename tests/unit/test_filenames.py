"""Outcome file names: safe on Windows, macOS, SMB shares and OneDrive, whatever the casus."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dialoogspel.model import Mode, Session
from dialoogspel.storage import MAX_NAME, outcome_filename, safe_filename, slugify
from tests.outcome_sessions import DAY, deck, setup

RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(\..*)?$", re.IGNORECASE)


def _name(casus: str, *themes: str) -> str:
    decks = tuple(deck(f"d{n}", theme) for n, theme in enumerate(themes or ("Uitval",)))
    return outcome_filename(Session(setup(Mode.SAMEN, casus=casus, decks=decks)), DAY)


def test_name_is_date_theme_and_casus() -> None:
    assert _name("Klas 3B Verzorgende IG") == "2026-11-22_uitval_klas-3b-verzorgende-ig.md"


def test_several_themes_are_joined_with_dashes() -> None:
    assert _name("3B", "Uitval", "Verzuim") == "2026-11-22_uitval-verzuim_3b.md"


@pytest.mark.parametrize(
    ("casus", "slug"),
    [
        ("Coördinatie & zorg: één team", "coordinatie-zorg-een-team"),
        ("Ĳsselcollege — Straße ø", "ijsselcollege-strasse-o"),
        ("Ça va?  Naïef!! ", "ca-va-naief"),
        ('a<b>c:d"e/f\\g|h?i*j', "a-b-c-d-e-f-g-h-i-j"),
        ("regel\nregel\ttab\x00nul", "regel-regel-tab-nul"),
    ],
)
def test_accents_are_transliterated_and_everything_else_becomes_a_dash(
    casus: str, slug: str
) -> None:
    assert _name(casus) == f"2026-11-22_uitval_{slug}.md"


@pytest.mark.parametrize("casus", ["😀🎉", "   ", "", "???", "日本語", "---"])
def test_a_casus_without_letters_falls_back(casus: str) -> None:
    assert _name(casus) == "2026-11-22_uitval_casus.md"


def test_a_theme_without_letters_falls_back() -> None:
    assert _name("3B", "🔥") == "2026-11-22_thema_3b.md"


def test_very_long_casus_is_cut_on_a_word() -> None:
    name = _name("Een hele lange casus over " + "verzuim en uitval " * 30, "Uitval", "Verzuim")
    assert len(name) <= MAX_NAME
    assert name.startswith("2026-11-22_uitval-verzuim_een-hele-lange-casus-over-verzuim")
    assert name.endswith(("verzuim.md", "uitval.md", "en.md"))


@pytest.mark.parametrize("casus", ["CON", "nul", "com1", "LPT9.txt", "aux.md", "desktop.ini"])
def test_reserved_names_as_casus_are_harmless(casus: str) -> None:
    name = _name(casus, casus)
    assert not RESERVED.match(name) and name.startswith("2026-11-22_")


@settings(max_examples=300, deadline=None)
@given(casus=st.text(), themes=st.lists(st.text(), min_size=1, max_size=3))
def test_any_casus_and_themes_give_a_safe_name(casus: str, themes: list[str]) -> None:
    name = _name(casus, *themes)
    assert re.fullmatch(r"2026-11-22_[a-z0-9-]+_[a-z0-9-]+\.md", name)
    assert len(name) <= MAX_NAME and "--" not in name and "_-" not in name and "-_" not in name


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("CON", "uitkomst-CON"),
        ("con.md", "uitkomst-con.md"),
        ("Nul.tar.gz", "uitkomst-Nul.tar.gz"),
        ("COM1", "uitkomst-COM1"),
        ("lpt9.md", "uitkomst-lpt9.md"),
        ("COM¹.md", "uitkomst-COM¹.md"),
        ("CONSOLE.md", "CONSOLE.md"),
        ("com10.md", "com10.md"),
        ('a<b>c:d"e/f\\g|h?i*j.md', "a-b-c-d-e-f-g-h-i-j.md"),
        ("tab\tnul\x00.md", "tab-nul-.md"),
        ("punt.", "punt"),
        ("spatie. . ", "spatie"),
        ("  voor.md", "voor.md"),
        ("~$bezig.md", "bezig.md"),
        ("x_vti_y.md", "x-vti-y.md"),
        ("x_VTI_y.md", "x-vti-y.md"),
        (".lock", "uitkomst-.lock"),
        ("Desktop.ini", "uitkomst-Desktop.ini"),
        ("", "uitkomst"),
        ("...", "uitkomst"),
    ],
)
def test_safe_filename_guards_any_name(name: str, safe: str) -> None:
    assert safe_filename(name) == safe


def test_safe_filename_keeps_the_extension_when_cutting() -> None:
    cut = safe_filename("x" * 300 + ".md")
    assert len(cut) == 150 and cut.endswith("x.md")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_safe_filename_never_returns_a_forbidden_name(name: str) -> None:
    safe = safe_filename(name)
    assert safe and not RESERVED.match(safe.split(".")[0].rstrip())
    assert not re.search(r'[<>:"/\\|?*\x00-\x1f]', safe)
    assert not safe.endswith((".", " ")) and not safe.startswith("~$")
    assert "_vti_" not in safe.lower() and safe.lower() not in {".lock", "desktop.ini"}


def test_slugify_is_empty_for_text_without_latin_letters_or_digits() -> None:
    assert slugify("😀 — 🎉") == ""
    assert slugify("a" * 10 + " " + "b" * 10, limit=12) == "a" * 10


def test_a_theme_called_vti_does_not_make_a_name_onedrive_refuses() -> None:
    assert _name("3B", "VTI") == "2026-11-22_thema-vti_3b.md"
