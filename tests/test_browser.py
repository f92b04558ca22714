"""The HTML pages in a real headless Chromium: no script errors, no network, clicks fill the details panel.

Needs the system Chromium (`apt-get install chromium`, done by .ci/run) and Playwright for Python (the dev
extra); without either the tests are skipped with the reason.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pipeline import PROJECT_ROOT
from pipeline.cli import app
from pipeline.html import article_view, grid_rows, page
from tests.browser import CHROMIUM, CHROMIUM_ARGS
from tests.test_html import hostile_analysis, seed_analysis


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Chromium not installed: apt-get install chromium (see .ci/run)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright not installed: pip install -e '.[dev]' (playwright>=1.40)")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Tab:
    """A page with everything that went wrong in it, and every URL it asked for."""

    page: Any
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.errors == []
        assert [u for u in self.requests if not u.startswith(("file://", "data:"))] == []


def open_file(browser: Any, path: Path) -> Tab:
    tab = Tab(browser.new_page(viewport={"width": 1400, "height": 1000}))
    tab.page.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
    tab.page.on("pageerror", lambda e: tab.errors.append(str(e)))
    tab.page.on("request", lambda r: tab.requests.append(r.url))
    tab.page.goto(path.as_uri())
    return tab


def test_article_with_gold_in_chromium(browser: Any, tmp_path: Path):
    from playwright.sync_api import expect

    analysis, item = seed_analysis()
    html_file = tmp_path / "article.html"
    html_file.write_text(page("seed", article_view(analysis, item.gold)), encoding="utf-8")
    tab = open_file(browser, html_file)
    view, claims = tab.page, analysis.attribution.claims
    section = view.locator("section.article#article-000_39d72c23a529c9cb")
    expect(section).to_have_count(1)
    expect(section.locator(".column.gold")).to_have_count(1)
    expect(section.locator(".column.predicted")).to_have_count(1)
    assert section.locator(".column.predicted .claim").count() >= len(claims)
    assert section.locator(".column.gold .claim").count() >= len(item.gold.claims)
    expect(section.locator("table.grid tbody tr")).to_have_count(len(grid_rows(analysis, item.gold)))
    details = section.locator("aside.details")
    expect(details).to_contain_text("Click a highlighted claim")

    first = section.locator(".column.predicted .claim").first
    first.click()
    expect(details).to_be_visible()
    expect(details).to_contain_text(f"{claims[0].id} · Mark Rutte")
    expect(details).to_contain_text("gold c01 · Mark Rutte")
    expect(details).to_contain_text("dismissed")  # the cue
    expect(first).to_have_class("claim selected")

    section.locator("table.grid button.evidence").first.click()
    evidence = section.locator("table.grid button.evidence").first.inner_text()
    expect(details.locator("h4").first).to_have_text(f"{evidence} · Mark Rutte")
    section.locator('.column.gold .claim[data-gold="c06"]').click()
    expect(details).to_contain_text("gold c06 · Manfred Weber")
    view.keyboard.press("Tab")  # keyboard focus moves through the claims without errors

    png = tmp_path / "article.png"
    view.screenshot(path=str(png), full_page=True)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    tab.assert_clean()


def test_hostile_text_stays_text_in_chromium(browser: Any, tmp_path: Path):
    from playwright.sync_api import expect

    html_file = tmp_path / "hostile.html"
    html_file.write_text(page("<script>", article_view(hostile_analysis())), encoding="utf-8")
    tab = open_file(browser, html_file)
    tab.page.locator(".claim").first.click()
    expect(tab.page.locator("aside.details blockquote")).to_contain_text("<script>window.pwned = 1</script>")
    assert tab.page.evaluate("window.pwned === undefined && document.querySelectorAll('img').length === 0")
    tab.assert_clean()


def test_analyze_html_page_with_two_articles(browser: Any, tiny_model: Path, tmp_path: Path):
    from playwright.sync_api import expect

    other = tmp_path / "other.txt"
    other.write_text("Budget talks\n\nThe minister said that defence spending must rise.", encoding="utf-8")
    seed = PROJECT_ROOT / "seeds" / "000_39d72c23a529c9cb.txt"
    result = CliRunner().invoke(app, ["analyze", str(seed), str(other), "--model", str(tiny_model), "-f", "html"])
    assert result.exit_code == 0, result.output
    html_file = tmp_path / "analyses.html"
    html_file.write_text(result.stdout, encoding="utf-8")
    tab = open_file(browser, html_file)
    sections = tab.page.locator("section.article")
    expect(sections).to_have_count(2)
    expect(sections.nth(0).locator(".column.gold")).to_have_count(0)
    # A click in the second article fills the second panel and leaves the first one alone.
    sections.nth(1).locator(".claim").first.click()
    expect(sections.nth(1).locator("aside.details h4")).to_contain_text("c01")
    expect(sections.nth(0).locator("aside.details")).to_contain_text("Click a highlighted claim")
    tab.assert_clean()


def test_evaluation_report_in_chromium(browser: Any, tiny_model: Path, tmp_path: Path):
    from playwright.sync_api import expect

    out = tmp_path / "report.html"
    seeds = PROJECT_ROOT / "seeds"
    result = CliRunner().invoke(app, ["report", "--gold", str(seeds), "--model", str(tiny_model), "--out", str(out)])
    assert result.exit_code == 0, result.output
    tab = open_file(browser, out)
    view = tab.page
    expect(view.locator("h1")).to_contain_text("Evaluation")
    cards = view.locator("#set-seeds .cards .card")
    expect(cards).to_have_count(4)
    expect(cards.nth(1)).to_contain_text("attribution accuracy")
    expect(view.locator("#set-seeds .plots figure svg")).to_have_count(3)  # confusion, reliability, per topic
    expect(view.locator("#set-seeds table.scores")).to_have_count(2)  # claim x topic, speaker x topic
    expect(view.locator("#set-seeds table.scores").first).to_contain_text("TF-IDF + LR")
    section = view.locator("section.article#article-000_39d72c23a529c9cb")
    claim = section.locator('.column.predicted .claim[data-claim="c03"]')
    claim.click()
    expect(section.locator("aside.details")).to_contain_text("c03 · Mark Rutte")
    expect(section.locator("aside.details")).to_contain_text("rejected")
    png = tmp_path / "report.png"
    view.screenshot(path=str(png))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    tab.assert_clean()
