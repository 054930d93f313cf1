"""What Stripe.js needs on the checkout pages (applied per view in shop/urls.py)."""

from urllib.parse import urlsplit

from django.conf import settings


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
