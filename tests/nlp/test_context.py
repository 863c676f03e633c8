"""Negation, hypotheticals and reasons (rules: context.json). Every phrase here is a short synthetic example."""

import pytest


def found(nlp, text):
    return [(e.effect, e.status) for e in nlp(text)._.effects]


@pytest.mark.parametrize("text, expected", [
    ("I had a headache", [("headache", "present")]),
    ("no headaches at all", [("headache", "negated")]),
    ("without any jitters", [("jitteriness", "negated")]),
    ("I didn't feel nauseous", [("nausea_gi", "negated")]),
    ("I didn’t feel nauseous", [("nausea_gi", "negated")]),
    ("I didnt feel nauseous", [("nausea_gi", "negated")]),
    ("Can it cause headaches?", [("headache", "hypothetical")]),
    ("I'm worried about insomnia", [("insomnia", "hypothetical")]),
    ("no headaches, but some nausea", [("headache", "negated"), ("nausea_gi", "present")]),
    ("No headache. I felt dizzy though.", [("headache", "negated"), ("dizziness", "present")]),
])
def test_status_reaches_only_its_phrase(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a negation stops at a termination or a new clause
    ("I didn't feel anxious and I felt calm", [("anxiety_increase", "negated"), ("anxiety_reduction", "present")]),
    ("not nauseous, just a little dizzy", [("nausea_gi", "negated"), ("dizziness", "present")]),
    ("no nausea; slight headache", [("nausea_gi", "negated"), ("headache", "present")]),
    # ... and reaches only a few words forward
    ("I didn't take it with food or water, and the afternoon brought nausea", [("nausea_gi", "present")]),
    # a whole list is negated
    ("no nausea, dizziness or headache", [("nausea_gi", "negated"), ("dizziness", "negated"),
                                          ("headache", "negated")]),
    # "rarely" denies the effect
    ("I rarely get headaches now", [("headache", "negated")]),
])
def test_negation_scope(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("no doubt I felt calmer", [("anxiety_reduction", "present")]),
    ("not only calmer but happier too", [("anxiety_reduction", "present"), ("mood_improvement", "present")]),
    ("I've never felt better", [("mood_improvement", "present")]),
    ("I haven't felt this calm in years", [("anxiety_reduction", "present")]),
    ("I've felt nothing but positive effects", []),
    ("it felt as if I was more focused", [("focus_improvement", "present")]),
    # "managed to get", "able to get" tell what happened; "nothing major" says the effect was mild
    ("I managed to get a good sleep schedule.", [("sleep_improvement", "present")]),
    ("I was able to get more focused at work.", [("focus_improvement", "present")]),
    ("I was not able to focus.", [("focus_improvement", "negated")]),
    ("Nothing major just my thoughts felt more organized.", [("focus_improvement", "present")]),
    ("At this dose, believe it or not a feel good elation.", [("mood_improvement", "present"), ("mood_improvement", "present")]),
    # a habit of the author, or a hedged past, is experienced
    ("The day after a dose I tend to be a little grumpy.", [("mood_worsening", "present")]),
    ("One night I may have felt a slight buzz.", [("perceptual_changes", "present")]),
    ("Some people tend to get headaches.", [("headache", "hypothetical")]),
    ("You may have some nausea at first.", [("nausea_gi", "hypothetical")]),
    ("Things that usually will upset me now just roll off my back.", [("anxiety_reduction", "present")]),
])
def test_pseudo_triggers_are_not_triggers(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("headaches: none", [("headache", "negated")]),
    ("the nausea went away", [("nausea_gi", "negated")]),
    ("dizziness was not an issue", [("dizziness", "negated")]),
])
def test_post_negation(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # questions
    ("Will it make me tired?", [("fatigue", "hypothetical")]),
    ("Anyone else get headaches after dosing", [("headache", "hypothetical")]),
    # a question after a break is about something else
    ("After my dose I felt anxious all day, is that normal?", [("anxiety_increase", "present")]),
    # examples in parentheses after a question belong to it
    ("Does anyone else get this? (e.g. irritability or headaches after dosing).",
     [("mood_worsening", "hypothetical"), ("headache", "hypothetical")]),
    ("Does anyone else get this? (like headaches after dosing)", [("headache", "hypothetical")]),
    ("I felt great. (e.g. more energy)", [("mood_improvement", "present"), ("energy_increase", "present")]),
    # a general claim about what a substance helps with
    ("LSD helps out with productivity.", [("focus_improvement", "hypothetical")]),
    # a statement ending in "?" is disbelief, not a question
    ("I was so down for years and now I feel great?", [("mood_improvement", "present")]),
    # hopes, fears, expectations, conditions
    ("I hope it makes me calmer", [("anxiety_reduction", "hypothetical")]),
    ("I expected better focus", [("focus_improvement", "hypothetical")]),
    ("if you feel dizzy, stop", [("dizziness", "hypothetical")]),
    ("At first you're going to feel tired.", [("fatigue", "hypothetical")]),
    # the word that opens a clause can be its trigger
    ("On some days, if I feel nauseous, I eat ginger.", [("nausea_gi", "hypothetical")]),
    ("After the dose I felt great, but a bit tired.", [("mood_improvement", "present"), ("fatigue", "present")]),
    ("I'm scared of getting panic attacks", [("anxiety_increase", "hypothetical")]),
    ("It is likely to cause headaches", [("headache", "hypothetical")]),
    ("I'll try and be more social tomorrow", [("sociability", "hypothetical")]),
    ("After dosing my inner voice says you're too tired, take a nap.", [("fatigue", "hypothetical")]),
    # a sentence ends at a full stop before markdown emphasis ("...works.** I've had")
    ("**I wonder whether it works.** I've had the energy to hit the gym.", [("energy_increase", "present")]),
    ("I figured it wouldn't make much of a difference", [("no_effect", "hypothetical")]),
    ("I figured it out and felt calm", [("anxiety_reduction", "present")]),
    # effects of others in general, not of a person described
    ("some people get headaches", [("headache", "hypothetical")]),
    ("people say it makes you more creative", [("creativity", "hypothetical")]),
    ("it may cause nausea in some users", [("nausea_gi", "hypothetical")]),
    ("common side effects include headaches", [("headache", "hypothetical")]),
    ("my husband felt calmer", [("anxiety_reduction", "present")]),
    # conditionals, purposes and wishes
    ("the purpose is to feel more focused", [("focus_improvement", "hypothetical")]),
    ("I wished I felt more empathy", [("sociability", "hypothetical")]),
    ("it was hard to connect with people", [("sociability", "negated")]),
    # a trigger word that is part of another effect is no trigger
    ("I feel a lack of worry and contentment", [("anxiety_reduction", "present"), ("mood_improvement", "present")]),
])
def test_hypothetical(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "I microdose to help with my insomnia",
    "I microdose for my anxiety",
    "I started microdosing to treat depression",
    "I have been struggling with insomnia",
    "I was diagnosed with depression",
    "I quit coffee due to high blood pressure",
    "I spent years fighting sadness",
    "I won't take niacin due to all the hot flushes",
])
def test_reason_for_dosing_is_not_an_effect(nlp, text):
    assert nlp(text)._.effects == []


