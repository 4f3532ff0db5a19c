"""Knowledge pillar: city migration profiles and city priority documents."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from cities.models import city_link
from mc2cm_portal.listings.filters import city_filter, theme_filter
from mc2cm_portal.models import (
    BodyMixin,
    PillarPage,
    PublicationMixin,
    SectionIndexPage,
    ThemesMixin,
    TranslatedPageMixin,
)

# The help on a city link of either kind of document.
ABOUT_THE_CITY = _("The city this document is about. It is listed on that city's page.")


class KnowledgePage(PillarPage):
    """The Knowledge pillar: what the project learnt about each city."""

    subpage_types = ["knowledge.MigrationProfileIndexPage", "knowledge.PriorityDocumentIndexPage"]

    class Meta:
        verbose_name = _("Knowledge pillar")


class MigrationProfileIndexPage(SectionIndexPage):
    """Lists the city migration profiles."""

    parent_page_types = ["knowledge.KnowledgePage"]
    subpage_types = ["knowledge.MigrationProfilePage"]
    listing_related = ("city",)

    class Meta:
        verbose_name = _("migration profiles index")

    def listing_filters(self):
        return [city_filter("city__slug_en"), theme_filter()]


class CityPublicationPage(TranslatedPageMixin, ThemesMixin, BodyMixin, PublicationMixin, Page):
    """A publication about one city, with a summary, a body and the files to download.

    Each kind names its link to the city (``city_link``), so a city page finds its profiles
    and priority documents by name.
    """

    summary = models.TextField(
        _("summary"), blank=True, help_text=_("What the document covers, in a short paragraph.")
    )

    required_in_one_language = ("summary",)
    subpage_types = []
    content_panels = [
        *Page.content_panels,
        FieldPanel("city"),
        FieldPanel("summary"),
        FieldPanel("publication"),
        FieldPanel("themes"),
        FieldPanel("body"),
    ]
    search_fields = [
        *TranslatedPageMixin.search_fields,
        index.SearchField("summary"),
        index.FilterField("city"),
    ]

    class Meta:
        abstract = True


class MigrationProfilePage(CityPublicationPage):
    """A city migration profile: experts' analysis of migration in one city."""

    city = city_link("migration_profiles", ABOUT_THE_CITY)

    parent_page_types = ["knowledge.MigrationProfileIndexPage"]

    class Meta:
        verbose_name = _("city migration profile")


class PriorityDocumentIndexPage(SectionIndexPage):
    """Lists the city priority documents."""

    parent_page_types = ["knowledge.KnowledgePage"]
    subpage_types = ["knowledge.PriorityDocumentPage"]
    listing_related = ("city",)

    class Meta:
        verbose_name = _("priority documents index")

    def listing_filters(self):
        return [city_filter("city__slug_en"), theme_filter()]


class PriorityDocumentPage(CityPublicationPage):
    """A city priority document: the areas a city chose to act on, and its measures."""

    city = city_link("priority_documents", ABOUT_THE_CITY)

    priority_areas = models.TextField(
        _("priority areas"),
        blank=True,
        help_text=_("The areas the city chose, one per line."),
    )

    parent_page_types = ["knowledge.PriorityDocumentIndexPage"]
    content_panels = [
        *CityPublicationPage.content_panels[:3],
        FieldPanel("priority_areas"),
        *CityPublicationPage.content_panels[3:],
    ]

    class Meta:
        verbose_name = _("city priority document")
