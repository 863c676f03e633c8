"""The dashboard's pages, drawn from the published snapshot (experiences.snapshot).

Only aggregates are ever drawn: the snapshot holds no text, quote, pseudonym or report id, and
a withheld count shows as withheld, never as a number.
"""

from __future__ import annotations

import os
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st

from experiences.snapshot import ALL, WHOLE_PERIOD, Filters, Snapshot

LEVELS = {"effects": "effect", "codebook categories": "category"}
BASES = {"reports": "", "distinct authors": "author_"}
DIMENSIONS = {"substance": "substance", "schedule": "schedule", "dose band": "dose_band", "month": "month"}
WITHHELD = "withheld"


def page(title: str) -> Snapshot:
    """Start a page: its title, the snapshot's caption, and the shared filters."""
    snap = snapshot()
    sidebar(snap)
    header(snap, title)
    return snap


def snapshot() -> Snapshot:
    path = Path(os.environ.get("EXPERIENCES_SNAPSHOT", "data/snapshot.duckdb"))
    if not path.is_file():
        st.error(f"No snapshot at {path}. Run `experiences demo` or `experiences run --input FILE` first.")
        st.stop()
    return opened(str(path.absolute()))


@st.cache_resource
def opened(path: str) -> Snapshot:
    """One Snapshot (and so one read-only connection) per file for every session of the server."""
    return Snapshot(Path(path))


def sidebar(snap: Snapshot) -> None:
    """The filters every page shares (kept in session state under their keys)."""
    with st.sidebar:
        st.header("Filters")
        months = snap.options("month")
        if len(months) > 1:
            st.select_slider("Months", months, value=(months[0], months[-1]), key="months")
        st.selectbox("Substance", snap.options("substance"), key="substance")
        st.selectbox("Schedule", snap.options("schedule"), key="schedule")
        st.selectbox("Dose band", snap.options("dose_band"), key="dose_band")
        st.radio("Count", list(BASES), key="basis", horizontal=True)


def filters(snap: Snapshot) -> Filters:
    months = snap.options("month")
    chosen = tuple(st.session_state.get("months", ()))
    whole = not chosen or chosen == (months[0], months[-1])
    return Filters(st.session_state.get("substance", ALL), st.session_state.get("schedule", ALL),
                   st.session_state.get("dose_band", ALL), WHOLE_PERIOD if whole else chosen)


def basis() -> str:
    return BASES[st.session_state.get("basis", "reports")]


def header(snap: Snapshot, title: str) -> None:
    info = snap.info()
    st.title(title)
    st.caption(f"{int(info['reports'])} reports, published {info['published_at']:%Y-%m-%d %H:%M} UTC. "
               f"Aggregates only; counts below {int(info['min_count'])}, and anything that would let one be "
               "worked out, are withheld. Shares are of reports (or distinct authors) stating the effect as "
               "experienced (not negated, not hypothetical), with 95% Wilson intervals.")


def shown(frame: pd.DataFrame, prefix: str) -> pd.DataFrame:
    """Rows whose share is published, with plain column names for the charts."""
    frame = frame.dropna(subset=[f"{prefix}share"]).copy()
    frame["share"], frame["low"], frame["high"] = (frame[f"{prefix}{c}"].astype(float) for c in ("share", "low", "high"))
    return frame


def withheld_note(frame: pd.DataFrame, prefix: str, what: str = "item(s)") -> None:
    hidden = int(frame[f"{prefix}share"].isna().sum())
    if hidden:
        st.caption(f"{hidden} {what} withheld: too few reports, or a difference of shown figures would reveal one.")
    if prefix:
        st.caption("Distinct authors are counted over the whole period, overall or with one of substance, "
                   "schedule and dose band set (one author posts in many groups, so they cannot be added up).")


