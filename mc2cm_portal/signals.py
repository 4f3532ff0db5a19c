"""Keep the search entries in step with what is published."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from .models import Publication, PublicationFile, SearchEntry
from .search import index_page, index_publication


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
