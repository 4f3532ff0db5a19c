"""Admin set-up: the shared snippets, grouped in one menu for editors; the staff reports
(translation status, downloads); the permission check in front of every document; the
moderator's requested changes shown on the edit screen."""

from django.conf import settings
from django.contrib import messages
from django.db import models
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.html import format_html, json_script
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.fields import TranslationField
from wagtail import hooks
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import LiveStatusTagColumn, StatusFlagColumn
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.models import WorkflowState
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from mc2cm_portal.access.documents import check_partner_access
from mc2cm_portal.editing.creation import page_twin, save_onto, send_whole_lists, snippet_twin
from mc2cm_portal.editing.number_fields import DecimalNumberField, WholeNumberField
from mc2cm_portal.editing.translated_fields import (
    LANGUAGE_IN_LABEL,
    copy_translation,
    translated_field_options,
)
from mc2cm_portal.reports.downloads import DownloadReportView
from mc2cm_portal.reports.translations import TranslationStatusReportView

from .models import Partner, Publication, Theme

# --- Form fields of every admin form ---------------------------------------------------------

# Numbers as French and Arabic editors type them, never silently changed (editing/number_fields.py).
register_form_field_override(models.DecimalField, override={"form_class": DecimalNumberField})
register_form_field_override(models.IntegerField, override={"form_class": WholeNumberField})
# Each language of a translated field: its lang, dir and label (editing/translated_fields.py).
register_form_field_override(TranslationField, override=translated_field_options)


def time_zone_note():
    """Which time zone the admin reads and shows times in: the editor's own (their account's
    choice, activated by Wagtail for each admin request), in the admin's language."""
    zone = timezone.get_current_timezone_name()
    if zone == settings.TIME_ZONE:
        message = gettext(
            "Times are in %(zone)s. To work in your own time zone, choose it in your account."
        )
    else:
        message = gettext("Times are in %(zone)s (your account's time zone).")
    return message % {"zone": zone}


def date_time_options(db_field):
    """Wagtail's date and time input, its help saying the time zone (read when shown)."""
    note = lazy(time_zone_note, str)()
    help_text = format_lazy("{} {}", db_field.help_text, note) if db_field.help_text else note
    return {"widget": AdminDateTimeInput, "help_text": help_text}


# Go-live and expiry times ("Set schedule"), and any other date and time typed in the admin.
register_form_field_override(models.DateTimeField, override=date_time_options)


# --- Snippets --------------------------------------------------------------------------------


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "slug"]
    search_fields = ["name_en", "name_fr", "name_ar", "slug"]


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Partners")
    list_display = ["name", "acronym", "role", "sort_order"]
    list_filter = ["role"]


class PublicationViewSet(SnippetViewSet):
    model = Publication
    icon = "doc-full"
    menu_label = _("Publications")
    # Derived from where the files are kept (see access/documents.py): shown in words, not filtered.
    list_display = [
        "title",
        "kind",
        "year",
        StatusFlagColumn(
            "partners_only",
            label=_("Who can download"),
            true_label=_("Partners only"),
            false_label=_("Everyone"),
        ),
        # Wagtail adds its live/draft column only to a list it lays out itself: without it,
        # a publication never published (shown nowhere on the site) looks like the others.
        # The label lazily, so that it follows each person's admin language.
        LiveStatusTagColumn(label=_("Status")),
    ]
    list_filter = ["kind", "year", "live"]


class PortalSnippetGroup(SnippetViewSetGroup):
    menu_label = _("Portal content")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (PublicationViewSet, ThemeViewSet, PartnerViewSet)


register_snippet(PortalSnippetGroup)


# --- The translation status report ----------------------------------------------------------


