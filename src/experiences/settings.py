"""The one composition root: every path, key source and limit, from flags and environment.

Command-line flags win over environment variables, which win over defaults. Nothing else in the
package reads the environment for configuration.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from .sources.reddit import RedditSettings

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SQL_DIR = PROJECT_ROOT / "sql"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
DASHBOARD_APP = PROJECT_ROOT / "dashboards" / "app.py"
SAMPLE_DIR = Path(__file__).resolve().parent / "sample"
SAMPLE_INPUTS = (SAMPLE_DIR / "reddit_sample.jsonl", SAMPLE_DIR / "exports_sample.csv")
# The maintainers' evaluation corpus, beside a checkout (never part of the repository).
DEFAULT_CORPUS = PROJECT_ROOT.parent / "shared" / "corpus" / "microdosing_reports.jsonl"

# Every environment variable the project reads, with what it sets (documented in README.md;
# a test keeps the two in step).
ENVIRONMENT = {
    "EXPERIENCES_DATA": "data folder (default ./data): database, snapshot, key, Prefect state",
    "EXPERIENCES_DB": "DuckDB warehouse file (default DATA/experiences.duckdb)",
    "EXPERIENCES_SNAPSHOT": "published read-only snapshot (default DATA/snapshot.duckdb)",
    "EXPERIENCES_PSEUDONYM_KEY": "secret key for author pseudonyms (default: generated into DATA/pseudonym.key)",
    "EXPERIENCES_MAX_FAILURE_SHARE": "share of a batch that may fail validation before the run fails (default 0.2)",
    "EXPERIENCES_BATCH_SIZE": "reports per batch through extract, validate and load (default 2000)",
    "EXPERIENCES_CRON": "cron schedule of the served deployment (default '0 3 * * *')",
    "EXPERIENCES_SUBREDDITS": "comma-separated subreddits kept from dump files (default microdosing)",
    "EXPERIENCES_KEYWORDS": "comma-separated keywords; dump records must contain one (default: none, keep all)",
    "EXPERIENCES_MAX_ERROR_RATE": "share of unparseable dump lines tolerated before a file fails (default 0.01)",
    "EXPERIENCES_REDDIT_OAUTH_URL": "Reddit API endpoint for praw (default Reddit's own; any Reddit-compatible server)",
    "EXPERIENCES_REDDIT_URL": "Reddit token endpoint for praw (default Reddit's own)",
    "EXPERIENCES_MORE_BUDGET": "'more comments' placeholders expanded per submission (default 32)",
    "EXPERIENCES_RECHECK_DAYS": "live items loaded this many days back are fetched again for deletions (default 7)",
}


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value) if value else default


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    db_path: Path
    snapshot_path: Path
    key_path: Path
    key_from_env: str | None = field(default=None, repr=False)
    max_failure_share: float = 0.2
    batch_size: int = 2000
    cron: str = "0 3 * * *"
    subreddits: tuple[str, ...] = ("microdosing",)
    keywords: tuple[str, ...] = ()
    max_error_rate: float = 0.01
    reddit: RedditSettings = RedditSettings()

    @property
    def staging_dir(self) -> Path:
        return self.data_dir / "staging"

    @property
    def prefect_home(self) -> Path:
        return self.data_dir / "prefect"

    @classmethod
    def from_env(cls, db: str | Path | None = None, data_dir: str | Path | None = None) -> "Settings":
        data = Path(data_dir) if data_dir else _env_path("EXPERIENCES_DATA", Path("data"))
        data = data.absolute()
        settings = cls(
            data_dir=data,
            db_path=_env_path("EXPERIENCES_DB", data / "experiences.duckdb").absolute(),
            snapshot_path=_env_path("EXPERIENCES_SNAPSHOT", data / "snapshot.duckdb").absolute(),
            key_path=data / "pseudonym.key",
            key_from_env=os.environ.get("EXPERIENCES_PSEUDONYM_KEY") or None,
            max_failure_share=_float_env("EXPERIENCES_MAX_FAILURE_SHARE", 0.2),
            batch_size=int(os.environ.get("EXPERIENCES_BATCH_SIZE", "2000")),
            cron=os.environ.get("EXPERIENCES_CRON", "0 3 * * *"),
            subreddits=_list_env("EXPERIENCES_SUBREDDITS", ("microdosing",)),
            keywords=_list_env("EXPERIENCES_KEYWORDS", ()),
            max_error_rate=_float_env("EXPERIENCES_MAX_ERROR_RATE", 0.01),
            reddit=RedditSettings(
                oauth_url=os.environ.get("EXPERIENCES_REDDIT_OAUTH_URL") or None,
                reddit_url=os.environ.get("EXPERIENCES_REDDIT_URL") or None,
                more_budget=int(os.environ.get("EXPERIENCES_MORE_BUDGET", "32")),
                recheck_days=_float_env("EXPERIENCES_RECHECK_DAYS", 7.0, upper=None)),
        )
        if db:
            settings = replace(settings, db_path=Path(db).absolute())
        return settings


def _list_env(name: str, default: tuple[str, ...]) -> tuple[str, ...]:
    raw = os.environ.get(name)
    return default if raw is None else tuple(part.strip() for part in raw.split(",") if part.strip())


def _float_env(name: str, default: float, upper: float | None = 1) -> float:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SystemExit(f"{name}={raw!r} is not a number; set it to a share between 0 and 1") from None
    if value < 0 or (upper is not None and value > upper):
        raise SystemExit(f"{name}={raw!r} is out of range; set it to a number from 0" + (f" to {upper}" if upper else ""))
    return value


def configure_prefect(settings: Settings) -> None:
    """Keep Prefect's state in the data folder and its telemetry off. Call before importing prefect."""
    settings.prefect_home.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("PREFECT_HOME", str(settings.prefect_home))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
    os.environ.setdefault("PREFECT_LOGGING_TO_API_ENABLED", "false")
    os.environ.setdefault("PREFECT_RESULTS_PERSIST_BY_DEFAULT", "false")
    # Our own progress lines say what happens; Prefect's per-task INFO lines would drown them.
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
