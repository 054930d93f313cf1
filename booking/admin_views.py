"""Staff calendar in the Wagtail admin: day and week views per staff member, with
confirm / complete / no-show / cancel actions, and the "Check in" page (QR codes). Staff users (a Staff record linked
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

from . import checkin, states
from .models import Appointment, Staff, VenuePage
from .operations import (
    CheckInRefused,
    active_staff_venue_ids,
    change_status,
    check_in,
    is_deactivated_staff,
    is_manager,
)
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
    if is_manager(user):
        return VenuePage.objects.filter(locale=default)
    venue_ids = active_staff_venue_ids(user)  # a deactivated staff member manages nothing
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


def refuse_deactivated(request, title):
    """403 with the reason for a staff member whose record was deactivated (else None)."""
    if not is_deactivated_staff(request.user):
        return None
    message = _(
        "Your staff record is deactivated: you can no longer check customers in or see the calendar. "
        "Ask a manager to reactivate it."
    )
    context = {"header_title": title, "message": message}
    return render(request, "booking/admin/refused.html", context, status=403)


def calendar_view(request):
    venues = visible_venues(request.user)
    if venues is None:
        refused = refuse_deactivated(request, _("Booking calendar"))
        if refused:
            return refused
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
            .select_related("service", "checked_in_by")
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
                            "checked_in": checked_in_label(a),
                            "qr": checkin.qr_svg_data_uri(a) if a.status in states.CHANGEABLE else "",
                            "checkin_url": checkin.checkin_url(a) if a.status in states.CHANGEABLE else "",
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


# --- QR check-in -------------------------------------------------------------------------


def _who(user):
    if user is None:
        return _("a deleted user")
    return user.get_full_name() or user.email


def _local_time(appointment, moment):
    return f"{moment.astimezone(appointment.zone):%H:%M}"


def checked_in_label(appointment):
    if appointment.checked_in_at is None:
        return ""
    return _("Checked in at %(time)s by %(who)s") % {
        "time": _local_time(appointment, appointment.checked_in_at),
        "who": _who(appointment.checked_in_by),
    }


def _when(appointment):
    local = appointment.local_start
    return f"{formats.date_format(local, 'DATE_FORMAT')}, {local:%H:%M}"


def _refusal(reason, appointment=None):
    """(HTTP status, message) for a code that cannot be checked in."""
    if reason == "invalid":
        return 400, _("This is not a valid check-in code. Scan it again or paste the whole link.")
    if reason == "not_staff":
        return 403, _("Only active staff of this appointment's venue can check it in.")
    if reason == "other_venue":
        return 403, _("This appointment is at another venue. Only that venue's staff can check it in.")
    values = {
        "client": appointment.client_name,
        "when": _when(appointment),
        "date": formats.date_format(appointment.local_start, "DATE_FORMAT"),
        "status": appointment.get_status_display(),
    }
    messages_by_reason = {
        "cancelled": _("This appointment (%(client)s, %(when)s) was cancelled."),
        "moved": _(
            "This code is out of date: the appointment was moved to %(when)s. "
            "Use the code from the latest confirmation email."
        ),
        "not_today": _("This appointment is on %(date)s, not today. Only today's appointments can be checked in."),
        "status": _("This appointment cannot be checked in: it is %(status)s."),
    }
    return 409, messages_by_reason[reason] % values


def _find(text, venues):
    """(appointment or None, refusal reason or "") for a pasted or scanned code."""
    try:
        pk, version = checkin.read_code(text)
    except checkin.BadCode:
        return None, "invalid"
    appointment = Appointment.objects.select_related("venue", "service", "staff").filter(pk=pk).first()
    if appointment is None:
        return None, "invalid"
    if not venues.filter(pk=appointment.venue_id).exists():
        return None, "other_venue"
    if appointment.status == states.CANCELLED:
        return appointment, "cancelled"
    if version != checkin.version(appointment) and appointment.checked_in_at is None:
        return appointment, "moved"
    return appointment, ""


def checkin_view(request):
    """GET: the form (a scanned link opens it with ?code=… filled in, nothing changes).
    POST: check the appointment in."""
    venues = visible_venues(request.user)
    if venues is None:
        refused = refuse_deactivated(request, _("Check in"))
        if refused:
            return refused
        raise PermissionDenied
    code = (request.POST.get("code") if request.method == "POST" else request.GET.get("code")) or ""
    context = {"header_title": _("Check in"), "code": code[:500], "result": None}
    status = 200
    if request.method == "POST":
        appointment, reason = _find(code, venues)
        if not reason:
            try:
                done = check_in(appointment, request.user)
            except CheckInRefused as refused:
                appointment, reason = refused.appointment, refused.reason
        if reason:
            status, message = _refusal(reason, appointment)
            context["result"] = {"outcome": reason, "message": message, "appointment": appointment}
        else:
            appointment = done.appointment
            if done.already:
                message = _("Already checked in at %(time)s by %(who)s.") % {
                    "time": _local_time(appointment, appointment.checked_in_at),
                    "who": _who(appointment.checked_in_by),
                }
            else:
                message = _("%(client)s checked in: %(service)s with %(staff)s at %(time)s.") % {
                    "client": appointment.client_name,
                    "service": appointment.service.name,
                    "staff": appointment.staff.name,
                    "time": f"{appointment.local_start:%H:%M}",
                }
            context["result"] = {
                "outcome": "already" if done.already else "arrived",
                "message": message,
                "appointment": appointment,
                "can_complete": states.can_transition(appointment.status, states.COMPLETED),
                "calendar_url": (
                    f"{reverse('booking_calendar')}?staff={appointment.staff_id}&view=day"
                    f"&date={appointment.local_start.date().isoformat()}"
                ),
            }
            context["code"] = ""
    return render(request, "booking/admin/check_in.html", context, status=status)
