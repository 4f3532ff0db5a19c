"""Admin set-up: the shared snippets, grouped in one menu for editors."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Partner, Publication, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "slug"]
    search_fields = ["name_en", "name_fr", "name_ar", "slug"]


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Partners")
    list_display = ["name", "acronym", "role", "sort_order"]
    list_filter = ["role"]


class PublicationViewSet(SnippetViewSet):
    model = Publication
    icon = "doc-full"
    menu_label = _("Publications")
    list_display = ["title", "kind", "year"]
    list_filter = ["kind", "year"]


class PortalSnippetGroup(SnippetViewSetGroup):
    menu_label = _("Portal content")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (PublicationViewSet, ThemeViewSet, PartnerViewSet)


register_snippet(PortalSnippetGroup)
