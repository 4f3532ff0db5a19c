"""Old addresses keep working, in every language, when a slug changes or a page moves.

Wagtail's own redirects (wagtail.contrib.redirects, on ``page_slug_changed`` and
``post_page_move``) see the slug and address of the admin's current language only: a French
or Arabic slug change left ``/fr/villes/<old>/`` answering 404. Here each language's
``url_path_xx`` (wagtail-modeltranslation) is compared before and after every save of a page
(a slug change in any language, or a move, which rewrites them), and each address that
changed, of the page and of its live descendants, gets a permanent Wagtail redirect to the
page, which then answers with its current address in the visitor's language.
"""

import copy

from django.db import transaction
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from mc2cm_portal.languages import LANGUAGE_CODES

URL_PATHS = [f"url_path_{code}" for code in LANGUAGE_CODES]


def remember_old_url_paths(sender, instance, update_fields=None, **kwargs):
    """pre_save of a page: its addresses as stored, if this save may change them."""
    if not isinstance(instance, Page) or instance.pk is None:
        return
    if update_fields is not None and not set(URL_PATHS) & set(update_fields):
        return
    stored = Page.objects.filter(pk=instance.pk).values(*URL_PATHS).first()
    if stored is not None:
        instance._url_paths_before_save = stored


def redirect_changed_addresses(sender, instance, **kwargs):
    """post_save of a page: once committed (descendants are rewritten after the page itself),
    redirect every address of the page and its descendants that changed."""
    before = instance.__dict__.pop("_url_paths_before_save", None)
    if before is None:
        return
    changed = {
        code: before[f"url_path_{code}"]
        for code in LANGUAGE_CODES
        if before[f"url_path_{code}"] != getattr(instance, f"url_path_{code}")
    }
    if changed:
        page_id = instance.pk
        transaction.on_commit(lambda: create_redirects(page_id, changed))


def create_redirects(page_id, old_url_paths):
    """``old_url_paths``: the page's url_path before the change, by language."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return
    pages = [page, *page.get_descendants().live()]
    for language, old_url_path in old_url_paths.items():
        field = f"url_path_{language}"
        new_url_path = getattr(page, field)
        with translation.override(language):
            for current in pages:
                before = copy.copy(current)
                # The descendants were rewritten with the page: same tail, old beginning.
                setattr(before, field, old_url_path + getattr(current, field)[len(new_url_path) :])
                old, new = before.get_url_parts(), current.get_url_parts()
                if old is None or new is None or old[2] == new[2]:
                    continue
                Redirect.objects.update_or_create(
                    site_id=old[0],
                    old_path=Redirect.normalise_path(old[2]),
                    defaults={
                        "redirect_page": current,
                        "redirect_link": "",
                        "is_permanent": True,
                        "automatically_created": True,
                    },
                )
