"""The overview across teams: outcome files written by the app, read back and counted."""

from __future__ import annotations

import csv
import io
import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from dialoogspel.cli import main
from dialoogspel.model import Mode
from dialoogspel.outcome import render
from dialoogspel.overview import Filters, parse_day, scan, tally
from dialoogspel.overview.output import to_csv, to_html
from tests.outcome_sessions import played

V1 = Path(__file__).parent.parent / "data" / "uitkomst_v1"
NAMES = (("Zwanhilde", "docent"), ("Quirijntje", "slb"))
HOSTILE = ("[/]", "[bold]x[/bold]", "[@click=app.quit]x[/]", "\x1b]0;x\x07", "<script>x</script>")


def write(folder: Path, name: str, session_id: str, day: date, **options: object) -> Path:
    """An outcome file written by the app's own writer."""
    session = played(Mode.PIONNEN, people=NAMES, **options)
    session.id = session_id
    path = folder / name
    path.write_text(render(session, day), encoding="utf-8")
    return path


@pytest.fixture
def share(tmp_path: Path) -> Path:
    """Three teams, one saved twice, plus other Markdown and broken files."""
    write(tmp_path, "team1.md", "team000000001", date(2026, 11, 2))
    write(tmp_path, "team1-again.md", "team000000001", date(2026, 11, 3))
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "team2.md", "team000000002", date(2026, 11, 20), niveau="opleiding")
    write(tmp_path / "sub", "team3.md", "team000000003", date(2026, 12, 1))
    (tmp_path / "notes.md").write_text("# Vergadering\nGeen uitkomst.\n", encoding="utf-8")
    (tmp_path / "junk.md").write_bytes(b"\x00\xff dialoogspel \xfe\x00")
    (tmp_path / "cut.md").write_text("---\nformaat: 2\nspel: dialoogspel\n", encoding="utf-8")
    return tmp_path


def test_a_session_saved_twice_counts_once(share: Path) -> None:
    found = scan([share])
    assert len(found.outcomes) == 3
    assert found.skipped == 1
    assert sorted(Path(b.name).name for b in found.broken) == ["cut.md", "junk.md"]
    assert all(b.reason for b in found.broken)
    overview = tally(found.outcomes, date(2026, 12, 10))
    first = next(c for c in overview.kaarten.values() if c.kaart.endswith("/U01"))
    assert first.vakken == [3, 0, 0, 0]
    assert first.verschil == 3
    assert first.rollen["docent"][1] == 3 and first.rollen["slb"][3] == 3
    assert sum(c.geparkeerd for c in overview.kaarten.values()) == 3
    uitzoeken = overview.afspraken[("Uitval", "uitzoeken")]
    assert (uitzoeken.gemaakt, uitzoeken.open, uitzoeken.te_laat) == (3, 3, 3)


def test_overdue_depends_on_today(share: Path) -> None:
    overview = tally(scan([share]).outcomes, date(2026, 11, 30))
    assert overview.afspraken[("Uitval", "uitzoeken")].te_laat == 0


def test_filters(share: Path) -> None:
    assert len(scan([share], Filters(niveau="opleiding")).outcomes) == 1
    assert len(scan([share], Filters(thema="uitval")).outcomes) == 3
    assert scan([share], Filters(thema="Verzuim")).outcomes == []
    dated = scan([share], Filters(van=parse_day("3-11-2026"), tot=parse_day("2026-11-30")))
    assert len(dated.outcomes) == 2 and dated.filtered == 1
    with pytest.raises(ValueError, match="geen datum"):
        parse_day("gisteren")


def test_format1_files_are_read(tmp_path: Path) -> None:
    for path in V1.glob("*.md"):
        shutil.copy(path, tmp_path / path.name)
    found = scan([tmp_path])
    assert found.outcomes and not found.broken
    assert sum(len(d.agreements) for d in found.outcomes) > 0


