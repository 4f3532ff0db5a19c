from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionConfig(AppConfig):
    name = "action"
    verbose_name = _("Action")
