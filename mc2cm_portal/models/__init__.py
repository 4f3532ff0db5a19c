"""Site-wide models, re-exported so that ``mc2cm_portal.models.X`` stays the one address."""

from .downloads import DocumentDownload
from .pages import (
    BodyMixin,
    HomePage,
    IntroMixin,
    LanguagePreviewMixin,
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
    "LanguagePreviewMixin",
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
