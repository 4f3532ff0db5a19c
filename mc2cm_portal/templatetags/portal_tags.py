"""Template helpers for a trilingual site: language of shown text, language switcher, numbers."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modeltranslation.fields import NONE
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname, resolution_order
from wagtail.models import Page, Site

from ..formats import localized_number
from ..fragments import cached_render
from ..routing import breadcrumb_trail, menu_items

register = template.Library()

LANGUAGE_NAMES = {"ar": "العربية", "fr": "Français", "en": "English"}


def _current():
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def shown_language(obj, field):
    """The language whose text ``obj.field`` shows now, after modeltranslation's fallback."""
    current = _current()
    try:
        options = translator.get_options_for_model(type(obj))
    except NotRegistered:
        return current
    if field not in options.all_fields:
        return current
    descriptor = getattr(type(obj), field)
    undefined = descriptor.fallback_undefined
    if undefined is NONE:
        undefined = descriptor.field.get_default()
    for language in resolution_order(current, descriptor.fallback_languages):
        value = getattr(obj, build_localized_fieldname(field, language), None)
        if descriptor.meaningful_value(value, undefined):
            return language
    return current


# The note beside text shown in another language than the page's, in the page's language.
# One per language rather than "(in %(language)s)": French and Arabic word them differently.
IN_LANGUAGE = {
    "ar": _("(in Arabic)"),
    "fr": _("(in French)"),
    "en": _("(in English)"),
}


@register.simple_tag
def lang_attrs(obj, field):
    """` lang=".." dir=".." data-in-language=".."` when the field falls back to another
    language, else nothing.

    Screen readers then read fallback text with the right voice, and Latin text inside
    the Arabic site runs left to right. Sighted readers get the note "(in English)" after
    it, drawn by the stylesheet from data-in-language: one attribute here rather than a
    second tag after each of the many places fallback text is shown.
    """
    language = shown_language(obj, field)
    if language == _current():
        return ""
    direction = "rtl" if translation.get_language_info(language)["bidi"] else "ltr"
    return format_html(
        ' lang="{}" dir="{}" data-in-language="{}"', language, direction, IN_LANGUAGE[language]
    )


def _kept_query(context, request):
    """What a view's address keeps in another language: the search its words, the sign-in
    page the address to return to, once checked as a path on this site (its ``next``)."""
    params = {"q": request.GET["q"]} if request.GET.get("q") else {}
    if context.get("next"):
        params["next"] = context["next"]
    return f"?{urlencode(params)}" if params else ""


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per language: the same page (or view) in that language."""
    request = context.get("request")
    page = context.get("page")
    current = _current()
    links = []
    for code, _name in settings.LANGUAGES:
        if isinstance(page, Page):
            with translation.override(code):
                url = page.get_url(request)
        elif request is not None:
            url = translate_url(request.path, code) + _kept_query(context, request)
        else:
            url = f"/{code}/"
        links.append(
            {
                "code": code,
                "name": LANGUAGE_NAMES[code],
                "url": url,
                "current": code == current,
                "dir": "rtl" if translation.get_language_info(code)["bidi"] else "ltr",
            }
        )
    return links


@register.simple_tag(takes_context=True)
def site_root(context):
    """The site's home page, looked up once per request (header link and menu share it)."""
    request = context.get("request")
    if request is None:
        return None
    if not hasattr(request, "_portal_site_root"):
        site = Site.find_for_request(request)
        request._portal_site_root = site.root_page if site else None
    return request._portal_site_root


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's menu children, each marked current or as an ancestor of the page."""
    root = site_root(context)
    if root is None:
        return []
    page = context.get("page")
    path = page.path if isinstance(page, Page) else ""
    return [
        {**item, "current": item["path"] == path, "ancestor": path.startswith(item["path"])}
        for item in menu_items(root, context.get("request"), _current())
    ]


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    """Ancestors from the home page down (titles and addresses), without Wagtail's root."""
    page = context.get("page")
    if not isinstance(page, Page):
        return []
    return breadcrumb_trail(page, context.get("request"), _current())


register.filter("localized_number", localized_number)


@register.filter
def split_lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


@register.simple_tag
def figure_groups(figures):
    """Key figures grouped by unit, each with its bar length (0-100) for the chart.

    People are scaled against the city's largest head count, shares against 100 %;
    mixing the two on one axis would mislead.
    """
    groups = []
    for unit, label in (("people", _("Number of people")), ("percent", _("Share in per cent"))):
        rows = [figure for figure in figures if figure.unit == unit]
        if not rows:
            continue
        top = 100 if unit == "percent" else max(float(figure.value) for figure in rows) or 1
        groups.append(
            {
                "unit": unit,
                "label": label,
                "rows": [
                    {"figure": figure, "length": round(100 * float(figure.value) / top, 1)}
                    for figure in rows
                ],
            }
        )
    return groups


@register.simple_tag
def coordinates(latitude, longitude):
    """ "35.78° N, 5.8° W" in the reader's words and number format (no minus sign to misplace)."""
    north = _("%(degrees)s° N") if latitude >= 0 else _("%(degrees)s° S")
    east = _("%(degrees)s° E") if longitude >= 0 else _("%(degrees)s° W")
    return _("%(latitude)s, %(longitude)s") % {
        "latitude": north % {"degrees": localized_number(abs(latitude))},
        "longitude": east % {"degrees": localized_number(abs(longitude))},
    }


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        values = [var.resolve(context) for var in self.vary_on]
        vary_on = [None if value is None else str(value) for value in values]
        return cached_render(
            context.get("request"), self.name, vary_on, lambda: self.nodelist.render(context)
        )


@register.tag
def cached_fragment(parser, token):
    """``{% cached_fragment "name" page.pk %}…{% endcached_fragment %}``: see fragments.py.

    The name and the values after it identify the fragment; the content version and the
    language are always part of the key.
    """
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a quoted name first")
    nodelist = parser.parse(("endcached_fragment",))
    parser.delete_first_token()
    return CachedFragmentNode(nodelist, bits[1][1:-1], [parser.compile_filter(b) for b in bits[2:]])
