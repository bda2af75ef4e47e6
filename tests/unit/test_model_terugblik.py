"""Terugblik rules in the model: which agreements are open, the answers, carrying one over."""

from __future__ import annotations

import json
from datetime import date

import pytest

from dialoogspel.model import (
    AgreementKind,
    EarlierAgreement,
    Held,
    RuleError,
    Session,
    Status,
    Step,
    TerugblikItem,
    held_for,
    open_items,
    session_from_dict,
    session_to_dict,
    status_for,
)
from tests.factories import make_session

UITZOEKEN, AAN_DE_SLAG = AgreementKind


def earlier() -> list[EarlierAgreement]:
    return [
        EarlierAgreement(1, UITZOEKEN, "Anna", "verzuim opvragen", date(2026, 12, 1), "uitval/U03",
                         vermoeden="vooral maandag", ticked=False, klaar=False),
        EarlierAgreement(2, AAN_DE_SLAG, "Bram", "mentor bellen", ticked=True),
        EarlierAgreement(3, AAN_DE_SLAG, "Chris", "rooster maken", klaar=True),
        EarlierAgreement(4, AAN_DE_SLAG, "team", "stage bezoeken", vermoeden="genegeerd"),
    ]  # fmt: skip


def with_items() -> Session:
    session = make_session()
    session.terugblik = open_items("2026-11-01_uitval_klas.md", "41c2aa0e91b3", earlier())
    return session


def test_open_means_not_ticked_and_not_klaar() -> None:
    items = open_items("a.md", None, earlier())
    assert [item.nr for item in items] == [1, 4]
    assert [a.is_open for a in earlier()] == [True, False, False, True]


def test_only_uitzoeken_keeps_its_vermoeden() -> None:
    first, last = open_items("a.md", None, earlier())
    assert first.vermoeden == "vooral maandag" and first.asks_vermoeden
    assert last.vermoeden is None and not last.asks_vermoeden


def test_answers_are_numbered_in_the_spec_order() -> None:
    assert [status_for(n).value for n in "1234"] == ["klaar", "loopt nog", "niet gelukt", "vervalt"]
    assert [held_for(n).value for n in "123"] == ["ja", "nee", "deels"]
    for wrong in ("", "0", "5", "klaar", "x"):
        with pytest.raises(RuleError, match="Kies 1"):
            status_for(wrong)
    with pytest.raises(RuleError, match="Kies 1 \\(ja\\)"):
        held_for("4")


def test_the_prompt_asks_to_look_back_until_every_item_is_answered() -> None:
    session = with_items()
    assert session.prompt.step is Step.TERUGBLIK
    assert session.terugblik_pending and session.next_terugblik() == 0
    session.answer_terugblik(0, Status.KLAAR)
    assert session.next_terugblik() == 1
    session.answer_terugblik(1, Status.VERVALT)
    assert not session.terugblik_pending and session.next_terugblik() is None
    assert session.prompt.step is not Step.TERUGBLIK


def test_every_answer_bumps_the_revision_once() -> None:
    session = with_items()
    start = session.revision
    session.answer_terugblik(0, Status.LOOPT_NOG)
    session.answer_terugblik(0, Status.LOOPT_NOG)  # the same answer again changes nothing
    session.note_terugblik(0, "  Maandag is het ergst.  ")
    session.vermoeden_terugblik(0, Held.DEELS)
    assert session.revision == start + 3
    item = session.terugblik[0]
    assert (item.status, item.notitie, item.vermoeden_held) == (
        Status.LOOPT_NOG,
        "Maandag is het ergst.",
        Held.DEELS,
    )
    session.note_terugblik(0, "   ")
    assert item.notitie is None


def test_refusals_are_dutch() -> None:
    session = with_items()
    with pytest.raises(RuleError, match="bestaat niet"):
        session.answer_terugblik(5, Status.KLAAR)
    with pytest.raises(RuleError, match="geen vermoeden"):
        session.vermoeden_terugblik(1, Held.JA)
    with pytest.raises(RuleError, match="Alleen een afspraak"):
        session.carry_over(0, None)  # not answered yet
    session.answer_terugblik(0, Status.KLAAR)
    with pytest.raises(RuleError, match="Alleen een afspraak"):
        session.carry_over(0, None)


def test_carry_over_adds_the_same_agreement_with_a_new_date() -> None:
    session = with_items()
    session.answer_terugblik(0, Status.NIET_GELUKT)
    made = session.carry_over(0, date(2027, 1, 15))
    assert session.agreements == [made]
    assert (made.kind, made.who, made.what, made.deadline) == (
        UITZOEKEN,
        "Anna",
        "verzuim opvragen",
        date(2027, 1, 15),
    )
    assert made.card_key == "uitval:U03"  # this session plays the same card
    assert session.terugblik[0].carried
    with pytest.raises(RuleError, match="al meegenomen"):
        session.carry_over(0, None)
    with pytest.raises(RuleError, match="al meegenomen"):
        session.answer_terugblik(0, Status.KLAAR)
    session.answer_terugblik(0, Status.LOOPT_NOG)  # still one that goes on: allowed


def test_terugblik_survives_saving_and_old_saves_have_none() -> None:
    session = with_items()
    session.answer_terugblik(0, Status.LOOPT_NOG)
    session.note_terugblik(0, "[bold]x[/bold]")
    session.vermoeden_terugblik(0, Held.NEE)
    session.carry_over(0, None)
    data = json.loads(json.dumps(session_to_dict(session)))
    back = session_from_dict(data, clock=lambda: 0.0)
    assert back.terugblik == session.terugblik
    assert back.prompt.step is Step.TERUGBLIK  # the second item waits: resumable
    del data["terugblik"]
    assert session_from_dict(data, clock=lambda: 0.0).terugblik == []


def test_damaged_terugblik_is_refused() -> None:
    from dialoogspel.model import SessionFormatError

    data = session_to_dict(with_items())
    data["terugblik"][0]["status"] = "misschien"
    with pytest.raises(SessionFormatError):
        session_from_dict(data)
    data["terugblik"][0] = {"bestand": 3}
    with pytest.raises(SessionFormatError):
        session_from_dict(data)


def test_late_means_the_deadline_passed() -> None:
    item = TerugblikItem("a.md", None, 1, "x", "y", date(2026, 12, 1), None, AAN_DE_SLAG)
    assert item.is_late(date(2026, 12, 2)) and not item.is_late(date(2026, 12, 1))


def test_carry_over_drops_a_card_this_session_does_not_play() -> None:
    session = make_session()
    agreement = EarlierAgreement(1, AAN_DE_SLAG, "Bram", "bellen", card="verzuim/V02")
    session.terugblik = open_items("a.md", None, [agreement])
    session.answer_terugblik(0, Status.LOOPT_NOG)
    assert session.carry_over(0, None).card_key is None
