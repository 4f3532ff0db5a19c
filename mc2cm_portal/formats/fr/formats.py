# French typography groups thousands with a narrow no-break space (U+202F), as the
# Imprimerie nationale's rules and CLDR do; Django's French formats use a full no-break
# space, wider than a digit's gap. The per cent sign follows the same space (portal_tags).
# Dates and times carry the time zone ("T": CET, EET, UTC): staff in Tunis, Beirut and Lyon
# each see times in their own zone (WAGTAIL_USER_TIME_ZONES), so a scheduled go-live must
# say which one it is in.
from django.conf.locale.fr.formats import *  # noqa: F403

THOUSAND_SEPARATOR = "\u202f"
DATETIME_FORMAT = "j F Y H:i T"
SHORT_DATETIME_FORMAT = "d/m/Y H:i T"
