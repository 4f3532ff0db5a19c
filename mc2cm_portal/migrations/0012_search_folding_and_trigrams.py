from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

from mc2cm_portal.search.folding import fold

TEXT_CONFIG = {"ar": "arabic", "fr": "french", "en": "english"}


def fold_existing_entries(apps, schema_editor):
    """Fold the entries already there and rebuild their vectors from the folded text."""
    SearchEntry = apps.get_model("mc2cm_portal", "SearchEntry")
    entries = list(SearchEntry.objects.only("title", "text"))
    for entry in entries:
        entry.folded_title = fold(entry.title)
        entry.folded_text = fold(entry.text)
    SearchEntry.objects.bulk_update(entries, ["folded_title", "folded_text"], batch_size=500)
    if schema_editor.connection.vendor != "postgresql":
        return
    for language, config in TEXT_CONFIG.items():
        schema_editor.execute(
            "UPDATE mc2cm_portal_searchentry SET vector = "
            "setweight(to_tsvector(%s::regconfig, folded_title), 'A') || "
            "setweight(to_tsvector(%s::regconfig, folded_text), 'B') "
            "WHERE language = %s",
            (config, config, language),
        )


class Migration(migrations.Migration):

    dependencies = [
        ("mc2cm_portal", "0011_information_pages"),
    ]

    operations = [
        # pg_trgm for "did you mean" (search.suggestion); Django skips it on SQLite.
        TrigramExtension(),
        migrations.AddField(
            model_name="searchentry",
            name="folded_title",
            field=models.TextField(blank=True, default="", verbose_name="folded title"),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="folded_text",
            field=models.TextField(blank=True, default="", verbose_name="folded text"),
        ),
        migrations.RunPython(fold_existing_entries, migrations.RunPython.noop),
    ]
