"""Read-only open data API (Wagtail API v2) at /api/v2/: pages, cities and documents.

Answers in the language asked for with ``?lang=ar|fr|en``, else in the language of the
Accept-Language header, else in English. Only GET (and HEAD/OPTIONS) are routed; any other
method answers 405.
"""

from django.db import DatabaseError, connection
from django.urls import path
from django.utils import translation
from django.utils.cache import patch_vary_headers
from rest_framework import serializers
from rest_framework.fields import Field
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageParentField, PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet

from cities.models import CityFigure, CityPage
from mc2cm_portal.languages import LANGUAGE_CODES
from mc2cm_portal.publishing.addresses import public_url
from mc2cm_portal.queries import public_documents

CONTROL_CHARACTERS = frozenset(map(chr, [*range(32), 127]))


def requested_language(request):
    """``?lang=`` if it names one of our languages, else the browser's, else the default."""
    language = request.GET.get("lang", "")
    if language in LANGUAGE_CODES:
        return language
    return translation.get_language_from_request(request)


# Past this, an offset is no list's: SQLite cannot even hold the number (a 500 before).
MAX_OFFSET = 2**31 - 1


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return False
    return True


class LanguageMixin:
    """Serializes the whole answer (titles, URLs, choice labels) in the requested language.

    Bad parameters answer 400 with a JSON reason (Wagtail's BadRequestError), never a 500
    or a 503: control characters, an offset no list has, a search the search backend
    cannot parse (the database answers, so the query was at fault, not an outage).
    """

    known_query_parameters = frozenset(["lang"])

    def check_query_parameters(self, queryset):
        for name, values in self.request.GET.lists():
            if any(character in CONTROL_CHARACTERS for character in name + "".join(values)):
                raise BadRequestError(f"{name}: control characters are not allowed")
        offset = self.request.GET.get("offset", "0")
        if offset.isdigit() and int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset must be at most {MAX_OFFSET}")
        super().check_query_parameters(queryset)

    def listing_view(self, request):
        try:
            return super().listing_view(request)
        except DatabaseError as error:
            if "search" not in request.GET or not database_answers():
                raise
            raise BadRequestError("search: the query could not be understood") from error

    def dispatch(self, request, *args, **kwargs):
        language = requested_language(request)
        with translation.override(language):
            response = super().dispatch(request, *args, **kwargs)
            # Render while the language is active: DRF renders lazily otherwise.
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
        response["Content-Language"] = language
        patch_vary_headers(response, ("Accept-Language",))
        if response.status_code == 404:
            # LocaleMiddleware answers a 404 outside /ar/, /fr/, /en/ with a redirect to
            # /en/<same path> (the site's catch-all makes every path look valid). An API
            # client must get the JSON 404 instead: judge this request by the API's own URLs,
            # which have no language prefix.
            request.urlconf = __name__
        return response


def page_address(page, request):
    """The page's address in the answer's language, on the public address (as Wagtail's
    detail_url and download_url: WAGTAILAPI_BASE_URL). Wagtail's own html_url would take the
    host of the Site record, which is not the public one behind a proxy."""
    url = page.get_url(request)
    return public_url(url) if url else None


class PageUrlField(Field):
    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return page_address(page, self.context["request"])


class PortalPageParentField(PageParentField):
    """Wagtail's parent field, its address on the public address as well."""

    def to_representation(self, value):
        data = super().to_representation(value)
        data["meta"]["html_url"] = page_address(value, self.context["request"])
        return data


class PortalPageSerializer(PageSerializer):
    html_url = PageUrlField(read_only=True)
    parent = PortalPageParentField(read_only=True)


class CityFigureSerializer(serializers.ModelSerializer):
    value = serializers.DecimalField(
        max_digits=14, decimal_places=2, coerce_to_string=False, normalize_output=True
    )
    qualifier_label = serializers.SerializerMethodField()
    unit_label = serializers.SerializerMethodField()

    class Meta:
        model = CityFigure
        fields = [
            "label",
            "qualifier",
            "qualifier_label",
            "value",
            "unit",
            "unit_label",
            "year",
            "source",
            "source_url",
        ]
        read_only_fields = fields

    def get_qualifier_label(self, figure):
        return str(figure.get_qualifier_display()) if figure.qualifier else ""

    def get_unit_label(self, figure):
        return str(figure.get_unit_display())


class PortalPagesAPIViewSet(LanguageMixin, PagesAPIViewSet):
    base_serializer_class = PortalPageSerializer
    known_query_parameters = (
        PagesAPIViewSet.known_query_parameters | LanguageMixin.known_query_parameters
    )


class CitiesAPIViewSet(LanguageMixin, PagesAPIViewSet):
    """The partner cities with where they are, since when they take part and key figures."""

    name = "cities"
    model = CityPage
    base_serializer_class = PortalPageSerializer
    known_query_parameters = (
        PagesAPIViewSet.known_query_parameters - {"type"}
    ) | LanguageMixin.known_query_parameters
    city_fields = [
        "country",
        "region",
        APIField("region_label", serializers.CharField(source="get_region_display")),
        APIField("latitude", serializers.FloatField()),
        APIField("longitude", serializers.FloatField()),
        "member_since",
        APIField("figures", CityFigureSerializer(many=True, read_only=True)),
    ]
    body_fields = PagesAPIViewSet.body_fields + city_fields
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "country",
        "region",
        "region_label",
        "latitude",
        "longitude",
        "member_since",
        "figures",
    ]

    def get_queryset(self):
        public = self.get_base_queryset().values_list("pk", flat=True)
        return CityPage.objects.filter(pk__in=public).prefetch_related("figures").order_by("path")


class PortalDocumentsAPIViewSet(LanguageMixin, DocumentsAPIViewSet):
    """The documents anyone may download (kept in a public collection), for open data
    re-use; private ones are neither listed nor found by id (see access/documents.py)."""

    known_query_parameters = (
        DocumentsAPIViewSet.known_query_parameters | LanguageMixin.known_query_parameters
    )

    def get_queryset(self):
        # By collection (a filter field of Wagtail's document index), so ``?search=`` works on
        # the result: the search backend refuses conditions on fields it does not index.
        public = public_documents(super().get_queryset()).values_list("collection_id", flat=True)
        return super().get_queryset().filter(collection_id__in=set(public))


api_router = WagtailAPIRouter("wagtailapi")
# Cities first: the router links each object to the first endpoint whose model it is, so
# a city's detail_url (also in the pages listing) leads to the richer cities endpoint.
api_router.register_endpoint("cities", CitiesAPIViewSet)
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("documents", PortalDocumentsAPIViewSet)

# Used only by LanguageMixin for its 404 answers (the site's URLs include the router too).
urlpatterns = [path("api/v2/", api_router.urls)]
