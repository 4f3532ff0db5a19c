"""The portal's cache switches as the bench sets them: the one place to change if they move.

The bench measures whatever code is checked out, through settings and the environment only.
Each mode below is the environment a server gets; the settings read it
(mc2cm_portal/settings/base.py). If the caching layer renames a switch or adds one, change
it here: bench/run.py, bench/load.py and bench/queries.py read nothing else.
"""

# The page cache: whole pages kept for anonymous visitors. Environment variable and setting
# have the same name (bench/queries.py switches the setting in-process).
PAGE_CACHE = "MC2CM_PAGE_CACHE"
# The kept lists: the parts of a page that list other content, kept rendered per content version.
KEPT_LISTS = "MC2CM_FRAGMENT_CACHE"
# Makes the portal mark answers served from the page cache with HIT_HEADER: "hit" (off in
# production); the bench checks with it that "page cache on" figures really are the cache's.
HIT_HEADER_SWITCH = "MC2CM_PAGE_CACHE_HEADER"
HIT_HEADER = "X-Page-Cache"

ON, OFF = "on", "off"

# The three modes the city page's bars are set for (issue 12), in the order they are measured.
MODES = {
    "on": {PAGE_CACHE: ON, KEPT_LISTS: ON},
    "off": {PAGE_CACHE: OFF, KEPT_LISTS: ON},
    # As for a signed-in partner or the first visitor after a publish: nothing kept.
    "none": {PAGE_CACHE: OFF, KEPT_LISTS: OFF},
}
MODE_NAMES = {"on": "page cache on", "off": "page cache off", "none": "nothing kept"}
# The city page's throughput over the static limit's, per mode (issue 12, "Speed must hold").
CITY_BARS = {"on": 0.5, "off": 0.05, "none": 0.03}
