"""Spelling that search forgives: one folded form for the text indexed and the query typed.

Arabic is written with or without hamza on alef (أ إ آ ٱ → ا), with ة or ه at a word's end,
ى or ي, with tatweel (ـ) stretching a word and with or without short vowels (harakat); Latin
text with or without accents, in any case. Both sides are folded the same way, so "مدينه"
finds "مدينة", "الاندماج" finds "الإندماج" and "integration" finds "intégration".
"""

import re
import unicodedata

ARABIC_LETTERS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ـ": None}
)
# Harakat, tanween, shadda, sukun, superscript alef and Quranic marks.
ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
NOT_WORD = re.compile(r"[^\w]+")


def _fold_piece(text):
    # NFKC turns Arabic presentation forms and ligatures back into plain letters.
    text = unicodedata.normalize("NFKC", text)
    text = ARABIC_MARKS.sub("", text).translate(ARABIC_LETTERS)
    # Accents off Latin letters only: decomposing Arabic would also strip the hamza of ؤ/ئ.
    text = "".join(
        char for char in unicodedata.normalize("NFD", text) if not ("\u0300" <= char <= "\u036f")
    )
    return unicodedata.normalize("NFC", text).casefold()


def fold(text):
    """Words only, folded, separated by single spaces."""
    return NOT_WORD.sub(" ", _fold_piece(text or "")).strip()


def fold_with_positions(text):
    """The folded text (punctuation kept as spaces) and, for each of its characters, the
    index of the character of ``text`` it comes from: a match found in the folded text is
    shown in the original one."""
    folded, positions = [], []
    for index, char in enumerate(text or ""):
        piece = NOT_WORD.sub(" ", _fold_piece(char))
        folded.append(piece)
        positions.extend([index] * len(piece))
    return "".join(folded), positions