def bars(frame: pd.DataFrame, y: str, title: str | None = None) -> alt.LayerChart:
    base = alt.Chart(frame).encode(y=alt.Y(f"{y}:N", sort="-x", title=title, axis=alt.Axis(labelLimit=220)))
    bar = base.mark_bar().encode(x=alt.X("share:Q", axis=alt.Axis(format="%"), title="share"),
                                 tooltip=[y, alt.Tooltip("share:Q", format=".1%"),
                                          alt.Tooltip("low:Q", format=".1%"), alt.Tooltip("high:Q", format=".1%")])
    return bar + base.mark_rule(color="black").encode(x="low:Q", x2="high:Q")


def empty(message: str = "Every figure in this selection is withheld; widen the filters.") -> None:
    st.info(message)


def effects_page() -> None:
    snap = page("What people report when microdosing")
    level = LEVELS[st.radio("Level", list(LEVELS), key="level", horizontal=True)]
    prefix = basis()
    frame = snap.shares(filters(snap), level)
    left, right = st.columns(2)
    for column, kind, title in ((left, "side_effect", "Side effects"), (right, "benefit", "Benefits")):
        with column:
            st.subheader(title)
            part = frame[frame["kind"] == kind]
            visible = shown(part, prefix)
            if visible.empty:
                empty()
            else:
                st.altair_chart(bars(visible, "measure"), width="stretch")
            withheld_note(part, prefix)
    st.dataframe(table(frame, prefix), hide_index=True)


def table(frame: pd.DataFrame, prefix: str) -> pd.DataFrame:
    count = "reports" if not prefix else "authors"
    out = pd.DataFrame({"item": frame["measure"], "kind": frame["kind"]})
    if "value" in frame and (frame["value"] != ALL).any():
        out.insert(0, "group", frame["value"])
    out["count"] = frame[count].map(lambda v: WITHHELD if pd.isna(v) else str(int(v)))
    out["share"] = percents(frame[f"{prefix}share"])
    out["95% interval"] = intervals(frame[f"{prefix}low"], frame[f"{prefix}high"])
    return out


def percents(shares: pd.Series) -> list[str]:
    return [WITHHELD if pd.isna(v) else f"{v:.1%}" for v in shares]


def intervals(lows: pd.Series, highs: pd.Series) -> list[str]:
    return [WITHHELD if pd.isna(lo) else f"{lo:.1%} to {hi:.1%}" for lo, hi in zip(lows, highs)]


def breakdowns_page() -> None:
    snap = page("Breakdowns")
    level = LEVELS[st.radio("Level", list(LEVELS), key="level", horizontal=True)]
    by = DIMENSIONS[st.selectbox("Break down by", list(DIMENSIONS), key="breakdown_by")]
    measures = sorted(snap.shares(Filters(), level)["measure"])
    if not measures:
        return empty("No effect is stated in this snapshot.")
    measure = st.selectbox("Effect" if level == "effect" else "Category", measures, key="breakdown_measure")
    prefix = basis()
    frame = snap.shares(filters(snap), level, by=by, measures=[measure])
    visible = shown(frame, prefix)
    if visible.empty:
        empty()
    else:
        st.altair_chart(bars(visible, "value", title=by.replace("_", " ")), width="stretch")
    withheld_note(frame, prefix, "group(s)")
    st.dataframe(table(frame, prefix), hide_index=True)


def trends_page() -> None:
    snap = page("Trend over time")
    level = LEVELS[st.radio("Level", list(LEVELS), key="level", horizontal=True)]
    overall = snap.shares(Filters(), level)
    ranked = overall.sort_values("reports", ascending=False, na_position="last")["measure"].tolist()
    if not ranked:
        return empty("No effect is stated in this snapshot.")
    picked = st.multiselect("Effects" if level == "effect" else "Categories", sorted(ranked),
                            default=ranked[:3], key="trend_measures")
    frame = snap.shares(filters(snap), level, by="month", measures=picked)
    visible = shown(frame, "")
    if visible.empty:
        empty()
    else:
        base = alt.Chart(visible).encode(x=alt.X("value:T", title="month"), color=alt.Color("measure:N", title=None))
        band = base.mark_area(opacity=0.2).encode(y=alt.Y("low:Q", axis=alt.Axis(format="%"), title="share of reports"),
                                                 y2="high:Q")
        line = base.mark_line(point=True).encode(y="share:Q", tooltip=["value", "measure", alt.Tooltip("share:Q", format=".1%")])
        st.altair_chart(band + line, width="stretch")
    withheld_note(frame, "", "month(s)")
    if basis():
        st.caption("The trend counts reports: distinct authors are not counted month by month.")