@pytest.mark.parametrize("text, expected", [
    ("I used to be anxious all the time, but now I feel calm", [("anxiety_reduction", "present")]),
    ("Before microdosing I was always tired", []),
    ("I've always been a moody person", []),
    # ... but "it used to make me ..." is an effect of dosing in the past
    ("I take .1g but it used to make me feel more focused.", [("focus_improvement", "present")]),
    ("My doctor said I have high blood pressure and a racing heart.", []),
    ("After the dose I had a racing heart, and my doctor said it was nothing.", [("cardiovascular", "present")]),
    ("the coffee made me jittery", []),
    ("I felt sweaty from the withdrawal", []),
    # another cause earlier in the sentence, with no dose or word of dosing after it
    ("I switched my meds last month, and now I get headaches in the afternoon.", []),
    ("I quit SSRIs because they left me feeling numb.", []),
    ("I had coffee at eight, then dosed, and felt jittery.", [("jitteriness", "present")]),
    # a sentence opening with a pronoun goes on about the cause named just before
    ("SSRIs do the opposite. They kept me numb and disconnected.", []),
    ("Coffee is fine. It was the dose that left me drowsy all day.", [("fatigue", "present")]),
    # a lasting state named after the side effect
    ("I still felt a little anxious as usual", []),
    ("I've been depressed for a good while", []),
    ("I have felt calm for months", [("anxiety_reduction", "present")]),  # only side effects
    # a state counted in years, before that, while on a medicine
    ("I've been depressed for 10 years.", []),
    ("I felt tired for 2 days after dosing.", [("fatigue", "present")]),  # days are no lasting state
    ("Before that I was sad and moody every day.", []),
    ("I was in a dark place before that.", []),
    ("When I was on antidepressants, I felt flat.", []),
    ("The dysphoria I often experience in the evening was there.", []),
    ("The weed made me sluggish.", []),
])
def test_states_before_dosing_or_from_other_causes(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "when I feel anxious I go for a run",
    "whenever I get nauseous I eat some ginger",
])
def test_a_when_clause_is_no_experience(nlp, text):
    assert all(e.status != "present" for e in nlp(text)._.effects)


