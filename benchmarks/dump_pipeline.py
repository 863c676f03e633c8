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

import psutil

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
        with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
            process = subprocess.Popen(command, env=env, stdout=out, stderr=err, text=True)
            peaks = sample_memory(process)
            seconds = time.monotonic() - started
            out.seek(0), err.seek(0)
            stdout, stderr = out.read(), err.read()
        if process.returncode:
            sys.exit(stderr[-3000:])
        largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(stdout.strip())
        loaded = int(stdout.split(" = loaded ")[1].split()[0])
        read = int(stdout.split("read ")[1].split()[0])
        print(f"pipeline: {seconds:.0f} s wall, {size / 1e6 / seconds:.2f} MB/s compressed input, "
              f"{read / seconds:,.0f} reports/s read ({loaded:,} loaded)")
        print(f"peak memory (largest single process of the run): {largest:.0f} MB")
        print("peak resident memory by role, sampled each second (MB): "
              + ", ".join(f"{role} {mb:.0f}" for role, mb in sorted(peaks.items())))


def role(process: psutil.Process) -> str:
    command = " ".join(process.cmdline())
    if "experiences.cli" in command:
        return "main (loads the warehouse)"
    if "spawn_main" in command:
        return "each Dask worker"
    return "each Prefect server" if "uvicorn" in command else "other"


def sample_memory(process: subprocess.Popen) -> dict[str, float]:
    """Wait for the run, sampling every process of its tree: the peak of the largest process of
    each role, and of all of them together."""
    root, peaks = psutil.Process(process.pid), {}
    while process.poll() is None:
        total = 0.0
        try:
            tree = [root] + root.children(recursive=True)
        except psutil.Error:
            break
        for child in tree:
            try:
                mb = child.memory_info().rss / 1e6
                name = role(child)
            except psutil.Error:
                continue
            total += mb
            peaks[name] = max(peaks.get(name, 0.0), mb)
        peaks["all processes together"] = max(peaks.get("all processes together", 0.0), total)
        time.sleep(1)
    return peaks


if __name__ == "__main__":
    main()
