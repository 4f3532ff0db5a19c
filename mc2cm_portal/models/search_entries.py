"""One searchable text per page (or downloadable file) and language.

Wagtail's own index mixes the three languages of a translated field. Visitors must only
find content written in their language, so each page is flattened into one entry per
language from that language's own fields (no fallback), refreshed when it is published.
A page presenting a publication (a profile, a meeting's documents, a toolkit) carries its
file in the entry's language too, so the page and its PDF are one result.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    language = models.CharField(_("language"), max_length=5)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    file = models.ForeignKey(
        "mc2cm_portal.PublicationFile",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=255)
    text = models.TextField(_("text"))
    # Title and text folded (search/folding.py: Arabic letter variants and harakat, accents,
    # case): what search compares on both databases; title and text are what it shows.
    folded_title = models.TextField(_("folded title"), blank=True, default="")
    folded_text = models.TextField(_("folded text"), blank=True, default="")
    # On PostgreSQL: title (weight A) and text (weight B) as a tsvector in the entry's own
    # language, stored and GIN-indexed so that search does not grow with the content
    # (filled by search.fill_vectors; unused on SQLite).
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        indexes = [models.Index(fields=["language"])]
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self):
        return f"{self.title} ({self.language})"
