"""Sentry error tracking: initialised from settings only when SENTRY_DSN is set,
with every event scrubbed of personal and payment data before it leaves the
server. The scrubbing is plain Python over the event dict (unit-tested)."""

import re
from urllib.parse import parse_qsl, unquote_plus

import sentry_sdk
from django.core.exceptions import DisallowedHost
from django.http import Http404
from sentry_sdk.integrations.django import DjangoIntegration
from sentry_sdk.integrations.logging import ignore_logger

from . import secret_urls

FILTERED = "[Filtered]"

# Keys whose values are never sent, wherever they appear (request data, headers,
# cookies, frame variables, extra, contexts, and key=value or "key": value pairs
# inside strings). Compared lower-case, "-" as "_".
SENSITIVE_KEY = re.compile(
    r"(^|_)(email|e_mail|mail|receipt_email|ip|ip_address|remote_addr|x_forwarded_for|x_real_ip|cookie|cookies|"
    r"sessionid|authorization|proxy_authorization|x_api_key|api_key|access_token|password|passwd|secret|"
    r"client_secret|token|csrf\w*|hash|uidb64|signature|otp|"
    r"card|card_number|cvc|cvv|pan|iban|payment_method|payment_method_id|stripe\w*|billing_details|"
    r"customer_details|shipping|address|line1|line2|line3|line4|street|postcode|post_code|postal_code|zip|zipcode|"
    r"city|town|first_name|last_name|full_name|client_name|customer_name|phone|phone_number|mobile|tel|"
    r"query_string|raw_uri)($|_)",
    re.IGNORECASE,
)

_HEX = r"[0-9A-Fa-f]{1,4}"
_STREET_SUFFIX = r"(?:stra(?:ß|ss)e|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|markt)"
_STREET_TYPE = r"(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Boulevard|Blvd|Drive|Dr|Way|Court|Ct|Place|Pl|Square|Terrace)"
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
    # phone numbers: +country, long digit groups, US style (555) 123-4567 / 555-123-4567
    re.compile(r"(?<![\w.])\+\d[\d ()./-]{6,}\d"),
    re.compile(r"(?<![\w.])\(?0\d{2,5}\)?[ /-]?\d{3,}[ -]?\d{0,6}\b"),
    re.compile(r"(?<![\w.])(?:1[ .-]?)?\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}(?![\w])"),
    # IPv4 and IPv6 addresses (full and short forms: 2001:db8::1, fe80::1, ::1)
    re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b"),
    re.compile(rf"(?<![\w:])(?:(?:{_HEX}:){{1,7}}:(?:{_HEX}(?::{_HEX}){{0,6}})?|::{_HEX}(?::{_HEX}){{0,6}})(?![\w:])"),
    re.compile(rf"\b(?:{_HEX}:){{2,7}}{_HEX}\b"),
    # street and number (Friedrichstraße 123, 221B Baker Street), postcode + city (10117 Berlin),
    # US city, state and ZIP (Springfield, IL 62704), UK postcodes (SW1A 1AA)
    re.compile(rf"\b[\wÄÖÜäöüß.-]*{_STREET_SUFFIX}\s+\d+\s?[a-zA-Z]?\b", re.IGNORECASE),
    re.compile(rf"\b\d{{1,5}}[A-Za-z]?\s+(?:[A-Z][\w.'-]*\s+){{1,4}}{_STREET_TYPE}\b\.?"),
    re.compile(r"\b\d{4,5}\s+[A-ZÄÖÜ][\wäöüß-]+(?:[ -][A-ZÄÖÜ][\wäöüß-]+)?"),
    re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)*,\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?\b"),
    re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b"),
    # bearer/basic credentials
    re.compile(r"\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]+", re.IGNORECASE),
]
# key=value, key: value, "key": "value" and 'key': 'value' inside free text (reprs, JSON, log lines);
# a value opening with { or [ is a nested structure, filtered up to its closing bracket.
KEY_VALUE = re.compile(
    r"""(["']?)([A-Za-z][\w-]*)\1(\s*[:=]\s*)([{\[]|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s,&;'"}\]>)]+)"""
)
PERCENT_ENCODED = re.compile(r"%[0-9A-Fa-f]{2}")

# Sentry's own structural keys that must survive (they look like sensitive names).
KEEP_KEYS = {"type", "value", "module", "function", "filename", "abs_path", "lineno", "colno", "level", "logger"}

