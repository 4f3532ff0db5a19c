"""Create the local editorial accounts for development: editor and moderator.

``editor`` / ``mc2cm-editor`` is in the Editors group and ``moderator`` / ``mc2cm-moderator``
in the Moderators group, so staff can try the moderation workflow end to end. Like
``create_dev_admin``, it refuses to run unless DEBUG is on.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

# Documented development-only credentials: (username, password, group).
ACCOUNTS = (
    ("editor", "mc2cm-editor", "Editors"),
    ("moderator", "mc2cm-moderator", "Moderators"),
)


class Command(BaseCommand):
    help = "Create the development editor and moderator accounts if they do not exist."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Refusing to create well-known accounts with DEBUG off.")
        user_model = get_user_model()
        for username, password, group_name in ACCOUNTS:
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
