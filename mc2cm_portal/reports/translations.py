"""The translation status report: what still needs translating, page by page and snippet by snippet.

A field counts as missing in a language when it is empty there but filled in at least one
other language: an optional field nobody has filled (results not known yet, no note on the
duration) is not a translation gap. An empty StreamField, or rich text with no words, is
empty. The models and fields come from modeltranslation's registry, so a newly translated
model or field shows up here without touching this file.
"""

import datetime
from dataclasses import dataclass, field

import django_filters
from django import forms
from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modeltranslation.translator import translator
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.blocks import StreamValue
from wagtail.models import DraftStateMixin, Page, get_page_models

from mc2cm_portal.languages import LANGUAGE_CODES

# One heading per language rather than "Missing in %(language)s": French and Arabic word
# them differently ("en arabe", "بالعربية"), not by slotting in the language's name.
MISSING_IN = {
    "ar": _("Missing in Arabic"),
    "fr": _("Missing in French"),
    "en": _("Missing in English"),
}
# The version the row describes: gaps in a draft are reported before it is published.
DRAFT = _("Draft")
PUBLISHED = _("Published")
# Page fields editors do not write as text: addresses are built from the slugs, which
# Wagtail fills in from the title; the SEO fields are optional by design.
NOT_CHECKED = {"slug", "url_path", "seo_title", "search_description"}


def is_empty(value):
    if value is None:
        return True
    if isinstance(value, StreamValue):
        return len(value) == 0
    # Rich text keeps its markup when emptied ("<p></p>"); only the words count.
    return not strip_tags(str(value)).strip()


def checked_fields(model):
    translated = set(translator.get_options_for_model(model).all_fields) - NOT_CHECKED
    # In the order of the edit form's fields (the title first), not the registry's.
    return [f.name for f in model._meta.get_fields() if f.name in translated]


def missing_fields(instance, fields):
    """{language: [verbose names of the fields empty there but filled elsewhere]}."""
    missing = {code: [] for code in LANGUAGE_CODES}
    for name in fields:
        empty = {code: is_empty(getattr(instance, f"{name}_{code}", None)) for code in missing}
        if all(empty.values()):
            continue
        label = str(instance._meta.get_field(name).verbose_name)
        for code, is_blank in empty.items():
            if is_blank:
                missing[code].append(label)
    return missing


@dataclass
class TranslationStatus:
    """One row of the report: a page, snippet or page item with fields missing somewhere."""

    title: str
    type_label: str
    edit_url: str
    is_draft: bool = False
    missing: dict = field(default_factory=dict)
    sort_key: tuple = ()

    def __post_init__(self):
        # Plain attributes, so the table columns and the spreadsheet export read them alike.
        for code, names in self.missing.items():
            setattr(self, f"missing_{code}", ", ".join(names))
        self.status = DRAFT if self.is_draft else PUBLISHED

    @property
    def pk(self):
        return self.edit_url


def page_edit_url(page_id):
    return reverse("wagtailadmin_pages:edit", args=[page_id])


def parent_page_key(model):
    """The ParentalKey tying an inline item (a city's key figure) to its page, if any."""
    for model_field in model._meta.fields:
        if isinstance(model_field, ParentalKey) and issubclass(model_field.related_model, Page):
            return model_field
    return None


def reported_models():
    """{"app_label.model": model} for every translated model an editor can open in the admin."""
    page_models = set(get_page_models())
    models = {}
    for model in translator.get_registered_models(abstract=False):
        if model is Page:
            continue  # the tree's root, never edited; its fields are checked on every page type
        editable = (
            model in page_models
            or getattr(model, "snippet_viewset", None) is not None
            or parent_page_key(model) is not None
        )
        if editable and checked_fields(model):
            models[model._meta.label_lower] = model
    return models


def type_choices():
    return sorted(
        ((key, capfirst(model._meta.verbose_name)) for key, model in reported_models().items()),
        key=lambda choice: str(choice[1]),
    )


def latest_version(instance):
    """The object as staff last saved it, and whether that is a draft visitors do not see.

    Gaps are best caught before publishing: a draft whose French was emptied counts, not
    the published version it will replace.
    """
    if getattr(instance, "has_unpublished_changes", False) and instance.latest_revision_id:
        return instance.with_content_json(instance.latest_revision.content), True
    return instance, not getattr(instance, "live", True)


def with_latest_revision(objects):
    if issubclass(objects.model, DraftStateMixin):
        return objects.select_related("latest_revision")
    return objects


