"""Agreement between two labellers of the same posts, scored as the extractor is scored.

    .venv/bin/python benchmarks/agreement.py FIRST.jsonl SECOND.jsonl

Reads two gold files, keeps the posts both labelled, and prints precision, recall and F1 of the
second against the first per field (for F1 the order does not matter), plus the share of the
first's negated or hypothetical effects that the second calls present: the ceiling a rule set
can be expected to reach against either labeller.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from experiences.evaluate import read_jsonl, report_lines, score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    args = parser.parse_args()
    first = {row["id"]: row for row in read_jsonl(args.first)}
    second = {row["id"]: row for row in read_jsonl(args.second)}
    shared = sorted(set(first) & set(second))
    if not shared:
        raise SystemExit("the two files share no post ids")
    print(f"{args.second.name} against {args.first.name}:")
    print("\n".join(report_lines(score({i: second[i] for i in shared}, {i: first[i] for i in shared}))))


if __name__ == "__main__":
    main()
