from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from mc2cm_portal import opendata, seo
from mc2cm_portal import search as search_views
from mc2cm_portal.api import api_router

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", seo.sitemap, name="sitemap"),
    path("robots.txt", seo.robots_txt, name="robots_txt"),
    path("api/v2/", api_router.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under its language prefix: /ar/, /fr/, /en/. A bare "/" is
# redirected by LocaleMiddleware to the language the browser asks for.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("feeds/peer-meetings/", seo.peer_meetings_feed, name="peer_meetings_feed"),
    path("open-data/city-figures.csv", opendata.city_figures_csv, name="city_figures_csv"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# Error pages render with the request, in the visitor's language; 400 and 500 without
# touching the database.
handler400 = "mc2cm_portal.views.bad_request"
handler403 = "mc2cm_portal.views.permission_denied"
handler500 = "mc2cm_portal.views.server_error"