def inline_items(model, parent_key):
    """(item, its parent page, whether it is in a draft) for every item of an inline panel.

    Items of a page with unpublished changes are read from its latest revision: deleted,
    added or emptied in the draft, they are not (or not yet) in the item table.
    """
    parent_model = parent_key.related_model
    relation = parent_key.remote_field.get_accessor_name()
    drafts = parent_model._default_manager.filter(has_unpublished_changes=True)
    drafts = with_latest_revision(drafts)
    draft_ids = set()
    for parent in drafts.order_by("path"):
        draft_ids.add(parent.pk)
        draft, _is_draft = latest_version(parent)
        for item in getattr(draft, relation).all():
            yield item, draft, True
    live = model._default_manager.select_related(parent_key.name)
    for item in live.exclude(**{f"{parent_key.name}__in": draft_ids}):
        parent = getattr(item, parent_key.name)
        yield item, parent, not parent.live


def statuses_for(model):
    """The rows for one model, in a few queries whatever the number of objects (one more
    per draft)."""
    fields = checked_fields(model)
    type_label = capfirst(model._meta.verbose_name)
    parent_key = parent_page_key(model)
    if parent_key is not None:
        for position, (item, parent, is_draft) in enumerate(inline_items(model, parent_key)):
            missing = missing_fields(item, fields)
            if any(missing.values()):
                title, url = f"{parent.title} – {item}", page_edit_url(parent.pk)
                sort_key = (1, str(type_label), parent.path, position)
                yield TranslationStatus(title, type_label, url, is_draft, missing, sort_key)
        return
    objects = with_latest_revision(model._default_manager.all())
    if issubclass(model, Page):
        objects = objects.order_by("path")
    for position, stored in enumerate(objects):
        instance, is_draft = latest_version(stored)
        missing = missing_fields(instance, fields)
        if not any(missing.values()):
            continue
        if isinstance(instance, Page):
            title, url = str(instance.title), page_edit_url(instance.pk)
            sort_key = (0, instance.path)
        else:
            viewset = model.snippet_viewset
            title = str(instance)
            url = reverse(viewset.get_url_name("edit"), args=[quote(instance.pk)])
            sort_key = (1, str(type_label), title.casefold(), position)
        yield TranslationStatus(title, type_label, url, is_draft, missing, sort_key)


class TranslationStatusFilterSet(django_filters.FilterSet):
    # The report filters rows it built itself, not a queryset: see filter_queryset on the view.
    language = django_filters.ChoiceFilter(
        label=_("Missing in"),
        choices=list(settings.LANGUAGES),
        empty_label=_("Any language"),
        widget=forms.RadioSelect,
    )
    content_type = django_filters.ChoiceFilter(
        label=_("Content type"),
        choices=type_choices,
        empty_label=_("All types"),
        widget=forms.RadioSelect,
    )

    class Meta:
        # django-filter wants a model; the filters above never touch its queryset.
        model = ContentType
        fields = []


class TranslationStatusReportView(ReportView):
    page_title = _("Translation status")
    header_icon = "globe"
    index_url_name = "mc2cm_translation_status"
    index_results_url_name = "mc2cm_translation_status_results"
    filterset_class = TranslationStatusFilterSet
    # Reached only through the admin's URLs, which already require admin access;
    # every editor and moderator needs to see what is left to translate.
    permission_policy = None
    list_export = [
        "title",
        "type_label",
        "status",
        *(f"missing_{code}" for code in LANGUAGE_CODES),
        "link",
    ]

    @cached_property
    def columns(self):
        return [
            TitleColumn("title", label=_("Title"), get_url=lambda row: row.edit_url),
            Column("type_label", label=_("Content type")),
            Column("status", label=_("Version")),
            *(Column(f"missing_{code}", label=MISSING_IN[code]) for code in LANGUAGE_CODES),
        ]

    @cached_property
    def export_headings(self):
        return {
            "title": _("Title"),
            "type_label": _("Content type"),
            "status": _("Version"),
            **{f"missing_{code}": MISSING_IN[code] for code in LANGUAGE_CODES},
            "link": _("Edit link"),
        }

    @cached_property
    def no_results_message(self):
        return _("Nothing is missing: every field filled in one language is filled in the others.")

    def get_filename(self):
        return f"translation-status-{datetime.date.today():%Y-%m-%d}"

    def cleaned_filter(self, name):
        if self.filters and self.filters.is_valid():
            return self.filters.form.cleaned_data.get(name) or None
        return None

    def get_queryset(self):
        models = reported_models()
        wanted = self.cleaned_filter("content_type")
        if wanted:
            models = {wanted: models[wanted]} if wanted in models else {}
        rows = [row for model in models.values() for row in statuses_for(model)]
        return sorted(rows, key=lambda row: row.sort_key)

    def filter_queryset(self, rows):
        language = self.cleaned_filter("language")
        if language:
            return [row for row in rows if row.missing.get(language)]
        return rows

    def to_row_dict(self, item):
        # The spreadsheet is read outside the admin: give the full address of the edit view.
        item.link = self.request.build_absolute_uri(item.edit_url)
        return super().to_row_dict(item)
