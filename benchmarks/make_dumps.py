"""Write synthetic Reddit dump files (zstandard NDJSON, like RS_/RC_YYYY-MM.zst), any size.

    .venv/bin/python benchmarks/make_dumps.py OUT_DIR --reports 1000000 [--other 1.0] [--junk 0.001]

Texts are drawn from the bundled synthetic sample (written for the project); ids, authors, times
and subreddits are generated from a fixed seed. `--other` adds that many lines of other subreddits
per kept report, `--junk` that share of broken lines. Submissions go to RS_*.zst and comments to
RC_*.zst, split by month.
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import datetime, timezone
from pathlib import Path

import zstandard

from experiences.settings import SAMPLE_INPUTS

OTHER_SUBREDDITS = ("AskReddit", "gardening", "nba", "Cooking", "learnpython", "Psychonaut")
START = 1640995200  # 2022-01-01


def sample_objects() -> list[dict]:
    objects = []
    for line in SAMPLE_INPUTS[0].read_text(encoding="utf-8").splitlines():
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(obj, dict) and (obj.get("selftext") or obj.get("body")):
            objects.append(obj)
    return objects


def base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
        if not number:
            return out


def generate(reports: int, other: float, junk: float, seed: int = 7, months: int = 3):
    """(kind, month, line bytes) in time order: kept reports, other-subreddit lines and junk."""
    rng = random.Random(seed)
    templates = sample_objects()
    total = int(reports * (1 + other))
    for n in range(total):
        created = START + n * (months * 30 * 86400 // max(total, 1))
        month = datetime.fromtimestamp(created, timezone.utc).strftime("%Y-%m")
        if rng.random() < junk:
            yield rng.choice("SC"), month, rng.choice([b'{"id": "broken', b"garbage", b'{"subreddit": "microdosing", '])
            continue
        template = rng.choice(templates)
        kept = n % (1 + other) < 1 if other >= 1 else rng.random() < 1 / (1 + other)
        subreddit = template.get("subreddit", "microdosing") if kept else rng.choice(OTHER_SUBREDDITS)
        ident = base36(10**9 + n)
        obj = {"id": ident, "author": f"user{rng.randrange(reports // 5 + 10)}", "created_utc": created,
               "subreddit": subreddit, "score": rng.randrange(100)}
        if "body" in template:
            obj |= {"body": template["body"], "link_id": "t3_" + base36(10**9 + max(0, n - 5)),
                    "parent_id": "t3_" + base36(10**9 + max(0, n - 5)), "name": "t1_" + ident}
            kind = "C"
        else:
            obj |= {"title": template["title"], "selftext": template["selftext"], "name": "t3_" + ident,
                    "num_comments": rng.randrange(20)}
            kind = "S"
        yield kind, month, json.dumps(obj, separators=(",", ":")).encode()


def write_dumps(out: Path, reports: int, other: float = 1.0, junk: float = 0.001, seed: int = 7,
                months: int = 3) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    writers, files = {}, {}
    try:
        for kind, month, line in generate(reports, other, junk, seed, months):
            name = f"R{kind}_{month}.zst"
            if name not in writers:
                files[name] = (out / name).open("wb")
                # One compressor per file: a compressor must not feed two streams at once.
                compressor = zstandard.ZstdCompressor(level=3, write_checksum=True)
                writers[name] = compressor.stream_writer(files[name], closefd=False)
            writers[name].write(line + b"\n")
    finally:
        for name, writer in writers.items():
            writer.close()
            files[name].close()
    return sorted(out / name for name in writers)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--reports", type=int, default=10_000, help="lines of the kept subreddits (default 10,000)")
    parser.add_argument("--other", type=float, default=1.0, help="other-subreddit lines per kept line (default 1)")
    parser.add_argument("--junk", type=float, default=0.001, help="share of broken lines (default 0.001)")
    parser.add_argument("--months", type=int, default=3, help="months the records span, one RS and RC file each")
    args = parser.parse_args()
    paths = write_dumps(args.out, args.reports, args.other, args.junk, months=args.months)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} files, {size / 1e6:.1f} MB compressed, to {args.out}")


if __name__ == "__main__":
    main()
