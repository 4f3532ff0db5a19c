"""Site-wide models, re-exported so that ``mc2cm_portal.models.X`` stays the one address."""

from .downloads import DocumentDownload
from .pages import (
    BodyMixin,
    HomePage,
    IntroMixin,
    PillarPage,
    SectionIndexPage,
    ThemesMixin,
    TranslatedPageMixin,
)
from .search import SearchEntry
from .shared import (
    LANGUAGE_CODES,
    Partner,
    PortalSettings,
    Publication,
    PublicationFile,
    Theme,
    attach_files,
    current_language,
    visible,
)

__all__ = [
    "LANGUAGE_CODES",
    "BodyMixin",
    "DocumentDownload",
    "HomePage",
    "IntroMixin",
    "TranslatedPageMixin",
    "Partner",
    "PillarPage",
    "PortalSettings",
    "Publication",
    "PublicationFile",
    "SearchEntry",
    "SectionIndexPage",
    "Theme",
    "ThemesMixin",
    "attach_files",
    "current_language",
    "visible",
]
