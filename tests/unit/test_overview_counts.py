"""The overview: questions of own decks, klaar in a later terugblik, pawns per role, ties and
damage. Every outcome file is written by the app's own writer (or the format 1 writer)."""

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
from dialoogspel.model import Mode, Status
from dialoogspel.outcome import OutcomeRecord, render
from dialoogspel.overview import scan, tally
from dialoogspel.overview.output import table, to_csv, to_html
from dialoogspel.overview.questions import file_questions, questions_for
from dialoogspel.table.terugblik import terugblik_items
from tests.outcome_sessions import deck, played
from tests.unit.test_overview_scan import NAMES, V1, write

OWN = deck(name="eigen", theme="Eigen thema", prefix="E")
"""A team's own deck: not built in, so its questions only live in the outcome files."""
TODAY = date(2026, 12, 10)


def _overview_of(folder: Path) -> tuple[object, str, str, str]:
    """The overview of a folder and its three outputs: terminal, CSV and HTML."""
    from rich.console import Console

    found = scan([folder])
    overview = tally(found.outcomes, TODAY, found.paths, found.every)
    overview.name_cards(questions_for((card for _, card in overview.kaarten), found.every))
    console = Console(width=80, record=True, file=io.StringIO())
    console.print(table(overview))
    return overview, console.export_text(), to_csv(overview).decode("utf-8-sig"), to_html(overview)


def test_own_deck_question_comes_from_the_outcome_file(tmp_path: Path) -> None:
    for mode in (Mode.PIONNEN, Mode.VRAGEN):
        session = played(mode, people=NAMES, decks=(OWN,))
        session.id = f"eigen{mode.value}"
        (tmp_path / f"{mode.value}.md").write_text(render(session, date(2026, 11, 2)), "utf-8")
    _, terminal, text, page = _overview_of(tmp_path)
    rows = {r["kaart"]: r for r in csv.DictReader(io.StringIO(text), delimiter=";")}
    assert rows["eigen/E01"]["vraag"] == "Welke studenten missen les in week 1?"
    assert rows["eigen/E03"]["vraag"] == "Welke studenten missen les in week 3?"  # parked
    assert rows["eigen/E04"]["vraag"] == ""  # in no file with words: not made up
    # vragen: seen cards are discussed, not "niet besproken"
    assert rows["eigen/E02"]["besproken zonder vak"] == "1"
    assert rows["eigen/E02"]["niet besproken"] == "0" and rows["eigen/E02"]["sessies"] == "2"
    assert "E01 Welke studenten" in terminal
    assert "Welke studenten missen les in week 2?" in page


def test_question_never_takes_the_pawns_part(tmp_path: Path) -> None:
    people = (("Zwan — hilde", "docent"), ("Quirijntje", "slb"))
    session = played(Mode.PIONNEN, people=people, decks=(OWN,))
    session.id = "dash00000001"
    (tmp_path / "a.md").write_text(render(session, date(2026, 11, 2)), encoding="utf-8")
    found = scan([tmp_path])
    questions = file_questions(["eigen/E01", "eigen/E02"], found.every)
    assert questions == {
        "eigen/E01": "Welke studenten missen les in week 1?",
        "eigen/E02": "Welke studenten missen les in week 2?",
    }


def _answered(earlier: Path, status: Status, session_id: str, day: date) -> str:
    """A later session that looked back at `earlier` and answered its first agreement."""
    items, problems = terugblik_items([earlier])
    assert not problems
    later = played(Mode.SAMEN, people=NAMES)
    later.id = session_id
    later.terugblik = items
    later.answer_terugblik(0, status)
    return render(later, day)


def test_klaar_in_a_later_terugblik_by_the_app(tmp_path: Path) -> None:
    earlier = write(tmp_path, "eerder.md", "eerder000001", date(2026, 11, 2))
    (tmp_path / "later.md").write_text(
        _answered(earlier, Status.KLAAR, "later0000001", date(2026, 11, 20)), encoding="utf-8"
    )
    overview, *_ = _overview_of(tmp_path)
    uitzoeken = overview.afspraken[("Uitval", "uitzoeken")]  # type: ignore[attr-defined]
    # the earlier agreement is done, the later session's own one is still open (and overdue)
    assert (uitzoeken.gemaakt, uitzoeken.klaar, uitzoeken.open, uitzoeken.te_laat) == (2, 1, 1, 1)


def test_the_newest_terugblik_wins_and_vervalt_is_not_open(tmp_path: Path) -> None:
    earlier = write(tmp_path, "eerder.md", "eerder000001", date(2026, 11, 2))
    newest = _answered(earlier, Status.VERVALT, "later0000002", date(2026, 11, 27))
    older = _answered(earlier, Status.KLAAR, "later0000001", date(2026, 11, 20))
    (tmp_path / "b.md").write_text(newest, encoding="utf-8")  # walked first, newest datum
    (tmp_path / "c.md").write_text(older, encoding="utf-8")
    overview, terminal, _, page = _overview_of(tmp_path)
    uitzoeken = overview.afspraken[("Uitval", "uitzoeken")]  # type: ignore[attr-defined]
    assert (uitzoeken.gemaakt, uitzoeken.klaar, uitzoeken.vervallen, uitzoeken.open) == (3, 0, 1, 2)
    assert "vervallen" in terminal and "vervallen" in page


