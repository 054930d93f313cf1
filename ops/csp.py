"""Content-Security-Policy (django-csp 4): strict on public pages (scripts only
from our origin or with the per-request nonce), a relaxed policy for the Wagtail
admin and Django admin (their own inline scripts).

Other views declare what they need with a decorator instead of being matched by URL:
`admin_policy` (an admin of their own, e.g. a shop dashboard) and
`csp_update_per_response` (extra sources, e.g. a payment provider's script and frames)."""

import re
from functools import wraps

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings

ADMIN_PATHS = re.compile(r"^/(admin|django-admin)/")


def admin_policy(view):
    """The view gets the relaxed admin policy (OPS_CSP_ADMIN_DIRECTIVES, no nonce)."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        response = view(*args, **kwargs)
        response._csp_admin = True
        return response

    return wrapped


def csp_update_per_response(sources):
    """The view's policy gains the directives `sources()` returns ({directive: [source, …]}),
    computed for each response so that they follow the settings."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            response = view(*args, **kwargs)
            response._csp_update = sources()
            return response

        return wrapped

    return decorator


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:  # a view decorator decided
            return parts
        if getattr(response, "_csp_admin", False) or ADMIN_PATHS.match(request.path_info):
            parts.config = default_config(settings.OPS_CSP_ADMIN_DIRECTIVES)
            parts.nonce = None  # a nonce would make browsers ignore 'unsafe-inline'
        elif parts.update:
            base = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
            parts.update = {
                key: [v for v in values if v not in base.get(key, [])] for key, values in parts.update.items()
            }
        return parts
