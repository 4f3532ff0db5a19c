"""The work a publish sets off, as django-tasks tasks (settings TASKS).

With a worker (MC2CM_TASKS_WORKER=1) they are queued in the database, in the publish's own
transaction, so the worker sees them only once the publish is committed, and the editor's
request answers without waiting for them; without one they run at once, as before. Each
takes ids, never objects, and reads what was committed: a task that runs late, or twice,
does the same thing.

Deferring is safe here because none of this decides who sees what: search checks view
restrictions and live state when it runs (search.py), and an unpublished page's entries
are removed in the request itself (signals.py).
"""

from django_tasks import task
from wagtail.models import Page

from .models import Publication
from .pdf import refresh_page_pdfs_quietly
from .search import index_page, index_publication, index_subtree


@task()
def index_page_task(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        index_page(page)


@task()
def index_subtree_task(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        index_subtree(page)


@task()
def index_publication_task(publication_id):
    publication = Publication.objects.filter(pk=publication_id).first()
    if publication is not None:
        index_publication(publication)


@task()
def make_page_pdfs_task(page_id):
    """Typeset a published page's PDFs in its three languages (pdf.py); a failure is
    logged, and each PDF is then made on its first request instead."""
    refresh_page_pdfs_quietly(page_id)
