"""The portal's three languages in one place: codes, names, direction, the current one.

Arabic, French and English, in the order of ``settings.LANGUAGES`` (the order of every
language switcher, column and file list). Everything else that speaks of a language reads
it from here; this module imports nothing of the portal, so any module may use it.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
# What "/" falls back to for a browser that asks for none of ours, and the x-default of
# search engines: English, the reference language of the project's documents.
DEFAULT_LANGUAGE = settings.LANGUAGE_CODE

# Each language named in itself, whatever the page's language: a reader looks for their
# own language's name in the switcher and in the "language of the document" filter.
LANGUAGE_NAMES = {"ar": "العربية", "fr": "Français", "en": "English"}

# What follows "Download" on a file's link: "Télécharger en arabe", "تنزيل بالعربية". French
# and Arabic need a preposition before the language's name, so each is a phrase of its own.
IN_LANGUAGE = {
    "ar": _("in Arabic"),
    "fr": _("in French"),
    "en": _("in English"),
}

# The note beside text shown in another language than the page's, in the page's language.
# One per language rather than "(in %(language)s)": French and Arabic word them differently.
FALLBACK_NOTE = {
    "ar": _("(in Arabic)"),
    "fr": _("(in French)"),
    "en": _("(in English)"),
}


def current_language():
    """The active language's code without a region ("fr" for "fr-be"), else the default."""
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def direction(code):
    """``"rtl"`` for a language written right to left (Arabic), else ``"ltr"``."""
    return "rtl" if translation.get_language_info(code)["bidi"] else "ltr"
