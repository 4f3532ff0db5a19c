"""The content version every cached page, lookup and fragment is keyed on
(see caching/page_cache.py)."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


def new_version():
    return uuid.uuid4().hex


class ContentVersion(models.Model):
    """One row whose value changes whenever anything visitors see changes.

    Kept in the database rather than in a cache file: a command run as another Unix user
    (a restore, the publishing cron job, a shell) writes it like any other row, and the
    server reads it whoever wrote it last. A random value rather than a counter, so that a
    restored database never brings back a value that keyed other content before.
    """

    value = models.CharField(_("value"), max_length=32, default=new_version)

    class Meta:
        verbose_name = _("content version")
        verbose_name_plural = _("content versions")

    def __str__(self):
        return self.value
