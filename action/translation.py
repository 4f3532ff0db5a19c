from modeltranslation.translator import TranslationOptions, register

from .models import (
    ActionPage,
    PilotProjectIndexPage,
    PilotProjectPage,
    ToolkitIndexPage,
    ToolkitPage,
)


@register(ActionPage)
class ActionPageTR(TranslationOptions):
    fields = ("intro", "body")


@register(PilotProjectIndexPage)
@register(ToolkitIndexPage)
class SectionIndexTR(TranslationOptions):
    fields = ("intro", "key_points")


@register(PilotProjectPage)
class PilotProjectPageTR(TranslationOptions):
    fields = ("partners", "summary", "aims", "results", "body")


@register(ToolkitPage)
class ToolkitPageTR(TranslationOptions):
    fields = ("audience", "summary", "steps")
