"""The privacy check's decisions in the table: asked before every write to the output folder,
once per finding ("toch opslaan" is kept in the session, also over resume), and a stop that
nobody could answer keeps the outcome on this computer and says how to write it anyway."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dialoogspel.model import Agreement, AgreementKind, Mode, Quadrant, Session
from dialoogspel.model.serialize import session_from_dict, session_to_dict
from dialoogspel.table import Exporter, Table
from dialoogspel.table.privacy import export_anyway_command
from tests.outcome_sessions import setup

DAY = date(2026, 11, 22)


def _table(tmp_path: Path, folder_name: str = "uit") -> tuple[Table, Path]:
    folder = tmp_path / folder_name
    folder.mkdir()
    session = Session(setup(Mode.SAMEN), session_id="privacy12345")
    table = Table(session, lambda s: None, Exporter(folder, tmp_path / "thuis"), today=lambda: DAY)
    table.act(lambda: session.place(Quadrant.BELANGRIJK_URGENT))
    return table, folder


def test_asked_once_per_finding_and_a_new_finding_asks_again(tmp_path: Path) -> None:
    table, _ = _table(tmp_path)
    table.act(lambda: table.session.add_note("bel 06-12345678"))
    first = table.privacy_question()
    assert [f.value for f in first] == ["06-12345678"]
    revision = table.session.revision
    table.write_anyway(first)
    assert table.session.revision == revision + 1, "the answer is a change: it is autosaved"
    assert table.privacy_question() == [], "toch opslaan is remembered"
    table.act(lambda: table.session.add_note("zelfde nummer: 06 1234 5678"))
    assert table.privacy_question() == [], "the same number typed otherwise was allowed already"
    table.act(
        lambda: table.session.add_agreement(Agreement(AgreementKind.UITZOEKEN, "s1234567", "Bo"))
    )
    (new,) = table.privacy_question()
    assert (new.kind, new.agreement) == ("studentnummer", 0)


def test_toch_opslaan_survives_resume(tmp_path: Path) -> None:
    table, _ = _table(tmp_path)
    table.act(lambda: table.session.add_note("mail j.jansen@school.nl"))
    table.write_anyway(table.privacy_question())
    data = session_to_dict(table.session)
    assert data["privacy_allowed"] and "jansen" not in str(data["privacy_allowed"])
    resumed = session_from_dict(data)
    assert resumed.privacy_allowed == table.session.privacy_allowed
    again = Table(resumed, None, Exporter(tmp_path / "uit"))
    assert again.privacy_question() == []


def test_an_old_session_without_the_key_asks_everything(tmp_path: Path) -> None:
    table, _ = _table(tmp_path)
    table.act(lambda: table.session.add_note("BSN 123456782"))
    data = session_to_dict(table.session)
    del data["privacy_allowed"]
    resumed = session_from_dict(data)
    assert [f.kind for f in Table(resumed, None, Exporter(tmp_path)).privacy_question()] == ["bsn"]


def test_stop_with_an_unanswered_finding_keeps_the_outcome_local(tmp_path: Path) -> None:
    table, folder = _table(tmp_path, "gedeelde map")
    table.act(lambda: table.session.add_note("BSN 123456782"))
    lines = table.stop(wait=5)
    assert list(folder.iterdir()) == [], "nothing reached the output folder"
    local = list((tmp_path / "thuis").rglob("*.md"))
    assert len(local) == 1 and "123456782" in local[0].read_text(encoding="utf-8")
    assert lines[0].startswith(f"De uitkomst is niet naar de map {folder} geschreven.")
    assert "- In de notitie bij U01 staat iets dat op een BSN lijkt: 123456782." in lines
    assert f"Een kopie staat op deze computer: {local[0]}." in lines
    command = f'dialoogspel export privacy12345 --uit "{folder}" --toch-opslaan'
    assert f"Toch naar de map schrijven: {command}" in lines
    assert "Tekst aanpassen: dialoogspel resume privacy12345" in lines
    assert lines[-1].startswith("Alles is bewaard."), "the session itself is kept"
    assert table.session.outcome_local is not None and table.session.outcome_file is None


def test_stop_after_toch_opslaan_writes_to_the_folder(tmp_path: Path) -> None:
    table, folder = _table(tmp_path)
    table.act(lambda: table.session.add_note("BSN 123456782"))
    table.write_anyway(table.privacy_question())
    lines = table.stop(wait=5)
    written = list(folder.glob("*.md"))
    assert len(written) == 1 and str(written[0]) in lines[0]


def test_stop_without_findings_or_changes_never_mentions_privacy(tmp_path: Path) -> None:
    table, folder = _table(tmp_path)
    table.act(lambda: table.session.add_note("vóór 01-12-2026 om 10:30: 12 studenten, kaart U03"))
    lines = table.stop(wait=5)
    assert len(list(folder.glob("*.md"))) == 1
    assert not any("gegevens van een student" in line for line in lines)


def test_the_command_quotes_a_folder_only_when_needed(tmp_path: Path) -> None:
    session = Session(setup(Mode.SAMEN), session_id="abc123abc123")
    plain = export_anyway_command(session, Path("/gedeeld/uit"))
    assert plain == "dialoogspel export abc123abc123 --uit /gedeeld/uit --toch-opslaan"
    hostile = export_anyway_command(session, Path("/map \x1b]0;x\x07"))
    assert "\x1b" not in hostile and "\x07" not in hostile and hostile.count('"') == 2
