"""A local-memory cache that can say which keys it holds, for tests asking what was kept.

Django's cache API has no way to list keys. This backend notes each key written through
the public API (``set``, ``add``, and what calls them: ``set_many``, ``get_or_set``) and
forgets it on ``delete`` and ``clear``; ``keys()`` gives those still held (expired ones are
left out). Use it through the ``cache_keys`` fixture (tests/conftest.py).
"""

from collections import defaultdict

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache

# Shared by every instance for one LOCATION, as LocMemCache's own storage is: Django makes
# one instance per thread.
_WRITTEN = defaultdict(dict)


class RecordingCache(LocMemCache):
    def __init__(self, name, params):
        super().__init__(name, params)
        self._written = _WRITTEN[name]

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        super().set(key, value, timeout, version)
        self._written[self.make_key(key, version)] = (key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        added = super().add(key, value, timeout, version)
        if added:
            self._written[self.make_key(key, version)] = (key, version)
        return added

    def delete(self, key, version=None):
        self._written.pop(self.make_key(key, version), None)
        return super().delete(key, version)

    def clear(self):
        self._written.clear()
        super().clear()

    def keys(self):
        """The full keys (prefix, version and key, as make_key() builds them) still held."""
        return {
            full_key
            for full_key, (key, version) in list(self._written.items())
            if self.has_key(key, version)
        }
