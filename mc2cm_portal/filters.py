"""Listing filters that work without JavaScript: plain GET parameters and a submit button.

A value that is not one of the offered choices is ignored, so a mangled or stale address
still shows the whole list rather than an error.
"""

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models.shared import Theme, visible


@dataclass
class ChoiceFilter:
    name: str  # the GET parameter
    label: Any  # translated label shown to visitors
    choices: list  # [(value, label), ...]
    lookup: str | None = None  # queryset lookup taking the selected value
    apply: Any = None  # or a function (queryset, value) -> queryset
    selected: str = field(default="", init=False)

    def filter(self, queryset, params):
        value = params.get(self.name, "")
        if value not in {str(choice) for choice, _label in self.choices}:
            return queryset
        self.selected = value
        if self.apply:
            return self.apply(queryset, value)
        return queryset.filter(**{self.lookup: value})


def apply_filters(queryset, params, filters):
    for choice_filter in filters:
        queryset = choice_filter.filter(queryset, params)
    return queryset


def _by_label(choices):
    return sorted(choices, key=lambda choice: str(choice[1]))


def theme_filter(lookup="themes__slug"):
    themes = [(theme.slug, theme.name) for theme in Theme.objects.all()]
    return ChoiceFilter("theme", _("Theme"), _by_label(themes), lookup)


def city_filter(lookup=None, apply=None):
    from cities.models import CityPage  # cities' own listing uses this module too

    titles = [f"title_{code}" for code, _name in settings.LANGUAGES]
    cities = visible(CityPage.objects).only("id", "title", "slug_en", *titles)
    choices = _by_label((city.slug_en, city.title) for city in cities)
    return ChoiceFilter("city", _("City"), choices, lookup, apply)


def language_filter(lookup):
    from .templatetags.portal_tags import LANGUAGE_NAMES

    choices = [(code, LANGUAGE_NAMES[code]) for code, _name in settings.LANGUAGES]
    return ChoiceFilter("language", _("Language of the document"), choices, lookup)
