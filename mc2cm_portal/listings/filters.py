"""Listing filters that work without JavaScript: plain GET parameters and a submit button.

A value that is not one of the offered choices is ignored, so a mangled or stale address
still shows the whole list rather than an error.
"""

from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db.models import CharField, F, Value
from django.db.models.functions import Concat
from django.utils.translation import gettext_lazy as _

from mc2cm_portal.caching.versioned import versioned
from mc2cm_portal.languages import LANGUAGE_CODES, LANGUAGE_NAMES, current_language
from mc2cm_portal.queries import visible

from .collation import collation_key

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
    # The first option, which selects nothing: "All themes", "All cities"... named, so
    # that languages with genders agree ("Tous les thèmes", "Toutes les villes").
    all_label: Any = _("All")
    # Lookups whose values in the list are the values with results (``lookup`` when empty).
    value_lookups: tuple = ()
    available: Any = field(default=None, init=False)  # values with results; None: unknown
    selected: str = field(default="", init=False)
    selected_label: str = field(default="", init=False)
    unmatched: str = field(default="", init=False)  # typed text that named no choice

    @property
    def offered(self):
        """The choices shown: only those with results in the list (and the one selected)."""
        if self.available is None:
            return self.choices
        return [
            (value, label)
            for value, label in self.choices
            if str(value) in self.available or str(value) == self.selected
        ]

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


# Between a filter's name and a value in the query below: a character no slug contains.
SEPARATOR = "\x1f"


def mark_available(filters, items, key):
    """Tell each filter which of its values have results among ``items`` (the whole list,
    before filtering), so that it offers no option leading to an empty list.

    One query for all the filters (a UNION of each lookup's distinct values), kept under
    the content version like the choices themselves (caching/versioned.py).
    """
    lookups = [
        (choice_filter.name, lookup)
        for choice_filter in filters
        for lookup in (choice_filter.value_lookups or (choice_filter.lookup,))
        if lookup
    ]
    if not lookups:
        return

    def compute():
        # Each row is one text, "name<separator>value": a UNION of two-column rows would
        # depend on Django keeping annotation and field columns in the same order in every
        # part, which it does not (it varied with the hash seed).
        queries = [
            items.order_by()
            .annotate(tagged=Concat(Value(name + SEPARATOR), F(lookup), output_field=CharField()))
            .values_list("tagged", flat=True)
            for name, lookup in lookups
        ]
        found = {}
        for tagged in queries[0].union(*queries[1:]):
            name, _sep, value = (tagged or "").partition(SEPARATOR)
            if value:
                found.setdefault(name, set()).add(value)
        return found

    found = versioned(f"filter-values:{key}", compute)
    for choice_filter in filters:
        if any(name == choice_filter.name for name, _lookup in lookups):
            choice_filter.available = found.get(choice_filter.name, set())


def shown(filters):
    """The filters worth showing above a list: a drop-down with no option but "All" (no
    profile has a theme yet, say) narrows nothing and is left out."""
    return [
        choice_filter
        for choice_filter in filters
        if choice_filter.typed or choice_filter.offered or choice_filter.selected
    ]


def _by_label(choices):
    """Alphabetical by label, accents aside: "Éducation" between "Droits" and "Emploi"."""
    return sorted(choices, key=lambda choice: collation_key(choice[1]))


def theme_filter(lookup="themes__slug"):
    def choices():
        # Named, not imported: the models build their lists with these filters.
        themes = apps.get_model("mc2cm_portal", "Theme").objects.filter(live=True)
        return _by_label((theme.slug, theme.name) for theme in themes)

    # The same for every listing page in a language until content changes (versioned.py).
    language = current_language()
    return ChoiceFilter(
        "theme",
        _("Theme"),
        versioned(f"theme-choices:{language}", choices),
        lookup,
        all_label=_("All themes"),
    )


def city_filter(lookup=None, apply=None, value_lookups=()):
    from cities.models import CityPage  # cities' own listing uses this module too

    def choices():
        titles = [f"title_{code}" for code in LANGUAGE_CODES]
        cities = visible(CityPage.objects).only("id", "title", "slug_en", *titles)
        return _by_label((city.slug_en, city.title) for city in cities)

    # The same for every listing page in a language until content changes (caching/versioned.py).
    language = current_language()
    return ChoiceFilter(
        "city",
        _("City"),
        versioned(f"city-choices:{language}", choices),
        lookup,
        apply,
        all_label=_("All cities"),
        value_lookups=value_lookups,
    )


def language_filter(lookup):
    choices = [(code, LANGUAGE_NAMES[code]) for code in LANGUAGE_CODES]
    return ChoiceFilter(
        "language", _("Language of the document"), choices, lookup, all_label=_("All languages")
    )
