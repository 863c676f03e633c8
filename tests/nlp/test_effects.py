"""Effect wordings (rules: effects.json). Every phrase here is a short synthetic example."""

import pytest

from experiences.nlp import rules

SPEC_EFFECTS = {
    "anxiety_increase", "jitteriness", "fatigue", "brain_fog", "mood_worsening", "emotional_numbness", "headache",
    "nausea_gi", "insomnia", "dizziness", "cardiovascular", "temperature", "tingling_numbness", "appetite_loss",
    "muscle_tension", "perceptual_changes", "anxiety_reduction", "mood_improvement", "focus_improvement",
    "energy_increase", "creativity", "sleep_improvement", "sociability", "presence", "no_effect",
}


def found(nlp, text):
    return [(e.effect, e.status) for e in nlp(text)._.effects]


def test_lexicon_covers_exactly_the_contract_ids():
    assert set(rules.load("effects.json").by_id()) == SPEC_EFFECTS


def test_opposites_pair_side_effects_with_benefits():
    effects = rules.load("effects.json").by_id()
    for effect in effects.values():
        if effect.opposite:
            assert {effect.kind, effects[effect.opposite].kind} == {"side_effect", "benefit"}


@pytest.mark.parametrize("text, effect", [
    ("I had a slight headache", "headache"),
    ("felt a bit jittery", "jitteriness"),
    ("I felt calmer all day", "anxiety_reduction"),
    ("I was less anxious", "anxiety_reduction"),
    ("so much more energy", "energy_increase"),
    ("I slept better", "sleep_improvement"),
    ("honestly I felt nothing", "no_effect"),
    ("some nausea after", "nausea_gi"),
    # inflections and everyday wordings
    ("my stomach felt queasy", "nausea_gi"),
    ("I was so sleepy by noon", "fatigue"),
    ("I got a little lightheaded", "dizziness"),
    ("my heart was racing", "cardiovascular"),
    ("I was clenching my jaw", "muscle_tension"),
    ("I was tossing and turning all night", "insomnia"),
    ("colours seemed brighter", "perceptual_changes"),
    ("it made me really chatty", "sociability"),
    ("I had tons of new ideas", "creativity"),
    ("I was in the zone at work", "focus_improvement"),
    ("I felt more present with my kids", "presence"),
    ("it did nothing, zero effect", "no_effect"),
])
def test_wordings_map_to_ids(nlp, text, effect):
    assert [e.effect for e in nlp(text)._.effects] == [effect]


def test_longest_wording_wins(nlp):
    # "less anxious" is a benefit; the bare "anxious" inside it must not count as a side effect.
    assert [e.effect for e in nlp("I felt less anxious")._.effects] == ["anxiety_reduction"]


@pytest.mark.parametrize("text, expected", [
    # a common word counts after a state cue ...
    ("I felt so happy", [("mood_improvement", "present")]),
    ("I was really calm at work", [("anxiety_reduction", "present")]),
    ("I felt more social than usual", [("sociability", "present")]),
    ("I am much more present", [("presence", "present")]),
    ("I feel good", [("mood_improvement", "present")]),
    ("it made me sleepy", [("fatigue", "present")]),
    # ... or beside an effect just found ...
    ("I was energetic and calm", [("energy_increase", "present"), ("anxiety_reduction", "present")]),
    # ... but not on its own
    ("happy microdosing everyone", []),
    ("try to stay calm", []),
    ("good question", []),
    ("I deleted social media", []),
    ("be mindful of the dose", []),
    ("my nervous system", []),
    ("I'm happy to answer questions", []),
    ("jump to content", []),
])
def test_common_words_need_context(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the relief of a condition is the benefit
    ("my anxiety lifted", [("anxiety_reduction", "present")]),
    ("my depression is almost completely gone", [("mood_improvement", "present")]),
    ("less stress and anxiety", [("anxiety_reduction", "present"), ("anxiety_reduction", "present")]),
    ("it really helped my anxiety", [("anxiety_reduction", "present")]),
    ("the brain fog lifted", [("focus_improvement", "present")]),
    # its worsening the side effect
    ("my anxiety came back", [("anxiety_increase", "present")]),
    ("it gave me a spike in anxiety", [("anxiety_increase", "present")]),
    # the condition alone is no effect
    ("I have anxiety and depression", []),
    # reversal of side effects, loss of benefits
    ("I'm no longer tired in the afternoon", [("energy_increase", "present")]),
    ("I'm not anxious anymore", [("anxiety_reduction", "present")]),
    ("I had a lack of focus", [("brain_fog", "present")]),
    ("less motivated than usual", [("fatigue", "present")]),
    ("it cured my migraines", [("headache", "negated")]),
    # levels: a rise is the benefit, a fall its opposite
    ("my mood was definitely lifted", [("mood_improvement", "present")]),
    ("improved focus", [("focus_improvement", "present")]),
    ("my energy levels dropped", [("fatigue", "present")]),
    ("my sleep was terrible", [("insomnia", "present")]),
    ("I've been sleeping much better", [("sleep_improvement", "present")]),
])
def test_reductions_and_rises_flip_the_id(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("I didn't notice anything", [("no_effect", "present")]),
    ("I didn't really feel much", [("no_effect", "present")]),
    ("It doesn't seem to work", [("no_effect", "present")]),
    ("I noticed it right away", []),
    # "much" followed by a noun is about that noun, not about no effect
    ("I didn't feel much empathy", [("sociability", "negated")]),
    ("I could not concentrate", [("brain_fog", "present")]),
])
def test_negated_wordings(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, effect", [
    ("I FELT SO HAPPY", "mood_improvement"),
    ("NO MORE ANXIETY", "anxiety_reduction"),
    ("İstanbul trip, and I felt dizzy", "dizziness"),  # a letter whose lower case is longer keeps the offsets
])
def test_case_and_offsets(nlp, text, effect):
    [mention] = nlp(text)._.effects
    assert mention.effect == effect
    assert text[mention.start:mention.end].lower().split()[-1] in {"happy", "anxiety", "dizzy"}


def test_an_unknown_opposite_is_rejected():
    import json
    from importlib import resources
    data = json.loads(resources.files("experiences.nlp").joinpath("resources", "effects.json").read_text())
    data["effects"][0]["opposite"] = "no_such_effect"
    with pytest.raises(rules.RuleFileError, match="unknown opposite"):
        rules.EffectRules.from_json(data)
