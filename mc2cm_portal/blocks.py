"""Blocks shared by every page body. App-specific blocks live in the app's ``blocks.py``."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Sub-section heading"))],
        default="h2",
        help_text=_("Use sub-section headings only under a section heading."),
        # A heading's level is layout, not text: search finds the heading by its words.
        search_index=False,
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        preview_value = {"text": "Access to rights and services", "level": "h2"}
        description = _("A heading that structures the text for readers and screen readers.")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_(
            "Describe what the image shows for people who cannot see it. "
            "Write it in the language of this field."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        description = _("An image with its alternative text and an optional caption.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        preview_value = {
            "quote": "Cities are where migrants arrive, work and build their lives.",
            "attribution": "MC2CM",
        }
        description = _("A short quotation with the person or body it comes from.")


class BodyBlock(blocks.StreamBlock):
    """The one body used by every page that has free text."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        preview_value="<p>The city runs a one-stop desk for newcomers.</p>",
        description=_("Running text with links and lists."),
    )
    image = ImageBlock()
    quote = QuoteBlock()

    class Meta:
        block_counts = {}
