"""Count the SQL queries of each public page type, in-process, and list the pages' addresses.

    DATABASE_URL=... DJANGO_SETTINGS_MODULE=mc2cm_portal.settings.production \\
        .venv/bin/python bench/queries.py > result.json

Run by bench/run.py once per content scale, with the page cache switched off in the
environment. Prints JSON: for every page type, its address in each language and, per
language, the queries of a first request (empty cache), of the same request repeated,
and of a repeat with the page cache on (which should need none); and for Wagtail pages
the CPU time and queries of routing alone (``routing``).
"""

import json
import os
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote, unquote

import switches

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("ar", "fr", "en")
# A word found in nearly every page and file, so the result list is full at every scale.
SEARCH_TERMS = {"ar": "الهجرة", "fr": "migration", "en": "migration"}

# (name, model) for each public page type; the first live page of each (the demo one, in
# tree order) stands for its type, so the same page is measured at every scale.
PAGE_TYPES = [
    ("home", "mc2cm_portal.HomePage"),
    ("cities index", "cities.CityIndexPage"),
    ("city", "cities.CityPage"),
    ("dialogue pillar", "dialogue.DialoguePage"),
    ("peer meeting index", "dialogue.PeerMeetingIndexPage"),
    ("peer meeting", "dialogue.PeerMeetingPage"),
    ("city network", "dialogue.CityNetworkPage"),
    ("knowledge pillar", "knowledge.KnowledgePage"),
    ("profile index", "knowledge.MigrationProfileIndexPage"),
    ("migration profile", "knowledge.MigrationProfilePage"),
    ("priority index", "knowledge.PriorityDocumentIndexPage"),
    ("priority document", "knowledge.PriorityDocumentPage"),
    ("action pillar", "action.ActionPage"),
    ("pilot project index", "action.PilotProjectIndexPage"),
    ("pilot project", "action.PilotProjectPage"),
    ("toolkit library", "action.ToolkitIndexPage"),
    ("toolkit", "action.ToolkitPage"),
    ("search", None),
]


def addresses():
    """{page type: {language: path}} for the pages standing for each type."""
    from django.apps import apps
    from django.urls import reverse
    from django.utils import translation

    found = {}
    for name, label in PAGE_TYPES:
        page = None
        if label:
            page = apps.get_model(label).objects.live().order_by("path").first()
            if page is None:
                continue
        found[name] = {}
        for lang in LANGUAGES:
            with translation.override(lang):
                if page is None:
                    found[name][lang] = f"{reverse('search')}?q={quote(SEARCH_TERMS[lang])}"
                else:
                    found[name][lang] = page.get_url()
    return found


def table(sql):
    """The table a query reads first: enough to see which kind of query repeats."""
    match = re.search(r'\bFROM "?([\w]+)"?', sql)
    return match.group(1) if match else sql.split()[0]


# Routing timed alone: rounds of requests, the median round kept (one round slowed by other
# work on the machine does not move it).
ROUTING_ROUNDS, ROUTING_REQUESTS = 5, 20
# The pages routing is timed for: the home page (the site's root itself), and pages two and
# three levels down, under indexes of different sizes (bench/run.py reports these).
ROUTED = ("home", "city", "peer meeting", "toolkit")


def routing(path, lang):
    """Stock Wagtail routing alone for ``path``: the CPU milliseconds and the queries of
    ``Page.route_for_request`` (the Site lookup, then wagtail-modeltranslation's ``route``
    down the tree), as Wagtail's ``serve`` view runs it first on every request that reaches
    Django. The floor under every page rendered, whatever is kept around it."""
    from django.db import connection
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation
    from wagtail.models import Page

    # The address as Wagtail's serve view gets it: decoded, without the language prefix.
    within = unquote(path).removeprefix(f"/{lang}/")
    factory = RequestFactory(HTTP_HOST="localhost")

    def route():
        # A new request each time: Wagtail keeps the result on the request.
        result = Page.route_for_request(factory.get(path), within)
        if result is None:
            raise RuntimeError(f"{path} does not route")

    with translation.override(lang):
        route()
        with CaptureQueriesContext(connection) as captured:
            route()
        rounds = []
        for _round in range(ROUTING_ROUNDS):
            start = time.process_time()
            for _request in range(ROUTING_REQUESTS):
                route()
            rounds.append((time.process_time() - start) / ROUTING_REQUESTS * 1000)
    return {"ms": statistics.median(rounds), "queries": len(captured.captured_queries)}


def measure(client, path):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, override_settings

    def count(**headers):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path, **headers)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")
        return response, [query["sql"] for query in captured.captured_queries]

    # "First" is the first request after the cache is emptied (site root paths, settings
    # and whatever the portal caches are fetched again), as after a deploy or a publish.
    cache.clear()
    _response, first = count()
    _response, repeat = count()
    # Switching the setting on here rather than in the environment: the page-cache
    # middleware reads it per request. The hit header proves it took effect.
    cached = None
    page_cache_on = {switches.PAGE_CACHE: True, switches.HIT_HEADER_SWITCH: True}
    with override_settings(**page_cache_on):
        count()
        response, queries = count()
        if response.get(switches.HIT_HEADER) == "hit":
            cached = len(queries)
    tables = Counter(table(sql) for sql in repeat)
    return {
        "first": len(first),
        "repeat": len(repeat),
        "cached": cached,
        # Queries of the repeat request per table, most first: where to look when over.
        "tables": tables.most_common(),
        "repeat_sql": [sql[:500] for sql in repeat],
    }


def main():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mc2cm_portal.settings.production")
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    # The site's hostname, so that the request matches the default site as in production;
    # bench/run.py makes it the public address too (DJANGO_PUBLIC_URL), so that what is kept
    # for it is shared between requests, as for visitors of the public address.
    client = Client(HTTP_HOST="localhost")
    pages = addresses()
    # Content types and the like are loaded once per process, with its first request: not
    # part of any page's budget (tests/portal/test_query_budget.py warms up the same way).
    client.get("/en/")
    results = {}
    for name, paths in pages.items():
        results[name] = {lang: measure(client, path) for lang, path in paths.items()}
        if name in ROUTED:
            for lang, path in paths.items():
                results[name][lang]["routing"] = routing(path, lang)
    json.dump(
        {
            "pages": pages,
            "queries": results,
            "page_cache_setting": hasattr(settings, switches.PAGE_CACHE),
        },
        sys.stdout,
        ensure_ascii=False,
    )


if __name__ == "__main__":
    main()
