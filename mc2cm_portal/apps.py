from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "mc2cm_portal"
    verbose_name = _("MC2CM portal")

    def ready(self):
        from wagtail.models import Page

        from . import signals  # noqa: F401 - connects the search index to publishing
        from .models import HomePage
        from .routing import view_restrictions

        HomePage.route = HomePage.route_by_url_path
        # Checked on every page served; one query instead of Wagtail's two.
        Page.get_view_restrictions = view_restrictions
