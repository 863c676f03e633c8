"""Extractor throughput next to bare spaCy tokenisation of the same texts, in one run.

    .venv/bin/python benchmarks/extract_speed.py [--input CORPUS.jsonl] [--reports 100000] [--chunk 2000]

The real corpus is repeated until --reports texts have gone through each side. Both sides stream
(nlp.pipe over a generator), and resident memory is printed at checkpoints to show it stays flat.
The two sides take turns, --chunk texts at a time, so that a busy spell of a shared machine slows
both alike instead of whichever side happened to be running; both are timed warm (built, and run over
1,000 texts first). Target (issue 3): the extractor at >= 25% of the tokeniser's reports/s, one process.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import spacy

from experiences.extract import analysed_text, extract_texts
from experiences.nlp import build_nlp
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


class Side:
    """One side of the comparison: a stream it is fed in chunks, its time, and its memory at checkpoints."""

    def __init__(self, label: str, run: Callable[[Iterator[tuple[str, str]]], Iterator], count: int):
        self.label, self.run, self.count = label, run, count
        self.seconds, self.done, self.memory = 0.0, 0, []
        self.checkpoints = {count // 10, count // 2, count}

    def feed(self, chunk: list[tuple[str, str]]) -> None:
        start = time.perf_counter()
        for _ in self.run(iter(chunk)):
            pass
        self.seconds += time.perf_counter() - start
        before, self.done = self.done, self.done + len(chunk)
        for checkpoint in sorted(self.checkpoints):
            if before < checkpoint <= self.done:
                self.memory.append(f"{checkpoint:,}: {rss_mb():.0f} MB")

    def report(self) -> float:
        rate = self.done / self.seconds
        print(f"{self.label:<28} {rate:>9,.0f} reports/s  ({self.seconds:.1f} s; RSS at {', '.join(self.memory)})")
        return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", default=str(DEFAULT_CORPUS), help="JSON Lines corpus (id, title, text)")
    parser.add_argument("--reports", type=int, default=100_000, help="texts through each side (default 100,000)")
    parser.add_argument("--chunk", type=int, default=2_000, help="texts per turn of each side (default 2,000)")
    args = parser.parse_args()
    path = Path(args.input)
    if not path.is_file():
        sys.exit(f"no corpus at {path}; pass --input with a JSON Lines file of real posts")
    blank = spacy.blank("en")
    tokens = sum(len(doc) for doc in blank.pipe(text for _, text in texts(path, 1000)))
    print(f"corpus: {path.name}, {tokens / 1000:.0f} tokens per report on average; {args.reports:,} reports per side")
    start = time.perf_counter()
    nlp = build_nlp()  # compiles every rule file: once per process, printed apart
    print(f"building the extractor: {time.perf_counter() - start:.2f} s (once per process)")
    for _ in extract_texts(texts(path, 1000), nlp):
        pass
    bare = Side("spacy.blank('en') tokeniser", lambda items: blank.pipe(text for _, text in items), args.reports)
    ours = Side("experiences extractor", lambda items: extract_texts(items, nlp), args.reports)
    stream = texts(path, args.reports)
    while chunk := list(itertools.islice(stream, args.chunk)):
        bare.feed(chunk)
        ours.feed(chunk)
    bare_rate = bare.report()
    ratio = ours.report() / bare_rate
    print(f"ratio: {ratio:.1%} of tokeniser speed (target >= 25%)")


if __name__ == "__main__":
    main()
