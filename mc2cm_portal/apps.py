from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "mc2cm_portal"
    verbose_name = _("MC2CM portal")

    def ready(self):
        from . import signals  # noqa: F401 - connects the search index to publishing
        from .models import HomePage

        HomePage.route = HomePage.route_by_url_path