@pytest.mark.parametrize("text, expected", [
    # generic "you", purposes, states before starting, medicines as causes
    ("Usually you feel more relaxed the morning after.", [("anxiety_reduction", "hypothetical")]),
    ("A leaflet written in an attempt to support wellbeing.", [("mood_improvement", "hypothetical")]),
    ("I was so foggy every morning until I started dosing.", []),
    ("Looking back I was really depressed that winter.", []),
    ("I started because I felt very depressed.", []),
    ("The sertraline made me feel numb.", []),
])
def test_generic_you_purposes_earlier_states_and_medicines(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a side effect named as a constant state is the baseline, not an effect
    ("I feel stressed all the time with three kids.", []),
    ("Honestly I am tired most of the time.", []),
    ("After the dose I felt stressed for an hour.", [("anxiety_increase", "present")]),
    # a side effect said to come back is the old condition returning, not an effect of dosing
    ("A month into dosing, the dark thoughts came back.", []),
    ("Even on dose days the brain fog is always present.", []),
    ("Since dosing I sometimes feel stressed, but just like anyone else.", []),
    ("After dosing the brain fog is always worse in the afternoon.", [("brain_fog", "present")]),
    ("After the dose wore off I was feeling low again.", []),
    ("Once again I felt a little nauseous after the dose.", [("nausea_gi", "present")]),
    ("After the dose I felt grumpy. Again, nothing else.", [("mood_worsening", "present")]),
    # a condition that persists ("still") or has a cause of its own ("because I ...") is no effect of dosing
    ("I took my dose but was still feeling anxious.", []),
    ("Two doses in and I'm still kind of miserable.", []),
    ("After the dose I was still tired the next day.", [("fatigue", "present")]),  # only mood and anxiety
    ("I took my dose and felt sad because I had hoped for more.", []),
    ("I took 0.1g and felt anxious because of the dose.", [("anxiety_increase", "present")]),
    ("After my dose I feel terrible that she's having nightmares.", []),
    ("After the dose I felt sadness and regret for the way I treated people.", []),
    ("I felt irritable at how strong the dose was.", [("mood_worsening", "present")]),
])
def test_a_constant_state_is_the_baseline(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a guide's header carries its status over to the items listed under it
    ("Starting out with a low dose.\nYou may feel:\n- calmer\n- a slight headache\n\nAfter a week I felt more focused.",
     [("anxiety_reduction", "hypothetical"), ("headache", "hypothetical"), ("focus_improvement", "present")]),
    ("Possible risks:\n1. insomnia\n2) nausea\nOverall I felt great.",
     [("insomnia", "hypothetical"), ("nausea_gi", "hypothetical"), ("mood_improvement", "present")]),
    ("Some people notice\n* more focus\n* fatigue",
     [("focus_improvement", "hypothetical"), ("fatigue", "hypothetical")]),
    ("Side effects can include:\nnausea and dizziness\nI had neither of them.", [("nausea_gi", "hypothetical"),
                                                                               ("dizziness", "hypothetical")]),
    # a negated header negates its items
    ("I did not have any of these:\n- headache\n- nausea\n\nBut I felt calm.",
     [("headache", "negated"), ("nausea_gi", "negated"), ("anxiety_reduction", "present")]),
    # a first-person log keeps its items present
    ("Day 3:\n- felt calm\n- slight headache", [("anxiety_reduction", "present"), ("headache", "present")]),
    ("Week two notes\n- more focused at work\n- a bit nauseous after lunch",
     [("focus_improvement", "present"), ("nausea_gi", "present")]),
    # an item in the first person keeps its own status
    ("You may feel:\n- calmer\n- I got a headache on day two", [("anxiety_reduction", "hypothetical"),
                                                               ("headache", "present")]),
])
def test_a_list_header_gives_its_status_to_the_items(nlp, text, expected):
    assert found(nlp, text) == expected


