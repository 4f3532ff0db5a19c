from modeltranslation.translator import TranslationOptions, register

from .models import CityComparisonPage, CityFigure, CityIndexPage, CityPage


@register(CityIndexPage)
class CityIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(CityPage)
class CityPageTR(TranslationOptions):
    fields = ("official_name", "country", "portrait", "image_alt")


@register(CityFigure)
class CityFigureTR(TranslationOptions):
    fields = ("label", "source")


@register(CityComparisonPage)
class CityComparisonPageTR(TranslationOptions):
    fields = ("intro",)
