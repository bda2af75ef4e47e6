"""The terugblik in plain lines: the whole step before the first card, then play goes on."""

from __future__ import annotations

import hashlib
import io
from datetime import date
from pathlib import Path

from dialoogspel.line.run import run_line
from dialoogspel.model import Agreement, AgreementKind, Held, Mode, Status
from dialoogspel.outcome import read_outcome, render
from dialoogspel.sessions import SessionStore
from dialoogspel.table import Launch, SetupDefaults, terugblik_items
from tests.factories import make_deck, make_session
from tests.line.helpers import HOSTILE, TODAY
from tests.outcome_sessions import played

EARLIER = "2026-11-01_uitval_klas-3b.md"


def earlier_file(folder: Path) -> Path:
    """An earlier outcome: Anna's uitzoek-afspraak (deadline passed), Team's, Bram's with a
    vermoeden; Team's box was ticked by hand."""
    session = played(Mode.SAMEN)
    session.add_agreement(
        Agreement(AgreementKind.UITZOEKEN, "rooster nakijken", "Bram", vermoeden="te vol")
    )
    session.add_agreement(Agreement(AgreementKind.AAN_DE_SLAG, "ouders bellen", "Chris"))
    text = render(session, date(2026, 11, 1)).replace("- [ ] **Team**", "* [x] **Team**")
    path = folder / EARLIER
    path.write_bytes(text.encode("utf-8"))
    return path


def run(lines: list[str], launch: Launch, home: Path) -> str:
    out = io.StringIO()
    stdin = io.StringIO("".join(f"{line}\n" for line in lines))
    run_line(launch, SessionStore(home), stdin, out, today=lambda: TODAY)
    return out.getvalue()


def test_the_whole_step_before_the_first_card(tmp_path: Path) -> None:
    path = earlier_file(tmp_path)
    before = hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns
    session = make_session(Mode.SAMEN)
    session.terugblik, _ = terugblik_items([path])
    lines = [
        *("5", "2", "Cijfers komen vrijdag.", "15-1"),  # Anna: a wrong number first; carried
        *("3", "", "4", "2", ""),  # Bram: niet gelukt, no note, vermoeden: 4 wrong, 2 nee; no
        *("4", HOSTILE[2]),  # Chris: vervalt, a hostile note
        "1",  # the first card
    ]
    said = run(lines, Launch(session=session, output_dir=tmp_path), tmp_path / "home")
    assert "Eerst kijken we terug: hoe gingen de afspraken van vorige keer?" in said
    assert f"Afspraak 1 van 3, uit {EARLIER}:" in said
    assert (
        "Anna: verzuim per week opvragen — vóór dinsdag 1 december 2026 — kaart uitval/U01" in said
    )  # 1 December is not past on TODAY (20 November)
    assert "Hoe ging het? 1: klaar, 2: loopt nog, 3: niet gelukt, 4: vervalt" in said
    assert "Kies 1 (klaar), 2 (loopt nog), 3 (niet gelukt) of 4 (vervalt)." in said
    assert "Het vermoeden was: te vol" in said
    assert "Kies 1 (ja), 2 (nee) of 3 (deels)." in said
    assert "Meegenomen naar de afspraken van nu, vóór vrijdag 15 januari 2027." in said
    assert "Niet meegenomen." in said
    assert said.index("Klaar met terugkijken. Nu de kaarten.") < said.index("Vraag: Vraag U01?")
    items = session.terugblik
    assert [i.status for i in items] == [Status.LOOPT_NOG, Status.NIET_GELUKT, Status.VERVALT]
    assert [i.notitie for i in items] == ["Cijfers komen vrijdag.", None, HOSTILE[2]]
    assert items[1].vermoeden_held is Held.NEE and [i.carried for i in items] == [True, 0, 0]
    assert session.agreements[0].deadline == date(2027, 1, 15)
    assert session.states[session.cards[0].key].final is not None  # play went on
    written = [p for p in tmp_path.glob("*.md") if p.name != EARLIER]
    data = read_outcome(written[0].read_text(encoding="utf-8"))
    assert [(t["nr"], t["status"]) for t in data.front_matter["terugblik"]] == [
        (1, "loopt nog"),
        (3, "niet gelukt"),
        (4, "vervalt"),
    ]
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) == before


