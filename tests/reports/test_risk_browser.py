"""The risk report in a real browser (headless Chromium): it renders, its charts have a size, its script runs
without errors, and it fetches nothing. TRIAGE_UPDATE_SCREENSHOTS=1 keeps the screenshot as the README's
docs/images/risk-report.png.

Skips where Chromium (Debian's ``chromium``; .ci/run installs it) or the playwright package is absent.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import handwritten_tickets

from triage.datasets.demo import generate
from triage.pipeline import Triage
from triage.reports.risk import risk_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SCREENSHOT = Path(__file__).parents[2] / "docs" / "images" / "risk-report.png"
UPDATE_SCREENSHOTS = os.environ.get("TRIAGE_UPDATE_SCREENSHOTS") == "1"

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")


def test_the_report_renders_in_chromium(model, probe_tickets, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    page_file = tmp_path / "report.html"
    page_file.write_text(
        risk_report(
            Triage.of(model),
            [*probe_tickets, *handwritten_tickets()],
            generate(300, seed=5),
            top=20,
            now=datetime(2026, 3, 1, tzinfo=UTC),
        )
    )
    problems: list[str] = []
    requests: list[str] = []

    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 1800})
        page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.on("request", lambda request: requests.append(request.url))
        page.goto(page_file.as_uri())
        rows = page.locator("#ranked tbody tr").count()
        sizes = [box for box in (svg.bounding_box() for svg in page.locator("svg").all()) if box]
        page.screenshot(path=str(tmp_path / "report.png"), full_page=False)
        first_before = page.locator("#ranked tbody tr td b").first.inner_text()
        page.locator("#ranked th").nth(1).click()  # sort by ticket id: the inline script works
        sorted_ids = page.locator("#ranked tbody tr td b").all_inner_texts()
        browser.close()

    assert rows == 20
    assert len(sizes) == 6 and all(box["width"] > 200 and box["height"] > 100 for box in sizes)
    assert sorted_ids == sorted(sorted_ids, reverse=True) and first_before
    assert not problems, problems
    assert requests == [page_file.as_uri()], "the page must fetch nothing beyond itself"
    assert (tmp_path / "report.png").stat().st_size > 50_000  # a page with charts, not a blank one
    if UPDATE_SCREENSHOTS:
        shutil.copyfile(tmp_path / "report.png", SCREENSHOT)