def published_page() -> None:
    snap = page("Beside the published figures")
    info = snap.info()
    st.markdown("Challenge categories as shares of **challenge reports** (reports stating at least one side "
                "effect), ours beside Anderson et al. (2019), *Harm Reduction Journal* 16:43. Their figures come "
                "from a survey's coded answers, ours from posts; a report can fall in several categories. Our "
                "side effects are found by rules that also catch some states of people's lives unrelated to "
                "dosing: read our shares as upper bounds (the extraction's measured precision per effect is in "
                "the project's benchmarks/README.md).")
    frame = snap.challenges(filters(snap), int(info["min_count"]))
    long = pd.concat([
        frame.assign(source="this corpus", value=frame["share"].astype(float)),
        frame.assign(source="Anderson et al. 2019", value=frame["published_share"].astype(float), low=None, high=None),
    ]).dropna(subset=["value"])
    base = alt.Chart(long).encode(y=alt.Y("category:N", title=None, axis=alt.Axis(labelLimit=220)),
                                  yOffset="source:N")
    bars_ = base.mark_bar().encode(
        x=alt.X("value:Q", axis=alt.Axis(format="%"), title="share of challenge reports"), color="source:N",
        tooltip=["category", "source", alt.Tooltip("value:Q", format=".1%")])
    st.altair_chart(bars_ + base.mark_rule(color="black").encode(x="low:Q", x2="high:Q"), width="stretch")
    hidden = int(frame["share"].isna().sum())
    if hidden:
        st.caption(f"{hidden} of our categories withheld: too few reports in this selection.")
    st.dataframe(pd.DataFrame({
        "category": frame["category"],
        "this corpus": percents(frame["share"]),
        "95% interval": intervals(frame["low"], frame["high"]),
        "Anderson et al. 2019": percents(frame["published_share"])}), hide_index=True)


def signals_page() -> None:
    snap = page("Disproportionality (within this corpus)")
    info = snap.info()
    st.markdown("Proportional reporting ratio (PRR) of each effect in one group against the reports stating any "
                "other value, **within this corpus only**: it compares posts with posts, not with a population, "
                "and says nothing about cause. Flagged where at least 3 reports, PRR at least 2 and chi-squared "
                "at least 4 (Evans et al. 2001).")
    by = {"between schedules": "schedule", "between substances": "substance"}[
        st.radio("Compare", ["between schedules", "between substances"], key="prr_by", horizontal=True)]
    frame = snap.disproportionality(filters(snap), by, int(info["min_count"]))
    visible = frame.dropna(subset=["prr"])
    if visible.empty:
        return empty("Every ratio in this selection is withheld; widen the filters.")
    chart = alt.Chart(visible).mark_circle(size=80).encode(
        x=alt.X("prr:Q", scale=alt.Scale(type="log"), title="PRR (log scale)"),
        y=alt.Y("measure:N", title=None), color=alt.Color("value:N", title=by),
        shape=alt.Shape("signal:N", title="flagged"),
        tooltip=["value", "measure", alt.Tooltip("prr:Q", format=".2f"), alt.Tooltip("chi2:Q", format=".1f"), "signal"])
    rule = alt.Chart(pd.DataFrame({"x": [1.0, 2.0]})).mark_rule(strokeDash=[4, 4]).encode(x="x:Q")
    st.altair_chart(chart + rule, width="stretch")
    st.caption(f"{int(frame['prr'].isna().sum())} ratio(s) withheld: a count of its 2x2 table is withheld or small.")
    st.dataframe(visible.assign(prr=visible["prr"].round(2), chi2=visible["chi2"].round(1))
                 [["value", "measure", "a", "b", "c", "d", "prr", "chi2", "signal"]]
                 .rename(columns={"value": by, "measure": "effect", "signal": "flagged"}), hide_index=True)
