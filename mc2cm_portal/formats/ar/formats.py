# Django's Arabic formats leave numbers ungrouped, which makes 947952 hard to read.
# Keep its separators (as used in the Maghreb) and group by thousands.
from django.conf.locale.ar.formats import *  # noqa: F403

NUMBER_GROUPING = 3
