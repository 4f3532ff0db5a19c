# Django's Arabic formats leave numbers ungrouped, which makes 947952 hard to read.
# Keep its separators (as used in the Maghreb) and group by thousands.
from django.conf.locale.ar.formats import *  # noqa: F403

NUMBER_GROUPING = 3

# Date and time with the time zone ("T": CET, EET, UTC): staff in Tunis, Beirut and Lyon
# each see times in their own zone (WAGTAIL_USER_TIME_ZONES), so a scheduled go-live must
# say which one it is in.
DATETIME_FORMAT = "j F Y، H:i T"
SHORT_DATETIME_FORMAT = "d/m/Y H:i T"
