from django.core.management.base import BaseCommand

from mc2cm_portal.search.indexing import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the per-language search entries of every live page and publication file."

    def handle(self, *args, **options):
        count = rebuild_index()
        self.stdout.write(self.style.SUCCESS(f"{count} search entries written."))
