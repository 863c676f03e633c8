"""The golden table of dose phrases (rules: doses.json)."""

import pytest

GOLDEN = [
    # text, [(substance, low, high, unit), ...]
    ("I took 0.1g today", [("psilocybin", 0.1, 0.1, "g")]),
    ("started with .1g", [("psilocybin", 0.1, 0.1, "g")]),
    ("0,1 g of cubes", [("psilocybin", 0.1, 0.1, "g")]),
    ("100mg every morning", [("psilocybin", 0.1, 0.1, "g")]),
    ("100 mg of shrooms", [("psilocybin", 0.1, 0.1, "g")]),
    ("10ug of acid", [("lsd", 10, 10, "ug")]),
    ("10 µg", [("lsd", 10, 10, "ug")]),
    ("12mcg", [("lsd", 12, 12, "ug")]),
    ("15 mics", [("lsd", 15, 15, "ug")]),
    ("0.01 mg of LSD", [("lsd", 10, 10, "ug")]),
    ("1/10 tab", [("lsd", 0.1, 0.1, "tab")]),
    ("a tenth of a gram", [("psilocybin", 0.1, 0.1, "g")]),
    ("a quarter tab", [("lsd", 0.25, 0.25, "tab")]),
    ("half a tab", [("lsd", 0.5, 0.5, "tab")]),
    ("point one five", [("psilocybin", 0.15, 0.15, "g")]),
    ("0.1-0.2g", [("psilocybin", 0.1, 0.2, "g")]),
    ("100 to 200mg", [("psilocybin", 0.1, 0.2, "g")]),
    ("10~20 micrograms", [("lsd", 10, 20, "ug")]),
    ("0.1g caps", [("psilocybin", 0.1, 0.1, "g")]),
    ("2 caps", [("psilocybin", 2, 2, "capsule")]),
    ("1 ml of the solution", [("lsd", 1, 1, "ml")]),
    ("(about 0.15g)", [("psilocybin", 0.15, 0.15, "g")]),
    ("~10ug", [("lsd", 10, 10, "ug")]),
    ("2,5 ug", [("lsd", 2.5, 2.5, "ug")]),
    ("500mg lion's mane", []),
    ("100mg niacin", []),
    ("niacin 100mg", []),
    ("bought a 3.5g bag", []),
    ("a 4 g chocolate bar", []),
    ("I weigh 70kg", []),
    ("100mg ketamine", []),
    ("30 days in", []),
]


@pytest.mark.parametrize("text, expected", GOLDEN, ids=[g[0] for g in GOLDEN])
def test_golden_dose_phrases(nlp, text, expected):
    doc = nlp(text)
    assert [(d.substance, pytest.approx(d.low), pytest.approx(d.high), d.unit) for d in doc._.doses] == expected


def test_offsets_point_at_the_amount(nlp):
    text = "Day 3: took 100 mg of shrooms."
    [dose] = nlp(text)._.doses
    assert text[dose.start:dose.end] == "100 mg"


def test_supplement_beside_a_dose_does_not_hide_it(nlp):
    doses = nlp("100mg niacin and 0.1g caps")._.doses
    assert [(d.low, d.unit) for d in doses] == [(0.1, "g")]
