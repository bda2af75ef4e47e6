"""`dialoogspel export SESSIE [--uit MAP]`: the outcome file again, from a saved session."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dialoogspel.cli import main
from dialoogspel.model import Mode
from dialoogspel.outcome import read_outcome
from dialoogspel.sessions import SessionStore
from tests.outcome_sessions import played

NAME = "_uitval_klas-3b-verzorgende-ig.md"


@pytest.fixture
def store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> SessionStore:
    """A data folder of our own with one saved, played session (code a1b2c3d4e5f6)."""
    monkeypatch.setenv("DIALOOGSPEL_HOME", str(tmp_path / "home"))
    store = SessionStore()
    store.save(played(Mode.PIONNEN))
    return store


def _export(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["export", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout, result.stderr


def test_export_writes_the_outcome_but_only_the_team_marks_the_session_finished(
    store: SessionStore, tmp_path: Path
) -> None:
    code, out, err = _export("a1b2", "--uit", str(tmp_path))
    session = store.load("a1b2c3d4e5f6")
    written = tmp_path / (session.created.date().isoformat() + NAME)
    assert (code, err) == (0, "")
    assert out == f"De uitkomst staat in {written}.\n"
    assert read_outcome(written.read_text(encoding="utf-8")).front_matter["sessie"] == session.id
    assert session.exported == [str(written)]
    assert not store.list_sessions()[0].finished


def test_exporting_twice_keeps_one_file_per_session(store: SessionStore, tmp_path: Path) -> None:
    assert _export("a1b2c3d4e5f6", "--uit", str(tmp_path))[0] == 0
    assert _export("a1b2c3d4e5f6", "--uit", str(tmp_path))[0] == 0
    names = {p.name[10:] for p in tmp_path.glob("*.md")}
    assert names == {NAME}


def test_exporting_never_overwrites_a_file_someone_changed(
    store: SessionStore, tmp_path: Path
) -> None:
    assert _export("a1b2c3d4e5f6", "--uit", str(tmp_path))[0] == 0
    [written] = tmp_path.glob("*.md")
    written.write_text("Mijn eigen aantekeningen\n", encoding="utf-8")
    code, out, _ = _export("a1b2c3d4e5f6", "--uit", str(tmp_path))
    assert code == 0 and NAME.replace(".md", "-2.md") in out
    assert written.read_text(encoding="utf-8") == "Mijn eigen aantekeningen\n"
    names = {p.name[10:] for p in tmp_path.glob("*.md")}
    assert names == {NAME, NAME.replace(".md", "-2.md")}


def test_export_refuses_a_session_that_is_open_in_another_window(
    store: SessionStore, tmp_path: Path
) -> None:
    from dialoogspel.locks import SessionLock

    with SessionLock.acquire(store.home, "a1b2c3d4e5f6"):
        code, out, err = _export("a1b2", "--uit", str(tmp_path))
    assert (code, out) == (1, "")
    assert "al open in een ander venster" in err
    assert not list(tmp_path.glob("*.md"))


def test_export_defaults_to_the_current_folder(
    store: SessionStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "hier").mkdir()
    monkeypatch.chdir(tmp_path / "hier")
    assert _export("a1b")[0] == 0
    assert [p.name[10:] for p in (tmp_path / "hier").glob("*.md")] == [NAME]


def test_an_unknown_session_exits_1_with_a_dutch_message(store: SessionStore) -> None:
    code, out, err = _export("zzz")
    assert (code, out) == (1, "")
    assert err == "Er is geen opgeslagen spel met code 'zzz'.\n"


def test_an_ambiguous_prefix_asks_for_more_characters(store: SessionStore) -> None:
    other = played(Mode.SAMEN)
    other.id = "a1b2ffffffff"
    store.save(other)
    code, _, err = _export("a1b2")
    assert code == 1 and "past bij meer spellen" in err and "Typ meer tekens." in err


def test_an_unreachable_folder_exits_1_and_says_where_the_copy_is(
    store: SessionStore, tmp_path: Path
) -> None:
    folder = tmp_path / "share" / "weg"
    code, out, err = _export("a1b2", "--uit", str(folder))
    copies = list((store.home / "uitkomsten").glob("*.md"))
    assert (code, out, len(copies)) == (1, "", 1)
    assert err == (
        f"De map {folder} bestaat niet (meer). "
        f"Een kopie staat in {copies[0]}. Kies een andere map.\n"
        "Een andere map kiezen: dialoogspel export SESSIE --uit MAP\n"
    )
    assert not store.list_sessions()[0].finished


def test_export_help_is_dutch() -> None:
    result = CliRunner().invoke(main, ["export", "--help"])
    assert "Schrijf de uitkomst (Markdown) opnieuw" in result.output
    assert "--uit" in result.output and "SESSIE" in result.output


@pytest.fixture
def risky(store: SessionStore) -> SessionStore:
    """The saved session with a note that holds a BSN."""
    session = store.load("a1b2c3d4e5f6")
    session.add_note("BSN 123456782 [bold]x[/bold] \x1b]0;x\x07", session.cards[0].key)
    store.save(session)
    return store


def test_without_a_terminal_a_finding_is_refused_with_the_way_to_write_anyway(
    risky: SessionStore, tmp_path: Path
) -> None:
    code, out, err = _export("a1b2", "--uit", str(tmp_path))
    assert code == 1 and out == "" and list(tmp_path.glob("*.md")) == []
    assert "Staan hier gegevens van een student?" in err
    assert "In notitie 2 bij U01 staat iets dat op een BSN lijkt: 123456782." in err
    assert "--toch-opslaan" in err and "dialoogspel resume a1b2c3d4e5f6" in err
    assert "\x1b" not in err and "\x07" not in err


def test_toch_opslaan_writes_and_is_remembered(risky: SessionStore, tmp_path: Path) -> None:
    code, out, err = _export("a1b2", "--uit", str(tmp_path), "--toch-opslaan")
    assert (code, err) == (0, "") and out.startswith("De uitkomst staat in ")
    assert len(list(tmp_path.glob("*.md"))) == 1
    assert risky.load("a1b2c3d4e5f6").privacy_allowed
    assert _export("a1b2", "--uit", str(tmp_path))[0] == 0, "not asked again"


@pytest.mark.parametrize(("answer", "code", "files"), [("j\n", 0, 1), ("n\n", 1, 0), ("\n", 1, 0)])
def test_on_a_terminal_export_asks_j_or_n(
    risky: SessionStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
    code: int,
    files: int,
) -> None:
    from dialoogspel import exportcli

    monkeypatch.setattr(exportcli, "_stdin_is_terminal", lambda: True)
    result = CliRunner().invoke(main, ["export", "a1b2", "--uit", str(tmp_path)], input=answer)
    assert result.exit_code == code
    assert "Toch naar de map schrijven? Typ j voor ja, n voor nee" in result.stderr
    assert len(list(tmp_path.glob("*.md"))) == files


def test_a_clean_session_is_never_asked(store: SessionStore, tmp_path: Path) -> None:
    code, _, err = _export("a1b2", "--uit", str(tmp_path))
    assert code == 0 and "gegevens van een student" not in err
