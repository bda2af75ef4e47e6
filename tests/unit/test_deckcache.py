"""The deck cache: the same result as reading the file, and never a stale or hidden deck."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

import dialoogspel.decks
from dialoogspel import deckcache
from dialoogspel.deckcache import load_deck_cached
from dialoogspel.decks import builtin_decks_dir, load_deck
from tests.unit.deckfiles import SMALL

WARNED = SMALL + "    niveaus: [klas, opleding]\n"
"""A valid deck with one warning (a near-miss niveau)."""


def forbid_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on any real parse fails the test: what loads must come from the cache."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the deck was parsed, not taken from the cache")

    monkeypatch.setattr(dialoogspel.decks, "parse_deck", refuse)


def write(folder: Path, text: str | bytes, name: str = "eigen.yaml") -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.json")) if cache.is_dir() else []


@pytest.mark.parametrize("path", sorted(builtin_decks_dir().glob("*.yaml")), ids=lambda p: p.stem)
def test_every_built_in_deck_comes_back_the_same(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = load_deck(path)
    first = load_deck_cached(path, tmp_path)
    assert first == fresh and len(entries(tmp_path)) == 1
    forbid_parsing(monkeypatch)
    cached = load_deck_cached(path, tmp_path)
    assert cached == fresh
    assert cached.deck is not None and fresh.deck is not None
    assert cached.deck.source == fresh.deck.source == str(path), "equality ignores source"


def test_warnings_come_back_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deck = write(tmp_path, WARNED)
    first = load_deck_cached(deck, tmp_path / "cache")
    assert first.ok and len(first.warnings) == 1
    forbid_parsing(monkeypatch)
    assert load_deck_cached(deck, tmp_path / "cache") == first


def test_an_edit_that_keeps_size_and_time_is_still_seen(tmp_path: Path) -> None:
    """Coarse file times (FAT, some shares) must not hide an edit: the text itself is compared."""
    deck = write(tmp_path, SMALL)
    cache = tmp_path / "cache"
    load_deck_cached(deck, cache)
    stat = deck.stat()
    write(tmp_path, SMALL.replace("Wat doen we?", "Wie doet wat"))
    os.utime(deck, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    result = load_deck_cached(deck, cache)
    assert result.deck is not None and result.deck.cards[0].question == "Wie doet wat"


def test_a_deck_with_errors_is_not_cached_and_its_errors_stay(tmp_path: Path) -> None:
    deck = write(tmp_path, SMALL.replace("vraag:", "vrag:"))
    cache = tmp_path / "cache"
    for _ in range(2):
        result = load_deck_cached(deck, cache)
        assert result.deck is None and result.errors == load_deck(deck).errors
    assert entries(cache) == []


def test_a_fixed_deck_is_read_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    deck = write(tmp_path, SMALL)
    assert load_deck_cached(deck, cache).ok
    write(tmp_path, SMALL.replace("vraag:", "vrag:"))
    assert not load_deck_cached(deck, cache).ok
    write(tmp_path, SMALL)
    assert load_deck_cached(deck, cache).ok


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{not json",
        b"[]",
        b'{"format": 1}',
        b"\xff\xfe\x00",
    ],
    ids=["empty", "broken", "list", "incomplete", "binary"],
)
def test_a_damaged_cache_file_is_a_miss_and_is_replaced(tmp_path: Path, damage: bytes) -> None:
    deck = write(tmp_path, SMALL)
    cache = tmp_path / "cache"
    load_deck_cached(deck, cache)
    [entry] = entries(cache)
    entry.write_bytes(damage)
    assert load_deck_cached(deck, cache) == load_deck(deck)
    assert json.loads(entry.read_text(encoding="utf-8"))["text"] == SMALL


def test_a_cached_deck_with_wrong_types_is_a_miss(tmp_path: Path) -> None:
    deck = write(tmp_path, SMALL)
    cache = tmp_path / "cache"
    load_deck_cached(deck, cache)
    [entry] = entries(cache)
    stored = json.loads(entry.read_text(encoding="utf-8"))
    stored["deck"]["cards"][0]["question"] = ["not", "a", "text"]
    entry.write_text(json.dumps(stored), encoding="utf-8")
    assert load_deck_cached(deck, cache) == load_deck(deck)


def test_a_new_version_or_changed_reading_code_reads_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deck = write(tmp_path, SMALL)
    cache = tmp_path / "cache"
    load_deck_cached(deck, cache)
    calls: list[str] = []
    real = dialoogspel.decks.parse_deck

    def counting(*args, **kwargs):
        calls.append("parse")
        return real(*args, **kwargs)

    monkeypatch.setattr(dialoogspel.decks, "parse_deck", counting)
    load_deck_cached(deck, cache)
    assert calls == []
    monkeypatch.setattr(deckcache, "__version__", "99.0")
    load_deck_cached(deck, cache)
    assert calls == ["parse"]
    monkeypatch.setattr(deckcache, "_code_stamp", lambda: (1, 2, 3))
    load_deck_cached(deck, cache)
    assert calls == ["parse", "parse"]


def test_the_reading_code_stamp_covers_the_deck_rules() -> None:
    """The checker holds the rules; editing it must make old entries stale."""
    checker = Path(dialoogspel.decks.__file__).parent / "checker.py"
    assert checker.stat().st_mtime_ns in deckcache._code_stamp()


def test_the_reading_code_stamp_covers_which_characters_are_refused() -> None:
    """`textsafe.is_refused` decides whether a deck is valid: a change must make entries stale."""
    textsafe = Path(dialoogspel.decks.__file__).parent.parent / "textsafe.py"
    assert textsafe.stat().st_mtime_ns in deckcache._code_stamp()


def test_an_unwritable_cache_only_costs_time(tmp_path: Path) -> None:
    deck = write(tmp_path, SMALL)
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the folder should be")
    assert load_deck_cached(deck, blocked) == load_deck(deck)
    assert load_deck_cached(deck, blocked / "deeper") == load_deck(deck)


def test_same_name_in_two_folders_gets_two_entries(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = write(tmp_path / "a", SMALL)
    second = write(tmp_path / "b", SMALL.replace("thema: Test", "thema: Anders"))
    cache = tmp_path / "cache"
    themes = [load_deck_cached(p, cache).deck.theme for p in (first, second, first, second)]
    assert themes == ["Test", "Anders", "Test", "Anders"]
    assert len(entries(cache)) == 2


@pytest.mark.parametrize(
    "content",
    [None, "folder", SMALL.replace("Wat doen we?", "café").encode("cp1252")],
    ids=["missing", "folder", "windows-1252"],
)
def test_unreadable_files_get_the_readers_own_message(
    tmp_path: Path, content: bytes | str | None
) -> None:
    deck = tmp_path / "eigen.yaml"
    if content == "folder":
        deck.mkdir()
    elif isinstance(content, bytes):
        deck.write_bytes(content)
    cache = tmp_path / "cache"
    assert load_deck_cached(deck, cache) == load_deck(deck)
    assert entries(cache) == []


@pytest.mark.skipif(sys.platform != "linux", reason="only Linux allows such file names")
def test_a_file_name_that_is_not_utf8_is_cached_too(tmp_path: Path) -> None:
    """Python shows the name with lone surrogates; writing the entry must not fail on them."""
    name = os.fsdecode(b"caf\xe9.yaml")
    try:
        deck = write(tmp_path, SMALL, name)
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses such names")
    cache = tmp_path / "cache"
    first = load_deck_cached(deck, cache)
    assert first.ok and first == load_deck(deck)
    assert len(entries(cache)) == 1
    assert load_deck_cached(deck, cache) == first
    [entry] = entries(cache)
    assert entry.name.isascii()  # the entry name is ASCII on every disk


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_a_fifo_or_dev_zero_in_a_deck_folder_does_not_hang(tmp_path: Path, kind: str) -> None:
    deck = tmp_path / "pijp.yaml"
    if kind == "fifo":
        os.mkfifo(deck)
    else:
        deck.symlink_to("/dev/zero")
    result = load_deck_cached(deck, tmp_path / "cache")
    assert result.deck is None and len(result.errors) == 1
    assert str(result.errors[0]).startswith(f"{deck}:1:1: Dit is geen gewoon bestand")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("kind", ["fifo", "zero", "huge"])
def test_a_cache_entry_that_is_no_small_file_is_a_miss(tmp_path: Path, kind: str) -> None:
    deck = write(tmp_path, SMALL)
    cache = tmp_path / "cache"
    load_deck_cached(deck, cache)
    [entry] = entries(cache)
    entry.unlink()
    if kind == "fifo":
        os.mkfifo(entry)
    elif kind == "zero":
        entry.symlink_to("/dev/zero")
    else:
        with entry.open("wb") as file:
            file.truncate(deckcache.MAX_ENTRY_BYTES + 1)
    assert load_deck_cached(deck, cache) == load_deck(deck)
    assert json.loads(entry.read_text(encoding="utf-8"))["text"] == SMALL  # replaced
