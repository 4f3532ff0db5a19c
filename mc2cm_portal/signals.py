"""Keep the search entries, the page cache and old addresses in step with what is published;
keep new documents private (access/documents.py)."""

from functools import partial

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    COMMENTS_RELATION_NAME,
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    Site,
    get_page_models,
)
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from mc2cm_portal.access.documents import keep_new_documents_private
from mc2cm_portal.caching import page_cache as cache
from mc2cm_portal.caching.page_cache import content_changed
from mc2cm_portal.publishing import redirects
from mc2cm_portal.publishing.pdf import offers_pdf
from mc2cm_portal.search import indexing

from .models import (
    Partner,
    PortalSettings,
    Publication,
    PublicationFile,
    ReviewedSnippet,
    SearchEntry,
    Theme,
)
from .tasks import (
    index_page_task,
    index_publication_task,
    index_subtree_task,
    make_page_pdfs_task,
)

pre_save.connect(
    keep_new_documents_private,
    sender=get_document_model(),
    dispatch_uid="keep-new-documents-private",
)

# Anything visitors can see changed: cached pages are stale (see caching/page_cache.py).
# ``published`` and ``unpublished`` are the reviewed snippets' (publications, themes, partners).
for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
    signal.connect(content_changed, dispatch_uid=f"page-cache-{signal!r}")
# Saved pages, snippets, sites and view restrictions too (draft saves aside, see
# ``is_draft_save``): the menus and lists every page shows are kept under the version.
CONTENT_MODELS = (
    Page,
    Theme,
    Partner,
    Publication,
    PublicationFile,
    PortalSettings,
    Site,
    PageViewRestriction,
    Collection,
    CollectionViewRestriction,
)
request_started.connect(cache.request_started, dispatch_uid="content-version-request-started")
request_finished.connect(cache.request_finished, dispatch_uid="content-version-request-finished")
m2m_changed.connect(
    content_changed,
    sender=PageViewRestriction.groups.through,
    dispatch_uid="page-cache-restriction-groups",
)
m2m_changed.connect(
    content_changed,
    sender=CollectionViewRestriction.groups.through,
    dispatch_uid="page-cache-collection-restriction-groups",
)


# What saving a draft of a live page or snippet, locking it or starting its workflow writes
# to its row (Page.save_revision, DraftStateMixin.save_revision, workflows): nothing a
# visitor sees.
DRAFT_BOOKKEEPING = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        COMMENTS_RELATION_NAME,
        "has_unpublished_changes",
        "locked",
        "locked_by",
        "locked_at",
    }
)


def is_draft_save(instance, update_fields):
    """True when a page's or reviewed snippet's save leaves what visitors see as it was.

    One that is not live is invisible (a new draft; unpublishing sends ``unpublished``);
    a live one's draft changes are kept in a revision, and only bookkeeping columns are saved.
    Publishing sends ``published`` (or ``page_published``), which moves the version.
    """
    if isinstance(instance, PublicationFile):
        instance = instance.publication
    if not isinstance(instance, (Page, ReviewedSnippet)):
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


# The search entries and PDFs a publish needs are tasks (tasks.py): with a worker the
# editor's request does not wait for them.
@receiver(page_published)
def index_published_page(sender, instance, **kwargs):
    if not indexing.is_deferred():
        index_page_task.enqueue(instance.pk)


@receiver(page_published)
def make_page_pdfs(sender, instance, **kwargs):
    """Typeset the page's PDFs once the publish is committed (never inside its transaction,
    and never for a publish that is rolled back)."""
    if settings.MC2CM_PAGE_PDFS_ON_PUBLISH and offers_pdf(instance):
        transaction.on_commit(partial(make_page_pdfs_task.enqueue, instance.pk))


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
    if publication_id and not indexing.is_deferred():
        transaction.on_commit(partial(index_publication_task.enqueue, publication_id))


# Every language's old address redirects to the page (publishing/redirects.py).
for page_model in get_page_models():
    pre_save.connect(redirects.remember_old_url_paths, sender=page_model)
    post_save.connect(redirects.redirect_changed_addresses, sender=page_model)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def index_restricted_section(sender, instance, **kwargs):
    """A restriction added or removed changes what search may show below it (search also
    checks restrictions when it runs, so the order of events never matters)."""
    if indexing.is_deferred():
        return
    if Page.objects.filter(pk=instance.page_id).exists():  # gone if the page was deleted
        index_subtree_task.enqueue(instance.page_id)


@receiver(post_page_move)
def index_moved_section(sender, instance, **kwargs):
    if not indexing.is_deferred():
        index_subtree_task.enqueue(instance.pk)
