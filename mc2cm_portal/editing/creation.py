"""One "create" makes one object: an editor's save and Wagtail's autosave never make two.

Wagtail autosaves the form of a new page or snippet: its first autosave creates the object,
and the form then saves onto it. A "Save draft" or "Publish" sent while that first autosave
is still on its way goes to the create view too. Wagtail's create views save outside any
transaction, so two such posts could both go through: for a page, either two pages at one
address or an error page (Wagtail's own last check of the slug fails), the editor's work
gone; for a snippet, two publications or partners of one name. Seen in Chromium: about one
admin journey in three, until this module.

Two parts, on public interfaces only:

- ``SavesInTurnMiddleware`` runs each post to a create view in one transaction that
  first locks a row standing for what is created: the parent page, or the snippet model's
  content type. Creations under one parent, or of one kind of snippet, take turns: the second
  always sees what the first made. Posts to an edit view lock the page's or snippet's own row.
- ``page_twin`` and ``snippet_twin`` (called from the ``before_create_page`` and
  ``before_create_snippet`` hooks, wagtail_hooks.py) find it: made by the same editor moments
  ago, of the same type, with the same slug or title (a page) or name (a snippet), and for a
  page under the same parent. The editor's post then goes to Wagtail's own edit view for it
  (``save_onto``), so what they sent becomes its next revision (or is published, if they
  pressed "Publish"). An autosave that comes second is refused instead: it carries what the
  form held before the editor's save, which came first.

Saves of an existing page or snippet take turns too (the same middleware locks its row).
The server runs requests side by side: an autosave that had read a publication before the
editor's save was committed, and wrote after it, wrote its list of files over the save's, and
the file the editor had just added was gone (seen in Chromium: modelcluster deletes the child
rows its list does not hold). In turn, each save reads what the one before it saved; an
autosave that comes after an editor's save is then refused by Wagtail's own check (the save
made a new revision, and the autosave names the earlier one it meant to overwrite).

The same moment comes again later: the editor presses "Save" while a later autosave (to the
edit view now) is on its way. The form has not yet heard which new child items that autosave
made, and sends them again as new. ``send_whole_lists`` (the ``before_edit_page`` and
``before_edit_snippet`` hooks) makes the lists the editor sends replace the saved ones, so
nothing is kept twice.
"""

from datetime import timedelta

from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.models import ModelLogEntry, Page, PageLogEntry

from mc2cm_portal.languages import LANGUAGE_CODES

PAGE_CREATE_VIEW = "wagtailadmin_pages:add"
PAGE_EDIT_VIEW = "wagtailadmin_pages:edit"
# How long after an object was created a second "create" of it by the same editor is taken
# for the same intent (autosave, a double click, a resent form), not for a new one: longer
# than any autosave on a slow line, far shorter than it takes to mean a different page.
TWIN_WINDOW = timedelta(minutes=2)
# The field that names a snippet, in each language (Publication.title, Partner.name …).
SNIPPET_NAMES = ("title", "name")


def _turn_for(request):
    """The row a post to one of the admin's create or edit views must lock, as a queryset
    (None for any other request): for a create, the parent page's or the snippet model's
    content type's; for an edit, the page's or snippet's own."""
    if request.method != "POST":
        return None
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if match.view_name == PAGE_CREATE_VIEW:
        return Page.objects.filter(pk=match.kwargs["parent_page_id"])
    if match.view_name == PAGE_EDIT_VIEW:
        return Page.objects.filter(pk=match.kwargs["page_id"])
    if match.url_name in ("add", "edit") and match.namespace.startswith("wagtailsnippets_"):
        # Django's as_view() records the view's arguments on it: the snippet's model.
        model = getattr(match.func, "view_initkwargs", {}).get("model")
        if model is None:
            return None
        if match.url_name == "edit":
            pk = match.kwargs["pk"]  # a string, quoted by Wagtail, unless the pk is a number
            return model._default_manager.filter(pk=unquote(pk) if isinstance(pk, str) else pk)
        return ContentType.objects.filter(pk=ContentType.objects.get_for_model(model).pk)
    return None


def _wait_for(turn):
    """Lock the row of ``turn`` to the end of the transaction: a second post wanting it waits.

    PostgreSQL: a row lock. SQLite ignores SELECT ... FOR UPDATE, but its transactions start
    IMMEDIATE here (settings), which makes every writer wait for the one before it to commit:
    the same turns."""
    list(turn.select_for_update().values_list("pk"))


