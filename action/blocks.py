"""Blocks used only by the Action pillar."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=150)
    text = blocks.RichTextBlock(
        label=_("What to do"), features=["bold", "italic", "link", "ol", "ul"]
    )

    class Meta:
        icon = "list-ol"
        template = "blocks/step_block.html"
        preview_value = {
            "title": "Map who does what",
            "text": "<p>List the city services that migrants use and who runs them.</p>",
        }
        description = _("One step of a toolkit: what to do and how.")


class StepsBlock(blocks.StreamBlock):
    step = StepBlock()
