"""The privacy check before writing to the output folder: BSN (elfproef), student numbers,
e-mail addresses and phone numbers in typed text; dates, times, ids and counts never."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from dialoogspel.model import Agreement, AgreementKind, Mode, Session
from dialoogspel.model.terugblik import TerugblikItem
from dialoogspel.outcome.privacy import PrivacyFinding, elfproef, kinds_in, privacy_findings
from dialoogspel.table import Exporter, Table
from tests.outcome_sessions import played, setup


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("BSN 123456782", "bsn"),
        ("bsn: 1234.56.782", "bsn"),
        ("zijn nummer is 123 456 782.", "bsn"),
        ("studentnummer 123456", "studentnummer"),
        ("st.nr. 4567", "studentnummer"),
        ("s1234567 belt niet", "studentnummer"),
        ("leerling 654321 belt", "studentnummer"),
        ("mail j.jansen@school.nl", "e-mail"),
        ("bel 06-12345678", "telefoon"),
        ("06 1234 5678", "telefoon"),
        ("0612345678", "telefoon"),
        ("+31 6 12345678", "telefoon"),
        ("+31 (0)6 12345678", "telefoon"),
        ("010-1234567", "telefoon"),
        ("+32 470 12 34 56", "telefoon"),
    ],
)
def test_what_looks_personal_is_found(text: str, kind: str) -> None:
    assert kinds_in(text) == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "vóór 01-12-2026", "2026-12-01", "1-12", "op 1/12/26 om 10:30", "om 9.15 uur",
        "01-12-2026 10:30", "20261201", "01122026", "periode 2026-2027", "week 48",
        "U03", "uitval/U03", "V101", "3 kaarten", "12 studenten", "50% verzuim", "Klas 3B",
        "123456789", "1.000.000 euro", "150.000", "lokaal 0.12", "tel 2 3 4", "2026",
        "[/] [bold]x[/bold] [@click=app.quit]x[/] \x1b]0;x\x07", "a@b",
    ],
)  # fmt: skip
def test_dates_times_ids_and_counts_never_count(text: str) -> None:
    assert kinds_in(text) == []


def test_the_elfproef() -> None:
    assert elfproef("123456782") and elfproef("111222333")
    assert not elfproef("123456789") and not elfproef("000000000") and not elfproef("12345678")


def _bsn(digits: list[int]) -> str | None:
    """Eight digits and the check digit that makes them pass the elfproef (None if none does)."""
    total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
    check = total % 11
    return "".join(map(str, digits)) + str(check) if check < 10 else None


@given(st.lists(st.integers(0, 9), min_size=8, max_size=8), st.sampled_from(["", " ", "."]))
def test_every_bsn_is_found_in_a_note(digits: list[int], separator: str) -> None:
    number = _bsn(digits)
    assume(number is not None and number != "000000000")
    assert number is not None
    if separator == ".":
        number = f"{number[:4]}.{number[4:6]}.{number[6:]}"
    elif separator:
        number = f"{number[:3]} {number[3:6]} {number[6:]}"
    assert "bsn" in kinds_in(f"Het nummer is {number}, zegt de mentor.")


@given(
    st.dates(date(1990, 1, 1), date(2100, 12, 31)),
    st.times(),
    st.sampled_from(["{d:%d-%m-%Y}", "{d:%Y-%m-%d}", "{d.day}-{d.month}", "{d:%d/%m/%y}"]),
    st.integers(0, 99_999),
    st.from_regex(r"[A-Z]{1,3}[0-9]{1,3}", fullmatch=True),
)
def test_no_date_time_deadline_count_or_card_id_ever_counts(
    day: date, moment: time, shape: str, count: int, card: str
) -> None:
    text = (
        f"vóór {shape.format(d=day)} om {moment:%H:%M} ({moment:%H.%M} uur):"
        f" {count} studenten, kaart {card}, uitval/{card}"
    )
    assert kinds_in(text) == []


def test_findings_name_the_text_in_dutch() -> None:
    session = played(Mode.PIONNEN)
    session.states[session.cards[0].key].notes.append("BSN 123456782 nagaan")
    session.add_agreement(
        Agreement(AgreementKind.UITZOEKEN, "mail naar a.b@school.nl", "Anna", bron="tel 0612345678")
    )
    messages = [finding.message for finding in privacy_findings(session)]
    assert messages == [
        "In notitie 2 bij U01 staat iets dat op een BSN lijkt: 123456782.",
        "In afspraak 3 (wat) staat iets dat op een e-mailadres lijkt: a.b@school.nl.",
        "In afspraak 3 (bron) staat iets dat op een telefoonnummer lijkt: 0612345678.",
    ]


def test_casus_niveau_and_names_are_checked_too() -> None:
    session = Session(
        setup(casus="Klas 3B, s1234567", niveau="06-12345678", people=(("x@y.nl", "docent"),
              ("Ahmed", "docent"))),
        session_id="privacy00000",
    )  # fmt: skip
    assert [(f.where, f.kind) for f in privacy_findings(session)] == [
        ("de casus", "studentnummer"),
        ("het niveau", "telefoon"),
        ("de naam van deelnemer 1", "e-mail"),
    ]


def test_the_table_asks_before_writing_and_a_clean_session_has_nothing(tmp_path: object) -> None:
    table = Table(played(Mode.SAMEN), None, Exporter(tmp_path))  # type: ignore[arg-type]
    assert table.privacy_question() == []
    table.act(lambda: table.session.add_note("Bel de vader: 06 1234 5678"))
    assert [f.message for f in table.privacy_question()] == [
        "In de notitie bij U03 staat iets dat op een telefoonnummer lijkt: 06 1234 5678."
    ]


def test_every_value_is_found_with_where_to_change_it() -> None:
    session = played(Mode.PIONNEN)
    key = session.cards[1].key
    session.add_note("bel 06-12345678 of 06-87654321", key)
    session.terugblik = []
    findings = privacy_findings(session)
    assert [(f.kind, f.value, f.card_key) for f in findings] == [
        ("telefoon", "06-12345678", key),
        ("telefoon", "06-87654321", key),
    ]
    assert findings[0].key != findings[1].key


def test_the_same_value_typed_otherwise_is_the_same_finding() -> None:
    one, two = (PrivacyFinding("x", "telefoon", v) for v in ("06-12345678", "06 1234 5678"))
    assert one.key == two.key and one.key.startswith("telefoon:")
    mail = PrivacyFinding("x", "e-mail", "J.Jansen@School.nl")
    assert mail.key == PrivacyFinding("y", "e-mail", "j.jansen@school.nl").key
    assert "jansen" not in mail.key and "12345678" not in one.key  # a hash, not the value


@pytest.mark.parametrize(
    "hostile", ["[/]", "[bold]x[/bold]", "[@click=app.quit]x[/]", "\x1b]0;x\x07"]
)
def test_a_finding_is_shown_as_data(hostile: str) -> None:
    session = played(Mode.SAMEN)
    session.add_note(f"{hostile} j.jansen@school.nl{hostile}")
    (finding,) = privacy_findings(session)
    assert "\x1b" not in finding.message and "\x07" not in finding.message
    assert finding.message.startswith("In de notitie bij U03 staat iets dat op een e-mailadres")


def test_a_whole_session_of_dates_deadlines_ids_and_counts_finds_nothing() -> None:
    session = played(Mode.PIONNEN)
    key = session.cards[0].key
    session.add_note("Vóór 01-12-2026 om 10:30 bellen; 12 studenten, kaart U03 en uitval/U02", key)
    session.add_agreement(
        Agreement(
            AgreementKind.AAN_DE_SLAG, "gesprek op 2026-12-01 9.15 uur, 3 kaarten", "Anna",
            deadline=date(2026, 12, 1), card_key=key, vermoeden="week 48: 20% minder", bron="U01",
        )
    )  # fmt: skip
    session.terugblik = [
        TerugblikItem(
            "2026-11-01_uitval_klas-3b.md", "41c2aa0e91b3", 2, "verzuim opvragen", "Anna",
            date(2026, 12, 1), "uitval/U03", AgreementKind.UITZOEKEN, notitie="klaar op 20-11",
        )
    ]  # fmt: skip
    assert privacy_findings(session) == []


def test_a_terugblik_note_is_checked_too() -> None:
    session = played(Mode.SAMEN)
    session.terugblik = [
        TerugblikItem("a.md", None, 1, "x", "Bo", None, None, AgreementKind.UITZOEKEN,
                      notitie="mail bo@school.nl")
    ]  # fmt: skip
    (finding,) = privacy_findings(session)
    assert finding.message == (
        "In de terugblik-notitie 1 staat iets dat op een e-mailadres lijkt: bo@school.nl."
    )
