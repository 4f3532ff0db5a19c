"""Site-wide models: the home page, shared page bases, themes, partners and publications."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import BodyBlock

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def current_language():
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


class Theme(models.Model):
    """A topic shared by all content (housing, health care, education ...)."""

    name = models.CharField(_("name"), max_length=80)
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


class Partner(models.Model):
    """An organisation that implements or funds the project, shown on the home page."""

    class Role(models.TextChoices):
        IMPLEMENTING = "implementing", _("Implementing partner")
        FUNDING = "funding", _("Funder")

    name = models.CharField(_("name"), max_length=200)
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


class Publication(index.Indexed, ClusterableModel):
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

    title = models.CharField(_("title"), max_length=255)
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
                "Visitors see the file in their own language first."
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
        ordering = ["-year", "title"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def __str__(self):
        return self.title

    def files_for_reader(self, language=None):
        """The files, the reader's language first, then the others in site order."""
        language = language or current_language()
        files = list(self.files.all())
        return sorted(
            files,
            key=lambda f: (f.language != language, LANGUAGE_CODES.index(f.language)),
        )

    def has_file_in(self, language=None):
        language = language or current_language()
        return any(f.language == language for f in self.files.all())


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
    def file_format(self):
        return self.document.file_extension.upper()

    @property
    def file_size(self):
        return self.document.get_file_size()

    @property
    def download_name(self):
        return self.document.filename


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


# --- Cross-cutting mixins ------------------------------------------------------------------


class ThemesMixin(models.Model):
    """Tags the page with themes from the shared taxonomy."""

    themes = ParentalManyToManyField(
        Theme,
        verbose_name=_("themes"),
        blank=True,
        related_name="+",
        help_text=_("The themes this content is about; visitors can filter by them."),
    )

    class Meta:
        abstract = True


class IntroMixin(models.Model):
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Two or three sentences shown at the top of the page and in listings."),
    )

    class Meta:
        abstract = True


class BodyMixin(models.Model):
    body = StreamField(
        BodyBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("The main text: headings, paragraphs, images and quotations."),
    )

    class Meta:
        abstract = True


# --- Page bases ------------------------------------------------------------------------------


class PillarPage(IntroMixin, BodyMixin, Page):
    """Base for the three pillars (Dialogue, Knowledge, Action): one each, under the home page."""

    max_count = 1
    parent_page_types = ["mc2cm_portal.HomePage"]
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        abstract = True

    def sections(self):
        return self.get_children().live().public().specific()


class SectionIndexPage(IntroMixin, Page):
    """Base for the section pages of a pillar, which list their children a page at a time.

    Each section allows exactly one child type; ``listing_related`` and ``listing_order``
    say how to fetch and sort those children.
    """

    listing_related = ()
    listing_order = ("title",)
    per_page = 24

    key_points = models.TextField(
        _("key points"),
        blank=True,
        help_text=_("Short phrases summing up the section, one per line."),
    )
    max_count = 1
    subpage_types = []
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("key_points")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        (model,) = self.allowed_subpage_models()
        children = (
            model.objects.child_of(self)
            .live()
            .public()
            .select_related(*self.listing_related)
            .order_by(*self.listing_order)
        )
        # get_page() turns a missing, non-numeric or out-of-range ?page= into a valid page.
        context["items"] = Paginator(children, self.per_page).get_page(request.GET.get("page"))
        return context


class HomePage(Page):
    """The portal's home: the project's why, what and how, its pillars and its ten cities."""

    tagline = models.CharField(
        _("tagline"), max_length=150, help_text=_("E.g. 'Dialogue, Knowledge and Action'.")
    )
    why = models.TextField(_("why"), help_text=_("Why the project exists, in a short paragraph."))
    what = models.TextField(_("what"), help_text=_("What the project aims to achieve."))
    how = models.TextField(_("how"), help_text=_("How it works, through its three pillars."))
    network = models.TextField(
        _("the network"), blank=True, help_text=_("Who the partner cities are, in one paragraph.")
    )
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("end year"), null=True, blank=True)
    duration_note = models.CharField(
        _("note on the duration"),
        max_length=255,
        blank=True,
        help_text=_("E.g. that a second phase followed. Leave empty if there is nothing to add."),
    )

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cities.CityIndexPage",
        "dialogue.DialoguePage",
        "knowledge.KnowledgePage",
        "action.ActionPage",
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("tagline"),
        MultiFieldPanel(
            [FieldPanel("why"), FieldPanel("what"), FieldPanel("how"), FieldPanel("network")],
            heading=_("About the project"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
                FieldPanel("duration_note"),
            ],
            heading=_("Duration"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("why"), index.SearchField("what")]

    class Meta:
        verbose_name = _("home page")

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The end year cannot be before the start year.")})

    def get_context(self, request, *args, **kwargs):
        from cities.models import CityIndexPage, CityPage

        context = super().get_context(request, *args, **kwargs)
        children = self.get_children().live().public().specific()
        context["pillars"] = [page for page in children if isinstance(page, PillarPage)]
        context["city_index"] = next(
            (page for page in children if isinstance(page, CityIndexPage)), None
        )
        context["cities"] = CityPage.objects.live().public().order_by("title")
        context["partners"] = Partner.objects.all()
        return context
