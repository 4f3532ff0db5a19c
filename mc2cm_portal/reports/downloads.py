"""Admin report: how often each document was downloaded, per language of the file.

Every admin user (editors, moderators) can read it; visitors never reach the admin.
One query for the rows whatever their number: publication and document come joined.
"""

import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from mc2cm_portal.models import DocumentDownload, Publication


class DownloadReportFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(label=_("File language"), choices=settings.LANGUAGES)
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), field_name="file__publication__kind", choices=Publication.Kind.choices
    )

    class Meta:
        model = DocumentDownload
        fields = ["language", "kind"]


class DownloadReportView(ReportView):
    page_title = _("Downloads")
    header_icon = "download"
    index_url_name = "download_report"
    index_results_url_name = "download_report_results"
    filterset_class = DownloadReportFilterSet
    default_ordering = "-downloads"
    export_filename = "downloads"
    columns = [
        Column("publication", label=_("Publication")),
        Column("publication_kind", label=_("Kind")),
        Column("language", label=_("File language"), accessor="get_language_display"),
        Column("document", label=_("Document"), accessor="document.title"),
        Column("downloads", label=_("Downloads"), sort_key="downloads"),
        DateColumn("last_download", label=_("Last download"), sort_key="last_download"),
    ]
    list_export = [
        "publication",
        "publication_kind",
        "get_language_display",
        "document.title",
        "downloads",
        "last_download",
    ]
    export_headings = {
        "publication": _("Publication"),
        "publication_kind": _("Kind"),
        "get_language_display": _("File language"),
        "document.title": _("Document"),
        "downloads": _("Downloads"),
        "last_download": _("Last download"),
    }

    def get_base_queryset(self):
        return DocumentDownload.objects.select_related("document", "file__publication")
