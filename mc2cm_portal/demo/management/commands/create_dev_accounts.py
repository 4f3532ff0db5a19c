"""Create the local accounts for development, each with its documented password.

- ``admin`` / ``mc2cm-admin``: a superuser.
- ``editor`` / ``mc2cm-editor`` (Editors group, Tunis time) and ``moderator`` /
  ``mc2cm-moderator`` (Moderators group, Beirut time), so staff can try the moderation
  workflow end to end; each sees the admin in their own time (a go-live set for 10:00 in
  Tunis reads 11:00 in Beirut).
- ``partner`` / ``mc2cm-partner``: a member of the Partners group and nothing else. It signs
  in on /<lang>/partners/sign-in/, downloads the partners-only files and cannot reach the admin.

Idempotent: an existing account is left as it is (only missing groups and time zones are
added). Refuses to run unless DEBUG is on, so the well-known passwords never reach production.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from wagtail.users.models import UserProfile

from mc2cm_portal.access.documents import PARTNERS_GROUP

# Documented development-only credentials: (username, password, group, time zone).
ADMIN = ("admin", "mc2cm-admin")
ACCOUNTS = (
    ("editor", "mc2cm-editor", "Editors", "Africa/Tunis"),
    ("moderator", "mc2cm-moderator", "Moderators", "Asia/Beirut"),
    ("partner", "mc2cm-partner", PARTNERS_GROUP, ""),
)


class Command(BaseCommand):
    help = (
        "Create the development accounts if they do not exist: admin, editor, moderator and "
        "partner (passwords mc2cm-<username>). Refuses to run with DEBUG off."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Refusing to create well-known accounts with DEBUG off.")
        user_model = get_user_model()
        username, password = ADMIN
        if user_model.objects.filter(username=username).exists():
            self.stdout.write(f"{username} already exists.")
        else:
            user_model.objects.create_superuser(username, f"{username}@localhost", password)
            self.stdout.write(self.style.SUCCESS(f"Created {username} / {password}"))
        for username, password, group_name, time_zone in ACCOUNTS:
            # The groups come from migrations; a missing one means an unmigrated database.
            group = Group.objects.filter(name=group_name).first()
            if group is None:
                raise CommandError(f"The {group_name} group is missing: run migrate first.")
            user = user_model.objects.filter(username=username).first()
            if user is not None:
                self.stdout.write(f"{username} already exists.")
            else:
                # Staff status is Django's own admin; Wagtail's admin goes by the group.
                user = user_model.objects.create_user(username, f"{username}@localhost", password)
                self.stdout.write(self.style.SUCCESS(f"Created {username} / {password}"))
            user.groups.add(group)
            profile = UserProfile.get_for_user(user)
            if time_zone and not profile.current_time_zone:
                profile.current_time_zone = time_zone
                profile.save(update_fields=["current_time_zone"])
