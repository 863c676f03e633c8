"""Score the extractor against hand labels, at report level.

Doses match on (unit, low, high); schedules on id; effects on id with status present; substances
on id. Also the share of gold negated or hypothetical effects that the extractor calls present.

Each figure comes with a 95% bootstrap interval over reports (the reports are resampled with
replacement, with a fixed seed), because a hundred labelled posts give F1 only to a few points: the
interval says how far another hundred posts of the same kind could move it.

Each line also says whether the figure meets its target (issue 3: F1 at least 0.93 for doses, 0.90
for schedules and 0.85 for effects; at most 10% of negated or hypothetical effects called present).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

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


FIELDS = ("doses", "schedules", "effects", "substances")
F1_TARGETS = {"doses": 0.93, "schedules": 0.90, "effects": 0.85}  # substances have none
CALLED_PRESENT_TARGET = 0.10  # at most


def dose_keys(doses: Iterable[dict]) -> set:
    return {(d["unit"], round(float(d["low"]), 4), round(float(d["high"]), 4)) for d in doses}


def present_effects(effects: Iterable[dict]) -> set:
    return {e["effect"] for e in effects if e["status"] == "present"}


# What is compared, per field: a record's set of keys.
KEYS = {
    "doses": lambda record: dose_keys(record["doses"]),
    "schedules": lambda record: {s["schedule"] for s in record["schedules"]},
    "effects": lambda record: present_effects(record["effects"]),
    "substances": lambda record: set(record.get("substances", ())),
}


@dataclass
class Evaluation:
    reports: int
    scores: dict[str, Score]  # per field of FIELDS
    not_present: int  # gold negated/hypothetical effects (not also present)
    called_present: int  # ... of which the extractor called present
    # per report: tp, fp, fn of each field in FIELDS order, then not_present, called_present
    counts: list[tuple[int, ...]] = field(default_factory=list, repr=False)
    by_effect: dict[str, Score] = field(default_factory=dict, repr=False)  # effects (present) per id

    @property
    def doses(self) -> Score:
        return self.scores["doses"]

    @property
    def schedules(self) -> Score:
        return self.scores["schedules"]

    @property
    def effects(self) -> Score:
        return self.scores["effects"]

    @property
    def called_present_share(self) -> float:
        return self.called_present / self.not_present if self.not_present else 0.0


def score(predicted: dict[str, dict], gold: dict[str, dict]) -> Evaluation:
    scores = {name: Score() for name in FIELDS}
    not_present = called_present = 0
    counts = []
    by_effect: dict[str, Score] = {}
    keys: dict[str, tuple[set, set]] = {}  # this report's (found, wanted) per field
    for report_id, labels in gold.items():
        output = predicted[report_id]
        row = []
        for name in FIELDS:
            found, wanted = keys[name] = KEYS[name](output), KEYS[name](labels)
            scores[name].add(found, wanted)
            row += [len(found & wanted), len(found - wanted), len(wanted - found)]
        found, wanted = keys["effects"]
        for effect in found | wanted:
            by_effect.setdefault(effect, Score()).add(found & {effect}, wanted & {effect})
        others = {e["effect"] for e in labels["effects"] if e["status"] != "present"} - wanted
        not_present += len(others)
        called_present += len(others & found)
        counts.append((*row, len(others), len(others & found)))
    return Evaluation(len(gold), scores, not_present, called_present, counts, by_effect)


def intervals(evaluation: Evaluation, resamples: int = 2000, seed: int = 0) -> dict[str, tuple[float, float]]:
    """95% percentile bootstrap intervals over reports: F1 of each field, and the called-present share."""
    width = 3 * len(FIELDS) + 2
    counts = np.array(evaluation.counts, dtype=np.int64).reshape(-1, width)
    if not len(counts) or resamples <= 0:
        return {}
    picks = np.random.default_rng(seed).integers(0, len(counts), size=(resamples, len(counts)))
    sums = counts[picks].sum(axis=1)  # resamples x width
    found = {}
    for i, name in enumerate(FIELDS):
        tp, fp, fn = sums[:, 3 * i], sums[:, 3 * i + 1], sums[:, 3 * i + 2]
        # F1 = 2tp / (2tp + fp + fn); with nothing found and nothing wanted, F1 is 1 as in Score
        denominator = 2 * tp + fp + fn
        f1 = np.where(denominator > 0, 2 * tp / np.maximum(denominator, 1), 1.0)
        found[name] = _percentiles(f1)
    not_present, called = sums[:, width - 2], sums[:, width - 1]
    found["called_present"] = _percentiles(np.where(not_present > 0, called / np.maximum(not_present, 1), 0.0))
    return found


def _percentiles(values: np.ndarray) -> tuple[float, float]:
    low, high = np.percentile(values, [2.5, 97.5])
    return float(low), float(high)


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


def report_lines(evaluation: Evaluation, resamples: int = 2000) -> list[str]:
    bounds = intervals(evaluation, resamples)
    lines = [f"reports: {evaluation.reports}",
             f"{'field':<10} {'precision':>9} {'recall':>7} {'F1':>6}  {'95% CI of F1':<13}  {'target':<12}  (tp/fp/fn)"]
    for name in FIELDS:
        s = evaluation.scores[name]
        label = "effects*" if name == "effects" else name
        span = "{:.3f}-{:.3f}".format(*bounds[name]) if name in bounds else "-"
        target = F1_TARGETS.get(name)
        verdict = "-" if target is None else f"{target:.2f} {'met' if s.f1 >= target else 'not met'}"
        lines.append(f"{label:<10} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>6.3f}  {span:<13}  {verdict:<12}  "
                     f"({s.true_positives}/{s.false_positives}/{s.false_negatives})")
    lines.append("* effects with status present; substances: those named in words (psilocybin, lsd, other)")
    share = (f"negated or hypothetical effects called present: {evaluation.called_present_share:.1%} "
             f"({evaluation.called_present} of {evaluation.not_present}")
    if "called_present" in bounds:
        share += ", 95% CI {:.1%}-{:.1%}".format(*bounds["called_present"])
    met = evaluation.called_present_share <= CALLED_PRESENT_TARGET
    lines.append(share + f"); target at most {CALLED_PRESENT_TARGET:.0%}: {'met' if met else 'not met'}")
    if bounds:
        lines.append(f"intervals: 95% bootstrap over reports ({resamples} resamples, fixed seed)")
    return lines


def effect_lines(evaluation: Evaluation) -> list[str]:
    """Precision, recall and F1 of each effect id (status present), most often labelled first: how far a
    researcher can trust the count of one effect."""
    lines = [f"{'effect (present)':<22} {'gold':>5} {'precision':>9} {'recall':>7} {'F1':>6}   (tp/fp/fn)"]
    ranked = sorted(evaluation.by_effect.items(),
                    key=lambda item: (-(item[1].true_positives + item[1].false_negatives), item[0]))
    for effect, s in ranked:
        lines.append(f"{effect:<22} {s.true_positives + s.false_negatives:>5} {s.precision:>9.3f} {s.recall:>7.3f} "
                     f"{s.f1:>6.3f}   ({s.true_positives}/{s.false_positives}/{s.false_negatives})")
    return lines
