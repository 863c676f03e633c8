"""Schedule patterns (rules: schedules.json)."""

import pytest

from experiences.nlp import rules

# text, [(schedule, days_on, days_off), ...] in text order
CASES = [
    # named protocols
    ("I follow the Fadiman protocol", [("fadiman", None, None)]),
    ("trying a Fadiman-style schedule", [("fadiman", None, None)]),
    ("Protocol: Fadiman", [("fadiman", None, None)]),
    ("I'm doing Fadiman with 0.1g", [("fadiman", None, None)]),
    ("should I microdose with Fadiman or something else?", [("fadiman", None, None)]),
    ("the Stamets stack", [("stamets", None, None)]),
    ("I started following Stamets' protocol", [("stamets", None, None)]),
    ("Stamets or Fadiman?", [("fadiman", None, None), ("stamets", None, None)]),
    ("Fadiman protocol vs. Stamets", [("fadiman", None, None), ("stamets", None, None)]),
    # N on M off and its variants
    ("1 on 2 off", [("fadiman", None, None)]),
    ("one day on, two days off", [("fadiman", None, None)]),
    ("4 days on 3 off", [("stamets", None, None)]),
    ("four on / three off", [("stamets", None, None)]),
    ("5 on, 2 off", [("five_on_two_off", None, None)]),
    ("one day on and one day off", [("every_other_day", None, None)]),
    ("2 on 1 off", [("custom", 2, 1)]),
    ("three days on, four days off", [("custom", 3, 4)]),
    ("I take 10ug 2 days in a row and then take a day off", [("custom", 2, 1)]),
    ("a day on, a day off", [("every_other_day", None, None)]),
    ("I dose day on, day off", [("every_other_day", None, None)]),
    ("I take it on a 4/3 schedule", [("stamets", None, None)]),
    ("I dose with two days off in between", [("fadiman", None, None)]),
    ("I microdose once, then take a 3 day break between doses", [("custom", 1, 3)]),
    ("I take 0.1g with 2 days in between doses", [("fadiman", None, None)]),
    ("my protocol: 1 day microdose, 2 days off", [("fadiman", None, None)]),
    ("0.2g on dose day and 3 days off", [("custom", 1, 3)]),
    ("I microdose 3 days in a row with 2 days off", [("custom", 3, 2)]),
    ("2 days in 3 days off", [("custom", 2, 3)]),
    ("I dose 4-5 days on, 2 days off", [("custom", None, 2)]),
    ("one day on and one to two days off", [("custom", 1, None)]),
    ("I take it 4 days, then 3 days off", [("stamets", None, None)]),
    # every Nth day / every N days
    ("dosing every third day", [("fadiman", None, None)]),
    ("I microdose every 3 days", [("fadiman", None, None)]),
    ("I take 0.1g once every three days", [("fadiman", None, None)]),
    ("microdosing every other day", [("every_other_day", None, None)]),
    ("I take it every 2nd day", [("every_other_day", None, None)]),
    ("I dose on alternating days", [("every_other_day", None, None)]),
    ("my plan is a microdose every 4th day", [("custom", 1, 3)]),
    ("I dose every 4 days", [("custom", 1, 3)]),
    ("I take 10ug every fifth day", [("custom", 1, 4)]),
    ("I take a dose every 72 hours", [("fadiman", None, None)]),
    ("I microdose every 3-4 days", [("custom", 1, None)]),
    ("I dose every third or 4th day", [("custom", 1, 3), ("fadiman", None, None)]),  # alternatives: each one
    ("I dose every third to 4th day", [("custom", 1, None)]),  # a range: one custom
    ("I macrodose every two weeks", [("custom", 1, 13)]),
    # N times / days a week
    ("I microdose twice a week", [("twice_weekly", None, None)]),
    ("I take 0.1g 2x per week", [("twice_weekly", None, None)]),
    ("I take a dose once a week", [("weekly", None, None)]),
    ("I microdose three times a week", [("custom", None, None)]),
    ("I dose 2-3 times a week", [("custom", None, None)]),
    # alternatives ("or") between two named schedules give both; a range ("-", "to") is one custom pattern
    ("I take it once or twice a week", [("twice_weekly", None, None), ("weekly", None, None)]),
    ("we dose every 2 or 3 days", [("every_other_day", None, None), ("fadiman", None, None)]),
    # an alternative the tables do not name is a custom one beside the named one
    ("I dose 2 or 3 times a week", [("custom", None, None), ("twice_weekly", None, None)]),
    ("we microdose every 3 or 5 days", [("custom", 1, 4), ("fadiman", None, None)]),
    ("my plan is to microdose 3 to 4 times a week", [("custom", None, None)]),
    ("she doses every other or third day", [("every_other_day", None, None), ("fadiman", None, None)]),
    ("I dose 4 or 5 days a week", [("five_on_two_off", None, None), ("stamets", None, None)]),
    ("I dose 4 days a week", [("stamets", None, None)]),
    ("I microdose 5 days a week", [("five_on_two_off", None, None)]),
    ("is it ok to microdose 7 days a week?", [("daily", None, None)]),
    ("should I take it twice a day?", [("custom", None, None)]),
    # named weekdays
    ("I dose Mon/Thu", [("twice_weekly", None, None)]),
    ("I microdose every Sunday and Wednesday", [("twice_weekly", None, None)]),
    ("I take 0.1g on Tuesdays and Fridays", [("twice_weekly", None, None)]),
    ("I take 200mg Monday, Wednesday and Friday", [("custom", None, None)]),
    ("I microdose Tues-Thurs-Sat", [("custom", None, None)]),
    ("I dose Monday to Friday", [("five_on_two_off", None, None)]),
    ("I take it Monday-Thursday", [("stamets", None, None)]),
    ("I take my microdose every Saturday", [("weekly", None, None)]),
    # weekdays only, daily, before bed, when I feel like it
    ("I dose weekdays only", [("five_on_two_off", None, None)]),
    ("I microdose during the week with weekends off", [("five_on_two_off", None, None)]),
    ("I microdose daily", [("daily", None, None)]),
    ("I take 0.1g every morning", [("daily", None, None)]),
    ("can I microdose everyday?", [("daily", None, None)]),
    ("I take it before bed", [("nightcap", None, None)]),
    ("trying the nightcap protocol", [("nightcap", None, None)]),
    ("I dose when I feel like it", [("intuitive", None, None)]),
    ("I microdose whenever I feel like I need it", [("intuitive", None, None)]),
    ("I have no set schedule", [("intuitive", None, None)]),
    ("I take a capsule as needed", [("intuitive", None, None)]),
    # not schedules
    ("I go for a walk every day", []),
    ("before bed I read", []),
    ("James Fadiman is a psychologist", []),
    ("I read Fadiman's book", []),
    ("Paul Stamets talks about mushrooms", []),
    ("I microdose to cope with everyday life", []),
    ("microdosing helps with my daily tasks", []),
    ("I take zinc and vitamin D every day", []),
    ("I microdose and work out every day", []),
    ("I take lexapro daily", []),
    ("I take 20mg of sertraline daily", []),
    ("I meditate every morning", []),
    ("I took a tab last night before bed", []),
    ("I'm taking a two week tolerance break", []),
    ("I take a week off every month", []),
    ("I worked 3 days on 0 days off", []),
    ("I took 0.2 a week ago", []),
    ("I go to the gym three times a week", []),
    ("I took it on Saturday", []),
    ("every day I've microdosed I felt calm", []),
    ("I feel good every day", []),
    ("I microdose 3 times a week, with at least one day off in between", [("custom", None, None)]),
    ("I dose Sundays and Wednesdays, with 2-3 day breaks in between", [("twice_weekly", None, None)]),
    ("I handle my anxiety on a weekly basis", []),
    # cycles in weeks, and on/off said the other way round
    ("thinking of three weeks on and one week off", [("custom", 21, 7)]),
    ("a month of 2 weeks on, week off", [("custom", 14, 7)]),
    ("from now on I go on one day, off for two", [("fadiman", None, None)]),
    ("on for 2 days, off for 1", [("custom", 2, 1)]),
    ("the plan: a single dose, then I'll have 3 days off", [("custom", 1, 3)]),
    ("I microdosed for a month with 2 days in between each", [("fadiman", None, None)]),
    ("we microdose with 3 days in between each", [("custom", 1, 3)]),
    # an amount right before the phrase makes it a dosing pattern, whatever follows
    ("These days 0.15g every third day, and I feel steadier", [("fadiman", None, None)]),
    ("Now at 12ug once a week and feeling fine", [("weekly", None, None)]),
    ("I plan on microdosing about 75 to 150 mg per day for a while", [("daily", None, None)]),
    ("Taking roughly .08 a day helped", [("daily", None, None)]),
    ("I microdose 0.2g every weekend", [("weekly", None, None)]),
    # named weekdays as the dosing days
    ("Tue/Fri on, rest off worked best for me", [("twice_weekly", None, None)]),
    # dosing by how one feels
    ("when I'm feeling low or flat I take a cap", [("intuitive", None, None)]),
    ("I microdose going by how I feel that morning", [("intuitive", None, None)]),
    # not a dosing pattern
    ("my psychiatrist said Fadiman tells people not to microdose", []),
    ("I microdose but my work schedule every week changes", []),
    ("I take seroquel at night", []),
    ("I have been microdosing while on daily quetiapine", []),
    ("sometimes I take more than once a day", []),
    # round 3: cycles in months, waits between doses, amounts a day, soft cues, frequency labels
    ("I plan to dose 3 months on and 1 month off", [("custom", None, None)]),
    ("after the first dose I waited 2 days in between each time", [("fadiman", None, None)]),
    ("then microdosed again with three days apart", [("custom", 1, 3)]),
    ("I began microdosing in spring with small amounts of dried cubes from a friend, and after feeling "
     "little, settled on once every four days", [("custom", 1, 3)]),
    ("I feel calm once every four days", []),
    ("can I keep taking 0.1g or so a day?", [("daily", None, None)]),
    ("is your daily 100mg dose too much?", [("daily", None, None)]),
    ("my daily dose of vitamin c", []),
    ("I'm on 20mg a day of prozac", []),
    ("I microdose 0.1g, and take a break each week", []),
    ("I take a quarter tab when I feel like having some focus", [("intuitive", None, None)]),
    ("Goals for spring\nFrequency: once a week", [("weekly", None, None)]),
    # round 4: spellings of every other, weekends off, a supplement's routine, breaks, a second dose in a day
    ("I microdosed everyother day last spring", [("every_other_day", None, None)]),
    ("we took 8ug every-other day", [("every_other_day", None, None)]),
    ("I microdose 0.1g and I'm off on the weekends", [("five_on_two_off", None, None)]),
    ("microdosing 0.1g, no dosing over the weekend", [("five_on_two_off", None, None)]),
    ("with my microdose I also take 500mg cordyceps 6 days a week", []),
    ("I microdose 2 days a week and take cordyceps daily", [("twice_weekly", None, None)]),
    ("is it fine to take a break from dosing randomly?", []),
    ("I just microdose randomly", [("intuitive", None, None)]),
    ("Has anyone tried a second microdose later that day?", [("custom", None, None)]),
    ("I took a second dose the day after", []),
    # dosing now and then; four alternate weekdays; the daily routine of a medicine or a dream
    ("I have only taken them a few times sporadically", [("intuitive", None, None)]),
    ("occasional microdosing helps me", [("intuitive", None, None)]),
    ("I like taking lsd in full doses occasionally", []),
    ("a gel cap Sunday Tuesday Thursday Saturday", [("every_other_day", None, None)]),
    ("I microdose Mon, Tue, Wed, Thu", [("stamets", None, None)]),
    ("I take cialis daily as prescribed", []),
    ("since I started MD-ing I dream about work every day", []),
    ("Links: [Fadiman protocol vs. Stamets](https://example.org/x)", []),
    ("currently taking 10ug LSD each third day", [("fadiman", None, None)]),
    ("we see each other day by day", []),
    ("I microdose every few days", [("custom", None, None)]),
    ("I brushed my teeth once every few days", []),
    ("Statmets stack, but only psilocybin for now", [("stamets", None, None)]),
    # a plain count of days with no cue anywhere near reads as a regimen
    ("Rainy week here. Mostly spaced it out every other day. Then we went away.",
     [("every_other_day", None, None)]),
    ("Rainy week here. I go to the gym every other day. Then we went away.", []),
    # every other weekend is a cycle of weeks, not weekly
    ("I microdose now and then and macro every other weekend", [("custom", 1, 13)]),
    ("I microdose every weekend", [("weekly", None, None)]),
    # "4 days on" alone is a count of days so far, not a schedule ("it's been 4 days on, and ...")
    ("It's been 4 days on, and for the first time I could focus", []),
    ("I dosed for 4 days on my trip", []),
    # twice in one day is an event, not a schedule
    ("Microdosing twice in one day with different amounts", []),
    # as needed, with its quotes
    ("some prefer an \u201cas needed\u201d philosophy for microdosing", [("intuitive", None, None)]),
    # no fixed on or off days
    ("I take my microdose with no fixed on or off days", [("intuitive", None, None)]),
    ("I microdose with no set off days", [("intuitive", None, None)]),
    # the frequency of a tolerance break is no dosing regimen
    ("it hurts to go through this every 4-6 weeks, how do you handle the tolerance break", []),
    # "or every third" with its noun left out after "every other day"; not when another noun follows
    ("I'll microdose every other day this week or maybe every 3rd", [("every_other_day", None, None),
                                                                    ("fadiman", None, None)]),
    ("I'll microdose every other day or every third week", [("every_other_day", None, None),
                                                            ("custom", 1, 20)]),
    # "4 days on" / "5 days on" left alone: the named four-on and five-on protocols; not before more words
    ("I microdose 0.1g (4 days on).", [("stamets", None, None)]),
    ("I microdose 5 days on.", [("five_on_two_off", None, None)]),
    ("I microdose 4 days on, 2 days off", [("custom", 4, 2)]),
    ("I work out 4 days on a typical week", []),
    # the routine of a medicine named by its short name
    ("I take my moda two days a week", []),
    # round 5: weekday letters with commas, on/off with no "on", a range of months off, as-need, amounts a week
    ("My routine is 0.1g of cubes (M,W,F) before work", [("custom", None, None)]),
    ("I microdose M-W-F", [("custom", None, None)]),
    ("my partner does 2 days 1 day off with 10ug", [("custom", 2, 1)]),
    ("I usually do 3 days, 2 days off", [("custom", 3, 2)]),
    ("we run 3 months on and 1-2 months off", [("custom", None, None)]),
    ("from now on she doses on an as-need basis", [("intuitive", None, None)]),
    ("we microdose (irregularly) through the winter", [("intuitive", None, None)]),
    ("my plan: 150-200mg a week of cubes", [("weekly", None, None)]),
    ("I take 20mg of prozac a week", []),
    ("I take etizolam before bed", []),
    # an amount a day beside a pattern with days off is the amount of a dosing day
    ("I do 4 days on and 3 days off. I started with 0.1g a day", [("stamets", None, None)]),
    ("Week one: 150 mg each day. After that 3 days off, as in the Stamets stack", [("stamets", None, None)]),
    ("I take 0.1g each day and never skip", [("daily", None, None)]),
    # a couple of times a week, "2x week", once in a couple of days
    ("can I microdose a couple of times a week?", [("twice_weekly", None, None)]),
    ("I go running a couple of times a week", []),
    ("she doses 0.15g of cubes 2x week", [("twice_weekly", None, None)]),
    ("I microdose once in a few days", [("custom", None, None)]),
    # a plain count of days with only "feel" near it: the sentence before about dosing decides
    ("We started microdosing in June. Now it's every other day and I feel calmer", [("every_other_day", None, None)]),
    ("My sister called. Now it's every other day and I feel calmer", []),
    # days straight then days off; a gap of days between doses
    ("She dosed 3 days straight, off for 2 days, and repeated", [("custom", 3, 2)]),
    ("I microdosed 4 days straight, 3 days off", [("stamets", None, None)]),
    ("we leave a gap of 4 days between microdoses", [("custom", 1, 4)]),
    ("I dose with a break of 2 days in between", [("fadiman", None, None)]),
    ("there was a gap of 5 days between the two trips", []),
    # a supplement stacked with the dose named before it does not take the pattern over
    ("I dose 10ug plus niacin and lion's mane, 2x a week", [("twice_weekly", None, None)]),
    ("I eat toast with lion's mane, 2x a week", []),
    # "No schedule," as a label of how one doses
    ("Doses vary. No schedule, only when life is calm.", [("intuitive", None, None)]),
    ("There is no schedule for the bus, so I microdose at home", []),
    # two fixed days a week are twice_weekly, next to each other or not (GUIDELINES.md)
    ("I'm thinking of dosing on Saturday and Sunday", [("twice_weekly", None, None)]),
    ("I'm thinking of dosing on Sunday and Monday", [("twice_weekly", None, None)]),
    ("I'm thinking of dosing on Tuesday and Friday", [("twice_weekly", None, None)]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0] for c in CASES])
