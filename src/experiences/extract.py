"""Extraction records as the contract (../shared/spec/extraction.md) defines them.

`extract_texts` streams (id, analysed text) pairs through the pipeline with nlp.pipe, so memory
stays flat however long the input is.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO

from spacy.language import Language
from spacy.tokens import Doc

from .nlp import shared_nlp
from .nlp.text import text_of

SUBSTANCES = ("psilocybin", "lsd", "other")


def analysed_text(title: str | None, text: str) -> str:
    return f"{title}\n\n{text}" if title else text


def record_from_doc(record_id: str, doc: Doc) -> dict:
    text = text_of(doc)
    # Only the substances the text names in words: a dose's unit gives the dose its substance, not the post.
    named = {m.substance for m in doc._.substances if m.substance in SUBSTANCES}
    return {
        "id": record_id,
        "substances": [s for s in SUBSTANCES if s in named],
        "doses": [{"substance": d.substance, "low": d.low, "high": d.high, "unit": d.unit,
                   "text": text[d.start:d.end], "start": d.start, "end": d.end} for d in doc._.doses],
        "schedules": [_schedule(s, text) for s in doc._.schedules],
        "effects": [{"effect": e.effect, "kind": e.kind, "category": e.category, "status": e.status,
                     "text": text[e.start:e.end], "start": e.start, "end": e.end} for e in doc._.effects],
    }


def _schedule(mention, text: str) -> dict:
    record = {"schedule": mention.schedule, "text": text[mention.start:mention.end],
              "start": mention.start, "end": mention.end}
    if mention.schedule == "custom":
        record["days_on"] = mention.days_on
        record["days_off"] = mention.days_off
    return record


def extract_texts(items: Iterable[tuple[str, str]], nlp: Language | None = None,
                  batch_size: int = 256) -> Iterator[dict]:
    """Extraction records for (id, analysed text) pairs, in input order."""
    nlp = nlp or shared_nlp()
    for doc, record_id in nlp.pipe(((text, rid) for rid, text in items), as_tuples=True, batch_size=batch_size):
        yield record_from_doc(record_id, doc)


def extract_json_lines(source: IO[bytes], sink: IO[str], nlp: Language | None = None) -> tuple[int, int]:
    """The `experiences extract` contract: one output line per input line, errors inline.

    Returns (lines, errors).
    """
    lines = errors = 0
    pending: list[tuple[str, str] | dict] = []  # parsed (id, text) pairs, or error records, in input order

    def flush() -> None:
        results = extract_texts((item for item in pending if not isinstance(item, dict)), nlp)
        for item in pending:
            record = item if isinstance(item, dict) else next(results)
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
        pending.clear()

    for raw in source:
        lines += 1
        item = _parse_line(raw)
        errors += isinstance(item, dict)
        pending.append(item)
        if len(pending) >= 512:
            flush()
    flush()
    return lines, errors


def _parse_line(raw: bytes) -> tuple[str, str] | dict:
    try:
        obj = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return {"error": f"not valid JSON: {str(error).splitlines()[0]}"}
    if not isinstance(obj, dict):
        return {"error": f"expected a JSON object, got {type(obj).__name__}"}
    record_id = obj.get("id")
    if not isinstance(record_id, str) or not record_id:
        return _error(record_id, "missing or non-string id")
    text, title = obj.get("text"), obj.get("title")
    if not isinstance(text, str):
        return _error(record_id, "missing or non-string text")
    if title is not None and not isinstance(title, str):
        return _error(record_id, "title must be a string")
    created = obj.get("created_utc")
    if created is not None and (isinstance(created, bool) or not isinstance(created, (int, float))):
        return _error(record_id, "created_utc must be a number")
    return record_id, analysed_text(title, text)


def _error(record_id: object, message: str) -> dict:
    return ({"id": record_id} if isinstance(record_id, str) and record_id else {}) | {"error": message}
