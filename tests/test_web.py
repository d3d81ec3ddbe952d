"""The staff web page in headless Chromium (Debian's), driven by Playwright: search, speaker page, escaping."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import API_KEY, LiveServer

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Screenshots go to a temporary folder; to refresh the README's, run the test with KB_SCREENSHOT_DIR=docs.
SHOTS = Path(os.environ["KB_SCREENSHOT_DIR"]) if os.environ.get("KB_SCREENSHOT_DIR") else None


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is required for the browser tests (scripts/test.sh installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser, live_server: LiveServer):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    pg = context.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.dialogs = dialogs  # type: ignore[attr-defined]
    yield pg
    context.close()


def test_search_shows_quote_cards_and_follows_a_speaker(page, live_server: LiveServer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_server.url + "/?q=guidance+from+the+courts&speaker=Champagne")
    cards = page.locator("article.card")
    assert cards.count() >= 1
    first = cards.first
    assert "hoping for guidance from the courts" in first.locator(".quote-text").inner_text()
    assert first.locator("mark").count() >= 2  # the query's words are highlighted
    assert "Greg Champagne" in first.locator(".speaker").inner_text()
    assert "ABC News" in first.locator(".source").inner_text()
    link = first.locator("a.open-source").get_attribute("href")
    assert link and "#:~:text=" in link
    # the query lives in the URL and the form shows it again
    assert page.input_value("#q") == "guidance from the courts" and page.input_value("#speaker") == "Champagne"
    shots = SHOTS or tmp_path
    shots.mkdir(exist_ok=True)
    page.goto(live_server.url + "/?q=what+did+sheriffs+say+about+ICE+detainers")
    page.screenshot(path=str(shots / "search.png"), full_page=False)
    page.goto(live_server.url + "/?q=guidance+from+the+courts&speaker=Champagne")
    page.locator("article.card .speaker a").first.click()
    page.wait_for_url("**/speakers/**")
    assert page.locator("h1").inner_text() == "Greg Champagne"
    assert "Champage" in page.inner_text(".who-card")
    assert page.locator("article.card").count() >= 5
    page.screenshot(path=str(shots / "speaker.png"), full_page=False)
    assert (shots / "search.png").stat().st_size > 10_000 and (shots / "speaker.png").stat().st_size > 10_000


def test_keyboard_search_and_phone_width(page, live_server: LiveServer) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(live_server.url + "/")
    page.focus("#q")
    page.keyboard.type("border security")
    page.keyboard.press("Enter")
    page.wait_for_url("**/?q=border+security**")
    assert page.locator("article.card").count() >= 1
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375  # nothing overflows sideways on a phone
    assert page.locator("label[for=q]").count() == 1 and page.locator("label[for=speaker]").count() == 1


def test_document_page_marks_each_quote_with_its_speaker(page, live_server: LiveServer, http: httpx.Client) -> None:  # type: ignore[no-untyped-def]
    hit = http.get("/v1/search", params={"q": "gray area", "speaker": "Champagne"}).json()["results"][0]
    page.goto(live_server.url + f"/documents/{hit['document']['id']}")
    marks = page.locator("mark.quote")
    assert marks.count() >= 20
    assert page.locator(f"#quote-{hit['id']}").inner_text().startswith("there is a lot of gray area")
    assert "Greg Champagne" in page.locator(f"#quote-{hit['id']}").get_attribute("title")


def test_ingested_markup_is_shown_as_text_and_never_runs(page, live_server: LiveServer, http: httpx.Client) -> None:  # type: ignore[no-untyped-def]
    evil = 'Mayor Jo Hale said "<img src=x onerror=alert(1)> and <script>alert(2)</script> are what we fear most," on Monday.'
    r = http.post("/v1/documents", json={"title": "<script>alert(3)</script>Hostile", "text": evil, "publisher": "<b>X</b>"},
                  headers={"Authorization": f"Bearer {API_KEY}"})
    assert r.status_code == 201
    page.goto(live_server.url + "/?q=what+we+fear+most")
    card = page.locator("article.card").first
    assert "<img src=x onerror=alert(1)>" in card.locator(".quote-text").inner_text()
    assert "<script>alert(3)</script>Hostile" in card.locator(".source").inner_text()
    assert page.locator("article.card img").count() == 0 and page.locator("main script").count() == 0
    page.goto(live_server.url + f"/documents/{r.json()['id']}")
    assert "<script>alert(2)</script>" in page.inner_text("article.document")
    page.wait_for_timeout(300)
    assert page.dialogs == []  # type: ignore[attr-defined]
    headers = httpx.get(live_server.url + "/").headers
    assert "script-src 'self'" in headers["content-security-policy"] and headers["x-content-type-options"] == "nosniff"


def test_search_can_hide_quotes_attributed_less_surely(page, live_server: LiveServer) -> None:  # type: ignore[no-untyped-def]
    """Staff who cite only sure attributions pick "confident" and the page keeps the choice across searches."""
    page.goto(live_server.url + "/?q=sanctuary+cities+police+immigration")
    everything = [float(c) for c in page.locator("article.card").evaluate_all("cs => cs.map(c => c.dataset.confidence)")]
    assert everything and min(everything) < 0.9  # the seed holds less sure attributions among the answers
    page.select_option("#min_confidence", "0.9")
    page.locator("button[type=submit]").click()
    page.wait_for_url("**min_confidence=0.9**")
    sure = [float(c) for c in page.locator("article.card").evaluate_all("cs => cs.map(c => c.dataset.confidence)")]
    assert sure and min(sure) >= 0.9
    assert page.input_value("#min_confidence") == "0.9"
    page.goto(live_server.url + "/?q=sanctuary&min_confidence=lots")
    assert "not a number" in page.inner_text(".error")
