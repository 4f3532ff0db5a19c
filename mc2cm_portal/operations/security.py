"""Security headers Django 5.2 does not send itself: Content-Security-Policy and
Permissions-Policy, with a looser policy for the Wagtail admin only.

Public pages carry no executable inline script or style at all (the JSON-LD blocks are
`application/ld+json` data, which browsers never execute and CSP does not govern), so the
policy needs no nonce. That keeps the page cache simple and safe: a cached page is the
same bytes for every visitor, and there is no per-response secret to replay.

The Wagtail 8 admin still writes inline `<script>` (inline panels, date pickers) and
inline styles, so /admin/ gets `'unsafe-inline'` for those two and may frame itself (the
live preview panel). Staff are signed in there; visitors never are.
"""

from django.conf import settings
from django.urls import reverse


def serialize(policy):
    return "; ".join(f"{name} {' '.join(sources)}".strip() for name, sources in policy.items())


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.public_policy = serialize(settings.MC2CM_CONTENT_SECURITY_POLICY)
        self.admin_policy = serialize(settings.MC2CM_ADMIN_CONTENT_SECURITY_POLICY)
        self.permissions_policy = ", ".join(
            f"{feature}=({' '.join(allowed)})"
            for feature, allowed in settings.MC2CM_PERMISSIONS_POLICY.items()
        )
        self._admin_prefix = None

    @property
    def admin_prefix(self):
        # Resolved on first use: the URLconf is not loaded yet when middleware is built.
        if self._admin_prefix is None:
            self._admin_prefix = reverse("wagtailadmin_home")
        return self._admin_prefix

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.admin_prefix):
            response["Content-Security-Policy"] = self.admin_policy
            # Consistent with frame-ancestors 'self': the admin previews pages in an iframe.
            response["X-Frame-Options"] = "SAMEORIGIN"
        else:
            response.setdefault("Content-Security-Policy", self.public_policy)
            response["X-Frame-Options"] = "DENY"
        response.setdefault("Permissions-Policy", self.permissions_policy)
        return response
