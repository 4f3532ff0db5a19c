"""Partners-only downloads in templates: is this publication locked for this visitor?"""

from django import template

from mc2cm_portal.access import may_download_partner_files, sign_in_url

register = template.Library()


@register.simple_tag(takes_context=True)
def locked_for_visitor(context, publication):
    """True when the publication is partners-only and the visitor may not download it.

    Public publications never look at the user, so pages without partners-only files
    cost no query, and anonymous visitors none at all.
    """
    if not getattr(publication, "partners_only", False):
        return False
    request = context.get("request")
    return request is None or not may_download_partner_files(request.user)


@register.simple_tag
def partner_sign_in_url(next_url):
    """The sign-in page in the current language, then back to ``next_url``."""
    return sign_in_url(next_url)
