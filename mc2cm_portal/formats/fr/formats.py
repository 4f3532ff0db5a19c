# French typography groups thousands with a narrow no-break space (U+202F), as the
# Imprimerie nationale's rules and CLDR do; Django's French formats use a full no-break
# space, wider than a digit's gap. The per cent sign follows the same space (portal_tags).
from django.conf.locale.fr.formats import *  # noqa: F403

THOUSAND_SEPARATOR = "\u202f"
