"""An administrator whose admin speaks a given language."""

from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.users.models import UserProfile


def admin_in(language, username=None):
    """A test client signed in as a superuser whose admin is in ``language``."""
    username = username or f"admin-{language}"
    user = get_user_model().objects.create_superuser(username, f"{username}@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client = Client()
    client.force_login(user)
    return client
