from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from mc2cm_portal.operations.backups import LOCK_TIMEOUT_SECONDS, BackupError, write_backup


class Command(BaseCommand):
    help = "Write the database and the media files into one archive (make backup)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--folder",
            default=settings.BASE_DIR / "backups",
            help="Where to write mc2cm-YYYYmmdd-HHMMSS.tar.gz (default: backups/).",
        )
        parser.add_argument(
            "--lock-timeout",
            type=int,
            default=LOCK_TIMEOUT_SECONDS,
            help="Seconds to wait for a locked database before giving up "
            f"(default: {LOCK_TIMEOUT_SECONDS}).",
        )

    def handle(self, *args, **options):
        try:
            path = write_backup(options["folder"], options["lock_timeout"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        size = path.stat().st_size / 1024 / 1024
        self.stdout.write(self.style.SUCCESS(f"Backup written: {path} ({size:.1f} MB)"))
