"""Action pillar: pilot projects and city toolkits."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cities.models import city_link
from mc2cm_portal.listings.filters import ChoiceFilter, city_filter, language_filter, theme_filter
from mc2cm_portal.models import (
    BodyMixin,
    PillarPage,
    PublicationMixin,
    SectionIndexPage,
    ThemesMixin,
    TranslatedPageMixin,
)

from .blocks import StepsBlock

YEAR_VALIDATORS = [MinValueValidator(2000), MaxValueValidator(2100)]


class ActionPage(PillarPage):
    """The Action pillar: what the cities did and tools to do the same."""

    subpage_types = ["action.PilotProjectIndexPage", "action.ToolkitIndexPage"]

    class Meta:
        verbose_name = _("Action pillar")


class PilotProjectIndexPage(SectionIndexPage):
    """Lists the pilot projects."""

    parent_page_types = ["action.ActionPage"]
    subpage_types = ["action.PilotProjectPage"]
    listing_related = ("city",)
    listing_order = ("-start_year", "title")

    class Meta:
        verbose_name = _("pilot projects index")

    def listing_filters(self):
        statuses = ChoiceFilter(
            "status",
            _("Status"),
            PilotProjectPage.Status.choices,
            "status",
            all_label=_("All statuses"),
        )
        return [city_filter("city__slug_en"), statuses, theme_filter()]


class PilotProjectPage(TranslatedPageMixin, ThemesMixin, BodyMixin, PublicationMixin, Page):
    """A pilot project run by a partner city: aims, partners, period, status and results."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("Ongoing")
        COMPLETED = "completed", _("Completed")

    city = city_link(
        "pilot_projects", _("The city that runs the project. It is listed on that city's page.")
    )
    partners = models.TextField(
        _("partners"), blank=True, help_text=_("Organisations working with the city, one per line.")
    )
    start_year = models.PositiveSmallIntegerField(_("start year"), validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(
        _("end year"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Leave empty while the end is not known."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("The project in two or three sentences.")
    )
    required_in_one_language = ("summary",)
    aims = RichTextField(
        _("aims"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("What the project sets out to change."),
    )
    results = RichTextField(
        _("results"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("What it achieved so far. Leave empty until results are known."),
    )
    parent_page_types = ["action.PilotProjectIndexPage"]
    subpage_types = []
    content_panels = [
        *Page.content_panels,
        FieldPanel("city"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
                FieldPanel("status"),
            ],
            heading=_("Period and status"),
        ),
        FieldPanel("summary"),
        FieldPanel("partners"),
        FieldPanel("aims"),
        FieldPanel("results"),
        FieldPanel("themes"),
        FieldPanel("publication"),
        FieldPanel("body"),
    ]
    search_fields = [
        *TranslatedPageMixin.search_fields,
        index.SearchField("summary"),
        index.SearchField("aims"),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("pilot project")
        verbose_name_plural = _("pilot projects")

    def clean(self):
        super().clean()
        if self.end_year and self.start_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The end year cannot be before the start year.")})


class ToolkitIndexPage(SectionIndexPage):
    """The toolkit library."""

    parent_page_types = ["action.ActionPage"]
    subpage_types = ["action.ToolkitPage"]

    class Meta:
        verbose_name = _("toolkit library")

    def listing_filters(self):
        return [theme_filter(), language_filter("publication__files__language")]


class ToolkitPage(TranslatedPageMixin, ThemesMixin, PublicationMixin, Page):
    """A city toolkit: step-by-step guidance for integrating migration into city planning."""

    is_example = models.BooleanField(
        _("example toolkit"),
        default=False,
        help_text=_("Tick for a demonstration toolkit; visitors see it labelled as an example."),
    )
    audience = models.CharField(
        _("audience"),
        max_length=255,
        blank=True,
        help_text=_("Who the toolkit is for, e.g. 'City planners'."),
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("What the toolkit helps to do.")
    )
    required_in_one_language = ("audience", "summary")
    steps = StreamField(
        StepsBlock(),
        verbose_name=_("steps"),
        blank=True,
        help_text=_("The steps in the order a city would take them."),
    )
    cities = ParentalManyToManyField(
        "cities.CityPage",
        verbose_name=_("cities"),
        blank=True,
        related_name="toolkits",
        help_text=_("Cities whose experience the toolkit draws on, if any."),
    )

    parent_page_types = ["action.ToolkitIndexPage"]
    subpage_types = []
    content_panels = [
        *Page.content_panels,
        FieldPanel("is_example"),
        FieldPanel("audience"),
        FieldPanel("summary"),
        FieldPanel("themes"),
        FieldPanel("cities"),
        FieldPanel("publication"),
        FieldPanel("steps"),
    ]
    search_fields = [*TranslatedPageMixin.search_fields, index.SearchField("summary")]

    class Meta:
        verbose_name = _("toolkit")
        verbose_name_plural = _("toolkits")
