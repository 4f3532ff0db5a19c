from modeltranslation.translator import TranslationOptions, register

from .models import CityNetworkPage, DialoguePage, PeerMeetingIndexPage, PeerMeetingPage


@register(DialoguePage)
class DialoguePageTR(TranslationOptions):
    fields = ("intro", "body")


@register(PeerMeetingIndexPage)
class PeerMeetingIndexPageTR(TranslationOptions):
    fields = ("intro", "key_points")


@register(PeerMeetingPage)
class PeerMeetingPageTR(TranslationOptions):
    fields = ("venue", "summary", "agenda", "outcomes", "body")


@register(CityNetworkPage)
class CityNetworkPageTR(TranslationOptions):
    fields = ("intro", "stakeholders", "body")
