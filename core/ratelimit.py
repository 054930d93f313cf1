"""Small cache-based rate limits for POSTs (contact, feedback, booking, login).

Keys use a hash of the client address, never the raw IP. With several web
processes the cache must be shared (REDIS_URL) for limits to be exact.
"""

import functools
import hashlib
import ipaddress
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _


def client_address(request):
    """The visitor's address, counting TRUSTED_PROXY_HOPS proxies in front of us.

    Each trusted proxy appends the address it saw to X-Forwarded-For, so the
    client is the entry `hops` places from the right of [X-Forwarded-For...,
    REMOTE_ADDR]. Entries further left are whatever the client sent (spoofable)
    and are never read. With 0 hops the header is ignored. Used by the rate
    limits, django-axes (AXES_CLIENT_IP_CALLABLE) and the visitor statistics.

    One client is one IPv4 address or one IPv6 /64 (a customer line hands out a
    whole /64; counting each address would give an attacker 2^64 fresh identities),
    written canonically (`::ffff:1.2.3.4` is `1.2.3.4`). An entry that is no address
    (only possible in the spoofable part) is skipped for the proxy that reported it."""
    remote = request.META.get("REMOTE_ADDR", "")
    hops = settings.TRUSTED_PROXY_HOPS
    if hops <= 0:
        return _one_client(remote) or remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    chain = [*forwarded, remote]
    # Fewer entries than hops: the request skipped a proxy; take the furthest one we have.
    for entry in chain[max(len(chain) - 1 - hops, 0) :]:
        address = _one_client(entry)
        if address:
            return address
    return remote


def _one_client(value):
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return ""
    if address.version == 6:
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    return str(address)


def _key(scope, identity, window_seconds):
    bucket = int(time.time() // window_seconds)
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{identity}".encode()).hexdigest()[:24]
    return f"rl:{scope}:{digest}:{bucket}"


def count(scope, identity, window_seconds):
    """How many hits `identity` has in the current window (without counting one)."""
    return cache.get(_key(scope, identity, window_seconds), 0)


def hit(scope, identity, limit, window_seconds):
    """Count one attempt; return True while the caller is within `limit` per window."""
    key = _key(scope, identity, window_seconds)
    cache.add(key, 0, window_seconds + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window_seconds + 5)
        count = 1
    return count <= limit


def too_many_requests(request, message=None, retry_after=60):
    message = message or _("Too many attempts. Please wait a minute and try again.")
    if getattr(request, "htmx", False) or "application/json" in request.headers.get("Accept", ""):
        response = HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
    else:
        response = HttpResponse(render_to_string("429.html", {"message": message}, request=request), status=429)
    response["Retry-After"] = str(retry_after)
    return response


def ratelimit(scope, limit, window_seconds=60, methods=("POST",)):
    """View decorator: answer 429 with a localized message past `limit` requests per window."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods and not hit(scope, client_address(request), limit, window_seconds):
                return too_many_requests(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
