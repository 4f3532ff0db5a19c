"""Content shared across the site: themes, partners, publications and site settings."""

import functools

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import BooleanField, Exists, ExpressionWrapper, F, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    CollectionViewRestriction,
    DraftStateMixin,
    LockableMixin,
    Orderable,
    Page,
    PageViewRestriction,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def current_language():
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


# Fields that must be given in at least one language, not in each: the others fall back
# (MODELTRANSLATION_FALLBACK_LANGUAGES), so Arabic-only or French-only content can be saved.
ONE_LANGUAGE_ENOUGH = ("title", "name", "slug")


def require_one_language(instance, *field_names):
    """Model ``clean``: refuse any of ``field_names`` empty in every language.

    Those fields are ``blank=True`` on the model (so no language is required on its own);
    the error is shown on the input in the admin's language.
    """
    language = current_language() if current_language() in LANGUAGE_CODES else "en"
    missing = {
        f"{name}_{language}": _("Fill this in in at least one language.")
        for name in field_names
        if not any(getattr(instance, f"{name}_{code}", "") for code in LANGUAGE_CODES)
    }
    if missing:
        raise ValidationError(missing)


class ReviewedSnippet(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    """A snippet visitors see, changed like a page: drafts, history and the Moderators' approval.

    An editor's change is kept in a revision until it is published (by a moderator, or when the
    workflow assigned to the model is approved); the row, which the site reads, keeps its live
    values until then. Visitors only ever see rows that are ``live``.
    """

    class Meta:
        abstract = True


class Theme(ReviewedSnippet):
    """A topic shared by all content (housing, health care, education ...)."""

    name = models.CharField(_("name"), max_length=80, blank=True)  # in one language: clean()
    slug = models.SlugField(
        _("slug"),
        unique=True,
        max_length=80,
        help_text=_("Short English identifier used in filter addresses, e.g. 'health-care'."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("One or two sentences explaining what the theme covers."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["slug"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        require_one_language(self, "name")


class Partner(ReviewedSnippet):
    """An organisation that implements or funds the project, shown on the home page."""

    class Role(models.TextChoices):
        IMPLEMENTING = "implementing", _("Implementing partner")
        FUNDING = "funding", _("Funder")

    name = models.CharField(_("name"), max_length=200, blank=True)  # in one language: clean()
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("What this organisation brings to the project, in one sentence."),
    )
    website = models.URLField(_("website"), blank=True)
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Partners with lower numbers are shown first.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("acronym"),
        FieldPanel("role"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "acronym"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.acronym or self.name

    def clean(self):
        super().clean()
        require_one_language(self, "name")


class Publication(index.Indexed, ReviewedSnippet, ClusterableModel):
    """A publication with one downloadable file per language where one exists.

    Profiles, priority documents, toolkits and meeting documents all point at a
    publication, so every download on the site is modelled and shown the same way.
    """

    class Kind(models.TextChoices):
        MIGRATION_PROFILE = "migration_profile", _("City migration profile")
        PRIORITY_DOCUMENT = "priority_document", _("City priority document")
        BACKGROUND_DOCUMENT = "background_document", _("Background document")
        MEETING_REPORT = "meeting_report", _("Meeting report")
        TOOLKIT = "toolkit", _("Toolkit")
        REPORT = "report", _("Report or study")

    title = models.CharField(_("title"), max_length=255, blank=True)  # in one language: clean()
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(
        _("year of publication"), null=True, blank=True, help_text=_("Leave empty if unknown.")
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("year")]),
        InlinePanel(
            "files",
            heading=_("Files"),
            label=_("File"),
            help_text=_(
                "Add one file per language in which the publication exists. "
                "Visitors see the file in their own language first. Who may download a "
                "file depends on the collection its document is kept in: only documents "
                "in the Public collection can be downloaded by every visitor."
            ),
        ),
    ]
    # Every language's title, so editors find a publication whatever language they type in.
    search_fields = [
        *(index.SearchField(f"title_{code}") for code in LANGUAGE_CODES),
        *(index.AutocompleteField(f"title_{code}") for code in LANGUAGE_CODES),
        index.FilterField("kind"),
        index.FilterField("year"),
    ]

    class Meta:
        # Newest first, undated last on every database (PostgreSQL puts NULLs first in a
        # descending order, which hid new publications on the chooser's later pages).
        ordering = [models.F("year").desc(nulls_last=True), "title"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        require_one_language(self, "title")

    def _file_list(self):
        if "_files" not in self.__dict__:
            self.__dict__["_files"] = list(with_privacy(self.files.select_related("document")))
        return self.__dict__["_files"]

    @property
    def partners_only(self):
        """True when a file of the publication is not open to every visitor.

        Derived from where the documents are kept (their collections), never stored:
        the publication cannot make a file public or private.
        """
        return any(not file.is_public for file in self._file_list())

    def files_for_reader(self, language=None):
        """The files, the reader's language first, then the others in site order."""
        language = language or current_language()
        files = self._file_list()
        return sorted(
            files,
            key=lambda f: (f.language != language, LANGUAGE_CODES.index(f.language)),
        )

    def has_file_in(self, language=None):
        language = language or current_language()
        return any(f.language == language for f in self._file_list())


def attach_files(publications):
    """Load the files (and documents) of many publications in one query.

    ``files_for_reader`` and ``has_file_in`` then read them without further queries.
    """
    publications = [pub for pub in publications if pub is not None]
    by_id = {}
    for publication in publications:
        by_id.setdefault(publication.pk, []).append(publication)
    files = {}
    files_of_all = with_privacy(
        PublicationFile.objects.filter(publication_id__in=by_id).select_related("document")
    )
    for file in files_of_all:
        files.setdefault(file.publication_id, []).append(file)
    for pk, same in by_id.items():
        for publication in same:
            publication.__dict__["_files"] = files.get(pk, [])
    return publications


# What follows "Download" on a file's link: "Télécharger en arabe", "تنزيل بالعربية". French
# and Arabic need a preposition before the language's name, so each is a phrase of its own.
IN_LANGUAGE = {
    "ar": _("in Arabic"),
    "fr": _("in French"),
    "en": _("in English"),
}


class PublicationFile(Orderable):
    publication = ParentalKey(Publication, related_name="files", on_delete=models.CASCADE)
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=settings.LANGUAGES,
        help_text=_("The language the file is written in."),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [FieldPanel("language"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "language"], name="one_file_per_language"
            )
        ]
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def __str__(self):
        return f"{self.publication} ({self.language})"

    @property
    def in_language(self):
        return IN_LANGUAGE[self.language]

    @property
    def file_format(self):
        return self.document.file_extension.upper()

    @property
    def file_size(self):
        return self.document.get_file_size()

    @property
    def download_name(self):
        return self.document.filename

    @property
    def is_public(self):
        """Anyone may download the file (read from ``with_privacy``'s annotation if there)."""
        if not hasattr(self, "public_download"):
            self.public_download = public_documents(
                type(self.document).objects.filter(pk=self.document_id)
            ).exists()
        return self.public_download


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    contact_email = models.EmailField(
        _("contact e-mail"),
        default="MC2CM@city-to-city.org",
        help_text=_("Shown in the footer and on the home page for visitors' questions."),
    )

    panels = [FieldPanel("contact_email")]

    class Meta:
        verbose_name = _("portal settings")


def _restricted(restrictions, field, path):
    """Is any restriction on the node at ``path`` or an ancestor (a path prefix of it)?"""
    return Exists(
        restrictions.objects.annotate(length=Length(f"{field}__path")).filter(
            **{f"{field}__path": Substr(OuterRef(path), 1, F("length"))}
        )
    )


def visible_page(prefix=""):
    """Condition: the page (reached through ``prefix``, e.g. ``"page__"``) is live and no view
    restriction (group, login or password) applies to it or any of its ancestors."""
    return Q(**{f"{prefix}live": True}) & ~_restricted(PageViewRestriction, "page", f"{prefix}path")


def visible(pages):
    """Live pages no view restriction applies to, in the same query.

    Wagtail's ``.public()`` first loads every restriction in a separate query, each time it
    is called; this asks the same question as a subquery: is any restricted page an
    ancestor (a path prefix) of this one?
    """
    return pages.filter(visible_page())


def without_long_text(pages, *related):
    """``pages`` without their long text (body, portrait, agenda … in every language) nor
    Wagtail's editing bookkeeping; ``related`` names pages joined with ``select_related``
    (``"host_city"``) to trim the same way.

    Lists and cards show titles, addresses, dates and short summaries, never another page's
    body, SEO fields, slugs, revisions or locks: loading those columns (four copies of each
    translated one) and building the SQL and model instances for them was most of the
    time a page with related lists spent, far more than the database's own work.
    """
    deferred = [
        f"{prefix}{name}"
        for prefix, model in [("", pages.model)]
        + [(f"{name}__", pages.model._meta.get_field(name).related_model) for name in related]
        for name in _list_free_columns(model)
    ]
    return pages.defer(*deferred)


# Columns of Wagtail's page table that no list or card reads: the address comes from
# ``url_path``, the title from ``title``, the kind from ``content_type``. (Reading one
# anyway would cost a query per page: the query budgets' growth test would show it.)
PAGE_EDITING_COLUMNS = (
    "translation_key",
    "locale_id",
    "latest_revision_id",
    "has_unpublished_changes",
    "last_published_at",
    "live_revision_id",
    "go_live_at",
    "expire_at",
    "expired",
    "locked",
    "locked_at",
    "locked_by_id",
    "draft_title",
    "owner_id",
    "latest_revision_created_at",
    "alias_of_id",
    "show_in_menus",
)
PAGE_UNLISTED_TRANSLATED = ("slug", "seo_title", "search_description")


@functools.cache
def _list_free_columns(model):
    unlisted = {
        f"{name}_{code}" for name in PAGE_UNLISTED_TRANSLATED for code in LANGUAGE_CODES
    } | set(PAGE_UNLISTED_TRANSLATED)
    return [
        field.attname
        for field in model._meta.concrete_fields
        if isinstance(field, (StreamField, RichTextField))
        or (
            field.model is Page
            and (field.attname in PAGE_EDITING_COLUMNS or field.attname in unlisted)
        )
    ]


def public_document(prefix=""):
    """Condition: anyone may download the document (reached through ``prefix``, e.g.
    ``"document__"``).

    Privacy is where a document is kept: it must be in a collection below the root (new
    uploads land in the private Partners collection, see access.py) on which, and on whose
    ancestors, there is no view restriction. Wagtail's document view applies the same
    restrictions to every download.
    """
    return Q(**{f"{prefix}collection__depth__gt": 1}) & ~_restricted(
        CollectionViewRestriction, "collection", f"{prefix}collection__path"
    )


def public_documents(documents):
    return documents.filter(public_document())


def with_privacy(files):
    """Publication files, each knowing in the same query whether anyone may download it."""
    return files.annotate(
        public_download=ExpressionWrapper(
            public_document("document__"), output_field=BooleanField()
        )
    )
