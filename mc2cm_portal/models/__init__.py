"""Site-wide models, re-exported so that ``mc2cm_portal.models.X`` stays the one address."""

from .downloads import DocumentDownload
from .pages import (
    BodyMixin,
    HomePage,
    InformationPage,
    IntroMixin,
    PillarPage,
    PublicationMixin,
    SectionIndexPage,
    ThemesMixin,
    TranslatedPageMixin,
)
from .search_entries import SearchEntry
from .shared import (
    Partner,
    PortalSettings,
    Publication,
    PublicationFile,
    ReviewedSnippet,
    Theme,
)
from .versions import ContentVersion

__all__ = [
    "BodyMixin",
    "ContentVersion",
    "DocumentDownload",
    "HomePage",
    "InformationPage",
    "IntroMixin",
    "TranslatedPageMixin",
    "Partner",
    "PillarPage",
    "PublicationMixin",
    "PortalSettings",
    "Publication",
    "PublicationFile",
    "ReviewedSnippet",
    "SearchEntry",
    "SectionIndexPage",
    "Theme",
    "ThemesMixin",
]
