import json

import pytest

from experiences.cli import main
from experiences.evaluate import Score, intervals, score

GOLD = {
    "a": {"doses": [{"unit": "g", "low": 0.1, "high": 0.1}], "schedules": [{"schedule": "fadiman"}],
          "effects": [{"effect": "headache", "status": "negated"}, {"effect": "anxiety_reduction", "status": "present"}]},
    "b": {"doses": [], "schedules": [], "effects": [{"effect": "insomnia", "status": "hypothetical"},
                                                    {"effect": "fatigue", "status": "negated"},
                                                    {"effect": "fatigue", "status": "present"}]},
}


def output(doses=(), schedules=(), effects=()):
    return {"doses": [{"unit": u, "low": lo, "high": hi} for u, lo, hi in doses],
            "schedules": [{"schedule": s} for s in schedules],
            "effects": [{"effect": e, "status": st} for e, st in effects]}


def test_scores_per_field_and_negated_called_present():
    predicted = {"a": output([("g", 0.1, 0.1), ("ug", 10, 10)], ["fadiman"], [("headache", "present")]),
                 "b": output(effects=[("insomnia", "present"), ("fatigue", "present")])}
    result = score(predicted, GOLD)
    assert (result.doses.true_positives, result.doses.false_positives, result.doses.false_negatives) == (1, 1, 0)
    assert result.schedules.f1 == 1.0
    assert (result.effects.true_positives, result.effects.false_positives, result.effects.false_negatives) == (1, 2, 1)
    # headache (negated) and insomnia (hypothetical) count; fatigue is also present in gold, so not.
    assert (result.called_present, result.not_present) == (2, 2)


def test_empty_score_is_perfect_not_a_division_error():
    assert Score().precision == Score().recall == 1.0


def test_cli_prints_the_table(tmp_path, capsys):
    (tmp_path / "gold.jsonl").write_text(json.dumps({"id": "x", **GOLD["a"]}) + "\n")
    (tmp_path / "in.jsonl").write_text(json.dumps({"id": "x", "title": "Fadiman", "text": "0.1g, no headache, calmer"}) + "\n")
    assert main(["evaluate", str(tmp_path / "gold.jsonl"), str(tmp_path / "in.jsonl")]) == 0
    out = capsys.readouterr().out
    assert "doses          1.000   1.000  1.000" in out
    assert "negated or hypothetical effects called present: 0.0% (0 of 1, 95% CI 0.0%-0.0%)" in out
    assert "doses          1.000   1.000  1.000  1.000-1.000    0.93 met" in out
    assert "target at most 10%: met" in out


def test_each_figure_is_held_against_its_target(tmp_path, capsys):
    """A report whose dose is missed and whose negated headache is called present misses both targets."""
    (tmp_path / "gold.jsonl").write_text(json.dumps({"id": "x", **GOLD["a"]}) + "\n")
    (tmp_path / "in.jsonl").write_text(json.dumps({"id": "x", "text": "I had a headache."}) + "\n")
    assert main(["evaluate", "--resamples", "0", str(tmp_path / "gold.jsonl"), str(tmp_path / "in.jsonl")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "0.93 not met" in next(line for line in lines if line.startswith("doses "))
    assert "0.90 not met" in next(line for line in lines if line.startswith("schedules "))
    assert "  -  " in next(line for line in lines if line.startswith("substances "))
    assert any(line.endswith("target at most 10%: not met") for line in lines)


def test_cli_can_leave_the_intervals_out(tmp_path, capsys):
    (tmp_path / "gold.jsonl").write_text(json.dumps({"id": "x", **GOLD["a"]}) + "\n")
    (tmp_path / "in.jsonl").write_text(json.dumps({"id": "x", "text": "0.1g"}) + "\n")
    assert main(["evaluate", "--resamples", "0", str(tmp_path / "gold.jsonl"), str(tmp_path / "in.jsonl")]) == 0
    out = capsys.readouterr().out
    assert "CI" not in out.replace("95% CI of F1", "") and "bootstrap" not in out


def test_intervals_resample_reports():
    predicted = {"a": output([("g", 0.1, 0.1)], ["fadiman"], [("anxiety_reduction", "present")]),
                 "b": output(effects=[("insomnia", "present")])}
    gold = {**GOLD, **{f"c{i}": {"doses": [], "schedules": [], "effects": []} for i in range(8)}}
    predicted.update({f"c{i}": output() for i in range(8)})
    result = score(predicted, gold)
    bounds = intervals(result, resamples=500)
    assert bounds["doses"] == bounds["schedules"] == (1.0, 1.0)  # right on every report
    low, high = bounds["effects"]  # a: right; b: one wrong, one missed
    assert low < result.effects.f1 < high and 0.0 <= low and high <= 1.0
    low, high = bounds["called_present"]  # insomnia (hypothetical in b) called present: 1 of 2
    assert low <= result.called_present_share <= high and low < high
    assert intervals(result, resamples=500) == bounds  # a fixed seed: the same figures every run


def test_cli_names_missing_ids(tmp_path, capsys):
    (tmp_path / "gold.jsonl").write_text(json.dumps({"id": "x", **GOLD["a"]}) + "\n")
    (tmp_path / "in.jsonl").write_text("")
    assert main(["evaluate", str(tmp_path / "gold.jsonl"), str(tmp_path / "in.jsonl")]) == 1
    assert "1 gold ids are not in" in capsys.readouterr().err


def test_dev_gold_set_scores(corpus, capsys):
    from experiences.settings import PROJECT_ROOT
    assert main(["evaluate", str(PROJECT_ROOT / "benchmarks" / "gold" / "dev_gold.jsonl"), str(corpus)]) == 0
    assert "reports: 200" in capsys.readouterr().out


def test_gold_files_hold_ids_and_labels_only():
    from experiences.settings import PROJECT_ROOT
    for path in (PROJECT_ROOT / "benchmarks" / "gold").glob("*.jsonl"):
        for line in path.read_text().splitlines():
            row = json.loads(line)
            assert set(row) <= {"id", "substances", "doses", "schedules", "effects", "note"}
            assert "text" not in json.dumps(row["doses"]) and len(row.get("note", "")) < 400


def test_by_effect_scores_each_effect_id(tmp_path, capsys):
    predicted = {"a": output(effects=[("anxiety_reduction", "present"), ("headache", "present")]),
                 "b": output(effects=[("fatigue", "present")])}
    result = score(predicted, GOLD)
    assert {e: (s.true_positives, s.false_positives, s.false_negatives) for e, s in result.by_effect.items()} == {
        "anxiety_reduction": (1, 0, 0), "headache": (0, 1, 0), "fatigue": (1, 0, 0)}
    (tmp_path / "gold.jsonl").write_text(json.dumps({"id": "x", **GOLD["a"]}) + "\n")
    (tmp_path / "in.jsonl").write_text(json.dumps({"id": "x", "text": "0.1g, and I felt calmer"}) + "\n")
    assert main(["evaluate", "--by-effect", str(tmp_path / "gold.jsonl"), str(tmp_path / "in.jsonl")]) == 0
    out = capsys.readouterr().out
    assert "effect (present)" in out and "anxiety_reduction" in out.split("effect (present)")[1]


def test_substances_named_in_words_are_scored_too():
    gold = {"a": {**GOLD["a"], "substances": ["psilocybin", "lsd"]}}
    predicted = {"a": {**output(), "substances": ["psilocybin", "other"]}}
    s = score(predicted, gold).scores["substances"]
    assert (s.true_positives, s.false_positives, s.false_negatives) == (1, 1, 1)
