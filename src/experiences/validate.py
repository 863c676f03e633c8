"""Validate each batch with the Great Expectations suites kept as JSON in expectations/.

A report breaking any expectation, in its own row or in one of its mentions, is quarantined whole
with the names of what it broke: a report is loaded with all its mentions or not at all.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .frames import TABLES, Frames
from .records import Quarantined
from .settings import EXPECTATIONS_DIR


class ValidationFailed(Exception):
    """A batch whose failure share passed the configured threshold."""


@dataclass
class SuiteResult:
    suite: str
    success: bool
    evaluated: int
    failed_rows: int
    summary: list[dict]  # per expectation: type, column, success, unexpected count; never row values


@dataclass
class Outcome:
    valid: Frames
    quarantined: list[Quarantined]
    results: list[SuiteResult] = field(default_factory=list)
    checked: int = 0



@dataclass
class FailureBudget:
    """The share of a run's reports that may fail validation before the run fails.

    Judged on the running total once it holds `min_reports` (a handful of reports says little),
    and on whatever there is at the end of the source.
    """

    max_share: float
    min_reports: int = 200
    checked: int = 0
    failed: int = 0

    def add(self, checked: int, failed: int) -> bool:
        """Count a batch; True when the budget is now spent."""
        self.checked += checked
        self.failed += failed
        return self.checked >= self.min_reports and self.spent()

    def spent(self) -> bool:
        return bool(self.checked) and self.failed / self.checked > self.max_share

    def fail(self, label: str) -> None:
        raise ValidationFailed(
            f"{label}: {self.failed} of {self.checked} reports ({self.failed / self.checked:.0%}) failed validation, "
            f"more than the allowed {self.max_share:.0%}. See the validation_results and quarantine tables, "
            "fix the input or the extractor, or raise EXPERIENCES_MAX_FAILURE_SHARE.")


def load_suites(directory: Path = EXPECTATIONS_DIR) -> dict[str, dict]:
    suites = {}
    for table in TABLES:
        path = directory / f"{table}.json"
        if not path.is_file():
            raise FileNotFoundError(f"missing expectation suite {path}; every table needs one")
        suites[table] = json.loads(path.read_text(encoding="utf-8"))
    return suites


class Validator:
    """Builds the suites into one ephemeral GX context, once per run (importing GX takes seconds)."""

    def __init__(self, directory: Path = EXPECTATIONS_DIR):
        import great_expectations as gx  # lazy: several seconds to import
        for name in [n for n in logging.root.manager.loggerDict if n.startswith("great_expectations")]:
            logging.getLogger(name).setLevel(logging.WARNING)  # its INFO lines are noise in our progress output
        self._gx = gx
        self.context = gx.get_context(mode="ephemeral")
        self.context.variables.progress_bars = {"globally": False, "metric_calculations": False}
        source = self.context.data_sources.add_pandas("batches")
        self.definitions = {}
        for table, suite_json in load_suites(directory).items():
            suite = self.context.suites.add(gx.ExpectationSuite(**suite_json))
            batch = source.add_dataframe_asset(table).add_batch_definition_whole_dataframe("batch")
            self.definitions[table] = self.context.validation_definitions.add(
                gx.ValidationDefinition(data=batch, suite=suite, name=table))

    def validate(self, frames: Frames) -> Outcome:
        broken: dict[str, list[str]] = defaultdict(list)
        results = []
        for table in TABLES:
            frame = frames.table(table)
            if frame.empty:
                results.append(SuiteResult(table, True, 0, 0, []))
                continue
            index = "id" if table == "reports" else "report_id"
            run = self.definitions[table].run(
                batch_parameters={"dataframe": frame},
                result_format={"result_format": "COMPLETE", "unexpected_index_column_names": [index]})
            summary, failed_ids = [], set()
            for result in run.results:
                config = result.expectation_config
                rows = result.result.get("unexpected_index_list") or []
                ids = {row[index] for row in rows}
                name = f"{table}.{config.type}({_describe(config.kwargs)})"
                for report_id in ids:
                    broken[report_id].append(name)
                failed_ids |= ids
                summary.append({"expectation": config.type, "kwargs": _describe(config.kwargs),
                                "success": bool(result.success), "unexpected_count": len(rows)})
            results.append(SuiteResult(table, bool(run.success), len(frame), len(failed_ids), summary))
        sources = dict(zip(frames.reports["id"], frames.reports["source"]))
        hashes = dict(zip(frames.reports["id"], frames.reports["content_hash"]))
        quarantined = [Quarantined("validate", sources.get(rid, ""), None, rid,
                                   "failed " + "; ".join(sorted(set(names))), f"validate:{rid}:{hashes.get(rid, '')}")
                       for rid, names in broken.items()]
        return Outcome(frames.without(set(broken)), quarantined, results, checked=len(frames.reports))


def _describe(kwargs: dict) -> str:
    keep = ("column", "column_A", "column_B", "value_set", "min_value", "max_value", "regex")
    parts = []
    for key in keep:
        if key in kwargs and kwargs[key] is not None:
            value = kwargs[key]
            parts.append(f"{key}={value if key != 'value_set' else '[...]'}")
    condition = kwargs.get("row_condition")
    if condition:
        parts.append(f"where {getattr(condition, 'pass_through_filter', None) or condition.get('pass_through_filter', condition)}")
    return ", ".join(parts)