IGNORED_EXCEPTIONS = (Http404, DisallowedHost)


def _closing(text, start):
    """The index after the bracket closing the one at `start` (the end of `text` when cut off)."""
    depth, quote, index = 0, None, start
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return len(text)


def _filter_pairs(text):
    out, position = [], 0
    for match in KEY_VALUE.finditer(text):
        _quote, key, _separator, value = match.groups()
        if match.start() < position or not _sensitive(key):
            continue
        start = match.start(4)
        if value in ("{", "["):
            end = _closing(text, start)
        else:
            end = match.end(4)
        wrapped = value[0] + FILTERED + value[0] if value[:1] in "\"'" and len(value) > 1 else FILTERED
        out += [text[position:start], wrapped]
        position = end
    out.append(text[position:])
    return "".join(out)


def scrub_text(text, known=()):
    """Free text: secret URL parts and query strings, decoded %-escapes, sensitive
    key/value pairs, recognisable personal data and the `known` secret values are replaced."""
    for secret in known:
        text = text.replace(secret, FILTERED)
    text = secret_urls.redact(text, FILTERED)
    if PERCENT_ENCODED.search(text):
        text = unquote_plus(text)  # %40 -> @, %2B49 -> +49: the patterns see what a reader would
    for pattern in PATTERNS:
        text = pattern.sub(FILTERED, text)
    return _filter_pairs(text)


def _sensitive(key):
    return isinstance(key, str) and key not in KEEP_KEYS and bool(SENSITIVE_KEY.search(key.replace("-", "_")))


def scrub(value, known=()):
    """Return a copy of `value` with sensitive keys, recognisable personal data and
    the `known` secret values replaced."""
    if isinstance(value, dict):
        return {k: (FILTERED if _sensitive(k) else scrub(v, known)) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        # headers arrive as [[name, value], ...] pairs
        if len(value) == 2 and isinstance(value[0], str) and _sensitive(value[0]):
            return [value[0], FILTERED]
        return [scrub(v, known) for v in value]
    if isinstance(value, str):
        return scrub_text(value, known)
    return value


def _request_secrets(request):
    """Values this request carried in secret URL segments and its query string: they
    are scrubbed wherever they turn up (a view's positional arguments, a repr, a message)."""
    if not isinstance(request, dict):
        return ()
    values = secret_urls.secrets_in(request.get("url") or "")
    query_string = request.get("query_string")
    if isinstance(query_string, str):
        values += [value for _key, value in parse_qsl(query_string, keep_blank_values=True)]
    # Longest first, so a value is never half replaced by a shorter one inside it.
    return sorted({v for v in values if len(v) >= 4}, key=len, reverse=True)


def _query_keys_only(query_string):
    """ "token=abc&page=2" -> "token=[Filtered]&page=[Filtered]": which parameters, never their values."""
    try:
        keys = [key for key, _ in parse_qsl(query_string, keep_blank_values=True)]
    except ValueError:
        return FILTERED
    return "&".join(f"{scrub_text(key)}={FILTERED}" for key in keys)


def before_send(event, hint):
    """Drop 404s and bad Host headers; scrub everything else by structure
    (request, every frame's variables, extra, contexts, breadcrumbs) and by text."""
    exc_info = (hint or {}).get("exc_info")
    if exc_info and isinstance(exc_info[1], IGNORED_EXCEPTIONS):
        return None
    if (event.get("logger") or "").startswith("django.security.DisallowedHost"):
        return None
    request = event.get("request")
    query_string = request.get("query_string") if isinstance(request, dict) else None
    event = scrub(event, _request_secrets(request))
    user = event.get("user")
    if isinstance(user, dict):
        event["user"] = {"id": user["id"]} if "id" in user else {}
    request = event.get("request")
    if isinstance(request, dict):
        request.pop("cookies", None)
        if query_string:
            request["query_string"] = _query_keys_only(query_string)
        if isinstance(request.get("env"), dict):
            request["env"].pop("REMOTE_ADDR", None)
    return event


def before_breadcrumb(crumb, hint):
    return scrub(crumb)


def init_sentry(dsn, environment="production", release=None, traces_sample_rate=0.0):
    """Start Sentry when `dsn` is set; return True when it did."""
    if not dsn:
        return False

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
