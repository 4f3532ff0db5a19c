"""Page bases shared by the pillars, cross-cutting mixins and the home page."""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Window
from django.utils import translation
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from mc2cm_portal.languages import LANGUAGE_CODES, current_language
from mc2cm_portal.listings.filters import apply_filters, mark_available, shown
from mc2cm_portal.listings.pagination import keep_listing_query, paginate
from mc2cm_portal.queries import visible, without_long_text

from ..blocks import BodyBlock
from .shared import Theme, require_one_language


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


class PublicationMixin(models.Model):
    """The publication a page presents: its files, one per language, offered for download.

    Pillar pages about a document (a city's profile, a pilot project's report, a toolkit)
    point at one publication rather than holding files; the page and its file are one
    search result (search/indexing.py).
    """

    publication = models.ForeignKey(
        "mc2cm_portal.Publication",
        verbose_name=_("files to download"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The publication holding the document in each language it exists in."),
    )

    class Meta:
        abstract = True


class TranslatedPageMixin:
    """A page in three languages, listed before ``Page`` on every page type.

    Moderators preview it in each language, whatever the admin's own (one Wagtail preview
    mode per language); staff find it in the admin by its title in any language (the
    admin's page search autocompletes, and wagtail-modeltranslation adds only the
    per-language search fields, not the autocomplete ones).
    """

    search_fields = [
        *Page.search_fields,
        *(index.AutocompleteField(f"title_{code}") for code in LANGUAGE_CODES),
    ]
    # Translated fields the page needs in at least one language (they are blank=True on the
    # model: an Arabic-only or French-only page is saved, the others fall back).
    required_in_one_language = ()

    def clean(self):
        super().clean()
        require_one_language(self, "title", *self.required_in_one_language)

    def get_admin_display_title(self):
        """The page's name in the admin's listings, headers and histories, in the language
        of whoever is looking (Wagtail's documented place for this).

        Wagtail shows ``draft_title``, one column that each save writes in the saver's
        language: once a moderator working in Arabic publishes, colleagues working in
        French would see the page in Arabic everywhere in their admin. So the page's title
        in the current language is shown (with the fallback of the other languages),
        unless a draft renames the page: a draft title that is none of the page's titles
        is that pending change, shown as Wagtail shows it until it is published.
        """
        titles = {getattr(self, f"title_{code}", None) for code in LANGUAGE_CODES}
        if self.draft_title and self.draft_title not in titles:
            return self.draft_title
        return self.title or self.draft_title

    @property
    def preview_modes(self):
        return [(code, get_language_info(code)["name_translated"]) for code in LANGUAGE_CODES]

    @property
    def default_preview_mode(self):
        language = current_language()
        return language if language in LANGUAGE_CODES else LANGUAGE_CODES[0]

    def serve_preview(self, request, mode_name):
        language = mode_name if mode_name in LANGUAGE_CODES else self.default_preview_mode
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = super().serve_preview(request, mode_name)
            # A TemplateResponse renders after this returns: render it in the language.
            if hasattr(response, "render"):
                response.render()
        return response


# --- Page bases ------------------------------------------------------------------------------


class PillarPage(TranslatedPageMixin, IntroMixin, BodyMixin, Page):
    """Base for the three pillars (Dialogue, Knowledge, Action): one each, under the home page."""

    max_count = 1
    parent_page_types = ["mc2cm_portal.HomePage"]
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*TranslatedPageMixin.search_fields, index.SearchField("intro")]

    class Meta:
        abstract = True

    def sections(self):
        return visible(self.get_children()).specific()

    def get_template(self, request, *args, **kwargs):
        # One template for the three pillars (Wagtail would look for one per page type).
        return "mc2cm_portal/pillar_page.html"