def test_the_step_resumes_at_the_first_unanswered_item(tmp_path: Path) -> None:
    path = earlier_file(tmp_path)
    session = make_session(Mode.SAMEN)
    session.terugblik, _ = terugblik_items([path])
    home = tmp_path / "home"
    run(["1", ""], Launch(session=session, output_dir=tmp_path), home)  # input ends at Bram
    saved = SessionStore(home).load(session.id)
    assert [i.status for i in saved.terugblik] == [Status.KLAAR, None, None]
    said = run(["4", "", ""], Launch(session=saved, output_dir=tmp_path), home)
    assert "Afspraak 2 van 3" in said and "Afspraak 1 van 3" not in said


def test_setup_offers_the_earlier_files_of_the_folder(tmp_path: Path) -> None:
    earlier_file(tmp_path)
    (tmp_path / "kapot.md").write_bytes(b"---\nspel: dialoogspel\nformaat: 2\n")
    launch = Launch(decks=[make_deck()], defaults=SetupDefaults(), output_dir=tmp_path)
    lines = ["Klas 3B", "", "", "3", "Anna", "", "9", "1", "1", "", "4", "", ""]
    said = run(lines, launch, tmp_path / "home")
    assert "kapot.md: Het kopje bovenaan (tussen ---) is niet afgesloten." in said
    assert "1. 1-11-2026 · Uitval · Klas 3B Verzorgende IG · 3 open afspraken" in said
    assert "Kies een nummer van 1 tot en met 1." in said
    [saved] = SessionStore(tmp_path / "home").list_sessions()
    session = SessionStore(tmp_path / "home").load(saved.id)
    assert [i.status for i in session.terugblik] == [Status.KLAAR, Status.VERVALT, None]


def test_a_folder_that_does_not_answer_is_said_and_the_game_goes_on(
    tmp_path: Path, monkeypatch
) -> None:
    from dialoogspel.table import NO_ANSWER, EarlierFiles
    from dialoogspel.table import terugblik as listing

    earlier_file(tmp_path)
    monkeypatch.setattr(listing, "_list_now", lambda folder: EarlierFiles([], [], hung=True))
    launch = Launch(decks=[make_deck()], defaults=SetupDefaults(), output_dir=tmp_path)
    lines = ["Klas 3B", "", "", "3", "Anna", "", "9", "1", "", "q"]
    said = run(lines, launch, tmp_path / "home")
    assert NO_ANSWER in said
    [saved] = SessionStore(tmp_path / "home").list_sessions()
    assert SessionStore(tmp_path / "home").load(saved.id).terugblik == []


def test_every_outcome_file_is_listed_even_without_open_agreements(tmp_path: Path) -> None:
    earlier_file(tmp_path)
    quiet = make_session(Mode.SAMEN)
    (tmp_path / "2026-10-01_uitval_klas-3b.md").write_text(render(quiet, date(2026, 10, 1)))
    launch = Launch(decks=[make_deck()], defaults=SetupDefaults(), output_dir=tmp_path)
    lines = ["Klas 3B", "", "", "3", "Anna", "", "2", "q"]
    said = run(lines, launch, tmp_path / "home")
    assert "Uitkomsten van vorige keer:" in said
    assert "1. 1-11-2026 · Uitval · Klas 3B Verzorgende IG · 3 open afspraken" in said
    assert "2. 1-10-2026 · Uitval · Klas 3B verzuimt veel na de stage · 0 open afspraken" in said
    assert "Eerst kijken we terug" not in said, "nothing open: nothing to ask"
    [saved] = SessionStore(tmp_path / "home").list_sessions()
    assert SessionStore(tmp_path / "home").load(saved.id).terugblik == []
