"""The whole pipeline on generated dump files: throughput and peak memory.

    .venv/bin/python benchmarks/dump_pipeline.py --reports 1000000 [--other 1] [--task-runner threads|dask]

Generates dumps with benchmarks/make_dumps.py (kept reports, other-subreddit lines and junk) into
a temporary folder, runs `experiences run` on them in a fresh data folder (a subprocess, as a user
would), and prints MB/s of compressed input, reports/s through the whole pipeline, and the peak
resident memory of the run and its worker processes.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from make_dumps import write_dumps  # noqa: E402

KEEP = ("microdosing", "LSD", "PsilocybinMushrooms", "Nootropics")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--other", type=float, default=1.0, help="other-subreddit lines per kept line")
    parser.add_argument("--junk", type=float, default=0.001)
    parser.add_argument("--months", type=int, default=2)
    parser.add_argument("--task-runner", choices=("threads", "dask"), default="threads")
    parser.add_argument("--batch-size", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        started = time.monotonic()
        paths = write_dumps(Path(tmp) / "dumps", args.reports, args.other, args.junk, months=args.months)
        size = sum(p.stat().st_size for p in paths)
        print(f"generated {len(paths)} dump files, {size / 1e6:.1f} MB compressed, in {time.monotonic() - started:.0f} s",
              flush=True)
        env = os.environ | {"EXPERIENCES_BATCH_SIZE": str(args.batch_size), "EXPERIENCES_PSEUDONYM_KEY": "benchmark-key-0123456789"}
        command = [sys.executable, "-m", "experiences.cli", "run", "--data", str(Path(tmp) / "data"),
                   "--task-runner", args.task_runner]
        for path in paths:
            command += ["--input", str(path)]
        for name in KEEP:
            command += ["--keep-subreddit", name]
        started = time.monotonic()
        result = subprocess.run(command, env=env, capture_output=True, text=True)
        seconds = time.monotonic() - started
        if result.returncode:
            sys.exit(result.stderr[-3000:])
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(result.stdout.strip())
        loaded = int(result.stdout.split(" = loaded ")[1].split()[0])
        read = int(result.stdout.split("read ")[1].split()[0])
        print(f"pipeline: {seconds:.0f} s wall, {size / 1e6 / seconds:.2f} MB/s compressed input, "
              f"{read / seconds:,.0f} reports/s read ({loaded:,} loaded)")
        print(f"peak memory (largest single process of the run): {peak:.0f} MB")


if __name__ == "__main__":
    main()
