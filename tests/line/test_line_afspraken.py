"""The afspraken in the plain-line face: list, add, change, remove, write the outcome."""

from __future__ import annotations

from pathlib import Path

from dialoogspel.line.play import LinePlay
from dialoogspel.model import Agreement, AgreementKind, Mode
from tests.factories import make_session
from tests.line.helpers import console_for, table_for


def afspraken(lines: list[str], folder: Path | None = None, agreements=()):
    session = make_session(Mode.SAMEN)
    for agreement in agreements:
        session.add_agreement(agreement)
    table = table_for(session, folder)
    console, out = console_for(["e", *lines])
    LinePlay(console, table).run()
    return session, table, out.getvalue()


FIRST = Agreement(AgreementKind.UITZOEKEN, "cijfers opvragen", "Anna")
SECOND = Agreement(AgreementKind.AAN_DE_SLAG, "gesprek plannen", "Kees", card_key="uitval:U01")


def test_the_list_is_numbered_per_kind_and_names_cards_without_one() -> None:
    _, _, said = afspraken(["1"], agreements=[SECOND, FIRST])
    assert "Afspraken: 2 afspraken.\nUitzoeken: 1.\n  1. Anna (slb'er): cijfers opvragen\n" in said
    assert "Aan de slag: 1.\n  2. Kees: gesprek plannen - kaart U01\n" in said


def test_add_asks_the_card_last() -> None:
    session, _, said = afspraken(["a", "1", "Bram", "rooster", "", "", "", "u02"])
    [made] = session.agreements
    assert made == Agreement(AgreementKind.UITZOEKEN, "rooster", "Bram", None, "uitval:U02")
    assert "Wat denkt het team dat eruit komt (vermoeden)? Een lege regel: geen." in said
    assert "Afspraak gemaakt: Bram (docent): rooster - kaart U02" in said


def test_change_keeps_what_an_empty_line_keeps() -> None:
    session, _, said = afspraken(
        ["w 2", "", "", "gesprek met de ouders", "1-12", "-"], agreements=[SECOND, FIRST]
    )
    changed = session.agreements[0]  # number 2 is read out second: the aan-de-slag one
    assert changed.what == "gesprek met de ouders" and changed.who == "Kees"
    assert changed.card_key is None
    assert changed.deadline is not None and changed.deadline.isoformat() == "2026-12-01"
    assert "Nu: gesprek plannen. Een lege regel houdt dat." in said


def test_remove_only_after_j() -> None:
    session, _, said = afspraken(["x 1", "n", "x1", "j", "x 5"], agreements=[FIRST])
    assert session.agreements == []
    assert "Niet gewist." in said
    assert "Afspraak gewist: Anna: cijfers opvragen" in said
    assert "Er zijn nog geen afspraken. a: nieuwe afspraak." in said


def test_write_the_outcome_and_say_where(tmp_path: Path) -> None:
    session, table, said = afspraken(["o"], tmp_path, agreements=[FIRST])
    [written] = tmp_path.glob("*.md")
    assert f"De uitkomst staat in {written}." in said
    assert table.outcome_is_current and session.exported == [str(written)]


def test_another_folder_with_m(tmp_path: Path) -> None:
    (tmp_path / "nieuw").mkdir()
    _, _, said = afspraken(["m", str(tmp_path / "nieuw")], tmp_path, agreements=[FIRST])
    [written] = (tmp_path / "nieuw").glob("*.md")
    assert f"De uitkomst staat in {written}." in said
    assert list(tmp_path.glob("*.md")) == []


def test_a_missing_folder_keeps_a_local_copy_and_offers_another(tmp_path: Path) -> None:
    _, table, said = afspraken(["m", str(tmp_path / "weg")], tmp_path, agreements=[FIRST])
    assert f"De map {tmp_path / 'weg'} bestaat niet (meer). Een kopie staat in" in said
    assert "m: een andere map kiezen · o: nog eens proberen." in said
    assert not table.outcome_is_current


def test_an_empty_line_goes_back_to_the_cards_and_unknown_keys_get_a_hint() -> None:
    _, _, said = afspraken(["zz", ""])
    assert "'zz' ken ik niet hier." in said
    assert "Terug bij de kaarten.\nKaart 1 van 3" in said


def test_k_says_the_session_is_done_and_again_takes_it_back() -> None:
    session, _, said = afspraken(["k"])
    assert session.finished
    assert "Het spel is klaar. Het beginscherm biedt het niet meer aan." in said
    session, _, said = afspraken(["k", "k"])
    assert not session.finished and "Het spel is toch niet klaar." in said
