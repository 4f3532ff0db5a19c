"""Create the local admin account for development: admin / mc2cm-admin.

Also creates the demo partner account (``create_dev_partner``), so `make run` shows both.

Refuses to run unless DEBUG is on, so the well-known password never reaches production.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "mc2cm-admin"  # noqa: S105 - documented development-only credentials


class Command(BaseCommand):
    help = "Create the development admin account (admin / mc2cm-admin) if it does not exist."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Refusing to create a well-known admin account with DEBUG off.")
        user_model = get_user_model()
        if user_model.objects.filter(username=USERNAME).exists():
            self.stdout.write("Admin account already exists.")
        else:
            user_model.objects.create_superuser(USERNAME, "admin@localhost", PASSWORD)
            self.stdout.write(self.style.SUCCESS(f"Admin account created: {USERNAME} / {PASSWORD}"))
        call_command("create_dev_partner", stdout=self.stdout)
