"""Error analysis for one field: the extractor's false positives and negatives per gold report.

    .venv/bin/python benchmarks/errors.py doses|schedules|effects [--gold benchmarks/gold/part1.jsonl]
        [--input ../shared/corpus/microdosing_reports.jsonl] [--context 60]

Prints to the terminal only: the corpus texts must not be copied into the repository.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from experiences.evaluate import dose_keys, present_effects, read_jsonl
from experiences.extract import analysed_text, extract_texts
from experiences.settings import DEFAULT_CORPUS, PROJECT_ROOT


def keys(field: str, record: dict) -> dict:
    """Comparable key -> the mention (with offsets when the record is the extractor's)."""
    if field == "doses":
        return {next(iter(dose_keys([d]))): d for d in record["doses"]}
    if field == "schedules":
        return {s["schedule"]: s for s in record["schedules"]}
    return {e["effect"]: e for e in record["effects"] if e["effect"] in present_effects(record["effects"])
            and e["status"] == "present"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("field", choices=("doses", "schedules", "effects"))
    parser.add_argument("--gold", default=str(PROJECT_ROOT / "benchmarks" / "gold" / "part1.jsonl"))
    parser.add_argument("--input", default=str(DEFAULT_CORPUS))
    parser.add_argument("--context", type=int, default=60)
    args = parser.parse_args()
    gold = {row["id"]: row for row in read_jsonl(Path(args.gold))}
    texts = {r["id"]: analysed_text(r.get("title"), r["text"]) for r in read_jsonl(Path(args.input)) if r["id"] in gold}
    for record in extract_texts(texts.items()):
        text, labels = texts[record["id"]], gold[record["id"]]
        found, wanted = keys(args.field, record), keys(args.field, labels)
        fp, fn = set(found) - set(wanted), set(wanted) - set(found)
        if not (fp or fn):
            continue
        print(f"=== {record['id']}  {labels.get('note', '')}")
        for key in sorted(fp, key=str):
            m = found[key]
            snippet = text[max(0, m["start"] - args.context):m["end"] + args.context].replace("\n", " ")
            print(f"  FP {key}  [{m['text']}]  ...{snippet}...")
        for key in sorted(fn, key=str):
            print(f"  FN {key}")
        if args.field == "effects":
            others = [(e["effect"], e["status"]) for e in record["effects"] if e["status"] != "present"]
            if others:
                print(f"     (extractor also said: {others})")


if __name__ == "__main__":
    main()