class SavesInTurnMiddleware:
    """Posts to a create view take turns, and so do saves of one page or snippet (see the
    module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        turn = _turn_for(request)
        if turn is None:
            return self.get_response(request)
        with transaction.atomic():
            _wait_for(turn)
            response = self.get_response(request)
            if response.status_code >= 500:
                # Django turned an error into this answer below us: keep nothing half done.
                transaction.set_rollback(True)
            return response


def _same_in_any_language(request, name):
    """Condition: the translated field ``name`` equals, in some language, what was posted."""
    same = Q()
    for code in LANGUAGE_CODES:
        value = request.POST.get(f"{name}_{code}", "").strip()
        if value:
            same |= Q(**{f"{name}_{code}": value})
    return same


def _just_created(log_entries, request):
    return log_entries.filter(
        action="wagtail.create",
        user=request.user,
        timestamp__gte=timezone.now() - TWIN_WINDOW,
    )


def page_twin(request, parent_page, page_class):
    """The page this post would create again, if the same editor made it moments ago."""
    if request.method != "POST" or not request.user.is_authenticated:
        return None
    # The slug, or the title when the form sends no slug (Wagtail then makes it from the title).
    same_page = _same_in_any_language(request, "slug") | _same_in_any_language(request, "title")
    if not same_page:
        return None
    created = _just_created(PageLogEntry.objects, request).values("page_id")
    return (
        page_class.objects.child_of(parent_page)
        .filter(same_page, pk__in=created)
        .order_by("-pk")
        .first()
    )


def snippet_twin(request, model):
    """The snippet this post would create again, if the same editor made it moments ago."""
    if request.method != "POST" or not request.user.is_authenticated:
        return None
    name = next((n for n in SNIPPET_NAMES if hasattr(model, f"{n}_{LANGUAGE_CODES[0]}")), None)
    same_name = _same_in_any_language(request, name) if name else Q()
    if not same_name:
        return None
    created = _just_created(
        ModelLogEntry.objects.filter(content_type=ContentType.objects.get_for_model(model)),
        request,
    ).values_list("object_id", flat=True)
    return model.objects.filter(same_name, pk__in=list(created)).order_by("-pk").first()


def send_whole_lists(request, latest):
    """Make the lists of child items ``request`` posts (a city's figures, a publication's
    files) replace those of ``latest``, the page or snippet as the edit view starts from it.

    A Django formset only changes the items it names by id and adds those it sends without
    one; an item of ``latest`` it does not name is kept. The admin's forms always send their
    whole list, so such an item was made after the form was loaded, by a save the form has not
    heard back from: its own autosave still on its way when the editor pressed "Save", or the
    first "create" of the same page (``save_onto``). The item the form sends without an id is
    the same one again; kept, it would be there twice (for a publication's file, an error page:
    one file per language). So each such item is sent first, as deleted (its id and DELETE),
    then the items posted. Should a colleague have saved the same page meanwhile (Wagtail
    shows both editors that the other is there), the last save's list wins, as its title does.
    """
    data = request.POST.copy()
    changed = False
    for relation in get_all_child_relations(type(latest)):
        prefix = relation.get_accessor_name()
        if f"{prefix}-TOTAL_FORMS" not in data:
            continue
        total = int(data[f"{prefix}-TOTAL_FORMS"] or 0)
        named = {data.get(f"{prefix}-{index}-id") for index in range(total)}
        # Items a revision holds without an id (new in a draft of a live page) are replaced
        # by modelcluster itself on every save.
        unnamed = [
            item
            for item in getattr(latest, prefix).all()
            if item.pk is not None and str(item.pk) not in named
        ]
        if not unnamed:
            continue
        changed = True
        shift = len(unnamed)
        items = []
        for key in list(data):
            index, separator, field = key.removeprefix(f"{prefix}-").partition("-")
            if key.startswith(f"{prefix}-") and separator and index.isdigit():
                items.append((int(index), field, data.getlist(key)))
                del data[key]
        for index, field, values in items:
            data.setlist(f"{prefix}-{index + shift}-{field}", values)
        for index, item in enumerate(unnamed):
            data[f"{prefix}-{index}-id"] = str(item.pk)
            data[f"{prefix}-{index}-DELETE"] = "on"
        data[f"{prefix}-INITIAL_FORMS"] = str(shift + int(data[f"{prefix}-INITIAL_FORMS"] or 0))
        data[f"{prefix}-TOTAL_FORMS"] = str(shift + total)
    if changed:
        request.POST = data


def save_onto(request, twin, edit_view, **view_arguments):
    """Answer a second "create" of ``twin``: an editor's save goes to Wagtail's edit view
    ``edit_view`` for it; an autosave (it asks for JSON) is refused, as it holds what the form
    held before the save that reached the server first: saved, it would undo the editor's last
    changes. (Wagtail answers a create view's autosave that a hook stops with its own JSON
    error, "blocked by hook"; the browser has left the page by then.)"""
    if not request.accepts("text/html"):
        return HttpResponse(status=409)
    # A save onto the twin, in turn with its other saves (as its edit view would be).
    model = Page if isinstance(twin, Page) else type(twin)
    _wait_for(model._default_manager.filter(pk=twin.pk))
    # The create form sends its lists as new items: they replace those the first save made.
    send_whole_lists(request, twin.get_latest_revision_as_object())
    return edit_view(request, **view_arguments)
