"""Sentry error tracking: initialised from settings only when SENTRY_DSN is set,
with every event scrubbed of personal and payment data before it leaves the
server. The scrubbing is plain Python over the event dict (unit-tested)."""

import re

from django.core.exceptions import DisallowedHost
from django.http import Http404

FILTERED = "[Filtered]"

# Keys whose values are never sent, wherever they appear (request data, headers,
# cookies, frame variables, extra, contexts). Compared lower-case, "-" as "_".
SENSITIVE_KEY = re.compile(
    r"(^|_)(email|e_mail|mail|ip|ip_address|remote_addr|x_forwarded_for|x_real_ip|cookie|cookies|sessionid|"
    r"authorization|proxy_authorization|x_api_key|api_key|password|passwd|secret|client_secret|token|csrf\w*|"
    r"card|card_number|cvc|cvv|pan|iban|payment_method|payment_method_id|stripe\w*|"
    r"address|line1|line2|line3|line4|street|postcode|post_code|zip|zipcode|city|"
    r"phone|phone_number|mobile|tel)($|_)",
    re.IGNORECASE,
)

PATTERNS = [
    # Stripe client secrets and object ids that act as payment tokens
    re.compile(r"\b(pi|seti|cs|src)_[A-Za-z0-9]+_secret_[A-Za-z0-9]+\b"),
    re.compile(r"\b(tok|pm|card|src|ba|btok|ctoken)_[A-Za-z0-9]{8,}\b"),
    re.compile(r"\b(sk|rk|pk|whsec)_(live|test)_[A-Za-z0-9]+\b"),
    re.compile(r"\bwhsec_[A-Za-z0-9]+\b"),
    # e-mail addresses
    re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"),
    # card numbers (13-19 digits, optionally grouped)
    re.compile(r"\b(?:\d[ -]?){12,18}\d\b"),
    # phone numbers: +country or long digit groups
    re.compile(r"(?<![\w.])\+\d[\d ()./-]{6,}\d"),
    re.compile(r"(?<![\w.])\(?0\d{2,5}\)?[ /-]?\d{3,}[ -]?\d{0,6}\b"),
    # IPv4 and IPv6 addresses
    re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b"),
    re.compile(r"\b(?:[0-9a-fA-F]{1,4}:){2,7}[0-9a-fA-F]{1,4}\b"),
    # bearer/basic credentials
    re.compile(r"\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]+", re.IGNORECASE),
]

# Sentry's own structural keys that must survive (they look like sensitive names).
KEEP_KEYS = {"type", "value", "module", "function", "filename", "abs_path", "lineno", "colno", "level", "logger"}

IGNORED_EXCEPTIONS = (Http404, DisallowedHost)


def scrub_text(text):
    for pattern in PATTERNS:
        text = pattern.sub(FILTERED, text)
    return text


def _sensitive(key):
    return isinstance(key, str) and key not in KEEP_KEYS and bool(SENSITIVE_KEY.search(key.replace("-", "_")))


def scrub(value):
    """Return a copy of `value` with sensitive keys and recognisable personal data replaced."""
    if isinstance(value, dict):
        return {k: (FILTERED if _sensitive(k) else scrub(v)) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        # headers arrive as [[name, value], ...] pairs
        if len(value) == 2 and isinstance(value[0], str) and _sensitive(value[0]):
            return [value[0], FILTERED]
        return [scrub(v) for v in value]
    if isinstance(value, str):
        return scrub_text(value)
    return value


def before_send(event, hint):
    """Drop 404s and bad Host headers; scrub everything else."""
    exc_info = (hint or {}).get("exc_info")
    if exc_info and isinstance(exc_info[1], IGNORED_EXCEPTIONS):
        return None
    if (event.get("logger") or "").startswith("django.security.DisallowedHost"):
        return None
    event = scrub(event)
    user = event.get("user")
    if isinstance(user, dict):
        event["user"] = {"id": user["id"]} if "id" in user else {}
    request = event.get("request")
    if isinstance(request, dict):
        request.pop("cookies", None)
        if isinstance(request.get("env"), dict):
            request["env"].pop("REMOTE_ADDR", None)
    return event


def before_breadcrumb(crumb, hint):
    return scrub(crumb)


def init_sentry(dsn, environment="production", release=None, traces_sample_rate=0.0):
    """Start Sentry when `dsn` is set; return True when it did."""
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration
    from sentry_sdk.integrations.logging import ignore_logger

    ignore_logger("django.security.DisallowedHost")
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release or None,  # None: Sentry reads SENTRY_RELEASE or the git commit
        before_send=before_send,
        before_breadcrumb=before_breadcrumb,
        traces_sample_rate=traces_sample_rate,
        integrations=[DjangoIntegration()],
        max_request_body_size="medium",
        # No release-health session envelopes: one error, one envelope.
        auto_session_tracking=False,
    )
    return True
