"""Bridge from the database to the availability engine: a fixed handful of queries
per call (hours, closures, staff with their hours and time off, appointments),
whatever the number of days, staff or slots."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Prefetch
from django.utils import timezone

from . import states
from .availability import Interval, StaffSchedule, free_slots
from .models import Appointment, Staff, StaffTimeOff, StaffWorkingHours


def local_midnight_utc(day: date, tz: ZoneInfo) -> datetime:
    """The first instant of a local date (midnight may not exist on some DST days)."""
    moment = datetime.combine(day, time(0), tzinfo=tz)
    utc = moment.astimezone(UTC)
    if utc.astimezone(tz).date() != day:  # midnight skipped: the day starts at 01:00
        utc = datetime.combine(day, time(1), tzinfo=tz).astimezone(UTC)
    return utc


def by_weekday(rows):
    """{weekday: [TimeRange]} from WeeklyHours rows (a venue's or a staff member's)."""
    hours = {}
    for row in rows:
        hours.setdefault(row.weekday, []).append(row.as_range())
    return hours


def venue_hours(venue):
    return by_weekday(venue.opening_hours.all())


def venue_closures(venue):
    return [closure.as_range() for closure in venue.closures.all()]


def bookable_staff(venue, service, staff=None):
    qs = Staff.objects.filter(venue=venue, services=service, active=True, locale_id=service.locale_id)
    if staff is not None:
        qs = qs.filter(pk=staff.pk)
    return list(
        qs.prefetch_related(
            Prefetch("working_hours", queryset=StaffWorkingHours.objects.all()),
            Prefetch("time_off", queryset=StaffTimeOff.objects.all()),
        ).order_by("name", "pk")
    )


def staff_schedules(members, tz, first_day, last_day, exclude_appointment=None):
    window_start = local_midnight_utc(first_day - timedelta(days=1), tz)
    window_end = local_midnight_utc(last_day + timedelta(days=2), tz)
    appointments = Appointment.objects.filter(
        staff__in=members,
        status__in=states.ACTIVE,
        blocked_start__lt=window_end,
        blocked_end__gt=window_start,
    )
    if exclude_appointment is not None:
        appointments = appointments.exclude(pk=exclude_appointment.pk)
    busy = {}
    for staff_id, start, end in appointments.values_list("staff_id", "blocked_start", "blocked_end"):
        busy.setdefault(staff_id, []).append(Interval(start, end))
    schedules = []
    for member in members:
        hours = by_weekday(member.working_hours.all()) or None  # none: all the venue's opening hours
        time_off = [
            Interval(local_midnight_utc(off.first_day, tz), local_midnight_utc(off.last_day + timedelta(days=1), tz))
            for off in member.time_off.all()
        ]
        schedules.append(StaffSchedule(member.pk, hours=hours, time_off=time_off, busy=busy.get(member.pk, [])))
    return schedules


def find_slots(venue, service, first_day, last_day, staff=None, now=None, pack=True, exclude_appointment=None):
    """Free slots for `service` at `venue` between two local dates; `staff` None = anyone."""
    tz = venue.zone
    members = bookable_staff(venue, service, staff)
    if not members:
        return []
    return free_slots(
        tz=tz,
        first_day=first_day,
        last_day=last_day,
        opening_hours=venue_hours(venue),
        closures=venue_closures(venue),
        staff=staff_schedules(members, tz, first_day, last_day, exclude_appointment),
        rules=service.rules,
        now=now or timezone.now(),
        pack=pack,
    )