class SectionIndexPage(TranslatedPageMixin, IntroMixin, Page):
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
    search_fields = [*TranslatedPageMixin.search_fields, index.SearchField("intro")]

    class Meta:
        abstract = True

    # One template for the section lists (Wagtail would look for one per page type).
    listing_template = "mc2cm_portal/section_index_page.html"

    def listing_filters(self):
        """The filters offered above the list; none by default."""
        return []

    def get_template(self, request, *args, **kwargs):
        return self.listing_template

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        (model,) = self.allowed_subpage_models()
        filters = self.listing_filters()
        everything = without_long_text(visible(model.objects.child_of(self)))
        mark_available(filters, everything, f"section:{self.pk}")
        children = apply_filters(everything, request.GET, filters)
        if any(choice_filter.selected for choice_filter in filters):
            children = children.distinct()  # many-to-many filters may repeat a page
        children = children.select_related(*self.listing_related).order_by(*self.listing_order)
        context["filters"] = shown(filters)
        context["filters_active"] = any(choice_filter.selected for choice_filter in filters)
        keep_listing_query(request, filters)
        context.update(self.listing(children, request))
        return context

    def listing(self, children, request):
        """The context entries of the list: a page of children (read when it is shown)."""
        # get_page() turns a missing, non-numeric or out-of-range ?page= into a valid page.
        return {"items": paginate(request, children, self.per_page)}


class HomePage(TranslatedPageMixin, Page):
    """The portal's home: the project's why, what and how, its pillars and its ten cities."""

    tagline = models.CharField(
        _("tagline"),
        max_length=150,
        blank=True,
        help_text=_("E.g. 'Dialogue, Knowledge and Action'."),
    )
    why = models.TextField(
        _("why"), blank=True, help_text=_("Why the project exists, in a short paragraph.")
    )
    what = models.TextField(_("what"), blank=True, help_text=_("What the project aims to achieve."))
    how = models.TextField(
        _("how"), blank=True, help_text=_("How it works, through its three pillars.")
    )
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

    required_in_one_language = ("tagline", "why", "what", "how")
    cities_on_map = 40

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cities.CityIndexPage",
        "dialogue.DialoguePage",
        "knowledge.KnowledgePage",
        "action.ActionPage",
        "mc2cm_portal.InformationPage",
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
    search_fields = [
        *TranslatedPageMixin.search_fields,
        index.SearchField("why"),
        index.SearchField("what"),
    ]

    class Meta:
        verbose_name = _("home page")

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The end year cannot be before the start year.")})

    latest_count = 6

    def overview(self):
        """The pillars, the map of the longest-standing members and the newest content.

        Read by the template inside a kept fragment, so a repeat visit makes none of these
        queries.
        """
        # The pillars' apps build on this one: their models are named, not imported.
        city_index_model = apps.get_model("cities", "CityIndexPage")
        city_model = apps.get_model("cities", "CityPage")
        latest_types = [
            apps.get_model(name)
            for name in (
                "dialogue.PeerMeetingPage",
                "knowledge.MigrationProfilePage",
                "knowledge.PriorityDocumentPage",
                "action.ToolkitPage",
            )
        ]

        # Pillar cards show a title and an introduction, never a body.
        children = visible(self.get_children().not_type(InformationPage)).defer_streamfields()
        children = children.specific()
        # The map stays readable and the page light however large the network grows: the
        # longest-standing members are shown, and the heading links to the full list.
        # A window count gives the total in the same query as the cities shown.
        shown = list(
            without_long_text(visible(city_model.objects))
            .annotate(total=Window(Count("pk")))
            .order_by("member_since", "title")[: self.cities_on_map]
        )
        # The newest meetings and documents on the portal, as plain pages: one query, and
        # the site never looks frozen.
        latest = list(
            without_long_text(visible(Page.objects.type(*latest_types))).order_by(
                F("first_published_at").desc(nulls_last=True), "-pk"
            )[: self.latest_count]
        )
        return {
            "pillars": [page for page in children if isinstance(page, PillarPage)],
            "city_index": next(
                (page for page in children if isinstance(page, city_index_model)), None
            ),
            "city_count": shown[0].total if shown else 0,
            "cities": sorted(shown, key=lambda city: str(city.title)),
            "latest": latest,
        }


class InformationPage(TranslatedPageMixin, IntroMixin, BodyMixin, Page):  # noqa: DJ008 (Page.__str__: the title)
    """A page about the portal itself: contact, privacy, legal notice, accessibility statement.

    Editors get a title, a short introduction and the shared body; every information page
    under the home page is linked from the footer of every page, in tree order.
    """

    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_(
            "When the text was last checked, shown under it. For the accessibility statement "
            "this is the statement's preparation or review date."
        ),
    )

    parent_page_types = ["mc2cm_portal.HomePage"]
    subpage_types = []
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("last_reviewed"),
    ]
    search_fields = [
        *TranslatedPageMixin.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")
