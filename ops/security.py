"""Login protection: django-axes lockout (with cool-off) and a per-address rate limit."""

import re

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from core.ratelimit import client_address, hit, too_many_requests

LOGIN_PATHS = re.compile(r"^/(admin|django-admin)/login/$|^/[a-z]{2}(-[a-z]+)?/shop/accounts/login/$")


class AxesBackend(AxesStandaloneBackend):
    """Axes' lockout check for every login form. Oscar's registration signs the new
    customer in with authenticate() without a request; that is not a guessable
    login, so it is let through to the next backend instead of failing."""

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request, response=None, credentials=None, *args, **kwargs):
    """Shown while an account/address is locked out (AXES_LOCKOUT_CALLABLE)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = _("Too many failed sign-in attempts. Please try again in %(minutes)s minutes.") % {"minutes": minutes}
    response = HttpResponse(render_to_string("429.html", {"message": message}, request=request), status=429)
    response["Retry-After"] = str(minutes * 60)
    return response


class LoginRateLimitMiddleware:
    """At most OPS_LOGIN_RATE_LIMIT login POSTs per address per minute, whatever the username."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and LOGIN_PATHS.match(request.path_info):
            limit = getattr(settings, "OPS_LOGIN_RATE_LIMIT", 10)
            if not hit("login", client_address(request), limit, 60):
                return too_many_requests(request)
        return self.get_response(request)
