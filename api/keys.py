"""API keys: create, revoke, authenticate.

A key is `sk_<prefix>.<secret>`: the prefix finds the row, the SHA-256 of the 256-bit secret is
compared in constant time (a high-entropy secret needs no slow password hash). A failed
authentication counts like a failed sign-in: against the per-client login limit
(OPS_LOGIN_RATE_LIMIT a minute, ops/security.py) and django-axes' lockout (as the username
"api-key", so an address that keeps guessing is locked out for AXES_COOLOFF_TIME). Every call
with a valid key counts against the key's own limit (API_RATE_LIMIT_PER_MINUTE)."""

import hashlib
import hmac
import secrets

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.utils import timezone

from core.ratelimit import client_address, hit

from .models import BOOKING, READ, STAFF, ApiKey

PREFIX = "sk_"
LOCKOUT_CREDENTIALS = {"username": "api-key"}
# What each scope may do.
GRANTS = {READ: {READ}, BOOKING: {READ, BOOKING}, STAFF: {READ, BOOKING, STAFF}}


class AuthFailure(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code  # "unauthorized", "locked_out", "rate_limited"


def _digest(secret):
    return hashlib.sha256(secret.encode()).hexdigest()


def create_key(*, name, scope=READ, venue=None):
    """(ApiKey, the full key to show once)."""
    prefix = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    key = ApiKey.objects.create(name=name, scope=scope, venue=venue, prefix=prefix, secret_hash=_digest(secret))
    return key, f"{PREFIX}{prefix}.{secret}"


def issue_secret(key):
    """Give an unsaved ApiKey (the admin's create form) its prefix and secret; returns the full key."""
    key.prefix = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    key.secret_hash = _digest(secret)
    return f"{PREFIX}{key.prefix}.{secret}"


def revoke(key, now=None):
    if key.revoked_at is None:
        key.revoked_at = now or timezone.now()
        key.save(update_fields=["revoked_at"])


def _find(raw):
    if not raw.startswith(PREFIX) or "." not in raw:
        return None
    prefix, _, secret = raw[len(PREFIX) :].partition(".")
    if not prefix or not secret or len(prefix) > 16:
        return None
    key = ApiKey.objects.filter(prefix=prefix, revoked_at__isnull=True).select_related("venue").first()
    if key is None or not hmac.compare_digest(key.secret_hash, _digest(secret)):
        return None
    return key


def authenticate(request, raw):
    """The ApiKey `raw` names, or raise AuthFailure."""
    if not AxesProxyHandler.is_allowed(request, LOCKOUT_CREDENTIALS):
        raise AuthFailure("locked_out")
    key = _find(raw or "")
    if key is None:
        within = hit("login", client_address(request), settings.OPS_LOGIN_RATE_LIMIT, 60)
        user_login_failed.send(sender=__name__, credentials=LOCKOUT_CREDENTIALS, request=request)
        request.axes_locked_out = False  # the API answers its own JSON (next request: "locked_out")
        raise AuthFailure("unauthorized" if within else "rate_limited")
    if not hit("api-key", key.pk, settings.API_RATE_LIMIT_PER_MINUTE, 60):
        raise AuthFailure("rate_limited")
    now = timezone.now()
    if key.last_used_at is None or (now - key.last_used_at).total_seconds() > 60:
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
    return key


def allows(key, scope):
    return scope in GRANTS[key.scope]
