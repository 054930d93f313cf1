"""Wagtail dashboard panel: upcoming bookings, cancellations and no-shows."""

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone
from wagtail.admin.ui.components import Component

from . import states
from .models import Appointment


def booking_summary(now=None):
    now = now or timezone.now()
    month_ago = now - timedelta(days=30)
    counts = Appointment.objects.aggregate(
        total=Count("pk"),
        upcoming=Count("pk", filter=Q(status__in=states.ACTIVE, start__gte=now)),
        next_7_days=Count("pk", filter=Q(status__in=states.ACTIVE, start__gte=now, start__lt=now + timedelta(days=7))),
        cancelled=Count("pk", filter=Q(status=states.CANCELLED, updated_at__gte=month_ago)),
        no_shows=Count("pk", filter=Q(status=states.NO_SHOW, start__gte=month_ago)),
    )
    counts["next"] = list(
        Appointment.objects.filter(status__in=states.ACTIVE, start__gte=now)
        .select_related("service", "staff")
        .order_by("start")[:5]
    )
    return counts


class BookingsPanel(Component):
    name = "booking_summary"
    order = 60
    template_name = "booking/admin/dashboard_panel.html"

    def render_html(self, parent_context=None):
        summary = booking_summary()
        if not summary["total"]:
            return ""  # nothing to show before the first booking
        self._summary = summary
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        return {"summary": self._summary}
