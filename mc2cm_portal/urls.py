from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from mc2cm_portal.access import documents, media, partners
from mc2cm_portal.operations import views as operations_views
from mc2cm_portal.publishing import opendata, pdf, seo
from mc2cm_portal.publishing.api import api_router
from mc2cm_portal.search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view, wrapped to count downloads; its permission check for
    # partners-only files is the before_serve_document hook (wagtail_hooks.py).
    re_path(r"^documents/(\d+)/(.*)$", documents.serve_document, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
    # Images only; documents and anything else under MEDIA_ROOT answer 404 (access/media.py).
    re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", media.serve_image, name="media"),
    path("sitemap.xml", seo.sitemap, name="sitemap"),
    path("robots.txt", seo.robots_txt, name="robots_txt"),
    path("api/v2/", api_router.urls),
    # For the load balancer and monitoring: no language, never cached.
    path("health/", operations_views.health, name="health"),
]

# Every public page lives under its language prefix: /ar/, /fr/, /en/. A bare "/" is
# redirected by LocaleMiddleware to the language the browser asks for.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("feeds/peer-meetings/", seo.peer_meetings_feed, name="peer_meetings_feed"),
    path("open-data/city-figures.csv", opendata.city_figures_csv, name="city_figures_csv"),
    path("partners/sign-in/", partners.sign_in, name="partner_sign_in"),
    path("partners/sign-out/", partners.sign_out, name="partner_sign_out"),
    path("partners/resources/", partners.partner_resources, name="partner_resources"),
    # Wagtail's page password form (same address and name), with an attempt limit.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        partners.page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    # "Download this page as PDF", in the language of the address (publishing/pdf.py).
    path("pages/<int:page_id>/pdf/", pdf.page_pdf, name="page_pdf"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# Error pages render with the request, in the visitor's language; 400 and 500 without
# touching the database.
handler400 = "mc2cm_portal.operations.views.bad_request"
handler403 = "mc2cm_portal.operations.views.permission_denied"
handler500 = "mc2cm_portal.operations.views.server_error"
