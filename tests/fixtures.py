"""Seeded builders for test inputs: Reddit-shaped objects and plain records.

Deterministic so a failing test shows the same data every time.
"""

from __future__ import annotations

import json
from pathlib import Path

BASE_TIME = 1672531200.0  # 2023-01-01T00:00:00Z


def submission(n: int, selftext: str, title: str = "My week", author: str | None = "alice_md", **extra) -> dict:
    return {"id": f"s{n}", "name": f"t3_s{n}", "author": author, "created_utc": BASE_TIME + n * 3600,
            "subreddit": "microdosing", "title": title, "selftext": selftext} | extra


def comment(n: int, body: str | None, parent: str = "t3_s1", author: str | None = "bob_md", **extra) -> dict:
    return {"id": f"c{n}", "name": f"t1_c{n}", "author": author, "created_utc": BASE_TIME + n * 60,
            "subreddit": "microdosing", "body": body, "parent_id": parent, "link_id": "t3_s1", **extra}


def write_jsonl(path: Path, items: list) -> Path:
    """Objects become JSON lines; strings are written as they are (for malformed lines)."""
    with path.open("w", encoding="utf-8") as handle:
        for item in items:
            handle.write((item if isinstance(item, str) else json.dumps(item)) + "\n")
    return path


SMALL_BATCH = [
    submission(1, "Fadiman schedule, took 0.1g of cubes. Felt calmer, no headaches at all. Mail me: alice@example.com"),
    comment(1, "10ug of LSD made me jittery. Call +1 415 555 0172 if you want."),
    comment(2, "Can it cause anxiety? I'm worried about insomnia.", author="carol_md"),
    "{this is not json",
    submission(2, "", title=""),
    comment(3, None),
    submission(1, "Fadiman schedule, took 0.1g of cubes. Felt calmer, no headaches at all. Mail me: alice@example.com"),
]


SEED_EFFECTS = [("headache", "side_effect", "physiological_discomfort"), ("jitteriness", "side_effect", "impaired_energy"),
                ("anxiety_reduction", "benefit", "reduced_anxiety"), ("focus_improvement", "benefit", "improved_focus")]


def seed_snapshot(directory: Path, reports: int = 240) -> Path:
    """A warehouse of seeded synthetic extraction results, published; returns the snapshot path."""
    from experiences import publish
    return publish.publish(seed_warehouse(directory / "seed.duckdb", reports), directory / "snapshot.duckdb")


def seed_warehouse(db: Path, reports: int = 240, undated: int = 0) -> Path:
    """A warehouse of seeded synthetic extraction results, one report every three days from
    2023-01-01; the last `undated` reports have no created_utc. Returns the warehouse path."""
    from experiences import warehouse
    from experiences.frames import to_frames
    from experiences.records import Report

    items, records = [], []
    for i in range(reports):
        substance = ("psilocybin", "lsd")[i % 2]
        schedule = ("fadiman", "stamets", "daily")[i % 3]
        effects = [{"effect": e, "kind": k, "category": c, "status": "present", "text": e, "start": 0, "end": 1}
                   for j, (e, k, c) in enumerate(SEED_EFFECTS) if (i + j) % (j + 2) == 0]
        items.append(Report(f"seed{i}", "record", "", "seeded text", f"{i % 90:032x}",
                            None if i >= reports - undated else BASE_TIME + i * 86400 * 3,
                            "microdosing", None, "seed"))
        records.append({"id": f"seed{i}", "substances": [substance], "effects": effects,
                        "doses": [{"substance": substance, "low": 0.1 if substance == "psilocybin" else 10,
                                   "high": 0.1 if substance == "psilocybin" else 10,
                                   "unit": "g" if substance == "psilocybin" else "ug", "text": "x", "start": 0, "end": 1}],
                        "schedules": [{"schedule": schedule, "text": "x", "start": 0, "end": 1}]})
    warehouse.load_batch(db, "seed", to_frames(items, records), [])
    return db
