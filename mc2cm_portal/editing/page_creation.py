"""One "create" makes one page: an editor's save and Wagtail's autosave never make two.

Wagtail autosaves the form of a new page: its first autosave creates the page, and the form
then saves onto it. A "Save draft" or "Publish" sent while that first autosave is still on
its way goes to the create view too. Wagtail's create view checks that the slug is free,
then inserts the page, outside any transaction, so two such posts could both pass the check:
then either both inserted (two pages at one address) or the second failed in Wagtail's own
last check (an error page, the editor's work gone). Seen in Chromium: about one admin journey
in three, until this module.

Two parts, both on public interfaces:

- ``SerialisedPageCreationMiddleware`` runs each post to the create view in one transaction
  that first locks the parent page's row, so creations under one parent take turns: the
  second always sees the page the first made.
- ``twin_of`` (called from the ``before_create_page`` hook, wagtail_hooks.py) finds that
  page: made by the same editor under the same parent, of the same type and with the same
  slug, moments ago. The post is then handed to Wagtail's own edit view for it, so what the
  editor sent becomes its next revision (or is published, if they pressed "Publish").
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.urls import Resolver404, resolve
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from mc2cm_portal.languages import LANGUAGE_CODES

CREATE_VIEW = "wagtailadmin_pages:add"
# How long after a page was created a second "create" of it by the same editor is taken for
# the same intent (autosave, a double click, a resent form), not for a new page: longer than
# any autosave or slow line, far shorter than the time it takes to mean a different page.
TWIN_WINDOW = timedelta(minutes=2)


def _create_view_parent(request):
    """The parent page's id if ``request`` posts to Wagtail's "add a page" view, else None."""
    if request.method != "POST":
        return None
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if match.view_name != CREATE_VIEW:
        return None
    return match.kwargs.get("parent_page_id")


class SerialisedPageCreationMiddleware:
    """Posts to the create view take turns per parent page (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        parent_id = _create_view_parent(request)
        if parent_id is None:
            return self.get_response(request)
        with transaction.atomic():
            # PostgreSQL: a row lock held to the end of the transaction. SQLite ignores
            # SELECT ... FOR UPDATE, but its transactions start IMMEDIATE here (settings), which
            # makes every writer wait for the one before it to commit: the same turns.
            list(Page.objects.select_for_update().filter(pk=parent_id).values_list("pk"))
            response = self.get_response(request)
            if response.status_code >= 500:
                # Django turned an error into this answer below us: keep nothing half done.
                transaction.set_rollback(True)
            return response


def twin_of(request, parent_page, page_class):
    """The page this post would create again, if the same editor made it moments ago."""
    if request.method != "POST" or not request.user.is_authenticated:
        return None
    same_slug = Q()
    for code in LANGUAGE_CODES:
        slug = request.POST.get(f"slug_{code}", "").strip()
        if slug:
            same_slug |= Q(**{f"slug_{code}": slug})
    if not same_slug:
        return None
    created_by_editor = PageLogEntry.objects.filter(
        action="wagtail.create",
        user=request.user,
        timestamp__gte=timezone.now() - TWIN_WINDOW,
    ).values("page_id")
    return (
        page_class.objects.child_of(parent_page)
        .filter(same_slug, pk__in=created_by_editor)
        .order_by("-pk")
        .first()
    )
