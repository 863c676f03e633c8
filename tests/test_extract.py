import io
import json

from experiences.extract import extract_json_lines, extract_texts

SPEC_KEYS = {"id", "substances", "doses", "schedules", "effects"}


def run_lines(lines: list[str]) -> list[dict]:
    sink = io.StringIO()
    extract_json_lines(io.BytesIO("".join(line + "\n" for line in lines).encode()), sink)
    return [json.loads(line) for line in sink.getvalue().splitlines()]


def test_one_output_line_per_input_line_in_order():
    out = run_lines(['{"id": "a", "text": "took 0.1g"}', "not json", '{"id": "b"}', "[1]",
                     '{"id": "c", "text": "x", "created_utc": "soon"}', '{"id": "d", "text": "10ug"}'])
    assert [r.get("id") for r in out] == ["a", None, "b", None, "c", "d"]
    assert [("error" in r) for r in out] == [False, True, True, True, True, False]
    assert set(out[0]) == SPEC_KEYS


def test_offsets_index_the_title_and_text_string():
    [record] = run_lines([json.dumps({"id": "a", "title": "Fadiman", "text": "took 100mg, slight headache"})])
    analysed = "Fadiman\n\ntook 100mg, slight headache"
    for key in ("doses", "schedules", "effects"):
        for item in record[key]:
            assert analysed[item["start"]:item["end"]] == item["text"]
    assert record["doses"][0] | {} == {"substance": "psilocybin", "low": 0.1, "high": 0.1, "unit": "g",
                                       "text": "100mg", "start": 14, "end": 19}
    assert record["schedules"][0]["schedule"] == "fadiman"
    assert record["effects"][0]["effect"] == "headache" and record["effects"][0]["kind"] == "side_effect"


def test_custom_schedules_carry_days():
    [record] = run_lines(['{"id": "a", "text": "I do 2 on 1 off"}'])
    assert record["schedules"][0] | {} == {"schedule": "custom", "text": "2 on 1 off", "start": 5, "end": 15,
                                           "days_on": 2, "days_off": 1}


def test_substances_are_only_those_named_in_words():
    [record] = list(extract_texts([("x", "10ug and nothing else named")]))
    assert record["substances"] == [] and record["doses"][0]["substance"] == "lsd"
    [record] = list(extract_texts([("y", "took 10ug of acid")]))
    assert record["substances"] == ["lsd"]


def test_whole_corpus_runs(corpus):
    sink = io.StringIO()
    with corpus.open("rb") as source:
        lines, errors = extract_json_lines(source, sink)
    records = [json.loads(line) for line in sink.getvalue().splitlines()]
    assert lines == len(records) == 1000 and errors == 0
    assert sum(bool(r["doses"]) for r in records) > 300
