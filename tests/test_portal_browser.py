"""A person's path through the site in a real browser (Debian's Chromium, driven by Playwright).

Skipped, saying why, where Chromium is not installed (`make test` installs it
when it can).
"""

from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path

import pytest
from django.db import connections

from minutebook.importer.service import import_paths

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "minutes"

pytestmark = [
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(), reason="Chromium is not installed (apt-get install chromium)"
    ),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def browser_page():
    sync_api = pytest.importorskip("playwright.sync_api")
    os.environ.setdefault(
        "DJANGO_ALLOW_ASYNC_UNSAFE", "true"
    )  # live_server runs beside Playwright's loop
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        page = browser.new_page()
        yield page
        browser.close()


def closing_connections(test):
    """Close the database connections the test body opened.

    With Playwright running, the test body gets database connections of its
    own, apart from the fixtures'; Django's teardown closes only the latter,
    and an open one would keep the test database from being dropped.
    """

    @functools.wraps(test)
    def run(*args, **kwargs):
        try:
            return test(*args, **kwargs)
        finally:
            connections.close_all()

    return run


@closing_connections
def test_from_home_to_a_meeting_and_its_source_lines(live_server, browser_page, tmp_path):
    assert import_paths([FIXTURES]).exit_code == 0
    page = browser_page
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Northshire Police and Crime Panel").first.click()
    page.get_by_role("link", name="Friday 5 February 2021").click()
    assert (
        page.get_by_role("heading", level=1)
        .inner_text()
        .startswith("Northshire Police and Crime Panel")
    )
    assert page.get_by_text("Proposed Precept 2021/22").count() >= 1
    page.screenshot(path=str(tmp_path / "meeting.png"), full_page=True)
    page.locator("a.evidence").first.click()
    marked = page.locator("li.marked")
    assert marked.count() > 0
    assert "Northshire" in marked.first.inner_text() or "NORTHSHIRE" in marked.first.inner_text()


@closing_connections
def test_search_box_finds_an_action(live_server, browser_page):
    assert import_paths([FIXTURES]).exit_code == 0
    page = browser_page
    page.goto(live_server.url + "/")
    page.get_by_label("Search").fill("tender evaluation")
    page.get_by_role("button", name="Search").click()
    assert page.get_by_role("heading", name="Actions").count() == 1
    assert page.get_by_text("tender evaluation").count() >= 1
