"""Create the local editorial accounts for development: editor and moderator.

``editor`` / ``mc2cm-editor`` is in the Editors group and ``moderator`` / ``mc2cm-moderator``
in the Moderators group (in the Tunis and Beirut time zones), so staff can try the
moderation workflow end to end. Like ``create_dev_admin``, it refuses to run unless DEBUG
is on.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from wagtail.users.models import UserProfile

# Documented development-only credentials: (username, password, group, time zone). The
# editor works from Tunis and the moderator from Beirut, so the admin shows each their own
# time (a go-live set for 10:00 in Tunis reads 11:00 in Beirut).
ACCOUNTS = (
    ("editor", "mc2cm-editor", "Editors", "Africa/Tunis"),
    ("moderator", "mc2cm-moderator", "Moderators", "Asia/Beirut"),
)


class Command(BaseCommand):
    help = "Create the development editor and moderator accounts if they do not exist."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Refusing to create well-known accounts with DEBUG off.")
        user_model = get_user_model()
        for username, password, group_name, time_zone in ACCOUNTS:
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
            if not profile.current_time_zone:
                profile.current_time_zone = time_zone
                profile.save(update_fields=["current_time_zone"])
