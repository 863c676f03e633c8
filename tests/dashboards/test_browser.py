"""The real dashboard server, opened in headless Chromium (Debian's package)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from experiences.settings import DASHBOARD_APP

pytestmark = pytest.mark.slow
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(synthetic_snapshot):
    port = free_port()
    env = os.environ | {"EXPERIENCES_SNAPSHOT": str(synthetic_snapshot)}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(DASHBOARD_APP), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail("the Streamlit server did not answer its health check within 60 s")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


PAGES = [("", "What people report when microdosing", 2), ("breakdowns", "Breakdowns", 1),
         ("trends", "Trend over time", 1), ("published", "Beside the published figures", 1),
         ("signals", "Disproportionality (within this corpus)", 1)]


def test_every_page_renders_its_charts_in_chromium(server, tmp_path):
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (.ci/run installs it: apt-get install chromium)")
    playwright = pytest.importorskip("playwright.sync_api")
    shots = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-quic", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        for path, title, charts in PAGES:
            page.goto(f"{server}/{path}")
            page.get_by_role("heading", name=title).wait_for(timeout=60_000)
            page.locator(".vega-embed canvas, .vega-embed svg").first.wait_for(timeout=60_000)
            assert page.locator(".vega-embed").count() == charts
            assert page.get_by_text("Filters").count() >= 1
            shot = tmp_path / f"dashboard-{path or 'effects'}.png"
            page.screenshot(path=str(shot), full_page=True)
            shots.append(shot)
        browser.close()
    assert all(shot.stat().st_size > 10_000 for shot in shots)
    keep = os.environ.get("EXPERIENCES_SCREENSHOT")
    if keep:
        shutil.copy(shots[0], keep)
