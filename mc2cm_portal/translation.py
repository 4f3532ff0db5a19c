"""Fields stored once per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import HomePage, InformationPage, Partner, Publication, Theme


@register(Theme)
class ThemeTR(TranslationOptions):
    fields = ("name", "description")


@register(Partner)
class PartnerTR(TranslationOptions):
    fields = ("name", "acronym", "description")


@register(Publication)
class PublicationTR(TranslationOptions):
    fields = ("title",)


@register(HomePage)
class HomePageTR(TranslationOptions):
    fields = ("tagline", "why", "what", "how", "network", "duration_note")


@register(InformationPage)
class InformationPageTR(TranslationOptions):
    fields = ("intro", "body")