def test_klaar_for_a_format1_file_without_session_id(tmp_path: Path) -> None:
    text = (V1 / "pionnen.md").read_text(encoding="utf-8")
    old = tmp_path / "oud.md"
    old.write_text(text.replace("sessie: a1b2c3d4e5f6\n", ""), encoding="utf-8")
    (tmp_path / "later.md").write_text(
        _answered(old, Status.KLAAR, "later0000001", date(2026, 11, 25)), encoding="utf-8"
    )
    found = scan([tmp_path])
    assert len(found.outcomes) == 2 and not found.broken
    overview = tally(found.outcomes, TODAY, found.paths, found.every)
    assert sum(row.klaar for row in overview.afspraken.values()) == 1
    # the same file in another folder is another team's: the answer is not theirs
    (tmp_path / "ander").mkdir()
    shutil.copy(old, tmp_path / "ander" / "oud.md")
    found = scan([tmp_path])
    overview = tally(found.outcomes, TODAY, found.paths, found.every)
    assert sum(row.klaar for row in overview.afspraken.values()) == 1


def test_a_later_terugblik_outside_the_filter_still_counts(tmp_path: Path) -> None:
    from dialoogspel.overview import Filters

    earlier = write(tmp_path, "eerder.md", "eerder000001", date(2026, 11, 2))
    (tmp_path / "later.md").write_text(
        _answered(earlier, Status.KLAAR, "later0000001", date(2026, 12, 5)), encoding="utf-8"
    )
    found = scan([tmp_path], Filters(tot=date(2026, 11, 30)))
    assert len(found.outcomes) == 1 and found.filtered == 1
    overview = tally(found.outcomes, TODAY, found.paths, found.every)
    assert overview.afspraken[("Uitval", "uitzoeken")].klaar == 1


def test_pawns_per_role_in_every_output(tmp_path: Path) -> None:
    write(tmp_path, "a.md", "rollen000001", date(2026, 11, 2))
    session = played(Mode.PIONNEN, people=(("Xandrijn", "DOCENT "), ("Ylvatje", "slb")))
    session.id = "rollen000002"
    (tmp_path / "b.md").write_text(render(session, date(2026, 11, 3)), encoding="utf-8")
    overview, terminal, text, page = _overview_of(tmp_path)
    roles = overview.roles_of("Uitval")  # type: ignore[attr-defined]
    assert list(roles) == ["docent", "slb"]  # "DOCENT " and "docent" are one role
    assert roles["docent"][1] == 2 and roles["docent"][2] == 2
    assert roles["slb"][3] == 2 and roles["slb"][2] == 2
    assert "Pionnen per rol: Uitval" in terminal
    assert "Waar de pionnen per rol stonden" in page and ">weet niet</text>" in page
    row = next(
        r for r in csv.DictReader(io.StringIO(text), delimiter=";") if r["kaart"] == "uitval/U01"
    )
    assert row["rollen"] == "docent (vak 1: 2); slb (vak 3: 2)"


def test_no_name_in_any_output(tmp_path: Path) -> None:
    earlier = write(tmp_path, "a.md", "namen0000001", date(2026, 11, 2))
    (tmp_path / "b.md").write_text(
        _answered(earlier, Status.KLAAR, "namen0000002", date(2026, 11, 9)), encoding="utf-8"
    )
    write(tmp_path, "c.md", "namen0000003", date(2026, 11, 3), decks=(OWN,))
    out = tmp_path / "uit"
    out.mkdir()
    result = CliRunner().invoke(
        main,
        ["overview", str(tmp_path), "--csv", str(out / "o.csv"), "--html", str(out / "o.html")],
    )
    assert result.exit_code == 0, result.output
    every = result.output + (out / "o.csv").read_text("utf-8-sig") + (out / "o.html").read_text()
    for name in (*(n for n, _ in NAMES), "Anna"):
        assert name not in every
    assert "docent" in every and "slb" in every


def test_ties_same_day_same_time(tmp_path: Path) -> None:
    first = write(tmp_path, "a.md", "gelijk000001", date(2026, 11, 2))
    second = write(tmp_path, "b.md", "gelijk000001", date(2026, 11, 2), niveau="opleiding")
    os.utime(first, (1_800_000_000, 1_800_000_000))
    os.utime(second, (1_800_000_000, 1_800_000_000))
    found = scan([tmp_path])
    assert len(found.outcomes) == 1 and found.paths == [second]  # the last by name: always the same
    overview = tally(found.outcomes, TODAY)
    assert overview.sessies == 1
    # an older datum loses, even when its file was changed later
    write(tmp_path, "c.md", "gelijk000001", date(2026, 11, 1))
    assert scan([tmp_path]).paths == [second]


