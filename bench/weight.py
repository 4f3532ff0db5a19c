"""Weigh pages as a browser loads them: bytes per kind of resource, compressed, and origins.

Used by bench/run.py. Debian's Chromium, driven by Playwright, loads each page in a fresh
context (empty cache, as a first visit), scrolled to the bottom so that lazy images count
too, and every response is recorded.
"""

import gzip
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
# Without the networking flags Chromium keeps trying to reach Google's services, which
# would show up as third-party requests that the page never made.
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
KINDS = {
    "document": "html",
    "stylesheet": "css",
    "script": "js",
    "font": "fonts",
    "image": "images",
}
# Already compressed formats: whitenoise and proxies send them as they are.
PRECOMPRESSED = ("image/png", "image/jpeg", "image/webp", "image/avif", "image/gif", "font/woff")


def wire_size(body, content_type):
    """Bytes on the wire with gzip, as whitenoise (level 9) or a proxy would send them.

    Like whitenoise, keep the plain file when compressing does not make it smaller.
    """
    if content_type.startswith(PRECOMPRESSED):
        return len(body)
    return min(len(body), len(gzip.compress(body, compresslevel=9)))


def weigh(browser, base, path):
    origin = urlsplit(base).netloc
    context = browser.new_context()
    page = context.new_page()
    requests, responses = [], []
    # Playwright wants plain functions as handlers, not bound built-in methods.
    page.on("request", lambda request: requests.append(request))
    page.on("response", lambda response: responses.append(response))
    try:
        response = page.goto(base + path, wait_until="networkidle")
        if response is None or response.status != 200:
            raise RuntimeError(f"{path} answered {response and response.status}")
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
        sizes = dict.fromkeys((*KINDS.values(), "other"), 0)
        for item in responses:
            if not 200 <= item.status < 300:
                continue
            kind = KINDS.get(item.request.resource_type, "other")
            content_type = item.headers.get("content-type", "")
            sizes[kind] += wire_size(item.body(), content_type)
        third_party = sorted(
            {
                request.url
                for request in requests
                if urlsplit(request.url).scheme in ("http", "https", "ws", "wss")
                and urlsplit(request.url).netloc != origin
            }
        )
        return {"bytes": sizes, "requests": len(requests), "third_party": third_party}
    finally:
        context.close()


def measure(base, pages, languages):
    """{page type: {language: weight}} for ``pages`` ({type: {lang: path}})."""
    from playwright.sync_api import sync_playwright

    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name, paths in pages.items():
                results[name] = {lang: weigh(browser, base, paths[lang]) for lang in languages}
        finally:
            browser.close()
    return results
