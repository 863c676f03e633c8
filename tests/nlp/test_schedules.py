"""Schedule patterns (rules: schedules.json)."""

import pytest

CASES = [
    ("I follow the Fadiman protocol", [("fadiman", None, None)]),
    ("dosing every third day", [("fadiman", None, None)]),
    ("1 on 2 off", [("fadiman", None, None)]),
    ("microdosing every other day", [("every_other_day", None, None)]),
    ("the Stamets stack", [("stamets", None, None)]),
    ("4 days on 3 off", [("stamets", None, None)]),
    ("I dose weekdays only", [("five_on_two_off", None, None)]),
    ("5 on, 2 off", [("five_on_two_off", None, None)]),
    ("I dose Mon/Thu", [("twice_weekly", None, None)]),
    ("I microdose daily", [("daily", None, None)]),
    ("I take a dose once a week", [("weekly", None, None)]),
    ("I take it before bed", [("nightcap", None, None)]),
    ("I dose when I feel like it", [("intuitive", None, None)]),
    ("2 on 1 off", [("custom", 2, 1)]),
    ("three days on, four days off", [("custom", 3, 4)]),
    ("I go for a walk every day", []),
    ("before bed I read", []),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0] for c in CASES])
def test_schedule_patterns(nlp, text, expected):
    assert [(s.schedule, s.days_on, s.days_off) for s in nlp(text)._.schedules] == expected
