"""Look-ups shared by the page tests."""

from django.apps import apps
from django.utils import translation
from wagtail.models import Page

PORTAL_APPS = ("mc2cm_portal", "cities", "knowledge", "dialogue", "action")


def page_models():
    """Every concrete page type of the portal."""
    return [
        model
        for app in PORTAL_APPS
        for model in apps.get_app_config(app).get_models()
        if issubclass(model, Page)
    ]


def one_page_of_each_type():
    pages = []
    for model in page_models():
        page = model.objects.live().order_by("path").first()
        assert page is not None, f"the demo content has no {model.__name__}"
        pages.append(page)
    return pages


def url_in(page, language):
    with translation.override(language):
        return page.get_url()


def search_results(html):
    """The results of a search page, one HTML fragment each, in the order shown."""
    if '<ol class="search-results"' not in html:
        return []
    block = html.split('<ol class="search-results"')[1].split("</ol>")[0]
    return block.split('<li class="search-result">')[1:]
