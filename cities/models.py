"""The partner cities: an index and one page per city with its key figures."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from mc2cm_portal.formats import localized_number
from mc2cm_portal.languages import LANGUAGE_CODES
from mc2cm_portal.listings.collation import collation_key
from mc2cm_portal.listings.filters import (
    ChoiceFilter,
    apply_filters,
    mark_available,
    shown,
    theme_filter,
)
from mc2cm_portal.listings.pagination import keep_listing_query, paginate
from mc2cm_portal.models import IntroMixin, ThemesMixin, TranslatedPageMixin
from mc2cm_portal.models.shared import require_one_language
from mc2cm_portal.queries import attach_files, visible, without_long_text


class Region(models.TextChoices):
    EUROPE = "europe", _("Europe")
    SOUTH_MEDITERRANEAN = "south_mediterranean", _("South Mediterranean")


class CityIndexPage(TranslatedPageMixin, IntroMixin, Page):
    """Lists every partner city. One per site, under the home page."""

    max_count = 1
    parent_page_types = ["mc2cm_portal.HomePage"]
    subpage_types = ["cities.CityPage", "cities.CityComparisonPage"]
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("cities index")

    def comparison_page(self):
        """The page comparing the cities, linked above the list (None until there is one)."""
        return without_long_text(visible(CityComparisonPage.objects.child_of(self))).first()

    # Also the most cities the map beside the list stays legible with.
    per_page = 60

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = [
            ChoiceFilter(
                "region", _("Region"), Region.choices, "region", all_label=_("All regions")
            ),
            theme_filter(),
        ]
        everything = without_long_text(visible(CityPage.objects.child_of(self)))
        mark_available(filters, everything, f"cities:{self.pk}")
        cities = apply_filters(everything, request.GET, filters)
        cities = cities.distinct().order_by("region", "title")
        context["filters"] = shown(filters)
        context["filters_active"] = any(choice_filter.selected for choice_filter in filters)
        keep_listing_query(request, filters)
        # Each card shows its city's first key figure (the headline): one query for all.
        # The template groups the page's cities by region.
        context["items"] = paginate(request, cities.prefetch_related("figures"), self.per_page)
        return context


class CityPage(TranslatedPageMixin, ThemesMixin, Page):
    """A partner city: where it is, since when it takes part, its portrait and key figures.

    The page also lists everything linked to the city elsewhere on the site: its migration
    profile, its priority document, the peer meetings it hosted or joined and its pilot
    projects. Editors link those from the other pages; nothing to add here.
    """

    official_name = models.CharField(
        _("official name"),
        max_length=200,
        blank=True,
        help_text=_("The administration taking part, e.g. 'Greater Amman Municipality'."),
    )
    country = models.CharField(_("country"), max_length=100, blank=True)
    required_in_one_language = ("country",)
    region = models.CharField(_("region"), max_length=30, choices=Region.choices)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Of the city centre, in decimal degrees (north is positive), e.g. 35.78."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Of the city centre, in decimal degrees (east is positive), e.g. -5.80."),
    )
    member_since = models.PositiveSmallIntegerField(
        _("member since"),
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=_("The year the city joined the network."),
    )
    portrait = RichTextField(
        _("portrait"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("A short portrait of the city and its migration story, a paragraph or two."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. A photograph of the city, shown beside the portrait."),
    )
    image_alt = models.CharField(
        _("description of the photograph"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the photograph shows, for people who cannot see it, e.g. 'The port and "
            "the old town seen from the sea'. Needed with a photograph."
        ),
    )

    parent_page_types = ["cities.CityIndexPage"]
    subpage_types = []
    content_panels = [
        *Page.content_panels,
        FieldPanel("official_name"),
        FieldRowPanel([FieldPanel("country"), FieldPanel("region")]),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            heading=_("Location"),
        ),
        FieldPanel("member_since"),
        FieldPanel("portrait"),
        FieldPanel("image"),
        FieldPanel("image_alt"),
        FieldPanel("themes"),
        InlinePanel(
            "figures",
            heading=_("Key figures"),
            label=_("Figure"),
            help_text=_(
                "Only figures with a source and a year. Leave out what is not known. "
                "The first figure is the city's headline on its card in the list of cities."
            ),
        ),
    ]
    search_fields = [
        *TranslatedPageMixin.search_fields,
        index.SearchField("country"),
        index.SearchField("portrait"),
        index.FilterField("region"),
    ]

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")

    def clean(self):
        super().clean()
        # The photograph is content, not decoration: without a description, people who
        # cannot see it miss what it shows. One language is enough (the others fall back).
        described = any(getattr(self, f"image_alt_{code}", "") for code in LANGUAGE_CODES)
        if self.image_id and not described:
            raise ValidationError(
                _("Describe the photograph in at least one language, for people who cannot see it.")
            )

    def related_content(self):
        """Everything about the city published elsewhere in the tree, in a few queries.

        Read by the template inside a kept fragment (see caching/fragments.py), so a repeat
        visit makes none of these queries. The pillars' pages are reached through the names
        their links to the city give them (``related_name``).
        """
        profiles = list(
            without_long_text(visible(self.migration_profiles.all())).select_related("publication")
        )
        priorities = list(
            without_long_text(visible(self.priority_documents.all())).select_related("publication")
        )
        # Hosted and attended meetings in one query, told apart here. Taking part is an
        # EXISTS test: joining the participants (with an OR and a DISTINCT) cost
        # PostgreSQL more to plan than the whole page to render.
        meeting_model = self.hosted_meetings.model
        attended = meeting_model.participating_cities.through.objects.filter(
            peermeetingpage=OuterRef("pk"), citypage=self
        )
        meetings = list(
            without_long_text(visible(meeting_model.objects), "host_city")
            .filter(Q(host_city=self) | Exists(attended))
            .select_related("background_document", "report", "host_city")
            .order_by("-start_date")
        )
        projects = list(
            without_long_text(visible(self.pilot_projects.all()))
            .select_related("publication")
            .order_by("-start_year")
        )
        publications = [page.publication for page in (*profiles, *priorities, *projects)]
        publications += [pub for meeting in meetings for pub in meeting.publications()]
        attach_files(publications)
        return {
            "figures": list(self.figures.all()),
            "migration_profiles": profiles,
            "priority_documents": priorities,
            "meetings_hosted": [m for m in meetings if m.host_city_id == self.pk],
            "meetings_attended": [m for m in meetings if m.host_city_id != self.pk],
            "pilot_projects": projects,
        }


def city_link(related_name, help_text):
    """The field of a pillar page about one partner city, listed on that city's page.

    ``related_name`` is how the city reaches those pages (``city.pilot_projects``), so this
    module needs none of the pillars' models.
    """
    return models.ForeignKey(
        "cities.CityPage",
        verbose_name=_("city"),
        null=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        help_text=help_text,
    )


class Measure(models.TextChoices):
    """What a key figure measures, when the same measure is known for several cities.

    The comparison of the cities puts side by side only figures that measure the same
    thing; a figure without a measure is shown on its city's page alone.
    """

    FOREIGN_SHARE = "foreign_share", _("Foreign residents, share of the population")
    BORN_ABROAD_SHARE = "born_abroad_share", _("Residents born abroad, share of the population")
    POPULATION = "population", _("Population")
    FOREIGN_RESIDENTS = "foreign_residents", _("Foreign residents")


# The unit each measure is counted in: a figure in another unit is not comparable.
MEASURE_UNITS = {
    Measure.FOREIGN_SHARE: "percent",
    Measure.BORN_ABROAD_SHARE: "percent",
    Measure.POPULATION: "people",
    Measure.FOREIGN_RESIDENTS: "people",
}


class CityComparisonPage(TranslatedPageMixin, IntroMixin, Page):
    """The partner cities side by side: one chart and one table per measure.

    Editors write the title and introduction; the figures come from the cities' own key
    figures that say what they measure (the "compared as" choice on each figure), with
    their year and source. A city with no such figure is listed as having none.
    """

    max_count = 1
    parent_page_types = ["cities.CityIndexPage"]
    subpage_types = []
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("comparison of the cities")

    def comparison(self):
        """Per measure, every city in order of its value (cities without one last)."""
        cities = sorted(
            without_long_text(visible(CityPage.objects.sibling_of(self))).prefetch_related(
                models.Prefetch(
                    "figures",
                    queryset=CityFigure.objects.exclude(measure="").order_by("-year", "sort_order"),
                )
            ),
            key=lambda city: collation_key(city.title),
        )
        measures = []
        for measure, label in Measure.choices:
            rows = []
            for city in cities:
                # The most recent figure when a city has several years of the same measure.
                figure = next((f for f in city.figures.all() if f.measure == measure), None)
                rows.append({"city": city, "figure": figure})
            known = [row for row in rows if row["figure"]]
            if not known:
                continue
            top = max(float(row["figure"].value) for row in known) or 1
            for row in known:
                row["length"] = round(100 * float(row["figure"].value) / top, 1)
            known.sort(key=lambda row: row["figure"].value, reverse=True)
            missing = [row for row in rows if not row["figure"]]
            measures.append(
                {
                    "key": measure,
                    "label": label,
                    "unit": MEASURE_UNITS[measure],
                    "rows": known + missing,
                    "known": known,
                    "missing": [row["city"] for row in missing],
                }
            )
        return {"measures": measures}


class CityFigure(Orderable):
    """A key figure of a city, always with its year and source."""

    class Unit(models.TextChoices):
        PEOPLE = "people", _("people")
        PERCENT = "percent", _("per cent")

    class Qualifier(models.TextChoices):
        EXACT = "", _("exactly")
        ABOUT = "about", _("about")
        MORE_THAN = "more_than", _("more than")
        JUST_UNDER = "just_under", _("just under")

    city = ParentalKey(CityPage, related_name="figures", on_delete=models.CASCADE)
    label = models.CharField(
        _("what is counted"),
        max_length=200,
        blank=True,
        help_text=_("E.g. 'Foreign residents' or 'Population of the metropolitan area'."),
    )
    qualifier = models.CharField(
        _("precision"), max_length=20, blank=True, choices=Qualifier.choices, default=""
    )
    value = models.DecimalField(
        _("value"),
        max_digits=14,
        decimal_places=2,
        help_text=_(
            "The number alone, as you write it: 947952 or 947 952, 13.6 or 13,6. Group "
            "thousands with spaces, never with a comma or a point."
        ),
    )
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices)
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    source = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_("E.g. 'General census of population, 2014'."),
    )
    source_url = models.URLField(_("source address"), blank=True)
    measure = models.CharField(
        _("compared as"),
        max_length=30,
        blank=True,
        choices=Measure.choices,
        help_text=_(
            "Choose only when the figure measures exactly this, so that the comparison of the "
            "cities puts like beside like; leave empty otherwise (e.g. immigrants, who are "
            "not all foreign nationals). Per cent measures need a figure in per cent."
        ),
    )

    panels = [
        FieldPanel("label"),
        FieldPanel("measure"),
        FieldRowPanel([FieldPanel("qualifier"), FieldPanel("value"), FieldPanel("unit")]),
        FieldRowPanel([FieldPanel("year"), FieldPanel("source")]),
        FieldPanel("source_url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")

    def __str__(self):
        # As staff typed it, in their language ("873 076" in French), not "873076.00".
        return f"{self.label}: {localized_number(self.value)} ({self.year})"

    def clean(self):
        super().clean()
        # What is counted and where it comes from, in at least one language (the others
        # fall back); the value, unit and year are required as such.
        require_one_language(self, "label", "source")
        if self.measure and self.unit and MEASURE_UNITS[self.measure] != self.unit:
            raise ValidationError(
                {"measure": _("This measure is counted in another unit than the figure's.")}
            )
