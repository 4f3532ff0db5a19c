"""Grow the demo content to N times its size with synthetic, trilingual pages.

    DATABASE_URL=postgres://... DJANGO_MEDIA_ROOT=/tmp/... \\
        .venv/bin/python bench/generate_content.py --scale 10

Starts from the demo content (``load_demo_content`` must have run) and adds synthetic
cities, peer meetings (each hosted by a city, with a background document and a report),
pilot projects, migration profiles and priority documents until each kind has ``scale``
times as many pages as the demo. Running it again with a larger scale adds only what is
missing, so the 100x database can be built on a copy of the 10x one.

Every text exists in the three languages, slugs are translated, and the texts mention
migration so that search results grow with the content, as they would on the real site.
"""

import argparse
import hashlib
import os
import sys
import time
from contextlib import contextmanager
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("ar", "fr", "en")
LANGUAGE_NAMES = {"ar": "Arabic", "fr": "French", "en": "English"}

# {lang: text} templates; {n} is the synthetic item's number.
CITY = {
    "title": {"ar": "مدينة تجريبية {n}", "fr": "Ville synthétique {n}", "en": "Synthetic city {n}"},
    "slug": {"ar": "مدينة-تجريبية-{n}", "fr": "ville-synthetique-{n}", "en": "synthetic-city-{n}"},
    "official_name": {
        "ar": "بلدية المدينة التجريبية {n}",
        "fr": "Municipalité de la ville synthétique {n}",
        "en": "Municipality of synthetic city {n}",
    },
    "country": {
        "ar": "بلد تجريبي {n}",
        "fr": "Pays synthétique {n}",
        "en": "Synthetic country {n}",
    },
    "portrait": {
        "ar": "<p>المدينة التجريبية {n} تعمل على حوكمة الهجرة على المستوى المحلي مع شركائها "
        "في الشبكة، وتستقبل المهاجرين في خدماتها البلدية.</p>",
        "fr": "<p>La ville synthétique {n} travaille à la gouvernance locale de la migration "
        "avec ses partenaires du réseau et accueille les personnes migrantes dans ses services "
        "municipaux.</p>",
        "en": "<p>Synthetic city {n} works on the local governance of migration with its "
        "partners in the network and welcomes migrants in its municipal services.</p>",
    },
}
FIGURES = [
    {
        "label": {"ar": "عدد السكان", "fr": "Population", "en": "Population"},
        "unit": "people",
        "qualifier": "about",
    },
    {
        "label": {
            "ar": "نسبة السكان الأجانب",
            "fr": "Part des résidents étrangers",
            "en": "Share of foreign residents",
        },
        "unit": "percent",
        "qualifier": "",
    },
]
FIGURE_SOURCE = {
    "ar": "إحصاء تجريبي {n}",
    "fr": "Recensement synthétique {n}",
    "en": "Synthetic census {n}",
}
MEETING = {
    "title": {
        "ar": "اجتماع النظراء التجريبي {n}",
        "fr": "Rencontre entre pairs synthétique {n}",
        "en": "Synthetic peer meeting {n}",
    },
    "slug": {
        "ar": "اجتماع-تجريبي-{n}",
        "fr": "rencontre-synthetique-{n}",
        "en": "synthetic-peer-meeting-{n}",
    },
    "venue": {"ar": "قاعة البلدية {n}", "fr": "Hôtel de ville {n}", "en": "City hall {n}"},
    "summary": {
        "ar": "ناقشت المدن في الاجتماع التجريبي {n} إدماج المهاجرين وحوكمة الهجرة في المدن.",
        "fr": "Lors de la rencontre synthétique {n}, les villes ont discuté de l'inclusion des "
        "personnes migrantes et de la gouvernance urbaine de la migration.",
        "en": "At synthetic meeting {n}, cities discussed the inclusion of migrants and the "
        "urban governance of migration.",
    },
    "background_title": {
        "ar": "وثيقة خلفية للاجتماع التجريبي {n}",
        "fr": "Document de référence de la rencontre synthétique {n}",
        "en": "Background document of synthetic meeting {n}",
    },
    "report_title": {
        "ar": "تقرير الاجتماع التجريبي {n}",
        "fr": "Rapport de la rencontre synthétique {n}",
        "en": "Report of synthetic meeting {n}",
    },
}
PROJECT = {
    "title": {
        "ar": "مشروع تجريبي {n}",
        "fr": "Projet pilote synthétique {n}",
        "en": "Synthetic pilot project {n}",
    },
    "slug": {
        "ar": "مشروع-تجريبي-{n}",
        "fr": "projet-pilote-synthetique-{n}",
        "en": "synthetic-pilot-project-{n}",
    },
    "partners": {
        "ar": "شريك تجريبي {n}\nمدينة نظيرة",
        "fr": "Partenaire synthétique {n}\nVille pair",
        "en": "Synthetic partner {n}\nPeer city",
    },
    "summary": {
        "ar": "يقدّم المشروع التجريبي {n} خدمات إعلام وتوجيه للمهاجرين في المدينة.",
        "fr": "Le projet synthétique {n} offre information et orientation aux personnes "
        "migrantes de la ville.",
        "en": "Synthetic project {n} offers information and orientation to migrants in the city.",
    },
    "aims": {
        "ar": "<ul><li>تحسين وصول المهاجرين إلى الخدمات</li></ul>",
        "fr": "<ul><li>Améliorer l'accès des personnes migrantes aux services</li></ul>",
        "en": "<ul><li>Improve migrants' access to services</li></ul>",
    },
    "results": {
        "ar": "<p>استفاد {n}00 شخص من الخدمات.</p>",
        "fr": "<p>{n}00 personnes ont bénéficié des services.</p>",
        "en": "<p>{n}00 people used the services.</p>",
    },
}
# Profiles and priority documents, both about one city.
CITY_DOCUMENTS = {
    "profile": {
        "title": {
            "ar": "ملف الهجرة للمدينة التجريبية {n}",
            "fr": "Profil migratoire de la ville synthétique {n}",
            "en": "Migration profile of synthetic city {n}",
        },
        "slug": {
            "ar": "ملف-الهجرة-تجريبي-{n}",
            "fr": "profil-migratoire-synthetique-{n}",
            "en": "synthetic-migration-profile-{n}",
        },
        "summary": {
            "ar": "يحلّل هذا الملف واقع الهجرة في المدينة التجريبية {n}.",
            "fr": "Ce profil analyse la migration dans la ville synthétique {n}.",
            "en": "This profile analyses migration in synthetic city {n}.",
        },
    },
    "priority": {
        "title": {
            "ar": "وثيقة أولويات المدينة التجريبية {n}",
            "fr": "Document de priorités de la ville synthétique {n}",
            "en": "Priority document of synthetic city {n}",
        },
        "slug": {
            "ar": "وثيقة-أولويات-تجريبية-{n}",
            "fr": "document-priorites-synthetique-{n}",
            "en": "synthetic-priority-document-{n}",
        },
        "summary": {
            "ar": "الأولويات التي اختارتها المدينة التجريبية {n} في مجال الهجرة.",
            "fr": "Les priorités choisies par la ville synthétique {n} en matière de migration.",
            "en": "The priorities synthetic city {n} chose on migration.",
        },
        "priority_areas": {
            "ar": "الإسكان\nالتعليم",
            "fr": "Logement\nÉducation",
            "en": "Housing\nEducation",
        },
    },
}


