"""Afspraken: who investigates or acts on what, by when, and how a typed deadline is read."""

from __future__ import annotations

from datetime import date

import pytest

from dialoogspel.model import (
    Agreement,
    AgreementKind,
    DeadlineError,
    Mode,
    Quadrant,
    describe_deadline,
    parse_deadline,
)
from tests.factories import make_session

TODAY = date(2026, 11, 15)


def agreement(what: str = "Verzuimcijfers opvragen", card: str | None = None) -> Agreement:
    return Agreement(AgreementKind.UITZOEKEN, what, "Anna", date(2026, 12, 1), card)


# -- parse_deadline: what a team types -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "1-12",
        "01-12",
        "1/12",
        "1.12",
        "01-12-2026",
        "1-12-26",
        "1.12.26",
        "1/12/2026",
        "2026-12-01",
    ],
)
def test_deadline_is_read_in_the_ways_dutch_teams_write_it(text: str) -> None:
    assert parse_deadline(text, TODAY) == date(2026, 12, 1)


def test_iso_deadline_may_leave_out_leading_zeros() -> None:
    assert parse_deadline("2027-1-5", TODAY) == date(2027, 1, 5)


def test_surrounding_spaces_are_ignored() -> None:
    assert parse_deadline("  1-12 \t", TODAY) == date(2026, 12, 1)


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_empty_deadline_means_no_deadline(text: str) -> None:
    assert parse_deadline(text, TODAY) is None


def test_day_month_still_ahead_this_year_is_this_year() -> None:
    assert parse_deadline("20-11", TODAY) == date(2026, 11, 20)


def test_day_month_already_past_this_year_rolls_to_next_year() -> None:
    assert parse_deadline("1-11", TODAY) == date(2027, 11, 1)
    assert parse_deadline("14-11", TODAY) == date(2027, 11, 14)


def test_day_month_of_today_stays_today() -> None:
    assert parse_deadline("15-11", TODAY) == TODAY


def test_new_years_day_typed_on_new_years_eve_is_tomorrow() -> None:
    assert parse_deadline("1-1", date(2026, 12, 31)) == date(2027, 1, 1)


def test_leap_day_without_year_is_the_coming_leap_day() -> None:
    assert parse_deadline("29-2", date(2027, 12, 1)) == date(2028, 2, 29)
    assert parse_deadline("29-2", date(2028, 1, 10)) == date(2028, 2, 29)


@pytest.mark.parametrize("today", [date(2026, 3, 1), date(2028, 3, 1)])
def test_leap_day_without_year_is_refused_when_none_comes_within_a_year(today: date) -> None:
    with pytest.raises(DeadlineError, match="bestaat niet als datum"):
        parse_deadline("29-2", today)


@pytest.mark.parametrize("text", ["31-2", "30-2-2026", "13-13", "0-5", "32-1", "1-0", "2026-02-30"])
def test_a_date_that_does_not_exist_is_refused_in_dutch(text: str) -> None:
    with pytest.raises(DeadlineError, match=r"bestaat niet als datum\. Kijk de dag en de maand na"):
        parse_deadline(text, TODAY)


@pytest.mark.parametrize(
    "text", ["morgen", "12-2026", "1-12-202", "1 december", "1-12-2026-1", "1--12", "x1-12", "1,12"]
)
def test_text_that_is_no_date_is_refused_with_examples_in_dutch(text: str) -> None:
    with pytest.raises(DeadlineError, match=r"is geen datum\. Typ bijvoorbeeld 1-12"):
        parse_deadline(text, TODAY)


def test_deadline_error_names_what_was_typed() -> None:
    with pytest.raises(DeadlineError, match="'morgen'"):
        parse_deadline(" morgen ", TODAY)


def test_deadline_error_is_a_value_error() -> None:
    assert issubclass(DeadlineError, ValueError)


# -- describe_deadline -----------------------------------------------------------------------


def test_describe_deadline_says_weekday_day_month_and_year_in_dutch() -> None:
    assert describe_deadline(date(2026, 12, 1)) == "dinsdag 1 december 2026"


