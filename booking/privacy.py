"""GDPR export and erasure of a customer's appointments (the `register_personal_data` hook,
booking/wagtail_hooks.py)."""

from django.db.models import Q
from django.utils import timezone

from core.accounts import guest_rows

from . import states
from .models import Appointment

ERASED_NAME = "—"


def _appointments(user):
    # Guest bookings under the account's *verified* address count too; an
    # unverified or empty address matches nothing.
    mine = Q(user=user) | guest_rows(user, "client_email")
    return Appointment.objects.filter(mine).select_related("service", "staff", "venue")


class Bookings:
    name = "bookings"

    @staticmethod
    def export(user):
        return [
            {
                "service": str(a.service),
                "staff": str(a.staff),
                "venue": a.venue.title,
                "start": a.start.isoformat(),
                "end": a.end.isoformat(),
                "time_zone": a.time_zone,
                "status": a.status,
                "name": a.client_name,
                "email": a.client_email,
                "phone": a.client_phone,
                "note": a.note,
                "language": a.language,
                "booked_at": a.created_at.isoformat(),
            }
            for a in _appointments(user)
        ]

    @staticmethod
    def erase(user):
        """Cancel future appointments (freeing the time) and anonymise all of them;
        the anonymous rows keep the business's history and statistics."""
        now = timezone.now()
        for appointment in _appointments(user):
            if appointment.start > now and appointment.status in (states.PENDING, states.CONFIRMED):
                appointment.status = states.CANCELLED
            appointment.client_name = ERASED_NAME
            appointment.client_email = f"erased-{appointment.pk}@invalid.example"
            appointment.client_phone = ""
            appointment.note = ""
            appointment.user = None
            appointment.save()
