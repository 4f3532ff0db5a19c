"""Numbers in the reader's language: Django's format modules (one folder per language, see
FORMAT_MODULE_PATH) and the helper that writes a number with them."""

from django.utils import formats


def localized_number(value):
    """A number with the reader's decimal and thousands separators, trailing zeros dropped.

    873076.00 reads "873,076" in English, "873 076" in French; 13.50 reads "13.5" / "13,5".
    """
    if value is None or value == "":
        return ""
    normalized = value.normalize() if hasattr(value, "normalize") else value
    decimals = max(0, -normalized.as_tuple().exponent) if hasattr(normalized, "as_tuple") else None
    return formats.number_format(normalized, decimal_pos=decimals, force_grouping=True)
