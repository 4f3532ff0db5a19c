"""Content shared across the site: themes, partners, publications and site settings."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, PublishingPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from mc2cm_portal.languages import DEFAULT_LANGUAGE, IN_LANGUAGE, LANGUAGE_CODES, current_language
from mc2cm_portal.queries import public_documents, with_privacy

# Fields that must be given in at least one language, not in each: the others fall back
# (MODELTRANSLATION_FALLBACK_LANGUAGES), so Arabic-only or French-only content can be saved.
ONE_LANGUAGE_ENOUGH = ("title", "name", "slug")


def require_one_language(instance, *field_names):
    """Model ``clean``: refuse any of ``field_names`` empty in every language.

    Those fields are ``blank=True`` on the model (so no language is required on its own);
    the error is shown on the input in the admin's language.
    """
    language = current_language() if current_language() in LANGUAGE_CODES else DEFAULT_LANGUAGE
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

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        PublishingPanel(),
    ]

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
        PublishingPanel(),
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
        PublishingPanel(),
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
