"""Site-wide models, re-exported so that ``mc2cm_portal.models.X`` stays the one address."""

from .pages import (
    BodyMixin,
    HomePage,
    IntroMixin,
    PillarPage,
    SectionIndexPage,
    ThemesMixin,
)
from .search import SearchEntry
from .shared import (
    LANGUAGE_CODES,
    Partner,
    PortalSettings,
    Publication,
    PublicationFile,
    Theme,
    current_language,
)

__all__ = [
    "LANGUAGE_CODES",
    "BodyMixin",
    "HomePage",
    "IntroMixin",
    "Partner",
    "PillarPage",
    "PortalSettings",
    "Publication",
    "PublicationFile",
    "SearchEntry",
    "SectionIndexPage",
    "Theme",
    "ThemesMixin",
    "current_language",
]
