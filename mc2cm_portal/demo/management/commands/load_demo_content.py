"""Load the portal's demo content: ten cities, the pillars, meetings, projects and files.

The content is data, one TOML file per section in mc2cm_portal/demo/content/. Idempotent:
whatever already exists (matched by its English slug, title or key) is left exactly as it
is, so running the command again neither duplicates nor overwrites anything an editor has
changed since.
"""

import hashlib
import time
import zlib

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone, translation
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from action.models import (
    ActionPage,
    PilotProjectIndexPage,
    PilotProjectPage,
    ToolkitIndexPage,
    ToolkitPage,
)
from cities.models import CityComparisonPage, CityFigure, CityIndexPage, CityPage
from dialogue.models import CityNetworkPage, DialoguePage, PeerMeetingIndexPage, PeerMeetingPage
from knowledge.models import (
    KnowledgePage,
    MigrationProfileIndexPage,
    MigrationProfilePage,
    PriorityDocumentIndexPage,
    PriorityDocumentPage,
)
from mc2cm_portal.access.documents import portal_collections
from mc2cm_portal.demo.data import read_content
from mc2cm_portal.models import (
    HomePage,
    InformationPage,
    Partner,
    PortalSettings,
    Publication,
    PublicationFile,
    Theme,
)
from mc2cm_portal.publishing.pdf import file_name, publication_pdfs
from mc2cm_portal.search import indexing

LANGUAGES = ("ar", "fr", "en")
# Typeset demo files, by the content they were made from (see Command.write_files).
DEMO_PDF_FOLDER = settings.BASE_DIR / ".cache" / "demo-pdfs"


def is_placeholder(document):
    """A one-page file written by this command before the files were typeset."""
    if (document.file_size or 0) > 2000:
        return False
    try:
        with document.open_file() as handle:
            return b"Demonstration file" in zlib.decompress(_stream(handle.read()))
    except (OSError, zlib.error, ValueError):
        return False


def _stream(pdf):
    start = pdf.index(b"stream\n") + len(b"stream\n")
    return pdf[start : pdf.index(b"\nendstream", start)]


def translated(field, values, **fmt):
    """{"title": en, "title_ar": .., "title_fr": .., "title_en": ..} from a {lang: text} dict."""
    texts = {
        lang: values[lang].format(**{k: v[lang] for k, v in fmt.items()}) for lang in LANGUAGES
    }
    return {field: texts["en"], **{f"{field}_{lang}": texts[lang] for lang in LANGUAGES}}


def page_fields(item, *fields, **fmt):
    values = {}
    for field in ("title", "slug", *fields):
        values.update(translated(field, item[field], **fmt))
    return values


def publish_first_version(snippet):
    """Record a new snippet as its first published version, as if a moderator had approved it.

    It is live either way; this gives it a history to compare later drafts with, and a live
    version that a scheduled change keeps showing until its time comes.
    """
    snippet.save_revision(log_action=False).publish(log_action=False)