@hooks.register("register_admin_urls")
def register_translation_status_urls():
    return [
        path(
            "reports/translation-status/",
            TranslationStatusReportView.as_view(),
            name="mc2cm_translation_status",
        ),
        path(
            "reports/translation-status/results/",
            TranslationStatusReportView.as_view(results_only=True),
            name="mc2cm_translation_status_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return MenuItem(
        _("Translation status"),
        reverse("mc2cm_translation_status"),
        name="translation-status",
        icon_name="globe",
        order=1300,
    )


# --- Private downloads and the download report --------------------------------------

hooks.register("before_serve_document", check_partner_access)


@hooks.register("register_admin_urls")
def register_download_report_urls():
    return [
        path("reports/downloads/", DownloadReportView.as_view(), name="download_report"),
        path(
            "reports/downloads/results/",
            DownloadReportView.as_view(results_only=True),
            name="download_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_download_report_menu_item():
    return MenuItem(
        _("Downloads"),
        reverse("download_report"),
        name="downloads",
        icon_name="download",
        order=1310,
    )


# --- Copying a StreamField from one language to another --------------------------------------


# order=-1: answered here before wagtail-modeltranslation's own view at the same address,
# which takes any panel for a StreamField and fails with a 500 (see editing/translated_fields.py).
@hooks.register("register_admin_urls", order=-1)
def register_copy_translation_url():
    return [
        path(
            "pages/<int:page_id>/edit/copy_translation_content/",
            copy_translation,
            name="mc2cm_copy_translation",
        )
    ]


@hooks.register("insert_editor_js")
def copy_translation_strings():
    """The words of the copy buttons (static/wagtail_modeltranslation/js/copy_stream_fields.js
    replaces the package's script of that name), in the admin's language."""
    strings = {
        "copyFrom": _("Copy content from"),
        "confirm": _(
            "Replace the blocks already in this field with those of the %(language)s version?"
        ),
        "languages": LANGUAGE_IN_LABEL,
    }
    return json_script(strings, "copy-translation-strings")


# --- One create, one page or snippet (editing/creation.py) ---------------------------------


@hooks.register("before_create_page")
def save_onto_the_page_just_created(request, parent_page, page_class):
    """A second "create" of the page this editor made moments ago (autosave, a double click)
    saves onto that page through Wagtail's own edit view, instead of making a twin or failing
    (editing/creation.py)."""
    twin = page_twin(request, parent_page, page_class)
    if twin is not None:
        return save_onto(request, twin, EditView.as_view(), page_id=twin.pk)
    return None


@hooks.register("before_create_snippet")
def save_onto_the_snippet_just_created(request, model):
    """The same for snippets: onto the publication or partner just made, not a second one."""
    twin = snippet_twin(request, model)
    if twin is not None:
        return save_onto(request, twin, model.snippet_viewset.edit_view, pk=twin.pk)
    return None


@hooks.register("before_edit_page")
@hooks.register("before_edit_snippet")
def send_the_editors_whole_lists(request, instance):
    """An editor's save replaces the lists of child items (a city's figures, a publication's
    files) with the ones the form sends, even when its own autosave, still on its way, added
    items the form has not heard of (editing/creation.py). Autosaves are left alone: Wagtail
    tells the form the ids of what they add, by position in the form."""
    if request.method == "POST" and request.accepts("text/html"):
        send_whole_lists(request, instance)


# --- The moderator's request for changes, where the editor works ---------------------------


@hooks.register("before_edit_page")
@hooks.register("before_edit_snippet")
def show_requested_changes(request, instance):
    """Put the moderator's comment at the top of the edit screen while changes are requested.

    Wagtail keeps it in the workflow history, two clicks away from the form the editor is
    correcting. Shown on opening the form only: after a save, the redirect opens it again.
    """
    if request.method != "GET":
        return
    workflow_state = getattr(instance, "current_workflow_state", None)
    if workflow_state is None or workflow_state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return
    task_state = workflow_state.current_task_state.specific
    reviewer = task_state.finished_by.get_full_name() or task_state.finished_by.get_username()
    comment = task_state.get_comment()
    if comment:
        message = _("%(reviewer)s requested changes: “%(comment)s”")
    else:
        message = _("%(reviewer)s requested changes, without a comment.")
    messages.warning(request, message % {"reviewer": reviewer, "comment": comment})


# --- A character count on short texts (static/js/character_count.js) ------------------------


@hooks.register("insert_editor_js")
def character_count_script():
    strings = {
        "count": _("%(count)s of %(limit)s characters"),
        "over": _(
            "%(count)s characters: %(excess)s over the limit of %(limit)s. "
            "Shorten the text before saving."
        ),
    }
    return json_script(strings, "character-count-strings") + format_html(
        '<script src="{}"></script>', static("js/character_count.js")
    )


# --- Each language's fields in a panel editors can collapse (static/js/language_groups.js) ---


@hooks.register("insert_editor_js")
def language_groups_script():
    return format_html('<script src="{}"></script>', static("js/language_groups.js"))
