"""The portal's tests: tests/<app>/ mirrors the apps; shared helpers live at this level."""

from pathlib import Path

# The project's folder, wherever a test module sits below tests/.
ROOT = Path(__file__).resolve().parent.parent
# The portal's languages, as in settings.LANGUAGES (tests/portal/test_languages.py checks).
LANGUAGES = ("ar", "fr", "en")
