"""Substance names (rules: substances.json)."""

import pytest


@pytest.mark.parametrize("text, expected", [
    ("golden teacher cubes", ["psilocybin", "psilocybin"]),
    ("I took some GT", ["psilocybin"]),
    ("a 1P-LSD blotter", ["lsd", "lsd"]),
    ("ketamine", ["other"]),
    ("lion's mane", ["supplement"]),
    ("a gt b", []),
    ("some psylocibin mushies", ["psilocybin", "psilocybin"]),
    ("30 mg of amphetamine", ["other"]),
    ("xanax and trazodone", ["supplement", "supplement"]),
    ("100mg of DOM", ["other"]),
    ("dom is short for dominant", []),
    ("kanna and kratom", ["other", "other"]),
    ("a bit of mush", ["psilocybin"]),
    ("I quit marijuana and canabis oil", ["other", "other"]),
    ("maybe it was DOB", ["other"]),
    ("I used to smoke pot", ["other"]),
    ("a pot of tea", []),
    ("she relapsed on meth", ["other"]),
    ("the flushing nicotinic acid", ["supplement"]),
    ("an acid tab", ["lsd", "lsd"]),
    ("functional mushrooms like reishi", ["supplement", "supplement"]),
    ("hillbilly and blue meanies", ["psilocybin", "psilocybin"]),
    ("a small 🍄 today", []),
    ("I quit nicotine", ["supplement"]),
    ("microdosing psylosibin or Psylicybin", ["psilocybin", "psilocybin"]),
    ("my sibling is a silicon engineer", []),
    ("basilicybin is no word", []),
    ("a pre-workout with DMAA", ["supplement", "other"]),
    ("I feel a bit shroomy", ["psilocybin"]),
    # the title of somebody else's post, in a markdown link, names nothing the author took
    ("see [Psilocybin and ketamine for depression](https://example.org/x)", []),
    ("I took LSD, see [my notes](https://example.org/lsd)", ["lsd"]),
    ("thank you, magic fungi", ["psilocybin"]),
    ("this little fungus changed me", ["psilocybin"]),
    ("lion's mane and marijuana", ["supplement", "other"]),
    ("syrian rue and mhrb", ["other", "other"]),
    ("we went shrooming in the forest", ["psilocybin"]),
    ("I want to microdose some DOB", ["other"]),
    ("my dob is in may", []),
    ("he smokes cannibis", ["other"]),
    ("a mushroom complex with reishi", ["supplement", "supplement"]),
    ("stacked with functional mushrooms and psilocybin", ["supplement", "psilocybin"]),
])
def test_substance_terms(nlp, text, expected):
    assert [m.substance for m in nlp(text)._.substances] == expected


def test_medicine_word_endings_hide_an_amount(nlp):
    # "clozapine" is in no lexicon: its INN ending marks it as a medicine next to an amount
    assert nlp("I take clozapine 25mg")._.doses == []
    assert [d.low for d in nlp("I take 100mg of mushrooms")._.doses] == [0.1]


def test_spelling_patterns_are_lower_case():
    # they run over the folded text (lower case), so an upper-case letter would never match
    from experiences.nlp import rules
    for substance in rules.load("substances.json").substances:
        for pattern in substance.patterns:
            assert pattern == pattern.lower(), pattern
