"""Lookups kept between requests: a value computed once per release and content version.

Menus, filter choices, list counts and the like change only when content does; kept under
``cache_generation()`` (see page_cache.py), any publish, move or change to a snippet or
document makes them stale at once, with nothing to purge.
"""

from django.core.cache import cache

from .page_cache import cache_generation

TIMEOUT = 60 * 60


def versioned(key, compute):
    """The cached value of ``compute()`` for this release and content version (computed on
    a miss).

    ``None`` is cached too, as a tuple, so that a missing value is not looked up each time.
    """
    full_key = f"mc2cm:{cache_generation()}:{key}"
    found = cache.get(full_key)
    if found is None:
        found = (compute(),)
        cache.set(full_key, found, TIMEOUT)
    return found[0]
