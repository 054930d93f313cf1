"""Signed, expiring tokens for t.me deep links (`https://t.me/<bot>?start=<token>`).

Telegram allows 64 characters of A-Z, a-z, 0-9, "_" and "-" in a start parameter, so the
token is "<kind><id base36>-<issued base36>-<HMAC, base64url>" rather than
django.core.signing's colon-separated form. Kinds: "a" an appointment (whoever holds its
confirmation page or email may follow it in Telegram), "s" a staff member (the link their
admin page shows them).
"""

import base64
import time

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac

SALT = "bot.linking"


def _base36(number):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
        if not number:
            return text


def _signature(value):
    digest = salted_hmac(SALT, value, algorithm="sha256").digest()[:16]
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


APPOINTMENT, STAFF = "a", "s"


def make_token(object_id, kind=APPOINTMENT, now=None):
    issued = int(now if now is not None else time.time())
    value = f"{kind}{_base36(object_id)}-{_base36(issued)}"
    return f"{value}-{_signature(value)}"


def read_token(token, kind=APPOINTMENT, now=None):
    """The object id of a valid, unexpired token of this kind, else None."""
    parts = (token or "").split("-", 2)
    if len(parts) != 3 or len(token) > 64 or not parts[0].startswith(kind):
        return None
    value = f"{parts[0]}-{parts[1]}"
    if not constant_time_compare(parts[2], _signature(value)):
        return None
    try:
        object_id, issued = int(parts[0][len(kind) :], 36), int(parts[1], 36)
    except ValueError:
        return None
    age = (now if now is not None else time.time()) - issued
    if age < 0 or age > settings.TELEGRAM_LINK_HOURS * 3600:
        return None
    return object_id


def deep_link(object_id, kind=APPOINTMENT):
    return f"https://t.me/{settings.TELEGRAM_BOT_USERNAME}?start={make_token(object_id, kind)}"
