"""The snippets visitors see go through the same moderation as pages.

Publications, themes and partners get the "Moderators approval" workflow that pages use
(set up by 0004_editorial_groups), and only Moderators may publish, lock and unlock them:
an Editor's change stays a draft until a Moderator approves it. Rows that exist already
stay live (the ``live`` column added by 0006 defaults to true). Running it again changes
nothing.
"""

from django.db import migrations

WORKFLOW_NAME = "Moderators approval"
REVIEWED_SNIPPETS = ("publication", "theme", "partner")
# Editors keep add/change (0004): without publish they can only save drafts and submit them.
MODERATOR_ACTIONS = ("publish", "lock", "unlock")


def permission(apps, model, action):
    """The permission, created if Wagtail's post-migrate step has not run yet (fresh database)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="mc2cm_portal", model=model
    )
    perm, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{model}",
        defaults={"name": f"Can {action} {model}"},
    )
    return perm


def moderate_snippets(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    moderators = Group.objects.get(name="Moderators")
    moderators.permissions.add(
        *(
            permission(apps, model, action)
            for model in REVIEWED_SNIPPETS
            for action in MODERATOR_ACTIONS
        )
    )

    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    for model in REVIEWED_SNIPPETS:
        content_type, _created = ContentType.objects.get_or_create(
            app_label="mc2cm_portal", model=model
        )
        WorkflowContentType.objects.update_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("mc2cm_portal", "0006_reviewed_snippets"),
        ("mc2cm_portal", "0004_editorial_groups"),
    ]

    operations = [migrations.RunPython(moderate_snippets, migrations.RunPython.noop)]
