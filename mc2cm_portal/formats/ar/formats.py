# Arabic numbers: Western (European) digits with a decimal comma and a thousands point,
# 947.952 and 0,5%, everywhere on the Arabic site (text, charts, tables).
#
# Why these: they are Django's own Arabic formats, so every number Django writes (dates,
# years, page numbers, form values) agrees with the figures without any digit
# transliteration of our own; they are the digits and separators of Morocco, Tunisia and
# Algeria (CLDR ar-MA, ar-TN, ar-DZ), where four of the partner cities' administrations
# write Arabic; and the numbers stay identical to those of the sources quoted beside
# them. Arabic-Indic digits (٩٤٧٬٩٥٢) would need every number on the site converted,
# dates included, or pages would mix two scripts of digits. The per cent sign is the
# Latin % that goes with these digits (٪ goes with Arabic-Indic ones).
#
# Django leaves Arabic numbers ungrouped, which makes 947952 hard to read: group by
# thousands.
from django.conf.locale.ar.formats import *  # noqa: F403

NUMBER_GROUPING = 3

# Date and time with the time zone ("T": CET, EET, UTC): staff in Tunis, Beirut and Lyon
# each see times in their own zone (WAGTAIL_USER_TIME_ZONES), so a scheduled go-live must
# say which one it is in.
# Dates as the meetings' date ranges write them ("17 أكتوبر 2016"), without Django's comma
# before the year: one way on the site.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y، H:i T"
SHORT_DATETIME_FORMAT = "d/m/Y H:i T"
