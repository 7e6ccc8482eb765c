"""Tests for recheck.numerals.parse_english (phrases written for this project)."""

from __future__ import annotations

import math

import pytest

from recheck.numerals import parse_chinese, parse_english

WORDS = [
    ("forty-seven", 47),
    ("six hundred and twelve", 612),
    ("nine thousand four hundred", 9400),
    ("a dozen", 12),
    ("four dozen", 48),
    ("half a dozen", 6),
    ("seven point two five", 7.25),
    ("zero point oh six", 0.06),
    ("eleven point forty-two", 11.42),
    ("three quarters", 0.75),
    ("a sixth", 1 / 6),
    ("four and a half", 4.5),
    ("eighty and two thirds", 80 + 2 / 3),
    ("seven hundredths", 0.07),
    ("two fifteenths", 2 / 15),
    ("five thirty-sixths", 5 / 36),
    ("two over nine", 2 / 9),
    ("three out of eight", 3 / 8),
    ("half a million", 5e5),
    ("a quarter billion", 2.5e8),
    ("three quarters of a million", 7.5e5),
    ("eight million and a half", 8.5e6),
    ("two billion and a quarter million", 2_000_250_000),
    ("5 hundred and 40", 540),
    ("7 thousand 2 hundred", 7200),
    ("four lakh crore", 4e12),
]


@pytest.mark.parametrize(("text", "value"), WORDS)
def test_english_words(text: str, value: float) -> None:
    number = parse_english(text)
    assert number is not None, text
    assert math.isclose(number.value, value, rel_tol=1e-9)


@pytest.mark.parametrize(
    "text",
    ["a", "and", "twenty-first", "the fifty-fifth", "one second", "two three", "thirty twenty"],
)
def test_not_one_number(text: str) -> None:
    assert parse_english(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("three million, two hundred & six", 3_000_206),
        ("nine hundred & nine", 909),
    ],
)
def test_english_punctuated_words(text: str, value: float) -> None:
    number = parse_english(text)
    assert number is not None and math.isclose(number.value, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [("二〇二五", 2025), ("一九八七", 1987), ("一〇八", 108), ("三〇", 30), ("一百零八", 108)],
)
def test_chinese_digit_strings(text: str, value: float) -> None:
    number = parse_chinese(text)
    assert number is not None and number.value == value


def test_two_chinese_digits_are_an_estimate() -> None:
    assert parse_chinese("三五") is None  # 三五天: three to five days