class Command(BaseCommand):
    help = "Load the demo content (idempotent: existing content is left untouched)."

    def handle(self, *args, **options):
        self.created = 0
        self.reported = 0
        self.files_written = 0
        self.publications = []
        self.verbosity = options["verbosity"]
        # Untranslated base columns hold English, the default content language.
        # The search entries once, at the end, rather than after each of the ~100 saves.
        with translation.override("en"), transaction.atomic():
            with indexing.deferred():
                self.load()
                started = time.monotonic()
                self.write_files()
                typesetting = time.monotonic() - started
            if self.created or self.files_written:
                indexing.rebuild_index()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready ({self.created} objects created, "
                f"{self.files_written} files written in {typesetting:.1f} s)."
            )
        )

    # --- helpers -------------------------------------------------------------------------

    def progress(self, name):
        """One short line per part: what this run added to it."""
        if self.verbosity >= 1:
            added = self.created - self.reported
            self.stdout.write(f"{name}: {added} created" if added else f"{name}: up to date")
        self.reported = self.created

    def child(self, parent, model, english_slug, **fields):
        existing = model.objects.child_of(parent).filter(slug_en=english_slug).first()
        if existing:
            return existing
        # Dated as a publish would date it: the home page's "latest" strip shows the date.
        now = timezone.now()
        page = model(first_published_at=now, last_published_at=now, **fields)
        parent.add_child(instance=page)
        self.publish(page)
        self.created += 1
        return page

    @staticmethod
    def publish(page):
        """Give the new page a published revision, as the admin's "Publish" does.

        A revision saved but not published would leave every demo page "live + draft" in the
        explorer, as if someone had unpublished changes waiting.
        """
        page.save_revision(log_action=False).publish(log_action=False)

    def publication(self, kind, titles, year=None, languages=LANGUAGES, partners_only=False, **fmt):
        """The publication (created without files: they are made from its page, see write_files)."""
        fields = translated("title", titles, **fmt)
        publication = Publication.objects.filter(kind=kind, title_en=fields["title_en"]).first()
        if publication is None:
            publication = Publication.objects.create(kind=kind, year=year, **fields)
            self.created += 1
        self.publications.append((publication, languages, partners_only))
        return publication

    def write_files(self):
        """Give each demo publication its PDF per language, typeset from the page presenting it.

        Only missing files and the one-page placeholders of earlier versions of this command
        are written; a file an editor uploaded or replaced is left alone. Rendering is kept in
        DEMO_PDF_FOLDER by the content it was made from, so loading the demo again (each test
        run does) only typesets what changed.
        """
        document_model = get_document_model()
        # Privacy is where a file is kept (access/documents.py): partners' files in Partners.
        public, partners = portal_collections()
        for publication, languages, partners_only in self.publications:
            files = {file.language: file for file in publication.files.select_related("document")}
            missing = [
                language
                for language in languages
                if language not in files or is_placeholder(files[language].document)
            ]
            if missing:
                pdfs = publication_pdfs(publication, missing, keep_in=DEMO_PDF_FOLDER)
                for language, pdf in pdfs:
                    file = files.get(language)
                    if file is not None:
                        document = file.document
                        document.file.delete(save=False)
                    else:
                        document = document_model(collection=partners if partners_only else public)
                    document.title = getattr(publication, f"title_{language}")
                    name = file_name(publication.title_en, language)
                    document.file.save(name, ContentFile(pdf), save=False)
                    # What Wagtail's upload form records, computed as it does (SHA-1 of the
                    # bytes): the admin shows the size, and the hash spots duplicate uploads.
                    document.file_size = len(pdf)
                    document.file_hash = hashlib.sha1(pdf, usedforsecurity=False).hexdigest()
                    document.save()
                    if file is None:
                        PublicationFile.objects.create(
                            publication=publication,
                            language=language,
                            document=document,
                            sort_order=languages.index(language),
                        )
                    self.files_written += 1
            if publication.latest_revision_id is None:
                # Its first published version, files included (see publish_first_version).
                publish_first_version(publication)

    # --- content -------------------------------------------------------------------------

    def load(self):
        themes = {}
        for item in read_content("themes")["themes"]:
            theme = Theme.objects.filter(slug=item["slug"]).first()
            if theme is None:
                theme = Theme.objects.create(
                    slug=item["slug"],
                    **translated("name", item["name"]),
                    **translated("description", item["description"]),
                )
                publish_first_version(theme)
                self.created += 1
            themes[item["slug"]] = theme

        self.progress("Themes")
        for item in read_content("partners")["partners"]:
            if not Partner.objects.filter(website=item["website"]).exists():
                partner = Partner.objects.create(
                    role=item["role"],
                    website=item["website"],
                    sort_order=item["sort_order"],
                    **translated("name", item["name"]),
                    **translated("acronym", item["acronym"]),
                    **translated("description", item["description"]),
                )
                publish_first_version(partner)
                self.created += 1

        self.progress("Partners")
        home = self.home_page()
        site = Site.objects.filter(is_default_site=True).first()
        PortalSettings.for_site(site)  # created with the project's contact e-mail as default
        self.progress("Home")

        content = read_content("cities")
        city_index = self.child(
            home,
            CityIndexPage,
            content["index"]["slug"]["en"],
            show_in_menus=True,
            **page_fields(content["index"], "intro"),
        )
        cities = {}
        for item in content["cities"]:
            city = self.child(
                city_index,
                CityPage,
                item["slug"]["en"],
                region=item["region"],
                latitude=item["latitude"],
                longitude=item["longitude"],
                member_since=item["member_since"],
                themes=[themes[slug] for slug in item["themes"]],
                figures=[
                    CityFigure(
                        sort_order=order,
                        qualifier=figure["qualifier"],
                        value=figure["value"],
                        unit=figure["unit"],
                        year=figure["year"],
                        source_url=figure.get("source_url", ""),
                        measure=figure.get("measure", ""),
                        **translated("label", figure["label"]),
                        **translated("source", figure["source"]),
                    )
                    for order, figure in enumerate(item["figures"])
                ],
                **page_fields(item, "official_name", "country", "portrait"),
            )
            cities[item["key"]] = city
        self.child(
            city_index,
            CityComparisonPage,
            content["comparison"]["slug"]["en"],
            **page_fields(content["comparison"], "intro"),
        )
        self.progress("Cities")

        self.dialogue(home, cities, themes)
        self.progress("Dialogue")
        self.knowledge(home, content["cities"], cities)
        self.progress("Knowledge")
        self.action(home, cities, themes)
        self.progress("Action")
        self.information_pages(home, PortalSettings.for_site(site).contact_email)
        self.progress("Information pages")

    def home_page(self):
        home = HomePage.objects.first()
        if home:
            return home
        root = Page.get_first_root_node()
        # The tree root predates the translated url_path columns that wagtail-modeltranslation
        # adds after migrating; children build their paths on it, so give it "/" everywhere.
        Page.objects.filter(depth=1).update(**{f"url_path_{lang}": "/" for lang in LANGUAGES})
        root.refresh_from_db()
        # Wagtail's migrations create a placeholder "Welcome" page; ours replaces it.
        for page in root.get_children():
            if type(page.specific) is Page:
                page.delete()
        item = read_content("home")["home"]
        home = HomePage(
            start_year=item["start_year"],
            end_year=item["end_year"],
            **translated("title", item["title"]),
            **{f"slug{suffix}": "home" for suffix in ("", "_ar", "_fr", "_en")},
            **{
                key: value
                for field in ("tagline", "why", "what", "how", "network", "duration_note")
                for key, value in translated(field, item[field]).items()
            },
        )
        root.add_child(instance=home)
        self.publish(home)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="MC2CM",
            )
        else:
            site.root_page = home
            site.site_name = "MC2CM"
            site.save()
        self.created += 1
        return home

    def information_pages(self, home, email):
        """Contact, privacy, legal notice and accessibility statement (footer links)."""
        for item in read_content("information_pages")["pages"]:
            body = {
                f"body_{lang}": [
                    {"type": "heading", "value": {"text": text, "level": "h2"}}
                    if kind == "h2"
                    else {"type": "paragraph", "value": text.replace("{email}", email)}
                    for kind, text in item["body"][lang]
                ]
                for lang in LANGUAGES
            }
            self.child(
                home,
                InformationPage,
                item["slug"]["en"],
                last_reviewed=item.get("last_reviewed"),
                body=body["body_en"],
                **body,
                **page_fields(item, "intro"),
            )

    def section(self, parent, model, item, **extra):
        return self.child(
            parent, model, item["slug"]["en"], **extra, **page_fields(item, "intro", "key_points")
        )

    def pillar(self, home, model, item):
        return self.child(
            home, model, item["slug"]["en"], show_in_menus=True, **page_fields(item, "intro")
        )

    def dialogue(self, home, cities, themes):
        content = read_content("dialogue")
        pillar = self.pillar(home, DialoguePage, content["pillar"])
        index = self.section(pillar, PeerMeetingIndexPage, content["meeting_index"])
        self.child(
            pillar,
            CityNetworkPage,
            content["city_network"]["slug"]["en"],
            **page_fields(content["city_network"], "intro", "stakeholders"),
        )
        for item in content["meetings"]:
            if PeerMeetingPage.objects.child_of(index).filter(slug_en=item["slug"]["en"]).exists():
                continue
            start = item["start_date"]
            year = start.year
            background = self.publication(
                Publication.Kind.BACKGROUND_DOCUMENT, item["background_title"], year
            )
            report = self.publication(
                Publication.Kind.MEETING_REPORT, item["report_title"], year, languages=("fr", "en")
            )
            venue = translated("venue", item["venue"]) if item.get("venue") else {}
            outcomes = translated("outcomes", item["outcomes"]) if item.get("outcomes") else {}
            self.child(
                index,
                PeerMeetingPage,
                item["slug"]["en"],
                start_date=start,
                end_date=item.get("end_date"),
                host_city=cities[item["host"]] if item.get("host") else None,
                background_document=background,
                report=report,
                themes=[themes[slug] for slug in item["themes"]],
                **venue,
                **outcomes,
                **page_fields(item, "summary"),
            )

    def knowledge(self, home, city_items, cities):
        content = read_content("knowledge")
        pillar = self.pillar(home, KnowledgePage, content["pillar"])
        profiles = self.section(pillar, MigrationProfileIndexPage, content["profile_index"])
        priorities = self.section(pillar, PriorityDocumentIndexPage, content["priority_index"])
        for item in city_items:
            city = cities[item["key"]]
            # Profiles and priority papers were written in the first phase (2015-2018) by
            # the nine founding cities; Sfax joined later and has none.
            if item["member_since"] > 2015:
                continue
            names = {"city": item["title"], "city_slug": item["slug"]}
            for model, source, kind, index in (
                (
                    MigrationProfilePage,
                    content["profile"],
                    Publication.Kind.MIGRATION_PROFILE,
                    profiles,
                ),
                (
                    PriorityDocumentPage,
                    content["priority"],
                    Publication.Kind.PRIORITY_DOCUMENT,
                    priorities,
                ),
            ):
                slug_en = source["slug"]["en"].format(city_slug=item["slug"]["en"])
                if model.objects.child_of(index).filter(slug_en=slug_en).exists():
                    continue
                publication = self.publication(kind, source["publication_title"], **names)
                # No priority areas: which a city chose is not known (facts.md lists the
                # framework's four, not each city's), and the page then shows none.
                self.child(
                    index,
                    model,
                    slug_en,
                    city=city,
                    publication=publication,
                    **page_fields(source, "summary", **names),
                )

    def action(self, home, cities, themes):
        content = read_content("action")
        pillar = self.pillar(home, ActionPage, content["pillar"])
        projects = self.section(pillar, PilotProjectIndexPage, content["pilot_index"])
        toolkits = self.section(pillar, ToolkitIndexPage, content["toolkit_index"])
        for item in content["pilot_projects"]:
            if (
                PilotProjectPage.objects.child_of(projects)
                .filter(slug_en=item["slug"]["en"])
                .exists()
            ):
                continue
            self.child(
                projects,
                PilotProjectPage,
                item["slug"]["en"],
                city=cities[item["city"]],
                start_year=item["start_year"],
                end_year=item["end_year"],
                status=item["status"],
                themes=[themes[slug] for slug in item["themes"]],
                **page_fields(item, "partners", "summary", "aims", "results"),
            )
        for item in content["toolkits"]:
            if ToolkitPage.objects.child_of(toolkits).filter(slug_en=item["slug"]["en"]).exists():
                continue
            steps = {
                f"steps{suffix}": [
                    ("step", {"title": step["title"][lang], "text": step["text"][lang]})
                    for step in item["steps"]
                ]
                for suffix, lang in (("", "en"), ("_ar", "ar"), ("_fr", "fr"), ("_en", "en"))
            }
            self.child(
                toolkits,
                ToolkitPage,
                item["slug"]["en"],
                is_example=True,
                publication=self.publication(
                    Publication.Kind.TOOLKIT,
                    item["publication_title"],
                    partners_only=item.get("partners_only", False),
                ),
                themes=[themes[slug] for slug in item["themes"]],
                cities=[cities[key] for key in item["cities"]],
                **steps,
                **page_fields(item, "audience", "summary"),
            )
