"""Parts of a page kept rendered between requests, for one content version and language.

A city page lists its documents, meetings and projects; a meeting page its cities and
files. Rendering those lists (and querying for them) is most of a page's cost, and they
change only when content does. ``{% cached_fragment %}`` keeps the rendered HTML under the
content version (see cache.py), so any publish, move or change to a snippet or document
makes it stale at once, as for the page cache.

Only what every anonymous visitor sees is kept: signed-in users (partners see their
downloads unlocked; staff see drafts in preview) always get a fresh rendering. The queries
feeding a fragment are made lazy with ``lazy_context``, so a kept fragment costs none.
"""

from django.conf import settings
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key

from .cache import content_version
from .models import current_language

TIMEOUT = 60 * 60


def fragment_cacheable(request):
    return (
        request is not None
        and request.method in ("GET", "HEAD")
        and not getattr(request, "is_preview", False)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def cached_render(request, name, vary_on, render):
    """``render()``'s HTML, from the cache when this visitor may share it."""
    if not fragment_cacheable(request):
        return render()
    key = make_template_fragment_key(
        f"mc2cm:{name}", [content_version(), current_language(), *vary_on]
    )
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, TIMEOUT)
    return html


def lazy_context(compute, names):
    """Context entries computed together by ``compute()``, the first time one is used.

    Django templates call a callable context value when they read it; each entry here is
    such a callable, so a template (or a kept fragment) that never reads them costs no query.
    """
    computed = []

    def entry(name):
        def value():
            if not computed:
                computed.append(compute())
            return computed[0][name]

        return value

    return {name: entry(name) for name in names}
