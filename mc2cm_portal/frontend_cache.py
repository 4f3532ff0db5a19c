"""Where settings.WAGTAILFRONTENDCACHE looks for the front-cache backend (the ban of the whole
site from Varnish); the backend itself is defined in cache.py, with the content version."""

from .cache import BanWholeSiteBackend

__all__ = ["BanWholeSiteBackend"]
