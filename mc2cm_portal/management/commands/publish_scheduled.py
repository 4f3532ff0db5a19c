"""Wagtail's ``publish_scheduled``, safe to run on several machines at the same minute.

Wagtail's command reads the revisions due and publishes them one by one, without a lock: two
app servers whose timers fire together would both publish each page (two log entries, two
rounds of purges and tasks). Here the whole run holds one database lock, so a second run
waits for the first to commit and then finds nothing left to do. PostgreSQL: an advisory
lock held until the transaction ends; SQLite (one machine only): the write lock that its
IMMEDIATE transactions take at once (settings DATABASES).
"""

from django.db import connection, transaction
from wagtail.management.commands.publish_scheduled import Command as WagtailCommand

# Any constant shared by every machine; only this command takes it.
ADVISORY_LOCK_KEY = 0x6D63326D  # "mc2m"


class Command(WagtailCommand):
    def handle(self, *args, **options):
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ADVISORY_LOCK_KEY])
            return super().handle(*args, **options)
