"""Privacy moves from the publication to where the document is kept.

Creates the Public and Partners collections (Partners restricted to the Partners, Editors
and Moderators groups, as access/documents.py describes), then moves every document: files of a
partners-only publication to Partners; other files in the root collection to Public if a
publication links them (they were downloadable and shown as such), else to Partners (an
upload not yet attached: private until someone makes it public). Documents already in
another collection stay there unless a partners-only publication links them.

Editors may upload into Partners only, and choose any document; Moderators may upload,
change (and so move to Public) and choose any document. Running it again changes nothing.
"""

from django.db import migrations

PUBLIC = "Public"
PARTNERS = "Partners"
RESTRICTED_TO = ("Partners", "Editors", "Moderators")
GROUPS = "groups"  # BaseViewRestriction.GROUPS


def child_collection(Collection, root, name):
    """A collection under the root, made the way treebeard's add_child would (the
    historical model has none of its methods)."""
    existing = Collection.objects.filter(depth=2, name=name).first()
    if existing:
        return existing
    children = Collection.objects.filter(depth=2).order_by("-path")
    last = children.first()
    step = 4  # treebeard's steplen for Collection
    number = int(last.path[-step:], 36) + 1 if last else 1
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    segment = ""
    while number:
        number, digit = divmod(number, 36)
        segment = digits[digit] + segment
    collection = Collection.objects.create(
        name=name, depth=2, path=root.path + segment.rjust(step, "0"), numchild=0
    )
    root.numchild = Collection.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    return collection


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {codename.split('_', 1)[0]} {model}"},
    )
    return perm


def keep_documents_where_they_belong(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Group = apps.get_model("auth", "Group")
    Document = apps.get_model("wagtaildocs", "Document")
    PublicationFile = apps.get_model("mc2cm_portal", "PublicationFile")

    root = Collection.objects.get(depth=1)
    # Partners first: Wagtail lists collections by path, and on a fresh database this
    # keeps them in the alphabetical order treebeard would give them (node_order_by).
    partners = child_collection(Collection, root, PARTNERS)
    public = child_collection(Collection, root, PUBLIC)
    if not CollectionViewRestriction.objects.filter(collection=partners).exists():
        restriction = CollectionViewRestriction.objects.create(
            collection=partners, restriction_type=GROUPS, password=""
        )
        restriction.groups.set(
            Group.objects.get_or_create(name=name)[0] for name in RESTRICTED_TO
        )

    private_ids = PublicationFile.objects.filter(publication__partners_only=True).values(
        "document_id"
    )
    linked_ids = PublicationFile.objects.values("document_id")
    Document.objects.filter(pk__in=private_ids).update(collection=partners)
    in_root = Document.objects.filter(collection=root)
    in_root.filter(pk__in=linked_ids).update(collection=public)
    in_root.update(collection=partners)

    add, change, choose = (
        permission(apps, "wagtaildocs", "document", codename)
        for codename in ("add_document", "change_document", "choose_document")
    )
    editors = Group.objects.filter(name="Editors").first()
    if editors:
        GroupCollectionPermission.objects.filter(group=editors, permission=add).delete()
        GroupCollectionPermission.objects.get_or_create(
            group=editors, collection=partners, permission=add
        )
        GroupCollectionPermission.objects.get_or_create(
            group=editors, collection=root, permission=choose
        )
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators:
        for perm in (add, change, choose):
            GroupCollectionPermission.objects.get_or_create(
                group=moderators, collection=root, permission=perm
            )


class Migration(migrations.Migration):
    dependencies = [
        ("mc2cm_portal", "0007_snippet_moderation"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.RunPython(keep_documents_where_they_belong, migrations.RunPython.noop)
    ]
