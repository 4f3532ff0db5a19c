"""Browser tests: the real portal in a subprocess, driven by Debian's Chromium with Playwright.

The portal runs with `manage.py runserver` on its own copy of the run's demo site (a
PostgreSQL database on the server of DATABASE_URL, or an SQLite file; tests/servers.py), so
the pytest-django test database the other tests share is never touched. One server and one
Chromium serve the whole session.

Playwright's sync API keeps an asyncio loop marked as running in the main thread while it is
open, which makes Django refuse ORM calls (SynchronousOnlyOperation). So the browser tests run
after all the others, and Chromium is stopped as soon as the next test is not a browser test.
"""

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests import LANGUAGES
from tests.servers import free_port, run_manage

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
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
# How long an action, and a check of what a page shows, may wait (Playwright's default for
# checks is 5 s). On a busy machine (CI: three workers on two CPUs) an admin save, with its
# files, revision and search entry, can take longer than that to answer.
WAIT_MS = 15_000
expect.set_options(timeout=WAIT_MS)
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SERVER_START_TIMEOUT = 60  # seconds for runserver to answer once migrated and loaded
BROWSER_MARK = "browser"

# One English address per page type; the other languages are reached through each page's
# language switcher (their slugs are translated), see `page_paths`.
ENGLISH_PATHS = {
    "home": "/en/",
    "city-index": "/en/cities/",
    "city": "/en/cities/tangier/",
    "city-sparse": "/en/cities/sfax/",
    "dialogue": "/en/dialogue/",
    "peer-meeting-index": "/en/dialogue/peer-meetings/",
    "peer-meeting": "/en/dialogue/peer-meetings/lisbon-2016/",
    "city-network": "/en/dialogue/city-network/",
    "knowledge": "/en/knowledge/",
    "profile-index": "/en/knowledge/migration-profiles/",
    "profile": "/en/knowledge/migration-profiles/migration-profile-tangier/",
    "priority-document-index": "/en/knowledge/priority-documents/",
    "priority-document": "/en/knowledge/priority-documents/priority-document-tangier/",
    "action": "/en/action/",
    "pilot-project-index": "/en/action/pilot-projects/",
    "pilot-project": "/en/action/pilot-projects/tangeraccueil/",
    "toolkit-index": "/en/action/toolkits/",
    "toolkit": "/en/action/toolkits/example-access-to-rights-and-services/",
}
# Pages outside the page tree, hence without a language switcher to follow.
MISSING_PATHS = {"en": "/en/no-such-page/", "fr": "/fr/aucune-page/", "ar": "/ar/لا-توجد/"}
SEARCH_TERMS = {"en": "Tangier", "fr": "Tanger", "ar": "طنجة"}


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        f"{BROWSER_MARK}: drives the running portal in Chromium (run them alone with -m browser)",
    )


def _is_browser_test(item):
    return item is not None and item.get_closest_marker(BROWSER_MARK) is not None


def pytest_collection_modifyitems(config, items):
    """Run the browser tests last, together: see the module docstring."""
    items.sort(key=_is_browser_test)  # stable: keeps each group's own order


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    try:
        return (yield)  # the test's fixtures (pages, contexts) are closed first
    finally:
        if _is_browser_test(item) and not _is_browser_test(nextitem):
            _CHROMIUM.stop()


# --- The portal ------------------------------------------------------------------------

# The portal's log while it runs, and how much of it each test has already seen: a browser
# test that fails reports what the server said meanwhile (an error page in Chromium names no
# cause; the log, deleted with the run's folders, does).
_SERVER_LOG = {"path": None, "seen": 0}
SERVER_LOG_REPORT_CHARS = 8000


def _server_log_size():
    path = _SERVER_LOG["path"]
    return path.stat().st_size if path is not None and path.exists() else 0


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if not _is_browser_test(item):
        return report
    if call.when == "setup":
        _SERVER_LOG["seen"] = _server_log_size()
    elif report.failed and _SERVER_LOG["path"] is not None:
        with _SERVER_LOG["path"].open("rb") as log:
            log.seek(_SERVER_LOG["seen"])
            said = log.read().decode(errors="replace")
        if said:
            report.sections.append(("the portal's log", said[-SERVER_LOG_REPORT_CHARS:]))
    return report


def _wait_until_answering(process, url, log):
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (local)
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    pytest.fail(f"The portal did not answer on {url}:\n{log.read_text()[-5000:]}", pytrace=False)


class _Stylesheets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def _check_stylesheets(base):
    """Browser tests of an unstyled portal would check nothing a visitor sees."""
    with urllib.request.urlopen(f"{base}/en/", timeout=30) as response:  # noqa: S310 (local)
        parser = _Stylesheets()
        parser.feed(response.read().decode())
    assert parser.hrefs, "/en/ links no stylesheet"
    for href in parser.hrefs:
        try:
            urllib.request.urlopen(urllib.parse.urljoin(base, href), timeout=30).close()  # noqa: S310
            status = 200
        except urllib.error.HTTPError as error:
            status = error.code
        if status != 200:
            pytest.fail(
                f"The portal's stylesheet {href} answers {status} under "
                "mc2cm_portal.settings.test (DEBUG off, no collectstatic): whitenoise only looks "
                "in the app folders with WHITENOISE_USE_FINDERS = True in the test settings.",
                pytrace=False,
            )


_PORTAL_ENV = {}  # the environment of the portal subprocess, for portal_manage


def portal_manage(*args, debug=False):
    """Run a manage.py command against the running portal's database; returns its output.

    ``debug``: with DJANGO_DEBUG on, for the commands that create well-known dev accounts.
    """
    env = {**_PORTAL_ENV, "DJANGO_DEBUG": "1"} if debug else _PORTAL_ENV
    return run_manage(env, *args)


