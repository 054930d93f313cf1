"""Staff calendar in the Wagtail admin: day and week views per staff member, with
confirm / complete / no-show / cancel actions. Staff users (a Staff record linked
to their login) see only their venue; superusers and users with the
"booking.change_appointment" permission see every venue."""

from datetime import datetime, timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import formats
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from core.parsing import parse_date, parse_int

from . import states
from .models import Appointment, Staff, VenuePage
from .operations import change_status
from .schedule import local_midnight_utc

ACTIONS = [
    (states.CONFIRMED, gettext_lazy("Confirm")),
    (states.COMPLETED, gettext_lazy("Complete")),
    (states.NO_SHOW, gettext_lazy("No-show")),
    (states.CANCELLED, gettext_lazy("Cancel")),
]


def visible_venues(user):
    """The venues a user may manage, or None for "no access"."""
    default = Locale.get_default()
    if user.is_superuser or user.has_perm("booking.change_appointment"):
        return VenuePage.objects.filter(locale=default)
    venue_ids = Staff.objects.filter(user=user).values_list("venue_id", flat=True)
    if not venue_ids:
        return None
    return VenuePage.objects.filter(pk__in=list(venue_ids))


def visible_staff(user, queryset):
    """Staff a user may see in choosers: everyone for staff managers, else their venues' staff."""
    if user.is_superuser or any(
        user.has_perm(f"booking.{action}") for action in ("add_staff", "change_staff", "delete_staff")
    ):
        return queryset
    venues = visible_venues(user)
    if venues is None:
        return queryset.none()
    return queryset.filter(venue__in=venues)


def can_use_calendar(user):
    return user.is_authenticated and visible_venues(user) is not None


def _parse_day(value, tz):
    return parse_date(value) or datetime.now(tz).date()


def calendar_view(request):
    venues = visible_venues(request.user)
    if venues is None:
        raise PermissionDenied
    staff_qs = Staff.objects.filter(venue__in=venues, locale=Locale.get_default()).select_related("venue")
    staff_list = list(staff_qs.order_by("venue__title", "name"))
    selected = None
    staff_id = parse_int(request.GET.get("staff"))
    if staff_id:
        selected = next((s for s in staff_list if s.pk == staff_id), None)
    if selected is None and staff_list:
        selected = staff_list[0]
    mode = "week" if request.GET.get("view") == "week" else "day"
    context = {
        "staff_list": staff_list,
        "selected": selected,
        "mode": mode,
        "actions": ACTIONS,
        "header_title": _("Booking calendar"),
    }
    if selected is not None:
        tz = selected.venue.zone
        day = _parse_day(request.GET.get("date"), tz)
        if mode == "week":
            first = day - timedelta(days=day.weekday())
            days = [first + timedelta(days=i) for i in range(7)]
        else:
            days = [day]
        start, end = local_midnight_utc(days[0], tz), local_midnight_utc(days[-1] + timedelta(days=1), tz)
        appointments = list(
            Appointment.objects.filter(staff=selected, start__lt=end, end__gt=start)
            .select_related("service")
            .order_by("start")
        )
        columns = []
        for current in days:
            items = [a for a in appointments if a.local_start.date() == current]
            columns.append(
                {
                    "date": current,
                    "label": formats.date_format(current, "l") + ", " + formats.date_format(current, "DATE_FORMAT"),
                    "items": [
                        {
                            "appointment": a,
                            "time": f"{a.local_start:%H:%M}–{a.local_end:%H:%M}",
                            "actions": [(t, label) for t, label in ACTIONS if states.can_transition(a.status, t)],
                        }
                        for a in items
                    ],
                }
            )
        step = timedelta(days=7 if mode == "week" else 1)
        base = reverse("booking_calendar")
        context.update(
            {
                "columns": columns,
                "day": day,
                "time_zone": selected.venue.time_zone,
                "previous_url": f"{base}?staff={selected.pk}&view={mode}&date={(day - step).isoformat()}",
                "next_url": f"{base}?staff={selected.pk}&view={mode}&date={(day + step).isoformat()}",
                "day_url": f"{base}?staff={selected.pk}&view=day&date={day.isoformat()}",
                "week_url": f"{base}?staff={selected.pk}&view=week&date={day.isoformat()}",
                "today_url": f"{base}?staff={selected.pk}&view={mode}",
            }
        )
    return render(request, "booking/admin/calendar.html", context)


@require_POST
def change_status_view(request, pk):
    venues = visible_venues(request.user)
    if venues is None:
        raise PermissionDenied
    appointment = get_object_or_404(Appointment, pk=pk, venue__in=venues)
    target = request.POST.get("status", "")
    try:
        change_status(appointment, target)
        appointment.refresh_from_db()
        messages.success(
            request,
            _("%(client)s: %(status)s.")
            % {"client": appointment.client_name, "status": appointment.get_status_display()},
        )
    except states.InvalidTransition:
        messages.error(request, _("This change is not possible from the appointment's current status."))
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("booking_calendar")
    return HttpResponseRedirect(back)