def test_csv_reads_back(share: Path) -> None:
    data = to_csv(tally(scan([share]).outcomes, date(2026, 12, 10)))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    first = next(r for r in rows if r["kaart"].endswith("/U01"))
    assert first["vak 1"] == "3" and first["pionnen verschilden"] == "3"


def test_no_names_and_no_outside_in_outputs(share: Path) -> None:
    overview = tally(scan([share]).outcomes, date(2026, 12, 10))
    page = to_html(overview)
    text = to_csv(overview).decode("utf-8-sig") + page
    for name, _ in NAMES:
        assert name not in text
    assert "<script" not in page.lower() and "http" not in page.lower()
    assert "<svg" in page


def test_hostile_theme_is_escaped(tmp_path: Path) -> None:
    from tests.outcome_sessions import deck

    for n, bad in enumerate(HOSTILE):
        write(tmp_path, f"t{n}.md", f"hostile00000{n}", date(2026, 11, 2), decks=(deck(theme=bad),))
    found = scan([tmp_path])
    page = to_html(tally(found.outcomes, date(2026, 12, 10)))
    assert "<script>x" not in page and "\x1b" not in page
    result = CliRunner().invoke(main, ["overview", str(tmp_path)])
    assert result.exit_code == 0 and "\x1b]0;x" not in result.output


def test_command(share: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    out = tmp_path_factory.mktemp("uit")
    result = CliRunner().invoke(
        main, ["overview", str(share), "--csv", str(out / "o.csv"), "--html", str(out / "o.html")]
    )
    assert result.exit_code == 0, result.output
    assert "3 spellen gelezen" in result.output and "Niet gelezen" in result.output
    assert "Traceback" not in result.output
    assert all(len(line) <= 80 for line in result.output.splitlines() if "Niet gelezen" not in line)
    assert (out / "o.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_command_without_outcomes(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text("# niets\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["overview", str(tmp_path)])
    assert result.exit_code == 1 and "Geen uitkomst" in result.output


def test_bad_date_is_dutch(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["overview", str(tmp_path), "--van", "morgen"])
    assert (
        result.exit_code != 0 and "geen datum" in result.output and "Traceback" not in result.output
    )


@pytest.mark.skipif(os.name == "nt", reason="fifo")
def test_fifo_is_not_opened(tmp_path: Path) -> None:
    write(tmp_path, "a.md", "fifo00000001", date(2026, 11, 2))
    os.mkfifo(tmp_path / "pipe.md")
    found = scan([tmp_path])
    assert len(found.outcomes) == 1 and len(found.broken) == 1


def test_klaar_in_a_later_terugblik_counts_as_done(share: Path) -> None:
    from dialoogspel.outcome.record import record_of
    from dialoogspel.outcome.render import front_matter_text

    later = played(Mode.SAMEN, people=NAMES)
    later.id = "later0000001"
    review = (
        {
            "bestand": "team1.md",
            "sessie": "team000000001",
            "nr": 1,
            "wat": "verzuim per week opvragen",
            "status": "klaar",
        },
    )
    record = record_of(later, date(2026, 12, 5))._replace(terugblik=review)
    (share / "later.md").write_text(front_matter_text(record) + "\n# Later\n", encoding="utf-8")
    found = scan([share])
    assert [b.reason for b in found.broken if Path(b.name).name == "later.md"] == []
    overview = tally(found.outcomes, date(2026, 12, 10))
    uitzoeken = overview.afspraken[("Uitval", "uitzoeken")]
    assert (uitzoeken.gemaakt, uitzoeken.klaar, uitzoeken.open) == (4, 1, 3)


def test_question_from_the_builtin_deck(tmp_path: Path) -> None:
    from dialoogspel.overview.questions import known_questions

    questions = known_questions(["uitval/nope", "../etc/x", "verzonnen/U01"])
    assert all(card.startswith("uitval/") for card in questions) and questions
    real = next(iter(questions))
    assert questions[real].strip()
    data = to_csv(tally([], date(2026, 12, 10)))
    assert data.decode("utf-8-sig").splitlines()[0].endswith(";vraag")
