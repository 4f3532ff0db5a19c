"""The admin's forms for fields stored once per language (django-modeltranslation).

- Every language's input says its language (``lang``) and direction (``dir``), whatever the
  admin's own language, so Arabic mixed with numbers reads right and French stays
  left-to-right in an Arabic admin; its label names the language ("Title (Arabic)") in the
  admin's language; the help text is said once, on the first language of the field; a
  title, name or slug is required in one language, not in English (see ONE_LANGUAGE_ENOUGH).
- ``group_translated_panels``: in every edit form, each language's fields in a panel of its
  own ("Arabic", "French", "English"), so an editor working in one language can collapse the
  other two (static/js/language_groups.js remembers which).
- ``copy_translation``: wagtail-modeltranslation's "Copy content from ar/fr/en", answered for
  translations of the same StreamField only (its own view assumed any panel was one).
"""

import json

from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.http import HttpResponseBadRequest, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_POST
from modeltranslation.fields import TranslationField
from modeltranslation.translator import translator
from wagtail.admin.forms.models import formfield_for_dbfield
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from mc2cm_portal.languages import LANGUAGE_CODES, direction
from mc2cm_portal.models.shared import ONE_LANGUAGE_ENOUGH

# How a field's label names its language, in the admin's language: "Title (Arabic)",
# "Titre (arabe)", "العنوان (بالعربية)".
LANGUAGE_IN_LABEL = {
    "ar": pgettext_lazy("language named in a field label", "Arabic"),
    "fr": pgettext_lazy("language named in a field label", "French"),
    "en": pgettext_lazy("language named in a field label", "English"),
}


def language_label(label, language):
    return format_lazy(
        pgettext_lazy("a field label and its language", "{label} ({language})"),
        label=capfirst(label),
        language=LANGUAGE_IN_LABEL[language],
    )


def translated_field_options(db_field):
    """The form field options of one language of a translated field (see the docstring)."""
    options = {"label": language_label(db_field.translated_field.verbose_name, db_field.language)}
    if db_field.language != LANGUAGE_CODES[0]:
        options["help_text"] = ""
    if db_field.translated_field.name in ONE_LANGUAGE_ENOUGH:
        options["required"] = False  # one language is enough: the model's clean() checks
    if isinstance(db_field, StreamField):
        return options  # blocks, not one input: nothing to mark
    # The input the field would have untranslated (an auto-height textarea, a slug input,
    # a rich text editor...), marked with its language.
    widget = formfield_for_dbfield(db_field.translated_field).widget
    widget.attrs.update(lang=db_field.language, dir=direction(db_field.language))
    return {**options, "widget": widget}


# The heading of the panel holding one language's fields, in the admin's language.
LANGUAGE_GROUP_HEADING = {
    "ar": pgettext_lazy("heading of the fields in one language", "Arabic"),
    "fr": pgettext_lazy("heading of the fields in one language", "French"),
    "en": pgettext_lazy("heading of the fields in one language", "English"),
}


def panel_language(panel, model):
    """The language of the field a panel edits, if it is one language of a translated field."""
    if not isinstance(panel, FieldPanel):
        return None
    try:
        field = model._meta.get_field(panel.field_name)
    except FieldDoesNotExist:
        return None
    return field.language if isinstance(field, TranslationField) else None


def split_by_language(panel, model):
    """``panel`` as (what is not in any language, {language: what is in that language}).

    A row or a group of fields is split into copies holding each part, under the same
    heading: the Arabic part of "About the project" is a group "About the project" with the
    Arabic fields only.
    """
    language = panel_language(panel, model)
    if language:
        return None, {language: panel}
    if not isinstance(panel, MultiFieldPanel | FieldRowPanel):
        return panel, {}
    common, by_language = [], {}
    for child in panel.children:
        child_common, child_languages = split_by_language(child, model)
        if child_common is not None:
            common.append(child_common)
        for code, part in child_languages.items():
            by_language.setdefault(code, []).append(part)
    if not by_language:
        return panel, {}

    def copy_with(children):
        if isinstance(panel, FieldRowPanel) and len(children) == 1:
            return children[0]  # a row of one field is that field
        return type(panel)(**{**panel.clone_kwargs(), "children": children})

    return (
        copy_with(common) if common else None,
        {code: copy_with(children) for code, children in by_language.items()},
    )


def group_by_language(panels, model):
    """The panels with each language's fields gathered in one group per language.

    The groups take the place of the first translated field (the title, usually), in the
    site's language order; the other panels keep theirs. A group is a stock
    ``MultiFieldPanel``: at the top of a tab it is a collapsible section with its own
    button (``aria-expanded``); inside a figure, a labelled part that follows the section of
    its language. Without JavaScript everything stays open.
    """
    if any("data-language-group" in getattr(panel, "attrs", {}) for panel in panels):
        return panels  # already grouped (a page type inheriting its parent's panels)
    common, by_language, position = [], {}, None
    for panel in panels:
        panel_common, panel_languages = split_by_language(panel, model)
        if panel_languages and position is None:
            position = len(common)
        for code, part in panel_languages.items():
            by_language.setdefault(code, []).append(part)
        if panel_common is not None:
            common.append(panel_common)
    if not by_language:
        return panels
    groups = [
        MultiFieldPanel(
            by_language[code],
            heading=LANGUAGE_GROUP_HEADING[code],
            attrs={"data-language-group": code},
        )
        for code in LANGUAGE_CODES
        if code in by_language
    ]
    return [*common[:position], *groups, *common[position:]]


PANEL_LISTS = ("content_panels", "promote_panels", "settings_panels", "panels")


def group_translated_panels():
    """Group each language's fields in every edit form (``group_by_language``).

    Run once at start-up, after wagtail-modeltranslation has replaced each translated field's
    panel by one per language, on the same models and panel lists it patches.
    """
    for model in translator.get_registered_models():
        for name in PANEL_LISTS:
            panels = getattr(model, name, None)
            if panels:
                setattr(model, name, group_by_language(list(panels), model))
        if issubclass(model, Page):
            # Built from the panels above on first use; drop any built before.
            model.get_edit_handler.cache_clear()


def translated_stream_field(model, name):
    """The field ``name`` of ``model`` if it is one language of a translated StreamField."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    if isinstance(field, TranslationField) and isinstance(field, StreamField):
        return field
    return None


@require_POST
def copy_translation(request, page_id):
    """The target language's StreamField, rendered with the blocks posted for the origin one.

    Same address and answer as wagtail-modeltranslation's view (its script calls it), but
    only for an editor of the page and two languages of one StreamField: anything else is a
    400, not a 500.
    """
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    origin_name = request.POST.get("origin_field_name", "")
    target_name = request.POST.get("target_field_name", "")
    origin = translated_stream_field(type(page), origin_name)
    target = translated_stream_field(type(page), target_name)
    if (
        origin is None
        or target is None
        or origin is target
        or origin.translated_field.name != target.translated_field.name
    ):
        return HttpResponseBadRequest(_("Only the languages of one block field can be copied."))
    try:
        posted = json.loads(request.POST.get("serializedOriginField", ""))
        data = QueryDict(mutable=True)
        for item in posted:
            name, value = str(item["name"]), str(item["value"])
            if name.startswith(f"{origin_name}-"):
                data.appendlist(target_name + name.removeprefix(origin_name), value)
        widget = target.formfield().widget
        value = widget.value_from_datadict(data, {}, target_name)
    except (ValueError, TypeError, KeyError):
        return HttpResponseBadRequest(_("The blocks to copy could not be read."))
    return JsonResponse(widget.render(target_name, value), safe=False)