def test_contested_ties_are_ordered_by_theme_and_card(tmp_path: Path) -> None:
    two = (deck(), deck(name="verzuim", theme="Verzuim", prefix="V"))
    write(tmp_path, "a.md", "strijd000001", date(2026, 11, 2), decks=two)
    overview, *_ = _overview_of(tmp_path)
    contested = overview.contested()  # type: ignore[attr-defined]
    assert [c.verschil for c in contested] == sorted((c.verschil for c in contested), reverse=True)
    same = [c for c in contested if c.verschil == contested[0].verschil]
    assert [(c.thema, c.kaart) for c in same] == sorted((c.thema, c.kaart) for c in same)
    # an agreement about no card belongs to all the session's themes, not to "no theme"
    assert ("Uitval + Verzuim", "aan de slag") in overview.afspraken  # type: ignore[attr-defined]


def test_broken_files_are_named_with_a_dutch_reason(tmp_path: Path) -> None:
    good = write(tmp_path, "goed.md", "goed00000001", date(2026, 11, 2)).read_text("utf-8")
    (tmp_path / "yaml.md").write_text(good.replace("modus: pionnen", "modus: [kapot"), "utf-8")
    (tmp_path / "nieuw.md").write_text(good.replace("formaat: 2", "formaat: 99"), "utf-8")
    (tmp_path / "modus.md").write_text(good.replace("modus: pionnen", "modus: raden"), "utf-8")
    (tmp_path / "groot.md").write_bytes(b"---\nspel: dialoogspel\n" + b"x" * (5 * 1024 * 1024))
    result = CliRunner().invoke(main, ["overview", str(tmp_path)])
    assert result.exit_code == 0 and "Traceback" not in result.output
    assert "1 spel gelezen" in result.output and "4 kapotte bestanden" in result.output
    lines = [line for line in result.output.splitlines() if line.startswith("Niet gelezen")]
    assert {Path(line.split(": ")[1]).name for line in lines} == {
        "yaml.md", "nieuw.md", "modus.md", "groot.md"
    }  # fmt: skip
    assert any("nieuwere versie" in line for line in lines)
    assert any("modus" in line for line in lines)
    only_broken = CliRunner().invoke(main, ["overview", str(tmp_path / "yaml.md")])
    assert only_broken.exit_code == 1 and "Niet gelezen" in only_broken.output


def test_format1_and_format2_together(tmp_path: Path) -> None:
    for path in V1.glob("*.md"):
        shutil.copy(path, tmp_path / f"v1-{path.name}")
    write(tmp_path, "v2.md", "nieuw0000001", date(2026, 11, 2))
    found = scan([tmp_path])
    assert not found.broken
    overview = tally(found.outcomes, TODAY, found.paths, found.every)
    v1_agreements = sum(len(d.agreements) for d in found.outcomes if d.formaat == 1)
    assert v1_agreements > 0
    made = sum(row.gemaakt for row in overview.afspraken.values())
    assert made == v1_agreements + 2
    assert overview.sessies == len(found.outcomes)
    # format 1 files keep the board in prose only: their cards are not counted
    assert sum(c.sessies for c in overview.kaarten.values()) == 4


def test_bodies_are_read_only_where_the_card_has_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dialoogspel.overview import questions

    for n in range(6):
        write(tmp_path, f"{n}.md", f"lezen0000{n:03d}", date(2026, 11, 2), decks=(OWN,))
    read: list[str] = []
    real = questions.questions_in

    def counted(text: str, record: OutcomeRecord) -> dict[str, str]:
        read.append(record.sessie)
        return real(text, record)

    monkeypatch.setattr(questions, "questions_in", counted)
    found = scan([tmp_path]).every
    assert file_questions(["eigen/E04"], found) == {}  # only its id on "Niet besproken"
    assert read == []
    assert file_questions(["eigen/E01", "eigen/E02"], found) == {
        "eigen/E01": "Welke studenten missen les in week 1?",
        "eigen/E02": "Welke studenten missen les in week 2?",
    }
    assert len(read) == 1
    for path, _ in found:  # the team wiped the board from every body
        text = path.read_text("utf-8")
        path.write_text(text[: text.index("## Bord")], "utf-8")
    read.clear()
    assert file_questions(["eigen/E01"], found) == {}
    assert len(read) == questions.TRIES


def test_the_file_question_wins_over_a_builtin_deck_of_the_same_name(tmp_path: Path) -> None:
    from dialoogspel.overview.questions import known_questions

    write(tmp_path, "a.md", "zelfde000001", date(2026, 11, 2))  # a team's own deck "uitval"
    found = scan([tmp_path]).every
    builtin = known_questions(["uitval/U01", "uitval/U04"])
    asked = questions_for(["uitval/U01", "uitval/U04"], found)
    assert asked["uitval/U01"] == "Welke studenten missen les in week 1?" != builtin["uitval/U01"]
    assert asked["uitval/U04"] == builtin["uitval/U04"]  # in no body with words: the built-in one
