"""Open data downloads: the partner cities' key figures as CSV, in the reader's language."""

import csv

from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from cities.models import CityPage
from mc2cm_portal.languages import current_language
from mc2cm_portal.queries import visible

COLUMNS = [
    _("City"),
    _("Country"),
    _("Region"),
    _("Figure"),
    _("Precision"),
    _("Value"),
    _("Unit"),
    _("Year"),
    _("Source"),
    _("Source address"),
]
NO_FIGURE = _("No key figure recorded")
# What a spreadsheet reads as the start of a formula (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value):
    """Text as typed by editors, never run as a formula: a leading quote makes a spreadsheet
    show the cell as text (OWASP's advice). Numbers the portal writes itself are left alone."""
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def plain_number(value):
    """947952.00 -> '947952', 13.60 -> '13.6': no separators, a point for decimals."""
    return format(value.normalize(), "f")


def city_figure_rows():
    """One row per key figure; a city without figures gets one row saying so."""
    cities = sorted(
        visible(CityPage.objects).prefetch_related("figures"),
        key=lambda city: city.title.casefold(),
    )
    for city in cities:
        place = [text_cell(city.title), text_cell(city.country), city.get_region_display()]
        figures = list(city.figures.all())
        if not figures:
            yield [*place, NO_FIGURE, "", "", "", "", "", ""]
        for figure in figures:
            yield [
                *place,
                text_cell(figure.label),
                figure.get_qualifier_display() if figure.qualifier else "",
                plain_number(figure.value),
                figure.get_unit_display(),
                figure.year,
                text_cell(figure.source),
                text_cell(figure.source_url),
            ]


@require_safe
def city_figures_csv(request):
    language = current_language()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="mc2cm-city-figures-{language}.csv"'
    # A byte order mark, so that Excel reads the file as UTF-8 and shows Arabic correctly.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([str(column) for column in COLUMNS])
    for row in city_figure_rows():
        writer.writerow([str(cell) for cell in row])
    return response
