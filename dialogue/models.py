"""Dialogue pillar: peer-to-peer meetings and the city network."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cities.models import CityPage
from dialogue.blocks import AgendaBlock
from mc2cm_portal.listings.filters import city_filter, theme_filter
from mc2cm_portal.listings.pagination import keep_listing_query, paginate
from mc2cm_portal.models import (
    BodyMixin,
    IntroMixin,
    PillarPage,
    SectionIndexPage,
    ThemesMixin,
    TranslatedPageMixin,
)
from mc2cm_portal.queries import visible, without_long_text


def meetings_with_city(meetings, slug):
    """Meetings a city hosted or joined; an EXISTS test, so no page is listed twice."""
    joined = PeerMeetingPage.participating_cities.through.objects.filter(
        peermeetingpage=OuterRef("pk"), citypage__slug_en=slug
    )
    return meetings.filter(Q(host_city__slug_en=slug) | Exists(joined))


class DialoguePage(PillarPage):
    """The Dialogue pillar: cities meeting and learning from each other."""

    subpage_types = ["dialogue.PeerMeetingIndexPage", "dialogue.CityNetworkPage"]

    class Meta:
        verbose_name = _("Dialogue pillar")


class PeerMeetingIndexPage(SectionIndexPage):
    """Lists the peer-to-peer meetings, newest first."""

    parent_page_types = ["dialogue.DialoguePage"]
    subpage_types = ["dialogue.PeerMeetingPage"]
    listing_related = ("host_city",)
    listing_order = ("-start_date",)

    class Meta:
        verbose_name = _("peer meetings index")

    def listing_filters(self):
        return [
            theme_filter(),
            city_filter(
                apply=meetings_with_city,
                value_lookups=("host_city__slug_en", "participating_cities__slug_en"),
            ),
        ]

    # Upcoming meetings apart from the past ones.
    listing_template = "dialogue/peer_meeting_index_page.html"

    def listing(self, children, request):
        """Upcoming meetings first, soonest first; then the past ones, a page at a time."""
        today = timezone.localdate()
        upcoming = Q(start_date__gte=today) | Q(end_date__gte=today)
        context = super().listing(children.exclude(upcoming), request)
        context["upcoming"] = children.filter(upcoming).order_by("start_date")
        return context


class PeerMeetingPage(TranslatedPageMixin, ThemesMixin, BodyMixin, Page):
    """A peer-to-peer meeting as a record: when and where, who took part, the agenda, the
    outcomes and the documents (background note, report).

    Editors fill in only what the sources say: an empty agenda or outcome is not shown.
    """

    start_date = models.DateField(_("first day"))
    end_date = models.DateField(
        _("last day"), null=True, blank=True, help_text=_("Leave empty for a one-day meeting.")
    )

    host_city = models.ForeignKey(
        "cities.CityPage",
        verbose_name=_("host city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_meetings",
        help_text=_("Leave empty when the meeting was not hosted by a partner city."),
    )
    venue = models.CharField(
        _("venue"),
        max_length=200,
        blank=True,
        help_text=_("Where it took place, e.g. 'Quito, Ecuador (Habitat III side event)'."),
    )
    participating_cities = ParentalManyToManyField(
        "cities.CityPage",
        verbose_name=_("participating cities"),
        blank=True,
        related_name="attended_meetings",
        help_text=_("Partner cities that took part besides the host. Only those recorded."),
    )
    summary = models.TextField(_("summary"), blank=True, help_text=_("What the meeting was about."))
    required_in_one_language = ("summary",)
    background_document = models.ForeignKey(
        "mc2cm_portal.Publication",
        verbose_name=_("background document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    report = models.ForeignKey(
        "mc2cm_portal.Publication",
        verbose_name=_("report"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    agenda = StreamField(
        AgendaBlock(),
        verbose_name=_("agenda"),
        blank=True,
        help_text=_("The programme, item by item in order. Leave empty if it is not known."),
    )
    outcomes = RichTextField(
        _("outcomes"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_(
            "What the meeting produced or agreed: conclusions, recommendations, next steps. "
            "Leave empty if it is not known."
        ),
    )

    parent_page_types = ["dialogue.PeerMeetingIndexPage"]
    subpage_types = []
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("host_city"),
                FieldPanel("venue"),
                FieldPanel("participating_cities"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("summary"),
        FieldPanel("themes"),
        FieldPanel("agenda"),
        FieldPanel("outcomes"),
        MultiFieldPanel(
            [FieldPanel("background_document"), FieldPanel("report")], heading=_("Documents")
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *TranslatedPageMixin.search_fields,
        index.SearchField("summary"),
        index.SearchField("outcomes"),
    ]

    class Meta:
        verbose_name = _("peer meeting")
        verbose_name_plural = _("peer meetings")

    def clean(self):
        super().clean()
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot be before the first day.")})
        if not self.host_city_id and not self.venue:
            raise ValidationError({"venue": _("Give a venue when no partner city hosted it.")})

    def publications(self):
        return [pub for pub in (self.background_document, self.report) if pub and pub.live]


class CityNetworkPage(TranslatedPageMixin, IntroMixin, BodyMixin, Page):
    """The city network: who it links and the partner cities taking part."""

    per_page = 60

    stakeholders = models.TextField(
        _("who the network links"),
        blank=True,
        help_text=_("Kinds of stakeholders taking part, one per line."),
    )

    max_count = 1
    parent_page_types = ["dialogue.DialoguePage"]
    subpage_types = []
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("stakeholders"),
        FieldPanel("body"),
    ]
    search_fields = [*TranslatedPageMixin.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("city network page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        cities = without_long_text(visible(CityPage.objects)).order_by("member_since", "title")
        keep_listing_query(request, [])
        # "items", as every paginated list: the page's canonical address reads it.
        context["items"] = paginate(request, cities, self.per_page)
        return context
