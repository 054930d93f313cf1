"""How many new bookings one client may make (plain Python over the ORM and cache).

Nothing proves that a guest owns the email address a booking names, and every
booking mails that address. So:
- per email address: at most BOOKING_LIMIT_EMAIL_PER_HOUR / _PER_DAY new bookings
  (counted in the database, letter case and a "+tag" ignored);
- per client address (core.ratelimit.client_address, TRUSTED_PROXY_HOPS aware): at most
  BOOKING_LIMIT_IP_PER_HOUR / _PER_DAY new bookings (counted in the shared cache);
- an unproven address (a guest, or not the signed-in customer's verified address)
  holds at most BOOKING_LIMIT_GUEST_UPCOMING upcoming appointments at a time.
Rescheduling through a manage link (the booker sees it at once on the done page) mails
the address again, so one appointment moves at most BOOKING_LIMIT_CHANGES_PER_DAY times a day.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _

from core.ratelimit import count, hit

from . import states
from .models import Appointment

HOUR, DAY = 3600, 86400


def same_mailbox(email):
    """Appointments naming the mailbox `email` reaches: letter case and a "+tag" in the
    local part ignored (victim+1@ is delivered to victim@, so it shares victim@'s limits)."""
    email = (email or "").strip()
    local, at, domain = email.rpartition("@")
    base = local.split("+", 1)[0]
    if not at or not base:
        return Appointment.objects.filter(client_email__iexact=email)
    return Appointment.objects.filter(
        Q(client_email__iexact=f"{base}@{domain}")
        | Q(client_email__istartswith=f"{base}+", client_email__iendswith=f"@{domain}")
    )


def refusal(*, email, address, proven, now):
    """None when this client may book now, else the message to show (with a 429)."""
    recent = same_mailbox(email)
    if recent.filter(created_at__gte=now - timedelta(hours=1)).count() >= settings.BOOKING_LIMIT_EMAIL_PER_HOUR or (
        recent.filter(created_at__gte=now - timedelta(days=1)).count() >= settings.BOOKING_LIMIT_EMAIL_PER_DAY
    ):
        return _("This email address has made several bookings recently. Please try again later or contact us.")
    if not proven:
        upcoming = recent.filter(status__in=states.ACTIVE, start__gt=now).count()
        if upcoming >= settings.BOOKING_LIMIT_GUEST_UPCOMING:
            return _(
                "This email address already has %(count)s upcoming appointments. Please sign in or contact us "
                "to book more."
            ) % {"count": upcoming}
    if (
        count("booking-new-hour", address, HOUR) >= settings.BOOKING_LIMIT_IP_PER_HOUR
        or count("booking-new-day", address, DAY) >= settings.BOOKING_LIMIT_IP_PER_DAY
    ):
        return _("You have made several bookings in a short time. Please try again later or contact us.")
    return None


def record(address):
    """Count a new booking made from `address`."""
    hit("booking-new-hour", address, settings.BOOKING_LIMIT_IP_PER_HOUR, HOUR)
    hit("booking-new-day", address, settings.BOOKING_LIMIT_IP_PER_DAY, DAY)


def change_refusal(appointment):
    """None while this appointment may still be moved today, else the message (a 429)."""
    if count("booking-change-day", appointment.pk, DAY) >= settings.BOOKING_LIMIT_CHANGES_PER_DAY:
        return _("This appointment has been moved several times today. Please try again tomorrow or contact us.")
    return None


def record_change(appointment):
    hit("booking-change-day", appointment.pk, settings.BOOKING_LIMIT_CHANGES_PER_DAY, DAY)
