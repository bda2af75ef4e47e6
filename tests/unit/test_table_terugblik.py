"""Earlier outcome files for the terugblik: the list in a folder, the items, files only read."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from dialoogspel.model import Agreement, AgreementKind, Mode, Status
from dialoogspel.outcome import render
from dialoogspel.table.terugblik import (
    chosen_paths,
    describe,
    list_earlier,
    terugblik_items,
)
from tests import outcome_v1
from tests.outcome_sessions import played

HOSTILE = ("[/]", "[bold]x[/bold]", "[@click=app.quit]x[/]", "\x1b]0;x\x07")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    return path


def outcome(casus: str = "Klas 3B", day: date = date(2026, 11, 1)) -> str:
    session = played(Mode.PIONNEN, casus=casus)
    session.add_agreement(
        Agreement(AgreementKind.UITZOEKEN, "rooster nakijken", "Bram", vermoeden="te vol")
    )
    return render(session, day)


def digests(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in folder.iterdir()
    }


def test_lists_outcome_files_newest_first_with_open_counts(tmp_path: Path) -> None:
    write(tmp_path, "2026-11-01_uitval_a.md", outcome("Oud", date(2026, 11, 1)))
    ticked = outcome("Nieuw", date(2026, 12, 1)).replace("- [ ] **Anna**", "* [X] **Anna**")
    write(tmp_path, "2026-12-01_uitval_b.md", ticked)
    write(tmp_path, "notities.md", "# Gewone notities\n\nNiets van het spel.\n")
    listed = list_earlier(tmp_path)
    assert [(f.casus, f.open_count) for f in listed.files] == [("Nieuw", 2), ("Oud", 3)]
    assert listed.broken == []
    assert describe(listed.files[0]) == "1-12-2026 · Uitval · Nieuw · 2 open afspraken"


def test_a_klaar_in_the_front_matter_closes_the_agreement(tmp_path: Path) -> None:
    text = outcome().replace("klaar: false}", "klaar: true}", 1)
    write(tmp_path, "a.md", text)
    assert list_earlier(tmp_path).files[0].open_count == 2


def test_broken_files_are_named_in_dutch_and_skipped(tmp_path: Path) -> None:
    good = write(tmp_path, "2026-11-01_goed.md", outcome())
    (tmp_path / "kapot.md").write_bytes(b"---\nspel: dialoogspel\n\xff\xfe\x00junk")
    write(tmp_path, "afgebroken.md", "---\nformaat: 2\nspel: dialoogspel\nsessie: abc\n")
    write(tmp_path, "nieuwer.md", outcome().replace("formaat: 2", "formaat: 9"))
    listed = list_earlier(tmp_path)
    assert [f.path for f in listed.files] == [good]
    reasons = dict(listed.broken)
    assert set(reasons) == {"kapot.md", "afgebroken.md", "nieuwer.md"}
    assert "UTF-8" in reasons["kapot.md"]
    assert "niet afgesloten" in reasons["afgebroken.md"]
    assert "nieuwere versie" in reasons["nieuwer.md"]
    items, problems = terugblik_items([good, tmp_path / "kapot.md", tmp_path / "weg.md"])
    assert len(items) == 3 and len(problems) == 2
    assert all("slaan we over" in line for line in problems)


def test_format_1_files_stay_usable(tmp_path: Path) -> None:
    text = outcome_v1.render(played(Mode.SAMEN), date(2026, 10, 1))
    path = write(tmp_path, "2026-10-01_uitval_oud.md", text)
    listed = list_earlier(tmp_path)
    assert listed.files[0].open_count == 2 and listed.files[0].datum == date(2026, 10, 1)
    items, problems = terugblik_items([path])
    assert problems == [] and [(i.nr, i.wie) for i in items] == [(1, "Anna"), (2, "Team")]


def test_items_carry_what_the_team_needs(tmp_path: Path) -> None:
    path = write(tmp_path, "2026-11-01_uitval_a.md", outcome())
    items, _ = terugblik_items([path, path])  # chosen twice: counted once
    assert [(i.nr, i.wie, i.wat) for i in items] == [
        (1, "Anna", "verzuim per week opvragen"),
        (2, "Team", "mentorgesprek"),
        (3, "Bram", "rooster nakijken"),
    ]
    first = items[0]
    assert (first.bestand, first.sessie, first.voor, first.kaart) == (
        "2026-11-01_uitval_a.md",
        "a1b2c3d4e5f6",
        date(2026, 12, 1),
        "uitval/U01",
    )
    assert items[2].vermoeden == "te vol" and items[2].status is None
    assert Status.KLAAR not in {i.status for i in items}


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_casus_and_names_are_shown_visibly(tmp_path: Path, hostile: str) -> None:
    write(tmp_path, f"x{HOSTILE.index(hostile)}.md", outcome(casus=f"Klas {hostile}"))
    line = describe(list_earlier(tmp_path).files[0])
    assert "\x1b" not in line and "\x07" not in line


def test_earlier_files_are_only_read(tmp_path: Path) -> None:
    write(tmp_path, "2026-11-01_a.md", outcome())
    write(tmp_path, "2026-11-02_b.md", outcome_v1.render(played(Mode.SAMEN), date(2026, 11, 2)))
    before = digests(tmp_path)
    listed = list_earlier(tmp_path)
    terugblik_items(f.path for f in listed.files)
    assert digests(tmp_path) == before


def test_chosen_numbers(tmp_path: Path) -> None:
    write(tmp_path, "2026-11-01_a.md", outcome())
    files = list_earlier(tmp_path).files
    assert chosen_paths(files, [1, 1]) == [files[0].path]
    with pytest.raises(ValueError, match="van 1 tot en met 1"):
        chosen_paths(files, [2])


def test_a_missing_folder_lists_nothing(tmp_path: Path) -> None:
    assert list_earlier(tmp_path / "weg") == ([], [], False)


def test_start_reads_the_named_files_and_goes_on_without_broken_ones(tmp_path: Path) -> None:
    from dialoogspel.model import Step
    from dialoogspel.sessions import SessionStore
    from dialoogspel.table import StartOptions, start_session

    earlier = write(tmp_path, "2026-11-01_uitval_a.md", outcome())
    options = StartOptions(
        decks=("uitval",),
        mode="samen",
        casus="3B",
        players=("Anna:docent",),
        output_dir=tmp_path,
        terugblik=(earlier, tmp_path / "weg.md"),
    )
    launch = start_session(options, SessionStore(tmp_path / "home"))
    assert launch.session is not None and launch.lock is not None
    launch.lock.release()
    assert [item.nr for item in launch.session.terugblik] == [1, 2, 3]
    assert launch.session.prompt.step is Step.TERUGBLIK
    assert launch.notices == [
        "weg.md: Het bestand is niet te lezen: het bestand is er niet. Dit bestand slaan we over."
    ]
    setup_only = start_session(StartOptions(terugblik=(earlier,)), SessionStore(tmp_path / "home"))
    assert len(setup_only.terugblik) == 3 and setup_only.session is None


def test_a_hung_folder_gives_up_and_says_so(tmp_path: Path, monkeypatch) -> None:
    import threading

    from dialoogspel.table import terugblik

    release = threading.Event()
    monkeypatch.setattr(terugblik, "_list_now", lambda folder: release.wait(5))
    listed = list_earlier(tmp_path, timeout=0.05)
    release.set()
    assert listed.hung and listed.files == [] and listed.broken == []
    assert "geen antwoord" in terugblik.NO_ANSWER and "--terugblik" in terugblik.NO_ANSWER


def test_a_chosen_file_on_a_hung_share_is_skipped_with_a_reason(
    tmp_path: Path, monkeypatch
) -> None:
    import threading

    from dialoogspel.table import terugblik

    path = write(tmp_path, "2026-11-01-klas-3b.md", outcome())
    release = threading.Event()
    monkeypatch.setattr(terugblik, "READ_TIMEOUT", 0.05)
    monkeypatch.setattr(terugblik, "_read", lambda where: release.wait(5))
    items, problems = terugblik_items([path])
    release.set()
    assert items == []
    assert problems == [f"2026-11-01-klas-3b.md: {terugblik.NO_ANSWER} Dit bestand slaan we over."]


def test_an_unexpected_error_in_the_listing_is_not_swallowed(tmp_path: Path, monkeypatch) -> None:
    from dialoogspel.table import terugblik

    def broken(folder: Path) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(terugblik, "_list_now", broken)
    with pytest.raises(RuntimeError):
        list_earlier(tmp_path)
