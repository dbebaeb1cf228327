"""Unit tests for ``sphinx_newsarc.core.dates``: ISO dates, partial dates, errors, hints."""

from __future__ import annotations

import datetime as dt

import pytest

from sphinx_newsarc.core.dates import DateError, EventDate, parse_date

# -- valid dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "precision", "iso"),
    [
        ("2006-04-10", EventDate(2006, 4, 10), "day", "2006-04-10"),
        ("2006-04", EventDate(2006, 4, 0), "month", "2006-04"),
        ("2006", EventDate(2006, 0, 0), "year", "2006"),
        ("  2006-04-10\n", EventDate(2006, 4, 10), "day", "2006-04-10"),
        ("2004-02-29", EventDate(2004, 2, 29), "day", "2004-02-29"),
        ("2000-02-29", EventDate(2000, 2, 29), "day", "2000-02-29"),
        ("2006-12-31", EventDate(2006, 12, 31), "day", "2006-12-31"),
        ("0001-01-01", EventDate(1, 1, 1), "day", "0001-01-01"),
        ("9999-12", EventDate(9999, 12, 0), "month", "9999-12"),
    ],
)
def test_parse_valid(text: str, expected: EventDate, precision: str, iso: str) -> None:
    date = parse_date(text)
    assert date == expected
    assert (date.year, date.month, date.day) == (expected.year, expected.month, expected.day)
    assert date.precision == precision
    assert date.iso() == iso
    assert str(date) == iso


def test_iso_pads_small_numbers() -> None:
    assert EventDate(987, 3, 4).iso() == "0987-03-04"
    assert EventDate(987, 3).iso() == "0987-03"
    assert EventDate(987).iso() == "0987"


def test_month_key_and_year_key() -> None:
    assert EventDate(2006, 4, 10).month_key() == "2006-04"
    assert EventDate(2006, 4).month_key() == "2006-04"
    assert EventDate(2006).month_key() is None
    assert EventDate(2006, 4, 10).year_key() == "2006"
    assert EventDate(2006).year_key() == "2006"
    assert EventDate(45, 1).month_key() == "0045-01"
    assert EventDate(45).year_key() == "0045"


def test_as_date_is_first_day_covered() -> None:
    assert parse_date("2006-04-10").as_date() == dt.date(2006, 4, 10)
    assert parse_date("2006-04").as_date() == dt.date(2006, 4, 1)
    assert parse_date("2006").as_date() == dt.date(2006, 1, 1)


def test_event_date_is_frozen_and_hashable() -> None:
    date = parse_date("2006-04-10")
    with pytest.raises(AttributeError):
        date.year = 2007  # type: ignore[misc]
    assert {date, parse_date("2006-04-10"), parse_date("2006-04")} == {
        EventDate(2006, 4, 10),
        EventDate(2006, 4),
    }


# -- ordering ------------------------------------------------------------------------------


def test_year_only_sorts_before_days_of_that_year() -> None:
    year = parse_date("2006")
    assert year < parse_date("2006-01-01")
    assert year < parse_date("2006-04")
    assert year < parse_date("2006-12-31")
    assert year > parse_date("2005-12-31")
    assert year < parse_date("2007")


def test_month_only_sorts_before_days_of_that_month_and_after_earlier_months() -> None:
    month = parse_date("2006-04")
    assert month < parse_date("2006-04-01")
    assert month > parse_date("2006-03-31")
    assert month < parse_date("2006-05")
    assert month > parse_date("2006")


def test_sorting_mixed_precision() -> None:
    texts = ["2006-04-10", "2005", "2006", "2006-04", "2006-01-01", "2006-12", "2005-12-31"]
    ordered = [d.iso() for d in sorted(parse_date(t) for t in texts)]
    assert ordered == [
        "2005",
        "2005-12-31",
        "2006",
        "2006-01-01",
        "2006-04",
        "2006-04-10",
        "2006-12",
    ]


# -- impossible dates -----------------------------------------------------------------------


def test_february_30_is_rejected_with_month_name() -> None:
    with pytest.raises(DateError) as info:
        parse_date("2006-02-30")
    assert str(info.value) == "'2006-02-30' is not a date: February 2006 has no day 30"


def test_month_13_is_rejected() -> None:
    with pytest.raises(DateError) as info:
        parse_date("2006-13-01")
    assert str(info.value) == "'2006-13-01' is not a date: there is no month 13"


@pytest.mark.parametrize("text", ["2006-00", "2006-00-10", "2006-13"])
def test_month_out_of_range(text: str) -> None:
    with pytest.raises(DateError, match="there is no month"):
        parse_date(text)


def test_february_29_only_in_leap_years() -> None:
    assert parse_date("2004-02-29") == EventDate(2004, 2, 29)
    with pytest.raises(DateError) as info:
        parse_date("2005-02-29")
    assert "February 2005 has no day 29" in str(info.value)
    with pytest.raises(DateError, match="February 1900 has no day 29"):
        parse_date("1900-02-29")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("2006-04-31", "April 2006 has no day 31"),
        ("2006-04-00", "April 2006 has no day 0"),
        ("2006-01-32", "January 2006 has no day 32"),
    ],
)
def test_day_out_of_range(text: str, fragment: str) -> None:
    with pytest.raises(DateError) as info:
        parse_date(text)
    assert fragment in str(info.value)


@pytest.mark.parametrize("text", ["0000", "0000-01"])
def test_year_zero_is_rejected(text: str) -> None:
    with pytest.raises(DateError, match="years start at 0001"):
        parse_date(text)


def test_year_zero_full_date_raises_date_error() -> None:
    with pytest.raises(DateError, match="years start at 0001"):
        parse_date("0000-01-01")


def test_date_error_is_a_value_error() -> None:
    assert issubclass(DateError, ValueError)


# -- empty and non-ISO input ----------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_date(text: str) -> None:
    with pytest.raises(DateError) as info:
        parse_date(text)
    assert str(info.value) == "the date is empty; write it as YYYY-MM-DD (or YYYY-MM, YYYY)"


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("10 April 2006", "2006-04-10"),
        ("April 10, 2006", "2006-04-10"),
        ("April 10 2006", "2006-04-10"),
        ("10 Apr. 2006", "2006-04-10"),
        ("Sept 3, 2001", "2001-09-03"),
        ("2006/04/10", "2006-04-10"),
        ("2006.4.1", "2006-04-01"),
        ("April 2006", "2006-04"),
    ],
)
def test_non_iso_forms_get_a_hint(text: str, hint: str) -> None:
    with pytest.raises(DateError) as info:
        parse_date(text)
    message = str(info.value)
    assert message == f"{text!r} is not an ISO 8601 date; write {hint!r}"
    assert hint in message


@pytest.mark.parametrize(
    "text",
    [
        "yesterday",
        "10/04/2006",  # day/month or month/day: ambiguous, no hint
        "2006-4-10",
        "06-04-10",
        "20060410",
        "30 February 2006",  # recognisable form but no such day
        "2006/02/30",
        "2006-04-10T12:00",
    ],
)
def test_non_iso_without_hint_gets_the_generic_advice(text: str) -> None:
    with pytest.raises(DateError) as info:
        parse_date(text)
    assert str(info.value) == (
        f"{text!r} is not an ISO 8601 date; write it as YYYY-MM-DD (or YYYY-MM, YYYY)"
    )


def test_ordinal_day_hint_keeps_the_day() -> None:
    with pytest.raises(DateError) as info:
        parse_date("April 10th, 2006")
    assert "'2006-04-10'" in str(info.value)
