"""The portal's tests: tests/<app>/ mirrors the apps; shared helpers live at this level."""

# The portal's languages, as in settings.LANGUAGES (tests/portal/test_languages.py checks).
LANGUAGES = ("ar", "fr", "en")
