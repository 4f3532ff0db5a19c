"""Keep the search entries, the page cache and old addresses in step with what is published."""

from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import cache, redirects
from .cache import content_changed
from .models import Partner, PortalSettings, Publication, PublicationFile, SearchEntry, Theme
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


@receiver(page_unpublished)
def forget_unpublished_page(sender, instance, **kwargs):
    SearchEntry.objects.filter(page=instance).delete()


@receiver(post_save, sender=Publication)
@receiver(post_save, sender=PublicationFile)
@receiver(post_delete, sender=PublicationFile)
def index_changed_publication(sender, instance, **kwargs):
    """Re-index the publication's files once the whole form is saved.

    The admin saves a publication before its inline file rows (modelcluster), so at
    post_save time its files are still unsaved objects; what was committed is read back.
    """
    publication_id = instance.pk if isinstance(instance, Publication) else instance.publication_id

    def index_saved_publication():
        publication = Publication.objects.filter(pk=publication_id).first()
        if publication is not None:
            index_publication(publication)

    if publication_id:
        transaction.on_commit(index_saved_publication)


# Every language's old address redirects to the page (redirects.py).
for page_model in get_page_models():
    pre_save.connect(redirects.remember_old_url_paths, sender=page_model)
    post_save.connect(redirects.redirect_changed_addresses, sender=page_model)
