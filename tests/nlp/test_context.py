"""Negation, hypotheticals and reasons (rules: context.json)."""

import pytest


@pytest.mark.parametrize("text, expected", [
    ("I had a headache", [("headache", "present")]),
    ("no headaches at all", [("headache", "negated")]),
    ("without any jitters", [("jitteriness", "negated")]),
    ("I didn't feel nauseous", [("nausea_gi", "negated")]),
    ("Can it cause headaches?", [("headache", "hypothetical")]),
    ("I'm worried about insomnia", [("insomnia", "hypothetical")]),
    ("no headaches, but some nausea", [("headache", "negated"), ("nausea_gi", "present")]),
    ("No headache. I felt dizzy though.", [("headache", "negated"), ("dizziness", "present")]),
])
def test_status_reaches_only_its_phrase(nlp, text, expected):
    assert [(e.effect, e.status) for e in nlp(text)._.effects] == expected


def test_reason_for_dosing_is_not_an_effect(nlp):
    assert nlp("I microdose to help with my insomnia")._.effects == []
