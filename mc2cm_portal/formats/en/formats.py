# Django's English formats, with the time zone after every date and time ("T": CET, EET,
# UTC): staff in Tunis, Beirut and Lyon each see times in their own zone
# (WAGTAIL_USER_TIME_ZONES), so a scheduled go-live must say which one it is in.
from django.conf.locale.en.formats import *  # noqa: F403

# Dates day first, as the meetings' date ranges are ("25–26 June 2019"): one way on the site.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, P T"
SHORT_DATETIME_FORMAT = "m/d/Y P T"
