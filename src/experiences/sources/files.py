"""Read export files (JSON Lines, JSON, CSV) of Reddit objects or plain records.

Every input record comes out as exactly one RawReport or one Quarantined item, so that the run's
counts reconcile: nothing is dropped silently.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..records import Quarantined, RawReport

SUFFIXES = (".jsonl", ".ndjson", ".json", ".csv")
DELETED_MARKS = {"[deleted]", "[removed]"}
DELETED = "text deleted or removed on Reddit"  # the quarantine reason that also takes a loaded report out


class IngestError(Exception):
    """An input that cannot be read at all (as opposed to a bad record inside it)."""


def read_file(path: str | Path) -> Iterator[RawReport | Quarantined]:
    path = Path(path)
    if not path.is_file():
        raise IngestError(f"{path}: no such file; check the path given to --input")
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from _read_json_lines(path)
    elif suffix == ".json":
        yield from _read_json_document(path)
    elif suffix == ".csv":
        yield from _read_csv(path)
    else:
        raise IngestError(f"{path}: unsupported input type {suffix or '(none)'}; use one of {', '.join(SUFFIXES)}")


def _read_json_lines(path: Path) -> Iterator[RawReport | Quarantined]:
    with path.open("rb") as handle:
        yield from read_json_lines(handle, path.name)


def read_json_lines(lines: Iterable[bytes], source: str) -> Iterator[RawReport | Quarantined]:
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue  # blank lines are layout, not records
        try:
            obj = json.loads(raw)
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            yield Quarantined.at_ingest(source, number, f"unparseable JSON: {_short(error)}", raw)
            continue
        yield to_raw_report(obj, source, number, raw)


def _read_json_document(path: Path) -> Iterator[RawReport | Quarantined]:
    data = path.read_bytes()
    try:
        document = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        yield Quarantined.at_ingest(path.name, 1, f"unparseable JSON document: {_short(error)}", data)
        return
    if isinstance(document, dict) and document.get("kind") == "Listing":
        items = document.get("data", {}).get("children", [])
    elif isinstance(document, list):
        items = document
    else:
        items = [document]
    for number, obj in enumerate(items, start=1):
        yield to_raw_report(obj, path.name, number, json.dumps(obj, sort_keys=True))


def _read_csv(path: Path) -> Iterator[RawReport | Quarantined]:
    with path.open(newline="", encoding="utf-8", errors="strict") as handle:
        reader = csv.DictReader(handle)
        columns = set(reader.fieldnames or ())
        if not {"id", "text"} <= columns:
            raise IngestError(f"{path}: a CSV export needs the columns id and text "
                              f"(optional: title, author, created_utc); found {sorted(columns)}")
        for row in reader:
            obj = {key: value for key, value in row.items() if key is not None}
            if obj.get("created_utc") == "":
                obj["created_utc"] = None
            yield to_raw_report(obj, path.name, reader.line_num, json.dumps(row, sort_keys=True))


def to_raw_report(obj: object, source: str, line: int, content: bytes | str) -> RawReport | Quarantined:
    """Normalise one Reddit object (submission t3, comment t1) or plain record."""

    def reject(reason: str, record_id: str | None = None) -> Quarantined:
        return Quarantined.at_ingest(source, line, reason, content, record_id)

    if isinstance(obj, dict) and isinstance(obj.get("data"), dict) and obj.get("kind") in ("t1", "t3"):
        obj = obj["data"]
    if not isinstance(obj, dict):
        return reject(f"not a JSON object but {type(obj).__name__}")
    kind, title, text = _kind_and_text(obj)
    record_id = _record_id(obj, kind)
    if record_id is None:
        return reject("missing id")
    if not isinstance(title, str) or not isinstance(text, str):
        return reject("title or text is not a string", record_id)
    if text.strip() in DELETED_MARKS:
        return reject(DELETED, record_id)
    if not (title.strip() or text.strip()):
        return reject("no text", record_id)
    created = obj.get("created_utc")
    if created is not None:
        try:
            created = float(created)
        except (TypeError, ValueError):
            return reject("created_utc is not a number of seconds", record_id)
    author = obj.get("author")
    if not isinstance(author, str) or author in DELETED_MARKS or not author.strip():
        author = None
    return RawReport(
        id=record_id, kind=kind, title=title, text=text, author=author, created_utc=created,
        subreddit=_optional_str(obj.get("subreddit")), parent_id=_optional_str(obj.get("parent_id")),
        source=source, line=line,
    )


def _kind_and_text(obj: dict) -> tuple[str, object, object]:
    if "body" in obj:
        return "comment", "", obj.get("body") or ""
    if "selftext" in obj:
        return "submission", obj.get("title") or "", obj.get("selftext") or ""
    return "record", obj.get("title") or "", obj.get("text") or ""


def _record_id(obj: dict, kind: str) -> str | None:
    name = obj.get("name")
    if kind != "record" and isinstance(name, str) and name.startswith(("t1_", "t3_")):
        return name
    raw = obj.get("id")
    if raw is None or (isinstance(raw, str) and not raw.strip()) or isinstance(raw, (dict, list, bool)):
        return None
    raw = str(raw).strip()
    prefix = {"comment": "t1_", "submission": "t3_"}.get(kind, "")
    return raw if raw.startswith(prefix) else prefix + raw


def _optional_str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _short(error: Exception) -> str:
    return str(error).split("\n")[0][:120]