ARTICLE_FILLER = ("Research on small doses of psilocybin is still young. Studies differ in design, in the doses they "
                  "give and in how long they follow their participants. ") * 12  # about 300 words, none first person


@pytest.mark.parametrize("text, expected", [
    # a long post about people in general (a guide, an article): its effects are said of others
    (ARTICLE_FILLER + "Participants reported more energy and some headaches.",
     [("energy_increase", "hypothetical"), ("headache", "hypothetical")]),
    # ... except where the author speaks of themself
    (ARTICLE_FILLER + "Participants reported more energy. I had a headache on day two.",
     [("energy_increase", "hypothetical"), ("headache", "present")]),
    # a short post is no article
    ("Participants reported more energy and some headaches.",
     [("energy_increase", "present"), ("headache", "present")]),
    # a long post in the first person is the author's own report
    (("I took my dose at eight and went to work. " * 40) + "More energy and a slight headache.",
     [("energy_increase", "present"), ("headache", "present")]),
])
def test_an_impersonal_post_speaks_of_people_in_general(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a markdown link's text is the title of somebody else's post
    ("Reading list: [Microdosing gave me headaches for weeks](https://example.org/a) and more.",
     [("headache", "hypothetical")]),
    ("I had a headache. See [this thread](https://example.org/a).", [("headache", "present")]),
    ("[I had a headache] but it passed", [("headache", "present")]),  # brackets without a link
])
def test_a_link_title_speaks_of_somebody_else(nlp, text, expected):
    assert found(nlp, text) == expected


def test_being_confused_about_something_is_no_brain_fog(nlp):
    assert found(nlp, "I'm confused about the Stamets schedule") == []
    assert found(nlp, "After the dose I felt confused and slow all day") == [("brain_fog", "present")]


