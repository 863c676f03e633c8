"""The dashboard, every page and every filter, run by Streamlit's AppTest on a synthetic snapshot."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from experiences.settings import DASHBOARD_APP, PROJECT_ROOT
from fixtures import seed_snapshot

PAGES = ["views/effects.py", "views/breakdowns.py", "views/trends.py", "views/published.py", "views/signals.py"]
TITLES = ["What people report when microdosing", "Breakdowns", "Trend over time", "Beside the published figures",
          "Disproportionality (within this corpus)"]


def open_app(monkeypatch, snapshot, page: str = PAGES[0]) -> AppTest:
    monkeypatch.setenv("EXPERIENCES_SNAPSHOT", str(snapshot))
    app = AppTest.from_file(str(DASHBOARD_APP), default_timeout=60).run()
    if page != PAGES[0]:
        app.switch_page(page).run()
    assert not app.exception
    return app


def charts(app: AppTest) -> int:
    return len(app.get("vega_lite_chart"))


@pytest.mark.parametrize("page, title", zip(PAGES, TITLES))
def test_every_page_draws_its_charts(monkeypatch, synthetic_snapshot, page, title):
    app = open_app(monkeypatch, synthetic_snapshot, page)
    assert [t.value for t in app.title] == [title]
    assert charts(app) >= 1
    assert "3000 reports" in app.caption[0].value


def test_effects_page_shows_side_effects_and_benefits(monkeypatch, synthetic_snapshot):
    app = open_app(monkeypatch, synthetic_snapshot)
    assert [s.value for s in app.subheader] == ["Side effects", "Benefits"]
    assert charts(app) == 2
    table = app.dataframe[0].value
    assert set(table.columns) == {"item", "kind", "count", "share", "95% interval"}
    assert (table["count"] != "withheld").any()


def test_filters_offer_the_snapshot_values(monkeypatch, synthetic_snapshot):
    app = open_app(monkeypatch, synthetic_snapshot)
    assert app.selectbox(key="substance").options == ["all", "lsd", "other", "psilocybin", "unspecified"]
    assert app.selectbox(key="schedule").options[:3] == ["all", "daily", "every_other_day"]
    assert "lsd 10-20 ug" in app.selectbox(key="dose_band").options
    assert len(app.select_slider(key="months").options) == 6


FILTERS = [("selectbox", "substance", "lsd"), ("selectbox", "schedule", "daily"),
           ("selectbox", "dose_band", "psilocybin 0.1-0.2 g"), ("radio", "basis", "distinct authors")]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("widget, key, value", FILTERS)
def test_every_filter_on_every_page(monkeypatch, synthetic_snapshot, page, widget, key, value):
    app = open_app(monkeypatch, synthetic_snapshot, page)
    getattr(app, widget)(key=key).set_value(value).run()
    assert not app.exception
    assert charts(app) + len(app.info) >= 1  # a chart, or a note that the selection is withheld


@pytest.mark.parametrize("page", PAGES)
def test_the_month_range_on_every_page(monkeypatch, synthetic_snapshot, page):
    app = open_app(monkeypatch, synthetic_snapshot, page)
    months = app.select_slider(key="months").options
    app.select_slider(key="months").set_value((months[1], months[3])).run()
    assert not app.exception
    assert charts(app) + len(app.info) >= 1


@pytest.mark.parametrize("page", PAGES[:3])
def test_categories_instead_of_effects(monkeypatch, synthetic_snapshot, page):
    app = open_app(monkeypatch, synthetic_snapshot, page)
    app.radio(key="level").set_value("codebook categories").run()
    assert not app.exception and charts(app) >= 1


@pytest.mark.parametrize("by", ["substance", "schedule", "dose band", "month"])
def test_breakdown_by_each_dimension(monkeypatch, synthetic_snapshot, by):
    app = open_app(monkeypatch, synthetic_snapshot, "views/breakdowns.py")
    app.selectbox(key="breakdown_by").set_value(by).run()
    app.selectbox(key="breakdown_measure").set_value("headache").run()
    assert not app.exception and charts(app) == 1
    assert "group" in app.dataframe[0].value.columns


def test_trend_of_chosen_effects(monkeypatch, synthetic_snapshot):
    app = open_app(monkeypatch, synthetic_snapshot, "views/trends.py")
    app.multiselect(key="trend_measures").set_value(["insomnia", "mood_improvement"]).run()
    assert not app.exception and charts(app) == 1


@pytest.mark.parametrize("compare", ["between schedules", "between substances"])
def test_disproportionality_between_groups(monkeypatch, synthetic_snapshot, compare):
    app = open_app(monkeypatch, synthetic_snapshot, "views/signals.py")
    app.radio(key="prr_by").set_value(compare).run()
    assert not app.exception and charts(app) == 1
    assert "within this corpus only" in app.markdown[0].value


def test_published_comparison_names_its_source(monkeypatch, synthetic_snapshot):
    app = open_app(monkeypatch, synthetic_snapshot, "views/published.py")
    assert "Anderson et al. (2019)" in app.markdown[0].value
    table = app.dataframe[0].value
    assert table.set_index("category").loc["physiological_discomfort", "Anderson et al. 2019"] == "18.0%"


def test_a_selection_with_only_small_counts_is_withheld(tmp_path, monkeypatch):
    app = open_app(monkeypatch, seed_snapshot(tmp_path, reports=30))
    app.selectbox(key="substance").set_value("lsd")
    app.selectbox(key="schedule").set_value("daily").run()
    assert not app.get("vega_lite_chart")
    assert any("withheld" in i.value for i in app.info)
    assert set(app.dataframe[0].value["count"]) == {"withheld"}


def test_missing_snapshot_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("EXPERIENCES_SNAPSHOT", str(tmp_path / "none.duckdb"))
    app = AppTest.from_file(str(DASHBOARD_APP), default_timeout=30).run()
    assert "Run `experiences demo`" in app.error[0].value


def test_the_app_reads_only_the_snapshot():
    sources = [p.read_text() for p in (PROJECT_ROOT / "dashboards").rglob("*.py")]
    sources.append((PROJECT_ROOT / "src" / "experiences" / "snapshot.py").read_text())
    text = "\n".join(sources)
    assert "read_only=True" in text
    assert "experiences.duckdb" not in text and "warehouse" not in text.replace("never the warehouse", "")