def test_schedule_patterns(nlp, text, expected):
    assert [(s.schedule, s.days_on, s.days_off) for s in nlp(text)._.schedules] == expected


def test_mentions_carry_offsets(nlp):
    text = "Since May I dose every 4th day."
    [mention] = nlp(text)._.schedules
    assert text[mention.start:mention.end] == "every 4th day"


def test_anchors_only_speed_up(nlp):
    """Running every pattern over the whole text finds the same mentions as running the anchored ones
    only near their anchors."""
    from experiences.nlp.schedules import ScheduleFinder
    anchored, plain = ScheduleFinder(), ScheduleFinder()
    plain.patterns = [(kind, context, None, pattern) for kind, context, _, pattern in plain.patterns]
    text = " ".join(case[0] + "." for case in CASES)
    assert anchored(nlp.make_doc(text))._.schedules == plain(nlp.make_doc(text))._.schedules


def test_offsets_survive_lower_casing(nlp):
    text = "İ dose every 3 days"  # "İ".lower() is two characters long
    [mention] = nlp(text)._.schedules
    assert text[mention.start:mention.end] == "every 3 days"


def test_patterns_are_lower_case():
    """Patterns run over lower-cased text: an upper-case letter (not an escape such as \\S) never matches."""
    import re
    data = _raw()
    for entry in data["schedules"] + data["counted"]:
        for pattern in entry["patterns"] + [entry.get("anchor", "")]:
            assert not re.search(r"(?<!\\)(?<!\(\?)[A-Z]", pattern), pattern  # "\\S" and "(?P<" are fine


def test_unknown_counted_kind_and_context_are_rejected():
    data = _raw()
    data["counted"][0]["kind"] = "fortnightly"
    with pytest.raises(rules.RuleFileError, match="unknown counted kind"):
        rules.ScheduleRules.from_json(data)
    data = _raw()
    data["schedules"][0]["context"] = "paragraph"
    with pytest.raises(rules.RuleFileError, match="unknown context"):
        rules.ScheduleRules.from_json(data)


def _raw() -> dict:
    import json
    from importlib import resources
    return json.loads(resources.files("experiences.nlp").joinpath("resources").joinpath("schedules.json").read_text())


def test_needs_dose_and_soft_words_are_optional_keys():
    data = _raw()
    assert any(entry.get("needs_dose") for entry in data["schedules"])
    assert data["soft_not_dosing_words"]
    del data["soft_not_dosing_words"]
    for entry in data["schedules"]:
        entry.pop("needs_dose", None)
    loaded = rules.ScheduleRules.from_json(data)
    assert loaded.soft_not_dosing_words == () and not any(e.needs_dose for e in loaded.schedules)
    data["schedules"][0]["needs_amount"] = True
    with pytest.raises(rules.RuleFileError, match="unknown key"):
        rules.ScheduleRules.from_json(data)
