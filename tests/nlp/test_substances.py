"""Substance names (rules: substances.json)."""

import pytest


@pytest.mark.parametrize("text, expected", [
    ("golden teacher cubes", ["psilocybin", "psilocybin"]),
    ("I took some GT", ["psilocybin"]),
    ("a 1P-LSD blotter", ["lsd", "lsd"]),
    ("ketamine", ["other"]),
    ("lion's mane", ["supplement"]),
    ("a gt b", []),
])
def test_substance_terms(nlp, text, expected):
    assert [m.substance for m in nlp(text)._.substances] == expected
