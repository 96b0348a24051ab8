"""The timeline, the events table and the map in a real browser (Debian's chromium), against
`timeline serve` running in a child process.

Screenshots go to a temporary directory, and also to $TIMELINE_SCREENSHOTS when it is set
(docs/screenshots/ is made that way).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Debian's chromium is not installed (apt-get install chromium)",
)


@pytest.fixture
def page(server_url: str) -> Iterator[Page]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        # Only the local server may be reached: map tiles come from the internet, which the
        # test must neither depend on nor contact.
        local = urlsplit(server_url).netloc
        page.route(
            "**/*",
            lambda route: (
                route.continue_() if urlsplit(route.request.url).netloc == local else route.abort()
            ),
        )
        dialogs: list[str] = []
        errors: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: errors.append(str(error)))
        yield page
        browser.close()
        # alert(1) in an article must never run; and our own script must not throw.
        assert dialogs == []
        assert errors == []


def save(page: Page, name: str, directory: Path, *, selector: str | None = None) -> None:
    """Screenshot the window (or one element) into ``directory`` and $TIMELINE_SCREENSHOTS.

    The window rather than the full page: an image a README can show at a readable size.
    """
    path = directory / name
    if selector:
        page.locator(selector).screenshot(path=str(path))
    else:
        page.screenshot(path=str(path))
    assert path.stat().st_size > 10_000
    target = os.environ.get("TIMELINE_SCREENSHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(target) / name)


def shown(page: Page) -> list[str]:
    entries = page.locator(".tl-entry")
    return [entries.nth(i).get_attribute("data-event-id") for i in range(entries.count())]


def test_timeline_in_a_browser(page: Page, server_url: str, tmp_path: Path) -> None:
    page.goto(f"{server_url}/-/timeline")
    assert urlsplit(page.url).path == "/facts/-/timeline"
    assert len(shown(page)) == 8
    assert page.locator(".tl-histogram svg rect.tl-c0").count() > 0
    save(page, "timeline.png", tmp_path)

    # A facet value in the sidebar narrows the list and becomes a removable filter.
    page.locator('[data-facet="event_type"] a[data-facet-value="exercise"]').click()
    page.wait_for_url("**event_type=exercise**")
    assert shown(page) == ["ev-csto-exercises", "ev-sco-exercises"]
    assert page.locator(".tl-active").inner_text().startswith("Type: exercise")

    # The date range form keeps the facet.
    page.fill('input[name="since"]', "2025-09")
    page.fill('input[name="until"]', "2025-12")
    page.click('.tl-filters button[type="submit"]')
    page.wait_for_url("**since=2025-09**")
    assert shown(page) == ["ev-csto-exercises"]

    # Choosing an order submits by itself (timeline.js).
    page.goto(f"{server_url}/facts/-/timeline?actor=Russia")
    page.select_option('select[name="order"]', "newest")
    page.wait_for_url("**order=newest**")
    assert shown(page) == ["ev-muttaqi-moscow", "ev-sco-summit", "ev-kabul-talks"]


def test_evidence_in_its_document(page: Page, server_url: str, tmp_path: Path) -> None:
    page.goto(f"{server_url}/facts/-/timeline?event_type=summit")
    evidence = page.locator(".tl-evidence").inner_text()
    assert "<script>alert(1)</script>" in evidence
    page.locator(".tl-source a").first.click()
    page.wait_for_url("**/-/timeline/document/doc-tianjin**")
    mark = page.locator(".tl-document-text mark")
    assert mark.inner_text() == evidence
    assert mark.is_visible()
    save(page, "document.png", tmp_path)


def test_events_table_and_map(page: Page, server_url: str, tmp_path: Path) -> None:
    page.goto(f"{server_url}/facts/events")
    facets = page.locator(".facet-info").all_inner_texts()
    assert any(text.startswith("event_type") for text in facets)
    # The slower facets are one click away.
    page.locator(".suggested-facets a", has_text="actors").click()
    page.wait_for_url("**_facet_array=actors**")
    facets = page.locator(".facet-info").all_inner_texts()
    assert any(text.startswith("actors (array)") for text in facets)
    save(page, "events-table.png", tmp_path)

    page.goto(f"{server_url}/facts/event_map")
    page.wait_for_selector(".leaflet-marker-icon", timeout=15_000)
    assert page.locator(".leaflet-marker-icon").count() >= 1
    save(page, "map.png", tmp_path, selector=".leaflet-container")