def texts(template, n):
    """{lang: text} for item number ``n``."""
    return {lang: template[lang].format(n=n) for lang in LANGUAGES}


def translated(field, template, n):
    """The field's value in every language, with English in the untranslated column."""
    values = texts(template, n)
    return {field: values["en"], **{f"{field}_{lang}": values[lang] for lang in LANGUAGES}}


def fields(template, n, names):
    values = {}
    for name in names:
        values.update(translated(name, template[name], n))
    return values


@contextmanager
def admin_indexes_paused():
    """Skip Wagtail's admin search index and reference index while generating.

    Each page save would otherwise run two indexing tasks (about 50 ms together), which
    would make the 100x content take many minutes. Neither index is read by the public
    pages being measured; the portal's own search entries are rebuilt at the end.
    """
    from django.db.models.signals import post_save
    from modelsearch import index
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.signal_handlers import disable_reference_index_auto_update

    models = list(index.get_indexed_models())
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


class Generator:
    def __init__(self, scale, stdout):
        from mc2cm_portal.demo.data import read_content

        self.scale = scale
        self.stdout = stdout
        # The demo's own cities, meetings and projects: each grows to `scale` times as many.
        self.demo_cities = read_content("cities")["cities"]
        self.demo_meetings = read_content("dialogue")["meetings"]
        self.demo_projects = read_content("action")["pilot_projects"]
        self.next_path = {}  # parent pk -> path of its next child
        self.added = {}  # parent pk -> (parent, children added)

    def say(self, text):
        print(text, file=self.stdout, flush=True)

    # --- shared pieces ---------------------------------------------------------------------

    def add_page(self, parent, page):
        """Add a live page under ``parent``: what add_child does, minus validation and revision.

        add_child validates every page, and wagtail-modeltranslation's slug check loads all
        the siblings each time: adding 1,000 cities would read about 500,000 rows. Synthetic
        slugs are unique by construction, so the tree position is computed here instead
        (the next path after the last child, as treebeard does) and the page is saved
        without cleaning. No revision either: a page published once looks the same to
        visitors, and the revisions table is not read by the public pages.
        """
        from django.utils import timezone
        from wagtail.models import Page

        if parent.pk not in self.next_path:
            last = parent.get_last_child()
            depth = parent.depth + 1
            self.next_path[parent.pk] = (
                last._inc_path() if last else Page._get_path(parent.path, depth, 1)
            )
            self.added[parent.pk] = (parent, 0)
        page.path = self.next_path[parent.pk]
        page.depth = parent.depth + 1
        page.numchild = 0
        page._cached_parent_obj = parent  # so that save() builds the url paths without a query
        page.draft_title = page.title
        page.locale_id = parent.locale_id
        page.live = True
        page.first_published_at = page.last_published_at = timezone.now()
        page.save(clean=False)
        self.next_path[parent.pk] = page._inc_path()
        self.added[parent.pk] = (parent, self.added[parent.pk][1] + 1)
        return page

    def count_children(self):
        """Tell the parents how many children they gained (add_child does it page by page)."""
        from django.db.models import F
        from wagtail.models import Page

        for parent, count in self.added.values():
            Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + count)

    def publications(self, specs):
        """Create publications with one small PDF per language, in bulk.

        ``specs`` is a list of (kind, year, titles {lang: text}, languages); bulk inserts
        skip the per-object signals, so the portal's search entries are rebuilt at the end.
        """
        from django.core.files.base import ContentFile
        from django.core.files.storage import default_storage
        from wagtail.documents import get_document_model
        from wagtail.models import Collection

        from mc2cm_portal.demo.pdf import make_pdf
        from mc2cm_portal.models import Publication, PublicationFile

        Document = get_document_model()
        collection = Collection.get_first_root_node()
        publications = Publication.objects.bulk_create(
            [
                Publication(
                    kind=kind,
                    year=year,
                    title=titles["en"],
                    **{f"title_{lang}": titles[lang] for lang in LANGUAGES},
                )
                for kind, year, titles, _languages in specs
            ]
        )
        documents, files = [], []
        for publication, (_kind, _year, titles, languages) in zip(publications, specs, strict=True):
            for order, lang in enumerate(languages):
                pdf = make_pdf(
                    titles["fr"] if lang == "fr" else titles["en"],
                    [f"{LANGUAGE_NAMES[lang]} edition.", "Synthetic benchmark file."],
                )
                name = default_storage.save(
                    f"documents/bench-{publication.pk}-{lang}.pdf", ContentFile(pdf)
                )
                documents.append(
                    Document(
                        title=titles[lang],
                        file=name,
                        collection=collection,
                        file_size=len(pdf),
                        # Wagtail's own fingerprint of the file (SHA-1, not for security).
                        file_hash=hashlib.sha1(pdf).hexdigest(),  # noqa: S324
                    )
                )
                files.append(
                    PublicationFile(publication=publication, language=lang, sort_order=order)
                )
        for document, file in zip(Document.objects.bulk_create(documents), files, strict=True):
            file.document = document
        PublicationFile.objects.bulk_create(files)
        return publications

    # --- content kinds -------------------------------------------------------------------

    def cities(self, themes):
        from cities.models import CityFigure, CityIndexPage, CityPage, Region

        index = CityIndexPage.objects.get()
        target = len(self.demo_cities) * self.scale
        start = CityPage.objects.count()
        regions = [value for value, _label in Region.choices]
        for n in range(start + 1, target + 1):
            figures = [
                CityFigure(
                    sort_order=order,
                    qualifier=spec["qualifier"],
                    unit=spec["unit"],
                    value=Decimal(100_000 + n * 37)
                    if spec["unit"] == "people"
                    else Decimal(n % 30),
                    year=2015 + n % 8,
                    **translated("label", spec["label"], n),
                    **translated("source", FIGURE_SOURCE, n),
                )
                for order, spec in enumerate(FIGURES)
            ]
            self.add_page(
                index,
                CityPage(
                    region=regions[n % len(regions)],
                    # Spread over the Mediterranean so that the home map draws them all.
                    latitude=Decimal("31") + Decimal(n * 7 % 1400) / 100,
                    longitude=Decimal("-5") + Decimal(n * 13 % 4000) / 100,
                    member_since=2015 + n % 10,
                    themes=[themes[n % len(themes)], themes[(n + 3) % len(themes)]],
                    figures=figures,
                    **fields(CITY, n, ("title", "slug", "official_name", "country", "portrait")),
                ),
            )
        self.say(f"  cities: {target} ({target - start} added)")
        return list(CityPage.objects.order_by("pk"))

    def meetings(self, themes, cities):
        from dialogue.models import PeerMeetingIndexPage, PeerMeetingPage
        from mc2cm_portal.models import Publication

        Kind = Publication.Kind
        index = PeerMeetingIndexPage.objects.get()
        target = len(self.demo_meetings) * self.scale
        start = PeerMeetingPage.objects.count()
        numbers = range(start + 1, target + 1)
        # Every synthetic meeting is in the past, as nearly all real ones are: the upcoming
        # list is shown whole, the past ones a page at a time.
        first_day = {n: date(2010, 1, 1) + timedelta(days=n * 3 % 5000) for n in numbers}
        specs = []
        for n in numbers:
            year = first_day[n].year
            # As in the demo: the background document in three languages, the report in two.
            specs += [
                (Kind.BACKGROUND_DOCUMENT, year, texts(MEETING["background_title"], n), LANGUAGES),
                (Kind.MEETING_REPORT, year, texts(MEETING["report_title"], n), ("fr", "en")),
            ]
        publications = iter(self.publications(specs))
        for n in numbers:
            host = cities[n % len(cities)]
            others = [cities[(n + 1) % len(cities)], cities[(n + 2) % len(cities)]]
            self.add_page(
                index,
                PeerMeetingPage(
                    start_date=first_day[n],
                    end_date=first_day[n] + timedelta(days=1),
                    host_city=host,
                    participating_cities=others,
                    background_document=next(publications),
                    report=next(publications),
                    themes=[themes[n % len(themes)]],
                    **fields(MEETING, n, ("title", "slug", "venue", "summary")),
                ),
            )
        self.say(f"  peer meetings: {target} ({len(numbers)} added)")

    def projects(self, themes, cities):
        from action.models import PilotProjectIndexPage, PilotProjectPage

        index = PilotProjectIndexPage.objects.get()
        target = len(self.demo_projects) * self.scale
        start = PilotProjectPage.objects.count()
        statuses = [value for value, _label in PilotProjectPage.Status.choices]
        for n in range(start + 1, target + 1):
            self.add_page(
                index,
                PilotProjectPage(
                    city=cities[n % len(cities)],
                    start_year=2016 + n % 9,
                    end_year=2018 + n % 9,
                    status=statuses[n % len(statuses)],
                    themes=[themes[n % len(themes)]],
                    **fields(
                        PROJECT, n, ("title", "slug", "partners", "summary", "aims", "results")
                    ),
                ),
            )
        self.say(f"  pilot projects: {target} ({target - start} added)")

    def city_documents(self, cities):
        from knowledge.models import (
            MigrationProfileIndexPage,
            MigrationProfilePage,
            PriorityDocumentIndexPage,
            PriorityDocumentPage,
        )
        from mc2cm_portal.models import Publication

        founding = sum(1 for item in self.demo_cities if item["member_since"] <= 2015)
        for key, model, index_model, kind in (
            ("profile", MigrationProfilePage, MigrationProfileIndexPage, "MIGRATION_PROFILE"),
            ("priority", PriorityDocumentPage, PriorityDocumentIndexPage, "PRIORITY_DOCUMENT"),
        ):
            template = CITY_DOCUMENTS[key]
            index = index_model.objects.get()
            target = founding * self.scale
            start = model.objects.count()
            numbers = range(start + 1, target + 1)
            specs = [
                (
                    getattr(Publication.Kind, kind),
                    2016 + n % 8,
                    texts(template["title"], n),
                    LANGUAGES,
                )
                for n in numbers
            ]
            publications = iter(self.publications(specs))
            names = [name for name in template if name != "title"]
            for n in numbers:
                self.add_page(
                    index,
                    model(
                        city=cities[n % len(cities)],
                        publication=next(publications),
                        **fields(template, n, ("title", *names)),
                    ),
                )
            self.say(f"  {model._meta.verbose_name_plural}: {target} ({len(numbers)} added)")

    def run(self):
        from django.db import transaction
        from django.utils import translation

        from mc2cm_portal.models import Theme
        from mc2cm_portal.search.indexing import rebuild_index

        started = time.monotonic()
        # Untranslated base columns hold English, as in load_demo_content.
        with translation.override("en"), admin_indexes_paused(), transaction.atomic():
            themes = list(Theme.objects.order_by("pk"))
            cities = self.cities(themes)
            self.meetings(themes, cities)
            self.projects(themes, cities)
            self.city_documents(cities)
            self.count_children()
            entries = rebuild_index()
        self.say(
            f"Content at {self.scale}x ready: {entries} search entries, "
            f"{time.monotonic() - started:.0f} s."
        )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, required=True, help="e.g. 10 or 100")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mc2cm_portal.settings.production")
    import django
    from django.conf import settings

    django.setup()
    # The benchmark writes hundreds of pages and files: never into the project's own
    # database or media folder.
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3") and "DATABASE_URL" not in os.environ:
        sys.exit("Refusing to generate into the default SQLite database: set DATABASE_URL.")
    if Path(settings.MEDIA_ROOT).resolve() == (ROOT / "media").resolve():
        sys.exit("Refusing to write into the project's media/: set DJANGO_MEDIA_ROOT.")
    Generator(args.scale, sys.stdout).run()


if __name__ == "__main__":
    main()
