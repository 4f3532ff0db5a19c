"""Listing filters that work without JavaScript: plain GET parameters and a submit button.

A value that is not one of the offered choices is ignored, so a mangled or stale address
still shows the whole list rather than an error.
"""

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models.shared import Theme, current_language, visible
from .routing import versioned

# Past this many choices a drop-down list is a chore on a phone and weighs on every page
# of the listing; visitors type the name instead (the network may grow to hundreds).
MAX_SELECT_CHOICES = 60
MAX_TYPED_LENGTH = 100


@dataclass
class ChoiceFilter:
    name: str  # the GET parameter
    label: Any  # translated label shown to visitors
    choices: list  # [(value, label), ...]
    lookup: str | None = None  # queryset lookup taking the selected value
    apply: Any = None  # or a function (queryset, value) -> queryset
    selected: str = field(default="", init=False)
    selected_label: str = field(default="", init=False)
    unmatched: str = field(default="", init=False)  # typed text that named no choice

    @property
    def typed(self):
        """True when the choices are too many for a list: a text field is offered."""
        return len(self.choices) > MAX_SELECT_CHOICES

    def _resolve(self, value):
        """The choice a value stands for: its value, or (typed) its label in any case."""
        labels = {str(choice): str(label) for choice, label in self.choices}
        if value in labels:
            return value, labels[value]
        if self.typed:
            wanted = value.strip().casefold()
            for choice, label in labels.items():
                if label.casefold() == wanted:
                    return choice, label
        return None, None

    def filter(self, queryset, params):
        value = params.get(self.name, "")[:MAX_TYPED_LENGTH]
        choice, label = self._resolve(value)
        if choice is None:
            if self.typed and value.strip():
                self.unmatched = value.strip()
            return queryset
        value = choice
        self.selected, self.selected_label = choice, label
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
    def choices():
        return _by_label((theme.slug, theme.name) for theme in Theme.objects.filter(live=True))

    # The same for every listing page in a language until content changes (routing.py).
    language = current_language()
    return ChoiceFilter(
        "theme", _("Theme"), versioned(f"theme-choices:{language}", choices), lookup
    )


def city_filter(lookup=None, apply=None):
    from cities.models import CityPage  # cities' own listing uses this module too

    def choices():
        titles = [f"title_{code}" for code, _name in settings.LANGUAGES]
        cities = visible(CityPage.objects).only("id", "title", "slug_en", *titles)
        return _by_label((city.slug_en, city.title) for city in cities)

    # The same for every listing page in a language until content changes (routing.py).
    language = current_language()
    return ChoiceFilter(
        "city", _("City"), versioned(f"city-choices:{language}", choices), lookup, apply
    )


def language_filter(lookup):
    from .templatetags.portal_tags import LANGUAGE_NAMES

    choices = [(code, LANGUAGE_NAMES[code]) for code, _name in settings.LANGUAGES]
    return ChoiceFilter("language", _("Language of the document"), choices, lookup)
