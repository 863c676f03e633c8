"""Effect wordings (rules: effects.json)."""

import pytest

from experiences.nlp import rules

SPEC_EFFECTS = {
    "anxiety_increase", "jitteriness", "fatigue", "brain_fog", "mood_worsening", "emotional_numbness", "headache",
    "nausea_gi", "insomnia", "dizziness", "cardiovascular", "temperature", "tingling_numbness", "appetite_loss",
    "muscle_tension", "perceptual_changes", "anxiety_reduction", "mood_improvement", "focus_improvement",
    "energy_increase", "creativity", "sleep_improvement", "sociability", "presence", "no_effect",
}


def test_lexicon_covers_exactly_the_contract_ids():
    assert set(rules.load("effects.json").by_id()) == SPEC_EFFECTS


@pytest.mark.parametrize("text, effect", [
    ("I had a slight headache", "headache"),
    ("felt a bit jittery", "jitteriness"),
    ("I felt calmer all day", "anxiety_reduction"),
    ("I was less anxious", "anxiety_reduction"),
    ("so much more energy", "energy_increase"),
    ("I slept better", "sleep_improvement"),
    ("honestly I felt nothing", "no_effect"),
    ("some nausea after", "nausea_gi"),
])
def test_wordings_map_to_ids(nlp, text, effect):
    assert [e.effect for e in nlp(text)._.effects] == [effect]


def test_longest_wording_wins(nlp):
    # "less anxious" is a benefit; the bare "anxious" inside it must not count as a side effect.
    assert [e.effect for e in nlp("I felt less anxious")._.effects] == ["anxiety_reduction"]
