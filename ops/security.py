"""Login protection: django-axes lockout (with cool-off) and a per-address rate limit.

Both live in the first authentication backend, so every password check that goes
through `authenticate(request, ...)` is counted and limited, whichever page or API
it comes from (every login page, admin logins, password change, account erasure).
A check without a request cannot be attributed to a client and is refused.
"""

import re
from functools import wraps

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from core.addresses import mailbox_key
from core.ratelimit import client_address, hit, too_many_requests


def lockout_username(request, credentials=None):
    """AXES_USERNAME_CALLABLE: `LockMe@x` and `lockme@x` are one account (email login is case-insensitive)."""
    value = (credentials or {}).get("username")
    if value is None and request is not None:
        value = getattr(request, "POST", {}).get("username")
    # upper() first: the database's case-insensitive match (UPPER) makes `ı` an `I`
    # and `ſ` an `S`, so `sıssı@x` signs in as `sissi@x` and must share its lockout.
    return (value or "").strip().upper().lower() or None


class AxesBackend(AxesStandaloneBackend):
    """First backend: the per-client rate limit, then axes' lockout, for every password check."""

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            # Unattributable: it would bypass the lockout and the limit (Oscar's
            # checkout gateway did this). Every caller must pass the request.
            raise PermissionDenied("authenticate() needs the request")
        limit = settings.OPS_LOGIN_RATE_LIMIT
        if not hit("login", client_address(request), limit, 60):
            request.credentials_rate_limited = True
            raise PermissionDenied("too many password checks from this client")
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request, response=None, credentials=None, *args, **kwargs):
    """Shown while an account/address is locked out (AXES_LOCKOUT_CALLABLE)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = _("Too many failed sign-in attempts. Please try again in %(minutes)s minutes.") % {"minutes": minutes}
    response = HttpResponse(render_to_string("429.html", {"message": message}, request=request), status=429)
    response["Retry-After"] = str(minutes * 60)
    return response


# Wagtail admin's password reset; other apps' reset views are decorated with `password_reset_limited`.
PASSWORD_RESET_PATH = re.compile(r"^/admin/password_reset/$")
# Shared passwords of Wagtail's private pages and documents (no account, so no
# authenticate()): their guesses count against the same per-client limit.
VIEW_RESTRICTION_PATH = re.compile(
    r"^(/[a-z]{2}(-[a-z]+)?)?/_util/authenticate_with_password/|^/documents/authenticate_with_password/"
)


def password_reset_allowed(request):
    """A few reset requests per client and per address an hour; counted whether or
    not the address has an account, so the answer reveals nothing."""
    email = (request.POST.get("email") or "").strip()
    per_client = hit("reset-client", client_address(request), settings.PASSWORD_RESET_LIMIT_PER_CLIENT, 3600)
    # Per mailbox: "victim@ｅxample.com" or "victim+1@" reach victim@example.com (core/addresses.py).
    per_address = not email or hit("reset-address", mailbox_key(email), settings.PASSWORD_RESET_LIMIT_PER_ADDRESS, 3600)
    return per_client and per_address


def password_reset_limited(view):
    """A password-reset view whose POSTs count against the reset limits (429 past them)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "POST" and not password_reset_allowed(request):
            return too_many_requests(request)
        return view(request, *args, **kwargs)

    return wrapped


class LoginRateLimitMiddleware:
    """At most OPS_LOGIN_RATE_LIMIT password checks per client address per minute,
    whatever the username or page: the backend counts, this answers 429."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and PASSWORD_RESET_PATH.match(request.path_info):
            if not password_reset_allowed(request):
                return too_many_requests(request)
        if request.method == "POST" and VIEW_RESTRICTION_PATH.match(request.path_info):
            if not hit("login", client_address(request), settings.OPS_LOGIN_RATE_LIMIT, 60):
                return too_many_requests(request)
        response = self.get_response(request)
        if getattr(request, "credentials_rate_limited", False):
            return too_many_requests(request)
        return response
