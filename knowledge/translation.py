from modeltranslation.translator import TranslationOptions, register

from .models import (
    KnowledgePage,
    MigrationProfileIndexPage,
    MigrationProfilePage,
    PriorityDocumentIndexPage,
    PriorityDocumentPage,
)


@register(KnowledgePage)
class KnowledgePageTR(TranslationOptions):
    fields = ("intro", "body")


@register(MigrationProfileIndexPage)
@register(PriorityDocumentIndexPage)
class SectionIndexTR(TranslationOptions):
    fields = ("intro", "key_points")


@register(MigrationProfilePage)
class MigrationProfilePageTR(TranslationOptions):
    fields = ("summary", "body")


@register(PriorityDocumentPage)
class PriorityDocumentPageTR(TranslationOptions):
    fields = ("summary", "body", "priority_areas")
