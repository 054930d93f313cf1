"""Content-Security-Policy (django-csp 4): strict on public pages (scripts only
from our origin or with the per-request nonce), Stripe.js added on checkout
pages, a relaxed policy for the Wagtail admin, Django admin and Oscar dashboard
(their own inline scripts)."""

import re
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings

ADMIN_PATHS = re.compile(r"^/(admin|django-admin)/|^/[a-z]{2}(-[a-z]+)?/shop/dashboard/")
PAYMENT_PATHS = re.compile(r"^/[a-z]{2}(-[a-z]+)?/shop/checkout/")


def origin(url):
    """scheme://host[:port] of a URL, or "" for a relative one."""
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def stripe_sources():
    """What Stripe.js needs where payment happens: its script, its iframes (card field, 3-D Secure), its API."""
    js = origin(settings.STRIPE_JS_URL)
    sources = {js} if js else set()
    if js == "https://js.stripe.com":
        frames, connect = {js, "https://hooks.stripe.com"}, {"https://api.stripe.com"}
    else:  # a local fake (localstripe) serves script, frames and API from one origin
        frames, connect = set(sources), set(sources)
    return {
        "script-src": sorted(sources),
        "frame-src": sorted(frames),
        "connect-src": sorted(connect),
        "img-src": sorted(sources),
    }


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:  # a view decorator decided
            return parts
        path = request.path_info
        if ADMIN_PATHS.match(path):
            parts.config = default_config(settings.OPS_CSP_ADMIN_DIRECTIVES)
            parts.nonce = None  # a nonce would make browsers ignore 'unsafe-inline'
        elif PAYMENT_PATHS.match(path):
            extra = stripe_sources()
            base = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
            parts.update = {
                key: [*(parts.update or {}).get(key, []), *[v for v in values if v not in base.get(key, [])]]
                for key, values in extra.items()
            }
        return parts
