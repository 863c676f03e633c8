"""Extractor throughput next to bare spaCy tokenisation of the same texts, in one run.

    .venv/bin/python benchmarks/extract_speed.py [--input CORPUS.jsonl] [--reports 100000]

The real corpus is repeated until --reports texts have gone through each side; both sides stream
(nlp.pipe over a generator), and resident memory is printed at checkpoints to show it stays flat.
Target (issue 3): the extractor at >= 25% of the tokeniser's reports/s, one process.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import spacy

from experiences.extract import analysed_text, extract_texts
from experiences.settings import DEFAULT_CORPUS


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def texts(path: Path, count: int) -> Iterator[tuple[str, str]]:
    with path.open(encoding="utf-8") as handle:
        corpus = [(row["id"], analysed_text(row.get("title"), row["text"])) for row in map(json.loads, handle)]
    for n, (rid, text) in enumerate(itertools.islice(itertools.cycle(corpus), count)):
        yield f"{rid}#{n}", text


def measure(label: str, stream: Iterator, count: int) -> float:
    checkpoints = {count // 10, count // 2, count}
    start = time.perf_counter()
    memory = []
    for n, _ in enumerate(stream, start=1):
        if n in checkpoints:
            memory.append(f"{n:,}: {rss_mb():.0f} MB")
    seconds = time.perf_counter() - start
    print(f"{label:<28} {count / seconds:>9,.0f} reports/s  ({seconds:.1f} s; RSS at {', '.join(memory)})")
    return count / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", default=str(DEFAULT_CORPUS), help="JSON Lines corpus (id, title, text)")
    parser.add_argument("--reports", type=int, default=100_000, help="texts through each side (default 100,000)")
    args = parser.parse_args()
    path = Path(args.input)
    if not path.is_file():
        sys.exit(f"no corpus at {path}; pass --input with a JSON Lines file of real posts")
    blank = spacy.blank("en")
    tokens = sum(len(doc) for doc in blank.pipe(text for _, text in texts(path, 1000)))
    print(f"corpus: {path.name}, {tokens / 1000:.0f} tokens per report on average; {args.reports:,} reports per side")
    bare = measure("spacy.blank('en') tokeniser", blank.pipe(t for _, t in texts(path, args.reports)), args.reports)
    ours = measure("experiences extractor", extract_texts(texts(path, args.reports)), args.reports)
    print(f"ratio: {ours / bare:.1%} of tokeniser speed (target >= 25%)")


if __name__ == "__main__":
    main()
