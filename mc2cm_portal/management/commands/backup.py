from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from mc2cm_portal.backups import (
    LOCK_TIMEOUT_SECONDS,
    BackupError,
    media_in_archive,
    write_backup,
)


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
        if media_in_archive():
            self.stdout.write(self.style.SUCCESS(f"Backup written: {path} ({size:.1f} MB)"))
        else:
            self.stdout.write(
                self.style.SUCCESS(f"Backup of the database written: {path} ({size:.1f} MB)")
            )
            self.stdout.write(
                self.style.WARNING(
                    "The uploaded files are in the object store (S3_PRIVATE_BUCKET and "
                    "S3_PUBLIC_BUCKET) and are NOT in this archive: keep copies of those "
                    "buckets with the store's own tools (versioning, replication)."
                )
            )
