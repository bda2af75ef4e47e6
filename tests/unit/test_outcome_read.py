"""Outcome files read back: format 2 from the front matter (boxes from the body), format 1 from
the body, hand-edited files, and damage that only ever raises OutcomeFormatError."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dialoogspel.model import Agreement, AgreementKind, Mode, Session
from dialoogspel.outcome import (
    OutcomeAgreement,
    OutcomeFormatError,
    read_front_matter,
    read_outcome,
    record_of,
    render,
)
from dialoogspel.textsafe import clean_text
from tests import outcome_v1
from tests.outcome_sessions import DAY, played, setup
from tests.unit.test_outcome import hostile

OLD = Path(__file__).parent.parent / "data" / "uitkomst_v1"


# -- format 2 ---------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", list(Mode))
def test_format_2_round_trip_gives_the_record_back(mode: Mode) -> None:
    session = played(mode)
    data = read_outcome(render(session, DAY))
    assert data.formaat == 2
    assert data.record == record_of(session, DAY)


@settings(max_examples=100, deadline=None)
@given(
    what=hostile,
    who=st.one_of(hostile, st.just("Anna"), st.just("  ahmed ")),
    vermoeden=st.one_of(st.none(), hostile),
    deadline=st.one_of(st.none(), st.dates(date(2000, 1, 1), date(2099, 12, 31))),
    casus=hostile,
)
def test_format_2_agreements_read_back_exactly(
    what: str, who: str, vermoeden: str | None, deadline: date | None, casus: str
) -> None:
    session = Session(setup(casus=casus, niveau=casus), session_id="roundtrip000")
    key = session.cards[2].key
    for kind in (AgreementKind.AAN_DE_SLAG, AgreementKind.UITZOEKEN):
        session.add_agreement(Agreement(kind, what, who, deadline, key, vermoeden, "JOB-monitor"))

    data = read_outcome(render(session, DAY))

    assert data.record == record_of(session, DAY)
    person = session.match_participant(who)
    first = OutcomeAgreement(
        AgreementKind.AAN_DE_SLAG, what, who, person.role if person else None, deadline,
        "uitval/U03", False, 1, vermoeden, "JOB-monitor",
    )  # fmt: skip
    second = first._replace(kind=AgreementKind.UITZOEKEN, nr=2)
    assert data.agreements == (first, second)
    # the body lists Uitzoeken (nr 2) first: ticking that box marks nr 2, not nr 1
    ticked = read_outcome(render(session, DAY).replace("\n- [ ] ", "\n- [x] ", 1))
    assert [a.done for a in ticked.agreements] == [False, True]


def _ticked_session() -> str:
    session = played(Mode.PIONNEN)
    session.add_agreement(Agreement(AgreementKind.AAN_DE_SLAG, "ouders bellen", "Bram"))
    return render(session, DAY)


def test_boxes_ticked_in_the_body_count_as_klaar() -> None:
    text = _ticked_session().replace("- [ ] **Team**", "- [X] **Team**")
    text = text.replace("- [ ] **Bram**", "* [x] **Bram**")
    done = {a.what: a.done for a in read_outcome(text).agreements}
    assert done == {
        "verzuim per week opvragen": False,
        "mentorgesprek": True,
        "ouders bellen": True,
    }


def test_reordered_and_added_lines_and_plus_bullets_are_tolerated() -> None:
    text = _ticked_session()
    team, bram = "- [ ] **Team**: mentorgesprek", "- [ ] **Bram**: ouders bellen"
    text = text.replace(f"{team}\n{bram}", f"+ [x] **Bram**: ouders bellen\n\nNog iets.\n\n{team}")
    text = text.replace("### Uitzoeken\n", "### Uitzoeken\n\nDit lazen we na.\n")
    data = read_outcome(text.replace("\n", "\r\n"))
    assert [(a.nr, a.done) for a in data.agreements] == [(1, False), (2, False), (3, True)]
    assert data.open_agreements[0].who == "Anna"


def test_an_agreement_edited_in_the_body_keeps_its_box_by_place() -> None:
    text = _ticked_session().replace("- [ ] **Team**: mentorgesprek", "- [x] **Team**: gesprek")
    assert [a.done for a in read_outcome(text).agreements] == [False, True, False]


def test_an_agreement_removed_from_the_body_keeps_what_the_front_matter_says() -> None:
    text = _ticked_session().replace("klaar: false}", "klaar: true}")
    text = text.replace("- [ ] **Team**: mentorgesprek\n", "")
    assert [a.done for a in read_outcome(text).agreements] == [False, True, False]


def test_read_front_matter_only_reads_the_head() -> None:
    text = render(played(Mode.SAMEN), DAY)
    head = read_front_matter(text + "\n## Afspraken\n- [ ] **x**: y\n")
    assert head["sessie"] == "a1b2c3d4e5f6" and head["datum"] == DAY
    assert read_front_matter("# Geen kopje\n") == {}


# -- format 1 ---------------------------------------------------------------------------------


def test_format_1_files_stay_readable() -> None:
    data = read_outcome((OLD / "pionnen.md").read_text(encoding="utf-8"))
    assert (data.formaat, data.record, data.front_matter["sessie"]) == (1, None, "a1b2c3d4e5f6")
    assert data.agreements == (
        OutcomeAgreement(
            AgreementKind.UITZOEKEN, "verzuim per week opvragen", "Anna", "docent",
            date(2026, 12, 1), "U01", False,
        ),
        OutcomeAgreement(
            AgreementKind.UITZOEKEN, "cijfers — per week [lijst] *vet*", "Bram (extern)", None,
            date(2027, 1, 8), "U02", False,
        ),
        OutcomeAgreement(
            AgreementKind.AAN_DE_SLAG, "mentorgesprek", "Team", None, None, None, False
        ),
    )  # fmt: skip
    two = read_outcome((OLD / "twee-stapels.md").read_text(encoding="utf-8"))
    assert two.agreements[0].card_id == "verzuim:U01"


@pytest.mark.parametrize("name", ["samen", "vragen"])
def test_format_1_in_every_mode(name: str) -> None:
    data = read_outcome((OLD / f"{name}.md").read_text(encoding="utf-8"))
    assert [(a.who, a.what, a.deadline) for a in data.agreements] == [
        ("Anna", "verzuim per week opvragen", date(2026, 12, 1)),
        ("Team", "mentorgesprek", None),
    ]


@settings(max_examples=100, deadline=None)
@given(
    what=hostile,
    who=st.one_of(hostile, st.just("Anna")),
    deadline=st.one_of(st.none(), st.dates(date(2000, 1, 1), date(2099, 12, 31))),
)
def test_format_1_agreements_with_any_text_read_back_exactly(
    what: str, who: str, deadline: date | None
) -> None:
    session = Session(setup(), session_id="roundtrip000")
    session.add_agreement(Agreement(AgreementKind.UITZOEKEN, what, who, deadline, "uitval:U03"))
    (agreement,) = read_outcome(outcome_v1.render(session, DAY)).agreements
    assert (agreement.what, agreement.who) == (clean_text(what), clean_text(who))
    assert (agreement.deadline, agreement.card_id) == (deadline, "U03")


def test_a_format_1_file_edited_by_hand() -> None:
    text = (
        "## Afspraken\n### Aan de slag\n"
        "* [X] **Bram**: bellen — ook mailen — vóór 2026-02-30\n"
        "- [ ] iets zonder eigenaar\n"
        "+ [ ] **Chris** (docent): mailen — voor 3 maart 2027 — kaart V02\n"
        "  - [x] **Sub**: telt niet\n"
        "## Bord\n- [ ] **Niet**: hier\n"
    )
    first, second = read_outcome(text).agreements
    assert first.what == "bellen — ook mailen — vóór 2026-02-30"
    assert first.deadline is None and first.done and first.kind is AgreementKind.AAN_DE_SLAG
    assert (second.role, second.deadline, second.card_id) == ("docent", date(2027, 3, 3), "V02")


# -- damage -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("---\ncasus: x\n", "niet afgesloten"),
        ("---\ncasus: [\n---\n", "geen geldige YAML"),
        ("---\n- een lijst\n---\n# x\n", "geen gegevens"),
        ("---\ndatum: 2026-02-30\n---\n", "waarde die niet klopt"),
        ("---\nformaat: 3\n---\n", "nieuwere versie"),
        ("---\nformaat: twee\n---\n", "geen nummer"),
        ("---\nformaat: 2\nmodus: dammen\n---\n", "'modus'"),
        ("---\nformaat: 2\nmodus: samen\nsessie: x\ndatum: morgen\n---\n", "'datum'"),
    ],
)
def test_damage_is_explained_in_dutch(text: str, reason: str) -> None:
    with pytest.raises(OutcomeFormatError, match=reason):
        read_outcome(text)


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("vak: 1,", "vak: 7,", "bord 1 › vak"),
        ("hoe: eens", "hoe: misschien", "bord 2 › hoe"),
        ("soort: uitzoeken", "soort: later", "afspraak 1 › soort"),
        ("klaar: false}", "klaar: ja}", "afspraak 1 › klaar"),
        ("voor: 2026-12-01", "voor: [1]", "afspraak 1 › voor"),
        ("deelnemers:\n  - {naam: Anna", "deelnemers:\n  - [Anna]\n  - {naam: Anna", "deelnemers"),
    ],
)
def test_a_damaged_format_2_head_names_the_key(old: str, new: str, where: str) -> None:
    text = render(played(Mode.PIONNEN), DAY).replace(old, new, 1)
    with pytest.raises(OutcomeFormatError, match=f"'{where}'"):
        read_outcome(text)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.builds(
            lambda cut, junk: render(played(Mode.PIONNEN), DAY)[:cut] + junk,
            st.integers(0, 2500),
            st.text(max_size=20),
        ),
    )
)
def test_any_text_reads_or_raises_only_the_dutch_error(text: str) -> None:
    try:
        read_outcome(text)
    except OutcomeFormatError as error:
        assert str(error)


def test_empty_values_left_by_hand_read_as_empty_text() -> None:
    text = render(played(Mode.SAMEN), DAY).replace("casus: Klas 3B Verzorgende IG", "casus:")
    text = text.replace("wie: Team, wat: mentorgesprek", "wie: , wat: ")
    data = read_outcome(text)
    assert data.record is not None and data.record.casus == ""
    assert (data.agreements[1].who, data.agreements[1].what) == ("", "")
