import pytest

from experiences.frames import to_frames
from experiences.records import Report
from experiences.validate import FailureBudget, ValidationFailed, Validator, load_suites
from experiences.nlp import rules


@pytest.fixture(scope="module")
def validator():
    return Validator()


def report(rid: str, text: str = "took 0.1g", pseudonym: str | None = "0" * 32) -> Report:
    return Report(rid, "record", "", text, pseudonym, 1672531200.0, None, None, "test.jsonl")


def record(rid: str, doses=(), effects=()) -> dict:
    return {"id": rid, "substances": [], "doses": list(doses), "schedules": [], "effects": list(effects)}


def dose(low, high, unit="g", substance="psilocybin"):
    return {"substance": substance, "low": low, "high": high, "unit": unit, "text": "x", "start": 0, "end": 1}


def test_good_batch_passes_whole(validator):
    frames = to_frames([report("a"), report("b")], [record("a", [dose(0.1, 0.1)]), record("b")])
    outcome = validator.validate(frames)
    assert outcome.quarantined == [] and len(outcome.valid.reports) == 2
    assert {r.suite for r in outcome.results} == {"reports", "dose_mentions", "schedule_mentions", "effect_mentions"}


def test_failing_rows_quarantine_their_report_with_the_expectation_names(validator):
    frames = to_frames([report("a"), report("b"), report("c", pseudonym="not-a-pseudonym")],
                       [record("a", [dose(0.1, 0.1)]), record("b", [dose(50, 50)]), record("c")])
    outcome = validator.validate(frames)
    reasons = {q.record_id: q.reason for q in outcome.quarantined}
    assert set(reasons) == {"b", "c"}
    assert "dose_mentions.expect_column_values_to_be_between(column=high" in reasons["b"]
    assert "reports.expect_column_values_to_match_regex(column=author_pseudonym" in reasons["c"]
    assert list(outcome.valid.reports["id"]) == ["a"] and list(outcome.valid.dose_mentions["report_id"]) == ["a"]


def test_results_keep_no_row_values(validator):
    frames = to_frames([report("a", text="mail me at leak@example.com")], [record("a")])
    outcome = validator.validate(frames)
    assert outcome.quarantined[0].reason.startswith("failed reports.expect_column_values_to_not_match_regex")
    assert "leak@example.com" not in repr(outcome.results) and "leak@example.com" not in repr(outcome.quarantined)


def test_failure_budget_is_judged_on_the_running_total(validator):
    frames = to_frames([report("a"), report("b")], [record("a", [dose(50, 50)]), record("b")])
    outcome = validator.validate(frames)
    lenient, strict = FailureBudget(0.5, min_reports=4), FailureBudget(0.2, min_reports=4)
    counts = (outcome.checked, len(outcome.quarantined))
    assert not lenient.add(*counts) and not lenient.spent()
    assert not strict.add(*counts)  # two reports are too few to judge mid-run ...
    assert strict.spent()  # ... but at the end of the run they are all there is
    assert strict.add(*counts)  # four reports, half failed: spent
    with pytest.raises(ValidationFailed, match="x.jsonl: 2 of 4 reports .50%. failed validation.*EXPERIENCES_MAX_FAILURE_SHARE"):
        strict.fail("x.jsonl")


def test_suites_use_the_rule_files_vocabulary():
    suites = load_suites()
    effects = rules.load("effects.json").effects
    sets = {e["kwargs"]["column"]: set(e["kwargs"]["value_set"]) for e in suites["effect_mentions"]["expectations"]
            if e["type"] == "expect_column_values_to_be_in_set"}
    assert sets["effect"] == {e.id for e in effects}
    assert sets["category"] == {e.category for e in effects}