@pytest.fixture(scope="session")
def portal_url(demo_sites):
    """Base URL (no trailing slash) of the portal with its demo content, served on a free port.

    Its database and media folder are a copy of the run's demo site (tests/servers.py)."""
    site = demo_sites.new("browser")
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mc2cm_portal.settings.test",
        "DJANGO_MEDIA_ROOT": str(site.media),
        "DATABASE_URL": site.database_url,
        "PYTHONUNBUFFERED": "1",
        # The staff user bar loads its scripts from here: the portal itself.
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
    }
    _PORTAL_ENV.update(env)
    # The dev accounts (partner / mc2cm-partner ...); the command insists on DEBUG.
    run_manage({**env, "DJANGO_DEBUG": "1"}, "create_dev_accounts", "-v", "0")
    log = site.folder / "server.log"
    _SERVER_LOG["path"] = log
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_answering(process, f"{base}/en/", log)
        _check_stylesheets(base)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class _SwitcherLinks(HTMLParser):
    """hreflang -> href of the links in nav.language-switcher."""

    def __init__(self):
        super().__init__()
        self.depth = 0  # > 0 inside the language switcher
        self.links = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "nav":
            if self.depth or "language-switcher" in (attrs.get("class") or "").split():
                self.depth += 1
        elif tag == "a" and self.depth and attrs.get("hreflang") and attrs.get("href"):
            self.links[attrs["hreflang"]] = attrs["href"]

    def handle_endtag(self, tag):
        if tag == "nav" and self.depth:
            self.depth -= 1


def _language_versions(base, path):
    with urllib.request.urlopen(base + path, timeout=30) as response:  # noqa: S310 (local)
        parser = _SwitcherLinks()
        parser.feed(response.read().decode())
    missing = set(LANGUAGES) - parser.links.keys()
    assert not missing, f"{path}: no language-switcher link for {sorted(missing)}"
    return {
        lang: urllib.parse.unquote(urllib.parse.urlsplit(parser.links[lang]).path)
        for lang in LANGUAGES
    }


@pytest.fixture(scope="session")
def page_paths(portal_url):
    """{(page type, language): path}, for every type of ENGLISH_PATHS plus "missing"."""
    paths = {}
    for kind, english in ENGLISH_PATHS.items():
        for lang, path in _language_versions(portal_url, english).items():
            paths[kind, lang] = path
    for lang, path in MISSING_PATHS.items():
        paths["missing", lang] = path
    for lang, term in SEARCH_TERMS.items():
        paths["search", lang] = f"/{lang}/search/?{urllib.parse.urlencode({'q': term})}"
    return paths


# --- Chromium --------------------------------------------------------------------------


class _Chromium:
    """One Playwright + Chromium, started on first use and stopped by pytest_runtest_teardown."""

    def __init__(self):
        self.playwright = None
        self.browser = None

    def get(self):
        if self.browser is None:
            if not CHROMIUM.exists():
                pytest.fail(
                    f"{CHROMIUM} is missing: the browser tests need Debian's Chromium "
                    "(`apt-get install -y chromium`; `make test` installs it). "
                    "Never run `playwright install`.",
                    pytrace=False,
                )
            from playwright.sync_api import sync_playwright

            self.playwright = sync_playwright().start()
            try:
                self.browser = self.playwright.chromium.launch(
                    executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
                )
            except Exception:
                self.stop()
                raise
        return self.browser

    def stop(self):
        if self.browser is not None:
            self.browser.close()
            self.browser = None
        if self.playwright is not None:
            self.playwright.stop()
            self.playwright = None


_CHROMIUM = _Chromium()


@pytest.fixture(scope="session")
def browser():
    """The session's Chromium (restarted only if non-browser tests ran in between)."""
    yield _CHROMIUM
    _CHROMIUM.stop()


def _new_page(browser, portal_url, **options):
    context = browser.get().new_context(base_url=portal_url, accept_downloads=True, **options)
    context.set_default_timeout(WAIT_MS)
    return context, context.new_page()


@pytest.fixture
def page(browser, portal_url):
    context, page = _new_page(browser, portal_url, viewport=DESKTOP)
    yield page
    context.close()


@pytest.fixture(scope="module")
def shared_page(browser, portal_url):
    """One desktop page for a whole module of tests that only read pages (faster)."""
    context, page = _new_page(browser, portal_url, viewport=DESKTOP)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, portal_url):
    context, page = _new_page(
        browser, portal_url, viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    yield page
    context.close()


@pytest.fixture
def screenshot():
    return save_screenshot


def save_screenshot(page, name, lang):
    """test-artifacts/screenshots/<name>-<lang>.png: the whole page, as a visitor sees it."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^\w-]+", "-", name)
    page.screenshot(path=str(SCREENSHOTS / f"{safe}-{lang}.png"), full_page=True)


# --- Staff in the admin (the dev accounts made when the portal starts) ------------------------

EDITOR = ("editor", "mc2cm-editor")
MODERATOR = ("moderator", "mc2cm-moderator")


def sign_in(browser, portal_url, account):
    context = browser.get().new_context(base_url=portal_url, viewport=DESKTOP)
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto("/admin/login/")
    page.locator("#id_username").fill(account[0])
    page.locator("#id_password").fill(account[1])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    return context, page


@pytest.fixture(scope="module")
def editor(browser, portal_url):
    context, page = sign_in(browser, portal_url, EDITOR)
    yield page
    context.close()


@pytest.fixture(scope="module")
def moderator(browser, portal_url):
    context, page = sign_in(browser, portal_url, MODERATOR)
    yield page
    context.close()
