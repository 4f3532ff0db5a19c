"""Create the local partner account for development: partner / mc2cm-partner.

A member of the Partners group (created by a migration) and nothing else: it signs in on
/<lang>/partners/sign-in/ and downloads the partners-only files, and cannot reach the admin.
Refuses to run unless DEBUG is on, so the well-known password never reaches production.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from mc2cm_portal.access import PARTNERS_GROUP

USERNAME = "partner"
PASSWORD = "mc2cm-partner"  # noqa: S105 - documented development-only credentials


class Command(BaseCommand):
    help = "Create the development partner account (partner / mc2cm-partner) if it does not exist."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Refusing to create a well-known partner account with DEBUG off.")
        user_model = get_user_model()
        if user_model.objects.filter(username=USERNAME).exists():
            self.stdout.write("Partner account already exists.")
            return
        user = user_model.objects.create_user(USERNAME, "partner@localhost", PASSWORD)
        group, _created = Group.objects.get_or_create(name=PARTNERS_GROUP)
        user.groups.add(group)
        self.stdout.write(self.style.SUCCESS(f"Partner account created: {USERNAME} / {PASSWORD}"))
