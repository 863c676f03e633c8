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
    # ranges written in other ways
    ("back then I ate 2g's to 4g's", [("psilocybin", 2, 4, "g")]),
    ("~8ug to ~20ug", [("lsd", 8, 20, "ug")]),
    ("between 0.12 and 0.18 g", [("psilocybin", 0.12, 0.18, "g")]),
    ("0-15ug", [("lsd", 0, 15, "ug")]),
    ("dropped from 4g to .6mg-.65mg", [("psilocybin", 4, 4, "g"), ("psilocybin", 0.6, 0.65, "g")]),
    ("0.15 and 0.25 g on alternating mornings", [("psilocybin", 0.15, 0.15, "g"), ("psilocybin", 0.25, 0.25, "g")]),
    ("we have tried 50, 75 and 150 mg", [("psilocybin", 0.05, 0.05, "g"), ("psilocybin", 0.075, 0.075, "g"),
                                         ("psilocybin", 0.15, 0.15, "g")]),
    ("perhaps 80 / 120mg tonight", [("psilocybin", 0.08, 0.08, "g"), ("psilocybin", 0.12, 0.12, "g")]),
    # fractions and counts in words
    ("one-sixteenth of a blotter", [("lsd", 0.0625, 0.0625, "tab")]),
    ("I trimmed it to 1/12th of a tab", [("lsd", 0.083333, 0.083333, "tab")]),  # rounded to 6 places
    ("1/15 of a whole tab", [("lsd", 0.066667, 0.066667, "tab")]),
    ("I took 1/6th of a Blue Lotus tab", [("lsd", 0.166667, 0.166667, "tab")]),
    ("roughly half a gram", [("psilocybin", 0.5, 0.5, "g")]),
    ("she ate a gram and a half", [("psilocybin", 1.5, 1.5, "g")]),
    ("two and a half grams", [("psilocybin", 2.5, 2.5, "g")]),
    ("swallowing a third capsule tonight", []),
    ("took one whole tab last spring", [("lsd", 1, 1, "tab")]),
    ("she ate a gram on Friday", [("psilocybin", 1, 1, "g")]),
    ("I still own a gram of cubes", []),
    ("just take a blotter and dissolve it in vodka", []),
    # number and unit spellings
    ("0,120g", [("psilocybin", 0.12, 0.12, "g")]),
    ("04g", [("psilocybin", 0.4, 0.4, "g")]),
    ("15+ ug", [("lsd", 15, 15, "ug")]),
    ("12 micro gram", [("lsd", 12, 12, "ug")]),
    ("swallowed one 0.3 capsule", [("psilocybin", 0.3, 0.3, "g")]),
    ("three caps weighing .15g in total", [("psilocybin", 0.15, 0.15, "g")]),
    ("I swallow 3 caps", [("psilocybin", 3, 3, "capsule")]),
    ("size 2 capsules", []),
    ("there is no one pill for this", []),
    # milligrams: of mushroom, slips, medicines; of LSD
    ("0.35 mg of mushroom", [("psilocybin", 0.35, 0.35, "g")]),
    ("about 4mg of mushroom", []),
    ("0.3 mg of LSD", [("lsd", 300, 300, "ug")]),
    ("LSD: 15 mg", [("lsd", 15, 15, "ug")]),
    # unitless amounts where the context makes them a dose
    ("Dosage: .06 - .09", [("psilocybin", 0.06, 0.09, "g")]),
    ("On Sunday I ate .15", [("psilocybin", 0.15, 0.15, "g")]),
    ("we dose at .07 twice a week", [("psilocybin", 0.07, 0.07, "g")]),
    ("a .6 golden teacher cap", [("psilocybin", 0.6, 0.6, "g")]),
    (".3 of cubes", [("psilocybin", 0.3, 0.3, "g")]),
    ("at 0.04 and 0.065 I felt fine", [("psilocybin", 0.04, 0.04, "g"), ("psilocybin", 0.065, 0.065, "g")]),
    ("LSD dose: 9", [("lsd", 9, 9, "ug")]),
    ("LSD dose: 0.2", [("lsd", 0.2, 0.2, "tab")]),
    ("Acid works for me. I took 1/9 this morning.", [("lsd", 0.111111, 0.111111, "tab")]),
    ("Mushroom dose: 2 small ones", []),
    ("I eat .5 shrooms", []),
    ("the tap water has .4 ppm", []),
    ("it cost $0.05 a piece", []),
    ("this 0.3 hits you hard", []),
    ("I skip 2/3 days a week", []),
    # tab strengths, solutions, concentrations and conversions
    ("I got 3 tabs of 120ug", []),
    ("a 125ug blotter", []),
    ("these are 120ug each", []),
    ("1/12 of 150 µg", []),
    ("Dissolved 120ug in 60ml of distilled water", []),
    ("prepared a 150ml solution", []),
    ("5ug per ml", []),
    ("8g per litre", []),
    ("2 ml = 15 ug", []),
    ("so that is 3ug of LSD per 1ml", []),
    ("about 0.3 mg for every kg", []),
    ("a 0.01g scale", []),
    ("this morning I took 3ml = 6ug", [("lsd", 3, 3, "ml"), ("lsd", 6, 6, "ug")]),
    # stock
    # "from X to Y" after a change of dose is two amounts; after "anywhere" or "between" a range
    ("so I raised it from .15mg to .3mg", [("psilocybin", 0.15, 0.15, "g"), ("psilocybin", 0.3, 0.3, "g")]),
    ("we lowered the dose from 20 to 12ug", [("lsd", 20, 20, "ug"), ("lsd", 12, 12, "ug")]),
    ("anywhere from 0.05 to 0.15g works", [("psilocybin", 0.05, 0.15, "g")]),
    # a sub-milligram mg of mushroom is a slip for grams
    ("eating .3 mg of dried cubes", [("psilocybin", 0.3, 0.3, "g")]),
    ("I have been having 0.4mg of chocolate", [("psilocybin", 0.4, 0.4, "g")]),
    # "get" holds stock only as its object
    ("my buddy got me 3.5 grams", []),
    ("getting real benefits from 8ug", [("lsd", 8, 8, "ug")]),
    ("ordered some golden teachers, roughly 14 grams", []),
    # strengths per piece, and fractions of a microgram
    ("the brand says 500mg per square", []),
    ("these gummies are 0.08 per gummy", []),
    ("about a 1/20th micro amount", []),
    ("I bought 12g of truffles", []),
    ("we harvested 35 grams", []),
    ("down to my last 0.3g", []),
    ("0.4g left", []),
    ("I took my last 0.3g", [("psilocybin", 0.3, 0.3, "g")]),
    # medicines and other drugs
    ("my xanax at 4mg", []),
    ("raised my SSRI to 30mg", []),
    ("olanzapine 10mg", []),
    ("20 mg of amphetamine", []),
    ("Coming off paroxetine slowly. Now at 20mg.", []),
    ("500mg lion's mane", []),
    ("100mg niacin", []),
    ("niacin 100mg", []),
    ("bought a 3.5g bag", []),
    ("a 4 g chocolate bar", []),
    ("I weigh 70kg", []),
    ("100mg ketamine", []),
    ("30 days in", []),
    # round 3: notations and attribution
    ("she tried a 30 plus ug dose", [("lsd", 30, 30, "ug")]),
    ("ate 0.3/0.5g of dried cubes", [("psilocybin", 0.3, 0.5, "g")]),
    ("I normally take 1.2 before work", [("psilocybin", 1.2, 1.2, "g")]),
    ("took 1.5 hours to kick in", []),
    ("version 2.5 of the app", []),
    ("Mushrooms helped me. I smoked weed for years. I started with 150mg last week.",
     [("psilocybin", 0.15, 0.15, "g")]),
    ("I smoked weed for years. I started with 150mg last week.", []),
    ("I took 325mg aspirin for the flush", []),
    ("Got some 250mg mushroom capsules; now I take one capsule every morning", []),
    # a loose stock verb holds its object only up to a conjunction that starts another verb
    ("I got a new scale and then trimmed about 1/8 of a blotter", [("lsd", 0.125, 0.125, "tab")]),
    ("she got 14 grams and a 2g truffle pack", []),
    # "mc" for micrograms; a unitless fraction right before an LSD name
    ("Now I do 9mc every morning", [("lsd", 9, 9, "ug")]),
    ("Yesterday I had 1/3 acid", [("lsd", 0.333333, 0.333333, "tab")]),
    ("we split it 2/5 of 1P-LSD each", [("lsd", 0.4, 0.4, "tab")]),
    ("I dose on 2/3 days", []),
    # what someone holds is no dose; a small capsule content stays one
    ("I still have 12 grams of dried cubes at home", []),
    ("We have 0.2g capsules for the week", [("psilocybin", 0.2, 0.2, "g")]),
    # part of a capsule whose content is stated is that part of the content
    ("I opened it and had 1/4 of one 200mg capsule", [("psilocybin", 0.05, 0.05, "g")]),
    ("Tried half of a 0.3g cap today", [("psilocybin", 0.15, 0.15, "g")]),
    # abbreviations of medicines
    ("before class I take 50mg of moda", []),
    # the title of somebody else's post, and another drug's amount
    ("Exercise: [5ug + workout](https://example.org/x)", []),
    ("Today I microdosed 100mg of DOM", []),
    # a concentration is no dose; a dose given in two units is
    ("one site says 1 ml = 10 ug", []),
    ("Today I took 5ml = 5ug 1P-LSD", [("lsd", 5.0, 5.0, "ml"), ("lsd", 5.0, 5.0, "ug")]),
    # what each share of a solution holds is a concentration
    ("each ml contains 10ug", []),
    ("so every 1ml dropper squeeze would be 8ug", []),
    ("I take 1ml which is 10ug", [("lsd", 1, 1, "ml"), ("lsd", 10, 10, "ug")]),
    # "in order to" is no order of stock
    ("I dose 0.2g in order to focus", [("psilocybin", 0.2, 0.2, "g")]),
    ("I ordered 3.5g in a bag", []),
    # "mush" for mushrooms
    ("I take 1.2 for mush or half a tab", [("psilocybin", 1.2, 1.2, "g"), ("lsd", 0.5, 0.5, "tab")]),
    # a sub-milligram amount of chocolate is mushroom material, whatever medicine was named before
    ("I quit my SSRIs. Now I eat about .4 mg of chocolate", [("psilocybin", 0.4, 0.4, "g")]),
    ("I quit my SSRIs. Now I am at .4 mg", []),
    # a fraction of a tab whose strength is stated is a fraction of a tab
    ("I plan on taking half my 110ug tab", [("lsd", 0.5, 0.5, "tab")]),
    ("she had a quarter of a 100 ug blotter", [("lsd", 0.25, 0.25, "tab")]),
    # the stated strength of blotters, however hedged, is no dose
    ("these blotters are supposedly 120mcg so I took 12mcg", [("lsd", 12, 12, "ug")]),
    ("my tabs they are meant to be around 150ug", []),
    # the mushroom emoji after an amount shows what was taken, whatever medicine was named before
    ("I have been on zoloft for a year, and I took 200mg of 🍄 twice a week", [("psilocybin", 0.2, 0.2, "g")]),
    # a drug named only after the amount is not what the post is about; named before, it is
    ("I take 0.5 grams every other day. On weekends I smoke weed too", [("psilocybin", 0.5, 0.5, "g")]),
    ("I smoke weed most nights. I take 0.5 grams of it", []),
    # a stock word before an amount, unless a new clause starts between them
    ("I made a tincture in a vial, so 1ml is my dose", [("lsd", 1, 1, "ml")]),
    ("I bought a vial 10ml", []),
    ("a pre-workout with 150mg of DMAA", []),
    # the number an amount replaces shares its unit; not a count of something else
    ("by mistake I took 30ug instead of 15", [("lsd", 30, 30, "ug"), ("lsd", 15, 15, "ug")]),
    ("I took 20ug instead of 2 weeks off", [("lsd", 20, 20, "ug")]),
    # "micro dose" spelt apart is no unit: "10 micro" alone still is micrograms
    ("we pressed 20 micro dose capsules of .15g", [("psilocybin", 0.15, 0.15, "g")]),
    ("she took 2 micro doses this week", []),
    ("I took 10 micro of acid", [("lsd", 10, 10, "ug")]),
    # a hedge or a word between the number and its unit
    ("these days the amount is 1.2 +- grams", [("psilocybin", 1.2, 1.2, "g")]),
    ("she ate 2 full grams of truffles", [("psilocybin", 2, 2, "g")]),
    # a slash range whose low end is a whole number
    ("a 2/2.5 gram trip", [("psilocybin", 2, 2.5, "g")]),
    ("I take 1/10 tab", [("lsd", 0.1, 0.1, "tab")]),
    # the strength written right after the tab it names; a part of a tab keeps its equivalent
    ("I own one gel tab 220 ug", []),
    ("my 1P-LSD blotter 150ug arrived", []),
    ("I took half a tab 50ug", [("lsd", 0.5, 0.5, "tab"), ("lsd", 50, 50, "ug")]),
    # the stated content of capsules is a dose, even when bought or in a bottle
    ("we ordered 0.25g microdose capsules online", [("psilocybin", 0.25, 0.25, "g")]),
    ("she swallowed a jar of .2g caps", [("psilocybin", 0.2, 0.2, "g")]),
    ("I bought 3.5g of cubes", []),
    # the weight of each piece one holds is stock; an amount of each piece taken stays a dose
    ("the gummies in my drawer are 250mg each", []),
    ("a box of truffles, which weigh 2 grams each", []),
    ("I ate two truffles, 0.5g each", [("psilocybin", 0.5, 0.5, "g")]),
    # what a piece of stock holds, in a relative clause
    ("a chocolate bar which contains 2.5 grams of cubes", []),
    ("I buy chocolate bars and eat 0.5 grams of it", [("psilocybin", 0.5, 0.5, "g")]),
    # a count of capsules over weeks is no dose; a count beside the stated content is the content
    ("by now she has swallowed 8 capsules in total", []),
    ("I took 2 capsules this morning", [("psilocybin", 2, 2, "capsule")]),
    ("our capsules are 60 mg each and a serving is 3 capsules", [("psilocybin", 0.06, 0.06, "g")]),
    ("The capsules that are 60 mg each arrived on Tuesday and we are happy with the shop. A serving is 3 capsules.",
     [("psilocybin", 0.06, 0.06, "g")]),
    # the whole being divided is no dose; two amounts joined by a slash stay two
    ("split it: 120ug / 8 makes 15ug", [("lsd", 15, 15, "ug")]),
    ("I alternate 50 / 75mg on dosing days", [("psilocybin", 0.05, 0.05, "g"), ("psilocybin", 0.075, 0.075, "g")]),
    # a volume of the solution someone takes is a dose; the solvent a tab goes into is not
    ("every morning I take 3-4ml of the water", [("lsd", 3, 4, "ml")]),
    ("I fill a jar with 100ml of filtered water", []),
    ("my dose is 2 ml from a 15 ml vodka mix", [("lsd", 2, 2, "ml")]),
    # cc is a millilitre
    ("we put one tab in 20 cc of water and take 1 cc", [("lsd", 1, 1, "ml")]),
    # "a couple" of grams is two
    ("next weekend I might eat a couple grams of cubes", [("psilocybin", 2, 2, "g")]),
    ("I still have a couple grams left", []),
    # the amounts of harmalas and Syrian rue are not psilocybin
    ("a friend adds 40mg of harmalas and 1g of syrian rue to his mushroom tea", []),
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


@pytest.mark.parametrize("key", ["loose_stock_verbs", "change_words", "max_bare_grams"])
def test_dose_rules_require_their_word_lists(key):
    import json
    from importlib import resources

    from experiences.nlp import rules
    data = json.loads(resources.files("experiences.nlp").joinpath("resources").joinpath("doses.json").read_text())
    assert rules.load("doses.json").__getattribute__(key)
    with pytest.raises(rules.RuleFileError, match="missing key"):
        rules.DoseRules.from_json({k: v for k, v in data.items() if k != key})


@pytest.mark.parametrize("key, default", [("possession_before", ()), ("min_possessed_grams", 1)])
def test_possession_keys_load_and_may_be_left_out(key, default):
    import json
    from importlib import resources

    from experiences.nlp import rules
    data = json.loads(resources.files("experiences.nlp").joinpath("resources").joinpath("doses.json").read_text())
    assert getattr(rules.DoseRules.from_json(data), key)
    assert getattr(rules.DoseRules.from_json({k: v for k, v in data.items() if k != key}), key) == default
