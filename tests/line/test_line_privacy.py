"""The privacy check in the plain-line face: the same question as numbered lines before the
outcome goes to the output folder; at the end of the input nothing goes there, and the
goodbye says where the outcome is and how to write it anyway."""

from __future__ import annotations

import io
from pathlib import Path

from dialoogspel.line.run import run_line
from dialoogspel.model import Mode
from dialoogspel.sessions import SessionStore
from dialoogspel.table import Launch
from tests.factories import make_session
from tests.line.helpers import HOSTILE, TODAY


def _run(lines: list[str], tmp_path: Path) -> tuple[str, Path, str]:
    """Play these lines on a fresh samen session; what was said, the output folder, the id."""
    session = make_session(Mode.SAMEN)
    folder = tmp_path / "uit"
    folder.mkdir()
    stdin = io.StringIO("".join(f"{line}\n" for line in lines))
    out = io.StringIO()
    launch = Launch(session=session, output_dir=folder)
    run_line(launch, SessionStore(tmp_path / "home"), stdin, out, today=lambda: TODAY)
    return out.getvalue(), folder, session.id


def test_the_end_of_input_does_not_block_and_keeps_the_outcome_here(tmp_path: Path) -> None:
    said, folder, session_id = _run(["1", "n", "bel 06-12345678"], tmp_path)
    assert list(folder.iterdir()) == [], "nothing reached the output folder"
    assert "Staan hier gegevens van een student?" not in said, "no question nobody can answer"
    assert f"De uitkomst is niet naar de map {folder} geschreven." in said
    assert (
        "- In de notitie bij U01 staat iets dat op een telefoonnummer lijkt: 06-12345678." in said
    )
    command = f"dialoogspel export {session_id} --uit {folder} --toch-opslaan"
    assert f"Toch naar de map schrijven: {command}" in said
    [local] = (tmp_path / "home").rglob("*.md")
    assert f"Een kopie staat op deze computer: {local}." in said
    assert said.rstrip().endswith(f"Verder spelen: dialoogspel resume {session_id}")


def test_q_asks_and_2_writes_and_is_remembered(tmp_path: Path) -> None:
    said, folder, session_id = _run(["1", "n", "BSN 123456782", "q", "2"], tmp_path)
    assert "Staan hier gegevens van een student?" in said
    assert "1. aanpassen (eerst de tekst veranderen)  2. toch opslaan en stoppen" in said
    assert len(list(folder.glob("*.md"))) == 1
    assert SessionStore(tmp_path / "home").load(session_id).privacy_allowed


def test_q_then_3_stops_without_the_folder(tmp_path: Path) -> None:
    said, folder, _ = _run(["1", "n", "mail j.jansen@school.nl", "q", "3"], tmp_path)
    assert list(folder.iterdir()) == []
    assert "--toch-opslaan" in said


def test_q_then_1_opens_the_note_and_a_changed_note_is_written(tmp_path: Path) -> None:
    lines = ["1", "n", "bel 06-12345678", "", "q", "1", "1", "1", "de vader bellen", ""]
    said, folder, _ = _run(lines, tmp_path)
    assert "Notities bij U01:" in said and "Notitie gewijzigd." in said
    [written] = folder.glob("*.md")
    text = written.read_text(encoding="utf-8")
    assert "de vader bellen" in text and "06-12345678" not in text


def test_an_unknown_answer_asks_again(tmp_path: Path) -> None:
    said, folder, _ = _run(["1", "n", "BSN 123456782", "q", "ja", "2"], tmp_path)
    assert "Typ 1, 2 of 3." in said and len(list(folder.glob("*.md"))) == 1


def test_o_asks_once_and_q_does_not_ask_again(tmp_path: Path) -> None:
    lines = ["1", "n", "bel 06-12345678", "e", "o", "2", "", "2", "q"]
    said, folder, _ = _run(lines, tmp_path)
    assert said.count("Staan hier gegevens van een student?") == 1
    assert "1. aanpassen (eerst de tekst veranderen)  2. toch opslaan\n" in said
    assert len(list(folder.glob("*.md"))) == 1


def test_o_then_1_for_an_agreement_asks_it_again_and_writes_nothing_yet(tmp_path: Path) -> None:
    lines = ["1", "a", "1", "Anna", "studentnummer 4567 bellen", "", "", "", "e", "o", "1"]
    said, folder, _ = _run(lines, tmp_path)
    assert "Afspraak wijzigen:" in said
    assert list(folder.iterdir()) == []


def test_findings_are_said_as_data(tmp_path: Path) -> None:
    note = " ".join(HOSTILE) + " 06-12345678"
    said, _, _ = _run(["1", "n", note, "q", "3"], tmp_path)
    assert "\x1b" not in said and "\x07" not in said
    assert "[bold]x[/bold]" in said  # markup stays text
