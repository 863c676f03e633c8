import json

import pytest
import zstandard

from experiences.records import Quarantined, RawReport
from experiences.sources.dumps import DumpError, DumpFilter, DumpStats, read_dump

MICRODOSING = DumpFilter(frozenset({"microdosing"}))


def write_zst(path, lines, window_log=None):
    params = zstandard.ZstdCompressionParameters.from_level(3, window_log=window_log or 20)
    with path.open("wb") as handle, zstandard.ZstdCompressor(compression_params=params).stream_writer(handle) as out:
        for line in lines:
            out.write((line if isinstance(line, bytes) else json.dumps(line).encode()) + b"\n")
    return path


def submission(n, subreddit="microdosing", text="took 0.1g today"):
    return {"id": f"s{n}", "name": f"t3_s{n}", "author": f"user{n}", "created_utc": 1672531200 + n,
            "subreddit": subreddit, "title": "week one", "selftext": text}


def test_keeps_only_the_subreddits_asked_for_and_counts_the_rest(tmp_path):
    path = write_zst(tmp_path / "RS_2023-01.zst", [submission(1), submission(2, "AskReddit"), submission(3, "MicroDosing")])
    stats = DumpStats()
    items = list(read_dump(path, MICRODOSING, stats))
    assert [i.id for i in items] == ["t3_s1", "t3_s3"]
    assert (stats.lines, stats.filtered, stats.bad) == (3, 1, 0)
    assert stats.compressed_bytes == path.stat().st_size


def test_keywords_filter_texts(tmp_path):
    path = write_zst(tmp_path / "RS.zst", [submission(1, "AskReddit", "I microdose LSD"), submission(2, "AskReddit", "no")])
    assert [i.id for i in read_dump(path, DumpFilter(keywords=("microdos",)))] == ["t3_s1"]


def test_bad_lines_are_quarantined_whatever_they_claim(tmp_path):
    path = write_zst(tmp_path / "RC.zst", [submission(1), b'{"subreddit": "microdosing", "id": ', b"garbage", b"",
                                           b'{"subreddit":"microdosing","id":"x",}'])
    items = list(read_dump(path, MICRODOSING))
    assert [type(i) for i in items] == [RawReport, Quarantined, Quarantined, Quarantined]
    assert all(q.reason.startswith("unparseable line") for q in items[1:])


def test_error_rate_limit(tmp_path):
    lines = [submission(n) for n in range(1200)] + [b"junk"] * 30
    path = write_zst(tmp_path / "RS.zst", lines)
    assert sum(isinstance(i, Quarantined) for i in read_dump(path, MICRODOSING, max_error_rate=0.05)) == 30
    with pytest.raises(DumpError, match="bad lines in the first"):
        list(read_dump(path, MICRODOSING, max_error_rate=0.01))


def test_resumes_after_a_line(tmp_path):
    path = write_zst(tmp_path / "RS.zst", [submission(n) for n in range(10)])
    assert [i.id for i in read_dump(path, MICRODOSING, start_line=7)] == ["t3_s7", "t3_s8", "t3_s9"]


def test_long_window_dumps_are_readable(tmp_path):
    path = write_zst(tmp_path / "RS.zst", [submission(n) for n in range(50)], window_log=31)
    with pytest.raises(zstandard.ZstdError):  # what a default reader says about --long=31 files
        zstandard.ZstdDecompressor().stream_reader(path.open("rb")).read()
    assert len(list(read_dump(path, MICRODOSING))) == 50


def test_not_zstandard_is_a_clear_error(tmp_path):
    (tmp_path / "RS.zst").write_text("plain text")
    with pytest.raises(DumpError, match="not a readable zstandard file"):
        list(read_dump(tmp_path / "RS.zst", MICRODOSING))


def test_generated_dumps_round_trip(tmp_path, make_dumps):
    paths = make_dumps(tmp_path, reports=300, other=1.0, junk=0.01)
    assert all(p.name.startswith(("RS_", "RC_")) for p in paths)
    kept = sum(isinstance(i, RawReport) for p in paths
               for i in read_dump(p, DumpFilter(frozenset({"microdosing", "LSD", "PsilocybinMushrooms", "Nootropics"}))))
    assert 250 <= kept <= 300
