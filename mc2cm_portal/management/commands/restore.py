from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from mc2cm_portal.operations.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = "Replace the database and the media files with those of a backup (make restore)."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="An archive written by `manage.py backup`.")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, **options):
        database = settings.DATABASES["default"]["NAME"]
        if options["interactive"]:
            answer = input(
                f"This replaces everything in the database {database} and restores the media "
                f"files into {settings.MEDIA_ROOT}. Type 'yes' to continue: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            manifest = restore_backup(options["archive"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest['created']} into {database}. If the portal's "
                "code is newer than the backup, run `make migrate` now."
            )
        )
