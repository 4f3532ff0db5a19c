"""Keep the search entries and the page cache in step with what is published."""

from functools import partial

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import cache
from .cache import content_changed
from .models import Partner, PortalSettings, Publication, PublicationFile, SearchEntry, Theme
from .pdf import offers_pdf, refresh_page_pdfs_quietly
from .search import index_page, index_publication

# Anything visitors can see changed: cached pages are stale (see cache.py).
for signal in (page_published, page_unpublished, post_page_move):
    signal.connect(content_changed, dispatch_uid=f"page-cache-{signal!r}")
# Sites and view restrictions too: the routes, home page and restrictions every page uses
# are cached under the content version (routing.py).
CONTENT_MODELS = (
    Page,
    Theme,
    Partner,
    Publication,
    PublicationFile,
    PortalSettings,
    Site,
    PageViewRestriction,
)
request_started.connect(cache.request_started, dispatch_uid="content-version-request-started")
request_finished.connect(cache.request_finished, dispatch_uid="content-version-request-finished")
m2m_changed.connect(
    content_changed,
    sender=PageViewRestriction.groups.through,
    dispatch_uid="page-cache-restriction-groups",
)


@receiver(post_save)
@receiver(post_delete)
def forget_cached_pages(sender, instance, **kwargs):
    if isinstance(instance, CONTENT_MODELS) or sender in (
        get_document_model(),
        get_image_model(),
    ):
        content_changed()


@receiver(page_published)
def index_published_page(sender, instance, **kwargs):
    index_page(instance)


@receiver(page_published)
def make_page_pdfs(sender, instance, **kwargs):
    """Typeset the page's PDFs once the publish is committed (never inside its transaction,
    and never for a publish that is rolled back)."""
    if settings.MC2CM_PAGE_PDFS_ON_PUBLISH and offers_pdf(instance):
        transaction.on_commit(partial(refresh_page_pdfs_quietly, instance.pk))


@receiver(page_unpublished)
def forget_unpublished_page(sender, instance, **kwargs):
    SearchEntry.objects.filter(page=instance).delete()


@receiver(post_save, sender=Publication)
@receiver(post_save, sender=PublicationFile)
@receiver(post_delete, sender=PublicationFile)
def index_changed_publication(sender, instance, **kwargs):
    publication = instance if isinstance(instance, Publication) else instance.publication
    if publication.pk and Publication.objects.filter(pk=publication.pk).exists():
        index_publication(publication)
