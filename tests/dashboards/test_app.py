"""The dashboard, run by Streamlit's AppTest on a seeded snapshot."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from experiences.settings import DASHBOARD_APP
from fixtures import seed_snapshot


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("EXPERIENCES_SNAPSHOT", str(seed_snapshot(tmp_path)))
    return AppTest.from_file(str(DASHBOARD_APP), default_timeout=30).run()


def test_page_shows_both_charts(app):
    assert not app.exception
    assert [s.value for s in app.subheader] == ["Side effects", "Benefits"]
    assert len(app.get("vega_lite_chart")) == 2
    assert "240 reports" in app.caption[0].value


def test_filters_offer_the_snapshot_values(app):
    assert app.selectbox(key="substance").options == ["all", "lsd", "psilocybin"]
    assert app.selectbox(key="schedule").options == ["all", "daily", "fadiman", "stamets"]


@pytest.mark.parametrize("key, value", [("substance", "lsd"), ("substance", "psilocybin"),
                                        ("schedule", "fadiman"), ("schedule", "daily")])
def test_each_filter_redraws_the_charts(app, key, value):
    app.selectbox(key=key).set_value(value).run()
    assert not app.exception
    assert len(app.get("vega_lite_chart")) >= 1


def test_a_selection_with_only_small_counts_is_withheld(tmp_path, monkeypatch):
    monkeypatch.setenv("EXPERIENCES_SNAPSHOT", str(seed_snapshot(tmp_path, reports=30)))
    app = AppTest.from_file(str(DASHBOARD_APP), default_timeout=30).run()
    app.selectbox(key="substance").set_value("lsd")
    app.selectbox(key="schedule").set_value("daily").run()
    assert not app.get("vega_lite_chart")
    assert any("below the suppression threshold" in i.value for i in app.info)


def test_missing_snapshot_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("EXPERIENCES_SNAPSHOT", str(tmp_path / "none.duckdb"))
    app = AppTest.from_file(str(DASHBOARD_APP), default_timeout=30).run()
    assert "Run `experiences demo`" in app.error[0].value


def test_the_app_reads_only_the_snapshot():
    source = DASHBOARD_APP.read_text()
    assert "read_only=True" in source and "experiences.duckdb" not in source
