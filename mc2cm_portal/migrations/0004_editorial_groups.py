"""Editors and Moderators with the least permissions that work, and one moderation workflow.

Wagtail's own migrations already create both groups and a "Moderators approval" workflow
on the root of the page tree; this adapts them instead of adding look-alikes, so it is safe
on a fresh database and on one where staff have used the admin. Running it again changes
nothing. The Partners group (front-end access only) is deliberately left alone.
"""

from django.db import migrations

GROUP_NAMES = ("Editors", "Moderators")
WORKFLOW_NAME = "Moderators approval"

# Page permissions, granted on the root of the tree so they cover every page type.
# Without publish_page an editor's only way to put a page live is the workflow.
PAGE_PERMISSIONS = {
    "Editors": ("add_page", "change_page"),
    "Moderators": ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
}
# Upload and choose in the root collection. Owners may edit their own uploads with "add";
# nobody but an administrator deletes a file another page may be using.
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "image", ("add_image", "choose_image")),
    ("wagtaildocs", "document", ("add_document", "choose_document")),
)
# Model-level permissions: the admin itself and the shared snippets (no deleting them:
# pages point at themes, partners and publications).
MODEL_PERMISSIONS = (
    ("wagtailadmin", "admin", ("access_admin",)),
    ("mc2cm_portal", "publication", ("add_publication", "change_publication")),
    ("mc2cm_portal", "theme", ("add_theme", "change_theme")),
    ("mc2cm_portal", "partner", ("add_partner", "change_partner")),
)


def permission(apps, app_label, model, codename):
    """The permission, created if Django's post-migrate step has not run yet (fresh database)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    action = codename.split("_", 1)[0]
    perm, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {action} {model}"},
    )
    return perm


def set_up_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    model_permissions = [
        permission(apps, app_label, model, codename)
        for app_label, model, codenames in MODEL_PERMISSIONS
        for codename in codenames
    ]
    collection_permissions = [
        permission(apps, app_label, model, codename)
        for app_label, model, codenames in COLLECTION_PERMISSIONS
        for codename in codenames
    ]

    groups = {}
    for name in GROUP_NAMES:
        group, _created = Group.objects.get_or_create(name=name)
        groups[name] = group
        # Replaces Wagtail's defaults, which include model-wide image and document
        # permissions (every collection, deleting included).
        group.permissions.set(model_permissions)

        page_permissions = [
            permission(apps, "wagtailcore", "page", codename) for codename in PAGE_PERMISSIONS[name]
        ]
        GroupPagePermission.objects.filter(group=group).exclude(
            page=root_page, permission__in=page_permissions
        ).delete()
        for perm in page_permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=perm)

        GroupCollectionPermission.objects.filter(group=group).exclude(
            collection=root_collection, permission__in=collection_permissions
        ).delete()
        for perm in collection_permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=perm
            )

    # One approval step by the Moderators, on the root page: every page type goes through it.
    task_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _created = GroupApprovalTask.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"content_type": task_type, "active": True}
    )
    task.active = True
    task.save()
    task.groups.set([groups["Moderators"]])

    workflow, _created = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    workflow.active = True
    workflow.save()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("mc2cm_portal", "0003_search_vector"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(set_up_groups, migrations.RunPython.noop)]
