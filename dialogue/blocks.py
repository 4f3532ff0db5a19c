"""Blocks of the Dialogue pillar: a peer meeting's agenda."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class AgendaItemBlock(blocks.StructBlock):
    """One item of a meeting's programme: when, and what was discussed."""

    day = blocks.DateBlock(
        label=_("Day"),
        required=False,
        help_text=_("For meetings over several days; leave empty for a one-day meeting."),
    )
    time = blocks.TimeBlock(label=_("Time"), required=False, help_text=_("When it started."))
    topic = blocks.CharBlock(label=_("Topic"), max_length=250)
    details = blocks.TextBlock(
        label=_("Details"),
        required=False,
        help_text=_("Optional: speakers, format or a sentence on what was discussed."),
    )

    class Meta:
        icon = "time"
        label = _("Agenda item")
        preview_value = {"time": "09:30", "topic": "Welcome by the host city"}
        description = _("One item of the programme, with its time and topic.")


class AgendaBlock(blocks.StreamBlock):
    """The meeting's programme, in order."""

    item = AgendaItemBlock()