def test_describe_deadline_uses_every_dutch_month_name() -> None:
    months = [describe_deadline(date(2027, m, 1)).split()[2] for m in range(1, 13)]
    assert months == [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ]


def test_describe_deadline_uses_every_dutch_weekday_from_monday() -> None:
    days = [describe_deadline(date(2026, 11, d)).split()[0] for d in range(16, 23)]
    assert days == ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]


# -- the agreement itself --------------------------------------------------------------------


def test_agreement_kinds_have_dutch_headings() -> None:
    assert AgreementKind.UITZOEKEN.label == "Uitzoeken"
    assert AgreementKind.AAN_DE_SLAG.label == "Aan de slag"


def test_agreement_survives_to_dict_and_back() -> None:
    original = Agreement(
        AgreementKind.AAN_DE_SLAG, "Gesprek plannen", "Bram", date(2027, 1, 5), "x:1"
    )
    assert Agreement.from_dict(original.to_dict()) == original


def test_agreement_without_deadline_or_card_survives_to_dict_and_back() -> None:
    original = Agreement(AgreementKind.UITZOEKEN, "Navragen", "team")
    assert original.to_dict()["deadline"] is None
    assert Agreement.from_dict(original.to_dict()) == original


# -- agreements in a session -----------------------------------------------------------------


def test_agreements_are_kept_in_the_order_they_were_made() -> None:
    session = make_session()
    session.add_agreement(agreement("eerste"))
    session.add_agreement(agreement("tweede"))
    assert [a.what for a in session.agreements] == ["eerste", "tweede"]


def test_replace_agreement_edits_in_place() -> None:
    session = make_session()
    session.add_agreement(agreement("eerste"))
    session.add_agreement(agreement("tweede"))
    session.replace_agreement(0, agreement("eerste, bijgewerkt"))
    assert [a.what for a in session.agreements] == ["eerste, bijgewerkt", "tweede"]


def test_remove_agreement_returns_what_was_removed() -> None:
    session = make_session()
    session.add_agreement(agreement("eerste"))
    session.add_agreement(agreement("tweede"))
    assert session.remove_agreement(0).what == "eerste"
    assert [a.what for a in session.agreements] == ["tweede"]


def test_every_agreement_change_bumps_the_revision() -> None:
    session = make_session()
    session.add_agreement(agreement())
    session.replace_agreement(0, agreement("anders"))
    session.remove_agreement(0)
    assert session.revision == 3


def test_cards_without_agreement_are_the_cards_in_a_quadrant_nobody_took_on() -> None:
    session = make_session(Mode.SAMEN)
    for _ in range(2):
        session.place(Quadrant.BELANGRIJK_URGENT)
        session.advance()
    session.place(Quadrant.BELANGRIJK_URGENT)
    session.add_agreement(agreement(card="uitval:U02"))
    suggestions = session.cards_without_agreement(Quadrant.BELANGRIJK_URGENT)
    assert [c.key for c in suggestions] == ["uitval:U01", "uitval:U03"]


def test_an_agreement_without_card_takes_no_card_off_the_suggestions() -> None:
    session = make_session(Mode.SAMEN)
    session.place(Quadrant.BELANGRIJK_URGENT)
    session.add_agreement(agreement(card=None))
    assert len(session.cards_without_agreement(Quadrant.BELANGRIJK_URGENT)) == 1


def test_cards_without_agreement_leave_out_other_quadrants_and_parked_cards() -> None:
    session = make_session(Mode.SAMEN)
    session.place(Quadrant.BELANGRIJK_URGENT)
    session.advance()
    session.place(Quadrant.BELANGRIJK_URGENT)
    session.toggle_park()
    session.advance()
    session.place(Quadrant.NIET_BELANGRIJK_URGENT)
    suggestions = session.cards_without_agreement(Quadrant.BELANGRIJK_URGENT)
    assert [c.key for c in suggestions] == ["uitval:U01"]
