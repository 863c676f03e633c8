"""Score the extractor against hand labels, at report level.

Doses match on (unit, low, high); schedules on id; effects on id with status present. Also the
share of gold negated or hypothetical effects that the extractor calls present.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .extract import analysed_text, extract_texts


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    def add(self, predicted: set, gold: set) -> None:
        self.true_positives += len(predicted & gold)
        self.false_positives += len(predicted - gold)
        self.false_negatives += len(gold - predicted)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    reports: int
    doses: Score
    schedules: Score
    effects: Score
    not_present: int  # gold negated/hypothetical effects (not also present)
    called_present: int  # ... of which the extractor called present

    @property
    def called_present_share(self) -> float:
        return self.called_present / self.not_present if self.not_present else 0.0


def dose_keys(doses: Iterable[dict]) -> set:
    return {(d["unit"], round(float(d["low"]), 4), round(float(d["high"]), 4)) for d in doses}


def present_effects(effects: Iterable[dict]) -> set:
    return {e["effect"] for e in effects if e["status"] == "present"}


def score(predicted: dict[str, dict], gold: dict[str, dict]) -> Evaluation:
    doses, schedules, effects = Score(), Score(), Score()
    not_present = called_present = 0
    for report_id, labels in gold.items():
        output = predicted[report_id]
        doses.add(dose_keys(output["doses"]), dose_keys(labels["doses"]))
        schedules.add({s["schedule"] for s in output["schedules"]}, {s["schedule"] for s in labels["schedules"]})
        found, wanted = present_effects(output["effects"]), present_effects(labels["effects"])
        effects.add(found, wanted)
        others = {e["effect"] for e in labels["effects"] if e["status"] != "present"} - wanted
        not_present += len(others)
        called_present += len(others & found)
    return Evaluation(len(gold), doses, schedules, effects, not_present, called_present)


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def evaluate(gold_path: Path, input_path: Path) -> Evaluation:
    gold = {row["id"]: row for row in read_jsonl(gold_path)}
    texts = {row["id"]: analysed_text(row.get("title"), row["text"])
             for row in read_jsonl(input_path) if row.get("id") in gold}
    missing = sorted(set(gold) - set(texts))
    if missing:
        raise ValueError(f"{len(missing)} gold ids are not in {input_path} (first: {missing[0]}); "
                         "give the input file the gold set was labelled on")
    predicted = {record["id"]: record for record in extract_texts(texts.items())}
    return score(predicted, gold)


def report_lines(evaluation: Evaluation) -> list[str]:
    lines = [f"reports: {evaluation.reports}",
             f"{'field':<10} {'precision':>9} {'recall':>7} {'F1':>6}   (tp/fp/fn)"]
    for name in ("doses", "schedules", "effects"):
        s = getattr(evaluation, name)
        label = "effects*" if name == "effects" else name
        lines.append(f"{label:<10} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>6.3f}   "
                     f"({s.true_positives}/{s.false_positives}/{s.false_negatives})")
    lines.append("* effects with status present")
    lines.append(f"negated or hypothetical effects called present: {evaluation.called_present_share:.1%} "
                 f"({evaluation.called_present} of {evaluation.not_present})")
    return lines
