"""QR check-in codes: a signed link to the admin "Check in" page that names one appointment.

The code is `<appointment id>.<version>` signed with django.core.signing under its own salt.
The version is the appointment's start (epoch seconds): a rescheduled appointment's old code
stops working, a cancelled one is refused by its status (operations.check_in). A code is not
a secret key to anything: only signed-in staff of the venue can use it.
"""

import io
from urllib.parse import parse_qs, urlsplit

import segno
from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "booking.checkin.v1"
QUERY_PARAMETER = "code"


def version(appointment):
    return str(int(appointment.start.timestamp()))


def make_code(appointment):
    return signing.Signer(salt=SALT).sign(f"{appointment.pk}.{version(appointment)}")


def checkin_url(appointment):
    path = reverse("booking_check_in")
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}?{QUERY_PARAMETER}={make_code(appointment)}"


class BadCode(ValueError):
    pass


def read_code(text):
    """(appointment id, version) from a pasted or scanned code or check-in link; BadCode if
    it is not one we signed."""
    text = (text or "").strip()
    if "?" in text or "://" in text:
        values = parse_qs(urlsplit(text).query).get(QUERY_PARAMETER) or [""]
        text = values[0].strip()
    if not text or len(text) > 200:
        raise BadCode()
    try:
        value = signing.Signer(salt=SALT).unsign(text)
    except signing.BadSignature as error:
        raise BadCode() from error
    pk, _sep, code_version = value.partition(".")
    if not pk.isdigit() or not code_version.isdigit():
        raise BadCode()
    return int(pk), code_version


def qr_svg_data_uri(appointment):
    """The check-in QR code as an SVG data URI (img-src data: is allowed by the CSP)."""
    return segno.make(checkin_url(appointment), error="m").svg_data_uri(scale=4, dark="#1c1917")


def qr_png(appointment):
    """The check-in QR code as PNG bytes (the confirmation email's inline image)."""
    out = io.BytesIO()
    segno.make(checkin_url(appointment), error="m").save(out, kind="png", scale=6, border=2)
    return out.getvalue()
