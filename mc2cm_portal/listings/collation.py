"""Text helpers that do not depend on the server's locale."""

import unicodedata


def collation_key(text):
    """A sort key that files accented letters with their base letter: Éducation with E.

    Python sorts by code point, which puts every accented capital after Z. The system
    locale's collation would depend on what the server has installed; decomposing the
    letters (NFKD) and dropping the accents gives the same order everywhere, for French
    and English alike. Arabic letters carry no such marks but their vowel signs, also
    dropped. The original text breaks ties, so the order is total.
    """
    text = str(text)
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return (bare.casefold(), text)
