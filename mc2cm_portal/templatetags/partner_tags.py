"""Private downloads in templates: may this visitor download this file?"""

from django import template

from mc2cm_portal.access.documents import locked, short_address, sign_in_url

register = template.Library()


@register.simple_tag(takes_context=True)
def locked_for_visitor(context, item):
    """True when the visitor may not download the file (a ``PublicationFile``), or one of
    the files of a ``Publication``.

    Public files never look at the user (``with_privacy`` read it with the files), so
    pages without private files cost no query, and anonymous visitors none at all.
    """
    files = item._file_list() if hasattr(item, "_file_list") else [item] if item else []
    request = context.get("request")
    return any(
        not file.is_public and (request is None or locked(file.document, request)) for file in files
    )


@register.simple_tag
def partner_sign_in_url(document):
    """The sign-in page in the current language, then on to ``document`` (by its short
    address, which does not give its file's name away)."""
    return sign_in_url(short_address(document))
