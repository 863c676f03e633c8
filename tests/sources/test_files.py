import json

import pytest

from experiences.sources.files import IngestError, read_file
from experiences.records import Quarantined, RawReport
from fixtures import SMALL_BATCH, comment, submission, write_jsonl


def test_reddit_objects_become_raw_reports_with_fullname_ids(tmp_path):
    items = list(read_file(write_jsonl(tmp_path / "in.jsonl", [submission(1, "hello"), comment(1, "hi there")])))
    assert [(i.id, i.kind, i.title, i.text) for i in items] == [
        ("t3_s1", "submission", "My week", "hello"), ("t1_c1", "comment", "", "hi there")]
    assert items[1].parent_id == "t3_s1"


def test_every_line_comes_out_once_and_bad_ones_say_why(tmp_path):
    items = list(read_file(write_jsonl(tmp_path / "in.jsonl", SMALL_BATCH)))
    assert len(items) == len(SMALL_BATCH)
    reasons = [i.reason for i in items if isinstance(i, Quarantined)]
    assert len(reasons) == 3
    assert reasons[0].startswith("unparseable JSON")
    assert reasons[1:] == ["no text", "no text"]


@pytest.mark.parametrize("line, reason", [
    ("[1, 2]", "not a JSON object but list"),
    ('"just a string"', "not a JSON object but str"),
    ("{}", "missing id"),
    ('{"id": "x", "text": 5}', "title or text is not a string"),
    ('{"id": "x", "text": "[deleted]"}', "text deleted or removed on Reddit"),
    ('{"id": "x", "text": "ok", "created_utc": "yesterday"}', "created_utc is not a number of seconds"),
])
def test_malformed_records_are_quarantined_with_reason(tmp_path, line, reason):
    [item] = read_file(write_jsonl(tmp_path / "in.jsonl", [line]))
    assert isinstance(item, Quarantined) and item.reason == reason and item.line == 1


def test_quarantine_keeps_no_content(tmp_path):
    [item] = read_file(write_jsonl(tmp_path / "in.jsonl", ['{"id": "x", "text": "", "author": "secret_name"}']))
    assert "secret_name" not in repr(item)


def test_plain_records_keep_their_ids(tmp_path):
    [item] = read_file(write_jsonl(tmp_path / "in.jsonl", [{"id": "r1", "text": "took 0.1g", "title": "t"}]))
    assert isinstance(item, RawReport) and item.id == "r1" and item.kind == "record"


def test_json_listing_and_array(tmp_path):
    listing = {"kind": "Listing", "data": {"children": [{"kind": "t3", "data": submission(1, "a")},
                                                        {"kind": "t1", "data": comment(2, "b")}]}}
    (tmp_path / "listing.json").write_text(json.dumps(listing))
    (tmp_path / "array.json").write_text(json.dumps([{"id": "r1", "text": "x"}]))
    assert [i.id for i in read_file(tmp_path / "listing.json")] == ["t3_s1", "t1_c2"]
    assert [i.id for i in read_file(tmp_path / "array.json")] == ["r1"]


def test_broken_json_document_is_one_quarantined_item(tmp_path):
    (tmp_path / "bad.json").write_text("[{")
    [item] = read_file(tmp_path / "bad.json")
    assert isinstance(item, Quarantined) and "unparseable JSON document" in item.reason


def test_csv_rows(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text('id,title,text,author,created_utc\nx1,Hi,"took 0.1g, felt ""great""\nreally",someone,1672531200\n'
                    "x2,,,someone,\n")
    first, second = read_file(path)
    assert first.text == 'took 0.1g, felt "great"\nreally' and first.created_utc == 1672531200.0
    assert isinstance(second, Quarantined) and second.reason == "no text"


def test_csv_without_text_column_is_a_clear_error(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("id,body\n1,x\n")
    with pytest.raises(IngestError, match="needs the columns id and text"):
        list(read_file(path))


@pytest.mark.parametrize("name, message", [("missing.jsonl", "no such file"), ("data.txt", "unsupported input type")])
def test_unreadable_inputs_are_clear_errors(tmp_path, name, message):
    if name.endswith(".txt"):
        (tmp_path / name).write_text("x")
    with pytest.raises(IngestError, match=message):
        list(read_file(tmp_path / name))


def test_empty_file_gives_nothing(tmp_path):
    (tmp_path / "empty.jsonl").write_text("\n\n")
    assert list(read_file(tmp_path / "empty.jsonl")) == []


def test_deleted_author_has_no_author(tmp_path):
    [item] = read_file(write_jsonl(tmp_path / "in.jsonl", [submission(1, "x", author="[deleted]")]))
    assert item.author is None
