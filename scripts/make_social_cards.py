"""Draw the link-preview cards (og:image), one per language: static/img/social/mc2cm-<lang>.png.

Run after changing the logo, the project's name or its translations:

    .venv/bin/python scripts/make_social_cards.py

Each card is a small HTML page (the hand-drawn logo, the project's name in that language, the
self-hosted fonts) photographed by Debian's Chromium at 1200 x 630, the size Facebook,
LinkedIn and X show in full. The PNGs are committed: nothing is drawn when a page is served.
"""

import base64
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mc2cm_portal.settings.test")

import django  # noqa: E402

django.setup()

from django.utils import translation  # noqa: E402
from django.utils.translation import gettext  # noqa: E402

from mc2cm_portal.demo.data import read_content  # noqa: E402

HOME = read_content("home")["home"]

STATIC = ROOT / "static"
OUTPUT = STATIC / "img" / "social"
SIZE = {"width": 1200, "height": 630}
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def data_url(path, mime):
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode()}"


def card_html(language):
    with translation.override(language):
        name = gettext("Mediterranean City-to-City Migration")
        bidi = translation.get_language_bidi()
    tagline = HOME["tagline"][language]
    fonts = {
        "sans400": data_url(STATIC / "fonts/noto-sans-latin-400-normal.woff2", "font/woff2"),
        "sans700": data_url(STATIC / "fonts/noto-sans-latin-700-normal.woff2", "font/woff2"),
        "naskh": data_url(STATIC / "fonts/noto-naskh-arabic-arabic-400-normal.woff2", "font/woff2"),
    }
    logo = data_url(STATIC / "img/mc2cm-logo.svg", "image/svg+xml")
    return f"""<!DOCTYPE html>
<html lang="{language}" dir="{"rtl" if bidi else "ltr"}"><head><meta charset="utf-8"><style>
@font-face {{ font-family: S; src: url({fonts["sans400"]}); font-weight: 400; }}
@font-face {{ font-family: S; src: url({fonts["sans700"]}); font-weight: 700; }}
@font-face {{ font-family: N; src: url({fonts["naskh"]}); font-weight: 400 700; }}
html, body {{ margin: 0; inline-size: 1200px; block-size: 630px; overflow: hidden; }}
body {{ font-family: {"N, S" if bidi else "S"}; background: #0a4f6e; color: #fff;
  display: flex; flex-direction: column; justify-content: space-between;
  padding: 72px 80px 64px; box-sizing: border-box; border-inline-start: 22px solid #a9401a; }}
img {{ inline-size: 408px; block-size: 96px; }}
h1 {{ font-size: {"76px" if bidi else "70px"}; line-height: 1.15; margin: 0; max-inline-size: 980px;
  font-weight: {"400" if bidi else "700"}; }}
p {{ font-size: 36px; margin: 0; color: #f4b183; }}
</style></head><body dir="{"rtl" if bidi else "ltr"}">
<img src="{logo}" alt="">
<h1>{name}</h1>
<p>{tagline}</p>
</body></html>"""


def main():
    from playwright.sync_api import sync_playwright

    OUTPUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport=SIZE)
        for language in ("ar", "fr", "en"):
            page.set_content(card_html(language), wait_until="load")
            page.evaluate("document.fonts.ready")
            page.screenshot(path=str(OUTPUT / f"mc2cm-{language}.png"))
            print(OUTPUT / f"mc2cm-{language}.png")
        browser.close()


if __name__ == "__main__":
    main()
