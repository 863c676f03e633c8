"""The moderators' dashboard: aggregate shares of reported effects, read from the published snapshot.

It only ever opens the snapshot (read-only, one short connection per query), never the warehouse,
and the snapshot holds aggregates only, with counts below 11 already withheld.
"""

from __future__ import annotations

import os
from pathlib import Path

import altair as alt
import duckdb
import pandas as pd
import streamlit as st

SNAPSHOT = Path(os.environ.get("EXPERIENCES_SNAPSHOT", "data/snapshot.duckdb"))
ALL = "all"

SHARES_SQL = """
SELECT effect, category, reports_with_effect, reports_total, share
FROM effect_shares
WHERE kind = ? AND substance = ? AND schedule = ? AND dose_band = 'all' AND month = 'all'
ORDER BY share DESC NULLS LAST, effect
"""
OPTIONS_SQL = "SELECT DISTINCT {column} FROM effect_shares WHERE {column} <> 'all' ORDER BY 1"
INFO_SQL = "SELECT published_at, min_count, reports FROM snapshot_info"


def read(sql: str, params: list | None = None) -> pd.DataFrame:
    with duckdb.connect(str(SNAPSHOT), read_only=True) as con:
        return con.execute(sql, params or []).df()


def options(column: str) -> list[str]:
    # The column name comes from this file, never from user input; values are bound parameters.
    assert column in ("substance", "schedule")
    return [ALL] + read(OPTIONS_SQL.format(column=column))[column].tolist()


def shares_chart(frame: pd.DataFrame) -> alt.Chart:
    return (alt.Chart(frame)
            .mark_bar()
            .encode(x=alt.X("share:Q", axis=alt.Axis(format="%"), title="share of reports"),
                    y=alt.Y("effect:N", sort="-x", title=None),
                    tooltip=["effect", "category", alt.Tooltip("share:Q", format=".1%"),
                             "reports_with_effect", "reports_total"]))


def show_kind(kind: str, title: str, substance: str, schedule: str) -> None:
    frame = read(SHARES_SQL, [kind, substance, schedule])
    shown = frame.dropna(subset=["share"])
    st.subheader(title)
    if shown.empty:
        st.info("Every count in this selection is below the suppression threshold; widen the filters.")
    else:
        st.altair_chart(shares_chart(shown), width="stretch")
    hidden = len(frame) - len(shown)
    if hidden:
        st.caption(f"{hidden} effect(s) withheld: fewer than the minimum number of reports.")


def main() -> None:
    st.set_page_config(page_title="experiences: reported effects", layout="wide")
    st.title("What people report when microdosing")
    if not SNAPSHOT.is_file():
        st.error(f"No snapshot at {SNAPSHOT}. Run `experiences demo` or `experiences run --input FILE` first.")
        st.stop()
    info = read(INFO_SQL).iloc[0]
    st.caption(f"{int(info['reports'])} reports, published {info['published_at']:%Y-%m-%d %H:%M} UTC. "
               f"Aggregates only; counts below {int(info['min_count'])} are withheld. Shares are of reports "
               "that mention the effect as experienced (not negated, not hypothetical).")
    with st.sidebar:
        st.header("Filters")
        substance = st.selectbox("Substance", options("substance"), key="substance")
        schedule = st.selectbox("Schedule", options("schedule"), key="schedule")
    left, right = st.columns(2)
    with left:
        show_kind("side_effect", "Side effects", substance, schedule)
    with right:
        show_kind("benefit", "Benefits", substance, schedule)


# Streamlit runs this file as __main__; anything else importing it (a spawned worker process
# re-importing the main module, for one) must not draw the page.
if __name__ == "__main__":
    main()
