"""Numbers typed the way French, Arabic and English editors write them.

Browsers' ``<input type=number>`` silently drops what it does not understand ("13,5" was
saved as 135, "١٣٫٥" emptied the field), so the admin's number fields are text inputs read
here, by one rule, and anything else is refused with a message, keeping what was typed.

The rule:
- Digits: Western (0-9), Arabic-Indic (٠-٩) or Eastern Arabic-Indic (۰-۹).
- Decimal separator: the point ".", the Arabic decimal separator "٫", or the comma "," —
  at most one. A comma followed by exactly three digits after a non-zero whole part
  ("13,500") could be thousands as well as decimals: it is refused as ambiguous, never
  guessed. A point is always a decimal point (values are shown back with one).
- Thousands separators, optional, between groups of three digits: spaces (also the
  no-break U+00A0, narrow no-break U+202F and thin U+2009 spaces) or the Arabic thousands
  separator "٬". Never a comma or a point.
- A leading minus ("-" or "−"); right-to-left marks typed by Arabic keyboards are ignored.
- Whole-number fields refuse decimals.
"""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
DIRECTION_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u061c"))
GROUP_SEPARATORS = " \u00a0\u202f\u2009\u066c"
NUMBER = re.compile(
    rf"(?P<sign>[-−]?)"
    rf"(?P<whole>\d{{1,3}}(?:[{GROUP_SEPARATORS}]\d{{3}})+|\d+)"
    rf"(?:(?P<separator>[.,٫])(?P<fraction>\d+))?",
    re.ASCII,  # \d: 0-9 only, once Arabic digits are read as such
)


def read_number(text):
    """The Decimal written in ``text`` (see the rule above), or a ValidationError."""
    typed = text.strip().translate(DIRECTION_MARKS).strip()
    match = NUMBER.fullmatch(typed.translate(DIGITS))
    if match is None:
        raise ValidationError(
            _("Enter a number, e.g. 13.5, 13,5 or ١٣٫٥ (thousands may be separated by spaces)."),
            code="invalid",
        )
    whole = re.sub(rf"[{GROUP_SEPARATORS}]", "", match["whole"])
    fraction = match["fraction"]
    if match["separator"] == "," and len(fraction) == 3 and int(whole) != 0:
        raise ValidationError(
            _(
                "“%(typed)s” could be read two ways. For a decimal number, write it with a "
                "point (%(decimal)s); for thousands, with a space or nothing (%(thousands)s)."
            ),
            code="ambiguous",
            params={
                "typed": typed,
                "decimal": f"{whole}.{fraction}",
                "thousands": f"{whole} {fraction}",
            },
        )
    sign = "-" if match["sign"] else ""
    try:
        return Decimal(f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}")
    except InvalidOperation as error:  # pragma: no cover - the pattern admits only digits
        raise ValidationError(_("Enter a number."), code="invalid") from error


class NumberTextInput(forms.TextInput):
    """A text input for numbers: phones show a number keyboard, nothing typed is dropped.

    ``dir="ltr"``: a number reads left to right in every script, and its minus sign must
    stay in front of it in a right-to-left admin.
    """

    def __init__(self, attrs=None):
        super().__init__({"dir": "ltr", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        # Saved decimals come back padded ("13.60000"): show the number as it would be typed.
        if isinstance(value, Decimal):
            value = format(value.normalize(), "f")
        return super().format_value(value)


class DecimalNumberField(forms.DecimalField):
    """A decimal number written by the rule above (used for every model DecimalField)."""

    widget = NumberTextInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        return read_number(str(value))

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "inputmode": "decimal"}


class WholeNumberField(forms.IntegerField):
    """A whole number written by the rule above (used for every model IntegerField)."""

    widget = NumberTextInput
    default_error_messages = {"decimal": _("Enter a whole number, without decimals.")}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        number = read_number(str(value))
        if number != number.to_integral_value() or "." in str(number):
            raise ValidationError(self.error_messages["decimal"], code="decimal")
        return int(number)

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "inputmode": "numeric"}
