"""How often each document was downloaded, per language of the file."""

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DocumentDownload(models.Model):
    """One counter per document and file language, moved by the document serving view.

    The language is that of the publication file the document belongs to (blank for a
    document that is in no publication). ``file`` points at that publication file so the
    report can show its publication; the counter outlives it if the file is removed.
    """

    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    language = models.CharField(
        _("file language"), max_length=5, blank=True, choices=settings.LANGUAGES
    )
    file = models.ForeignKey(
        "mc2cm_portal.PublicationFile",
        verbose_name=_("file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    downloads = models.PositiveIntegerField(_("downloads"), default=0)
    last_download = models.DateTimeField(_("last download"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["document", "language"], name="one_counter_per_file")
        ]
        verbose_name = _("document downloads")
        verbose_name_plural = _("document downloads")

    def __str__(self):
        return f"{self.document} ({self.language or '-'}): {self.downloads}"

    @property
    def publication(self):
        return self.file.publication if self.file else None

    @property
    def publication_kind(self):
        return self.file.publication.get_kind_display() if self.file else ""

    @classmethod
    def count(cls, document_id, language="", file=None):
        """Add one download, atomically: concurrent downloads never lose a count.

        The common case is a single UPDATE ... SET downloads = downloads + 1. The first
        download creates the row; if another request created it in the meantime, the
        unique constraint refuses ours and we fall back on the update.
        """
        now = timezone.now()
        counters = cls.objects.filter(document_id=document_id, language=language)
        if counters.update(downloads=F("downloads") + 1, last_download=now, file=file):
            return
        try:
            with transaction.atomic():
                cls.objects.create(
                    document_id=document_id,
                    language=language,
                    file=file,
                    downloads=1,
                    last_download=now,
                )
        except IntegrityError:
            counters.update(downloads=F("downloads") + 1, last_download=now, file=file)
