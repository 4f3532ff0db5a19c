"""The admin's forms for fields stored once per language (django-modeltranslation).

- Every language's input says its language (``lang``) and direction (``dir``), whatever the
  admin's own language, so Arabic mixed with numbers reads right and French stays
  left-to-right in an Arabic admin; its label names the language ("Title (Arabic)") in the
  admin's language; the help text is said once, on the first language of the field; a
  title, name or slug is required in one language, not in English (see ONE_LANGUAGE_ENOUGH).
- ``copy_translation``: wagtail-modeltranslation's "Copy content from ar/fr/en", answered for
  translations of the same StreamField only (its own view assumed any panel was one).
"""

import json

from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.http import HttpResponseBadRequest, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404
from django.utils.text import capfirst, format_lazy
from django.utils.translation import get_language_info, pgettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from modeltranslation.fields import TranslationField
from wagtail.admin.forms.models import formfield_for_dbfield
from wagtail.fields import StreamField
from wagtail.models import Page

from .models import LANGUAGE_CODES
from .models.shared import ONE_LANGUAGE_ENOUGH

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
    bidi = get_language_info(db_field.language)["bidi"]
    widget.attrs.update(lang=db_field.language, dir="rtl" if bidi else "ltr")
    return {**options, "widget": widget}


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
