"""Keep the search entries and the page cache in step with what is published."""

from django.core.signals import request_finished, request_started
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from . import cache
from .cache import content_changed
from .models import (
    Partner,
    PortalSettings,
    Publication,
    PublicationFile,
    ReviewedSnippet,
    SearchEntry,
    Theme,
)
from .search import index_page, index_publication

# Anything visitors can see changed: cached pages are stale (see cache.py). ``published`` and
# ``unpublished`` are the reviewed snippets' (publications, themes, partners).
for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
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


# What saving a draft of a live snippet, locking it or starting its workflow writes to its
# row: nothing a visitor sees.
DRAFT_BOOKKEEPING = frozenset(
    {"latest_revision", "has_unpublished_changes", "locked", "locked_by", "locked_at"}
)


def is_draft_save(instance, update_fields):
    """True when a reviewed snippet's save leaves what visitors see as it was.

    A snippet that is not live is invisible (a new draft; unpublishing sends ``unpublished``);
    a live one's draft changes are kept in a revision, and only bookkeeping columns are saved.
    """
    if isinstance(instance, PublicationFile):
        instance = instance.publication
    if not isinstance(instance, ReviewedSnippet):
        return False
    return not instance.live or bool(update_fields and DRAFT_BOOKKEEPING.issuperset(update_fields))


@receiver(post_save)
@receiver(post_delete)
def forget_cached_pages(sender, instance, update_fields=None, **kwargs):
    if is_draft_save(instance, update_fields):
        return
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
    publication = instance if isinstance(instance, Publication) else instance.publication
    if publication.pk and Publication.objects.filter(pk=publication.pk).exists():
        index_publication(publication)