@pytest.mark.parametrize("text, expected", [
    # a negation reaches over "such as" into the list after it
    ("three days in without experiencing many positive effects such as increased focus, energy",
     [("focus_improvement", "negated"), ("energy_increase", "negated")]),
    ("I felt more focused, like really sharp", [("focus_improvement", "present"), ("focus_improvement", "present")]),
    ("but I don't see a difference in my mood being elevated or an increased focus or happiness",
     [("focus_improvement", "negated"), ("mood_improvement", "negated")]),
    # ... and over "as much (of)"
    ("I did not feel nearly as much of the empathy I was hoping for.", [("sociability", "negated")]),
    ("No headaches, and as much energy as ever.", [("headache", "negated"), ("energy_increase", "present")]),
    # what someone is after is hypothetical
    ("All in all, I'm looking to gain a little more energy", [("energy_increase", "hypothetical")]),
    ("I thought I'd get headaches, but I didn't.", [("headache", "hypothetical")]),
])
def test_negation_over_a_list_and_what_is_sought(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # more anxiety counts only near a dose or a word of dosing: otherwise it is a state of the author's life
    ("My boss is awful and I have panic attacks at work.", []),
    ("Two hours after the dose I had a panic attack.", [("anxiety_increase", "present")]),
    ("Took 0.2g, then a panic attack.", [("anxiety_increase", "present")]),
    # "after" alone is no word of dosing; "after a few hours" is
    ("I had a panic attack after a fight with my boss.", []),
    ("After a few hours I felt tired and foggy.", [("fatigue", "present"), ("brain_fog", "present")]),
    # so do low mood, fatigue and fog: a word of dosing or of a dosing day near them makes them effects
    ("Work is a grind and I am exhausted when I get home.", []),
    ("My divorce left me sad and hopeless.", []),
    ("The day after dosing I felt sad.", [("mood_worsening", "present")]),
    ("By the second week I was getting tired early.", [("fatigue", "present")]),
    ("The day on was great, but on the following days I was grumpy.", [("mood_worsening", "present")]),
    ("The comedown left me feeling down.", [("mood_worsening", "present")]),
    ("By the end of the day I felt unmotivated and moody.", [("fatigue", "present"), ("mood_worsening", "present")]),
    # a sudden or gradual onset is a change, an effect rather than a state
    ("I was watching TV and gradually got more and more paranoid.", [("anxiety_increase", "present")]),
    ("The nausea passed and all of a sudden I was nervous.", [("nausea_gi", "present"), ("anxiety_increase", "present")]),
    # a list header's status comes first: "Some people notice" keeps the items hypothetical
    ("Some people notice:\n- fatigue\n- low mood", [("fatigue", "hypothetical"), ("mood_worsening", "hypothetical")]),
    ("My anxiety ramped up, then the plant medicine took over.", [("anxiety_increase", "present")]),
    # so does emotional numbness
    ("I am so disconnected from everyone at work.", []),
    ("After the dose I felt emotionally numb.", [("emotional_numbness", "present")]),
    # other effects need no such word
    ("My boss is awful and I had a headache all week.", [("headache", "present")]),
])
def test_more_anxiety_is_an_effect_only_near_dosing(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the month of May is no "may"
    ("I started on May 3rd and felt nothing.", [("no_effect", "present")]),
    ("It may make you feel anxious.", [("anxiety_increase", "hypothetical")]),
    # a finding of one's own is no general claim; a pseudo-cleft is no question
    ("I find it helps with connecting to others.", [("sociability", "present")]),
    ("What I noticed was a mood lift.", [("mood_improvement", "present")]),
    ("What helps with a headache?", [("headache", "hypothetical")]),
    # "unsure of" any effect is a negation
    ("Day three and unsure of any noticeable effects.", [("no_effect", "present")]),
])
def test_months_findings_and_clefts(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a negation reaches every item of a list ...
    ("I didn't experience any anxiety, jitters, headaches or nausea.",
     [("jitteriness", "negated"), ("headache", "negated"), ("nausea_gi", "negated")]),
    ("I don't get headaches or nausea or dizziness or insomnia anymore",
     [("headache", "negated"), ("nausea_gi", "negated"), ("dizziness", "negated"), ("insomnia", "negated")]),
    ("After the dose I had no energy or creativity, and my libido disappeared",
     [("fatigue", "present"), ("creativity", "negated")]),
    # ... but not past an effect of another kind joined by "and"
    ("no headaches and great mood", [("headache", "negated"), ("mood_improvement", "present")]),
    ("no anxiety, no jitters, felt great", [("jitteriness", "negated"), ("mood_improvement", "present")]),
    # a wording with its own negation in a list of such carries its own: the one before does not reach it
    ("After the dose I had no energy, no motivation.", [("fatigue", "present"), ("fatigue", "present")]),
    ("After the dose I couldn't eat, couldn't sleep, couldn't think.", [("appetite_loss", "present"),
                                                                        ("insomnia", "present"),
                                                                        ("brain_fog", "present")]),
    ("I didn't have any trouble concentrating after the dose.", [("brain_fog", "negated")]),
])
def test_negation_over_a_list_of_effects(nlp, text, expected):
    assert found(nlp, text) == expected
