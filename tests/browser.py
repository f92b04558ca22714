"""Screenshot an HTML file with the system Chromium (headless, offline): `python -m tests.browser PAGE PNG`.

The browser tests use the same launch options. Made docs/analyze-html.png and docs/report.png. Options: --width,
--height (the viewport), --full (the whole page, not just the viewport), --click CSS (click that element first).
"""

from __future__ import annotations

import argparse
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# Headless and quiet: no sandbox (root in containers), no GPU, and nothing that reaches out to the network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def screenshot(html: Path, png: Path, width: int, height: int, full: bool, click: str | None) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(html.resolve().as_uri())
            if click:
                page.click(click)
            page.screenshot(path=str(png), full_page=full)
        finally:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path)
    parser.add_argument("png", type=Path)
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=1000)
    parser.add_argument("--full", action="store_true", help="the whole page, not only the viewport")
    parser.add_argument("--click", help="CSS selector of an element to click first")
    args = parser.parse_args()
    screenshot(args.html, args.png, args.width, args.height, args.full, args.click)


if __name__ == "__main__":
    main()
