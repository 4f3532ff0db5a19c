"""Partner sign-in and sign-out on the public site, and the partners' own resources page.

Passwords are throttled by django-axes (settings: ``AXES_*``): after a few failures for one
username from one address, that pair is locked out for a while, on this form and on the
admin's alike, and ``locked_out`` answers in the visitor's language. Page passwords
(Privacy → "a shared password") are throttled the same way, per page and address.
"""

import ipaddress

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import cache
from django.core.paginator import Paginator
from django.core.validators import MaxLengthValidator
from django.db.models import Exists, F, OuterRef
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from wagtail.views import authenticate_with_password

from mc2cm_portal.languages import current_language
from mc2cm_portal.models import Publication, PublicationFile
from mc2cm_portal.queries import attach_files, public_document

from .documents import forbidden, is_partner, may_download_partner_files, sign_in_url

RESOURCES_PER_PAGE = 10


class SignInForm(AuthenticationForm):
    """Django's sign-in form, with the labels and autocomplete hints of a public page."""

    # Django's own message names the fields its own way (the Arabic one says "كلمة السر"
    # beside a field labelled "كلمة المرور"): ours uses the labels' words in each language.
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "The username or the password is not correct. Check both and try again: "
            "capital and small letters count."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Username")
        self.fields["password"].label = _("Password")
        # Django sets the username's max_length after building the field, so nothing checks
        # it: an over-long name would reach authenticate() and django-axes, whose record of
        # the attempt cannot hold it (a database error on PostgreSQL). Found by test_fuzz.
        username = self.fields["username"]
        username.validators.append(MaxLengthValidator(username.max_length))
        for field in self.fields.values():
            # Latin usernames stay left to right on the Arabic page, Arabic ones right to left.
            field.widget.attrs["dir"] = "auto"

    def full_clean(self):
        super().full_clean()
        if self.errors:
            # The error summary takes the focus instead (see the template), and each field
            # points at it so screen readers say why it is invalid.
            for field in self.fields.values():
                field.widget.attrs.pop("autofocus", None)
                field.widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": "sign-in-errors"}
                )


def local_path_only(url):
    """Django has checked the host and scheme; also require a path on this site ("/..."),
    so nothing relative or oddly encoded ("%2F%2Fevil.example") is ever followed."""
    return url if url.startswith("/") and not url.startswith(("//", "/\\")) else ""


class SignInView(auth_views.LoginView):
    """``/<lang>/partners/sign-in/``: ``next`` is followed only when it stays on this site."""

    form_class = SignInForm
    template_name = "mc2cm_portal/partner_sign_in.html"

    def get_redirect_url(self):
        return local_path_only(super().get_redirect_url())

    def get_default_redirect_url(self):
        return reverse("partner_resources")

    def form_valid(self, form):
        response = super().form_valid(form)
        # Documents have no language prefix: the cookie makes their 403 and sign-in pages
        # speak the language the partner signed in with.
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            current_language(),
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
        )
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["is_partner"] = is_partner(user)
        context["may_download"] = may_download_partner_files(user)
        return context


sign_in = SignInView.as_view()


class SignOutView(auth_views.LogoutView):
    """POST only (Django refuses GET), back to ``next`` if it is local, else to sign-in."""

    def get_redirect_url(self):
        return local_path_only(super().get_redirect_url())

    def get_default_redirect_url(self):
        return reverse("partner_sign_in") + "?signed_out=1"


sign_out = SignOutView.as_view()


@never_cache
@require_safe
def partner_resources(request):
    """Every publication with a file kept private, for partners and staff, ten to a page."""
    if not request.user.is_authenticated:
        return redirect(sign_in_url(request.get_full_path()))
    if not may_download_partner_files(request.user):
        return forbidden(request)
    private_files = PublicationFile.objects.filter(publication=OuterRef("pk")).exclude(
        public_document("document__")
    )
    # Undated last on PostgreSQL too, as on SQLite (see Publication.Meta.ordering).
    publications = Publication.objects.filter(Exists(private_files), live=True).order_by(
        F("year").desc(nulls_last=True), "title", "pk"
    )
    page = Paginator(publications, RESOURCES_PER_PAGE).get_page(request.GET.get("page"))
    attach_files(page.object_list)
    response = render(request, "mc2cm_portal/partner_resources.html", {"publications": page})
    patch_cache_control(response, private=True)
    return response


def client_ip(request):
    """The client's address for django-axes, behind ``MC2CM_TRUSTED_PROXY_COUNT`` proxies.

    Each trusted proxy appends the address it received the request from to
    X-Forwarded-For, so the client is the N-th entry from the right; anything further
    left was written by the client and cannot be trusted. Without proxies (the default)
    the address is REMOTE_ADDR. A value that is not an IP address is never used.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.MC2CM_TRUSTED_PROXY_COUNT
    if count > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if forwarded:
            candidate = forwarded[-count] if len(forwarded) >= count else forwarded[0]
            if _is_ip(candidate):
                return candidate
    return remote if _is_ip(remote) else None


def _is_ip(value):
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


def locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout answer: 429 Too Many Requests, in the visitor's language."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = render(
        request, "mc2cm_portal/partner_locked_out.html", {"minutes": minutes}, status=429
    )
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    patch_cache_control(response, private=True, no_store=True)
    return response


def page_password(request, page_view_restriction_id, page_id):
    """Wagtail's page password form, with as many tries as the sign-in form.

    Failures are counted per restriction and client address (in the cache, for
    ``AXES_COOLOFF_TIME`` after the last one); past ``AXES_FAILURE_LIMIT`` the form
    answers 429 in the visitor's language until the pause is over. A right password
    (Wagtail's redirect back to the page) clears the count.
    """
    key = f"mc2cm:page-password:{page_view_restriction_id}:{client_ip(request)}"
    if request.method != "POST":
        return authenticate_with_password(request, page_view_restriction_id, page_id)
    if cache.get(key, 0) >= settings.AXES_FAILURE_LIMIT:
        return page_password_locked_out(request)
    response = authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code in (301, 302):
        cache.delete(key)
    elif response.status_code == 200:  # the form again, with its error
        cache.set(key, cache.get(key, 0) + 1, int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response


def page_password_locked_out(request):
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    response = render(
        request,
        "mc2cm_portal/page_password_locked_out.html",
        {"minutes": seconds // 60},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    patch_cache_control(response, private=True, no_store=True)
    return response
