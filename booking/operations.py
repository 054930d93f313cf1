"""The booking app's own operations: book, reschedule, cancel, change status, check in.

Every way in (the wizard, the staff calendar, and later an API or a bot) books,
cancels and reschedules through these functions; they send the customer emails.

No double booking, two ways:
- PostgreSQL: the exclusion constraint `booking_no_double_booking` rejects a second
  active appointment overlapping the same staff member's blocked time, whatever
  the race; we turn that IntegrityError into SlotTaken.
- SQLite: transactions start with BEGIN IMMEDIATE (settings), so the availability
  check and the insert below run under the write lock, one request at a time.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from . import limits, states
from .models import Appointment, Staff
from .notifications import on_booked, on_cancelled
from .schedule import bookable_staff, find_slots


class BookingError(Exception):
    pass


class SlotTaken(BookingError):
    pass


class ChangeNotAllowed(BookingError):
    pass


class Refused(BookingError):
    """A client limit (limits.py) says no; `message` is what to tell them (with a 429)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class CheckInRefused(BookingError):
    """`reason`: "cancelled", "not_today", "status" (pending, no-show, completed without check-in),
    "not_staff" (the user is no active staff member of the venue and no manager)."""

    def __init__(self, reason, appointment):
        super().__init__(reason)
        self.reason = reason
        self.appointment = appointment


@dataclass(frozen=True)
class CheckIn:
    appointment: Appointment
    already: bool  # checked in before: nothing was changed


def _free_staff_ids(venue, service, start, staff, now, exclude=None):
    day = start.astimezone(venue.zone).date()
    slots = find_slots(venue, service, day, day, staff=staff, now=now, pack=False, exclude_appointment=exclude)
    return [slot.staff_id for slot in slots if slot.start == start]


def book(
    *,
    venue,
    service,
    start,
    client_name,
    client_email,
    staff=None,
    client_phone="",
    note="",
    language="en",
    user=None,
    booking_page=None,
    now=None,
):
    """Create a confirmed appointment, or raise SlotTaken. `staff` None means anyone."""
    now = now or timezone.now()
    rules = service.rules
    with transaction.atomic():
        members = {m.pk: m for m in bookable_staff(venue, service, staff)}
        for staff_id in _free_staff_ids(venue, service, start, staff, now):
            try:
                with transaction.atomic():  # a savepoint: a constraint violation leaves the outer transaction usable
                    appointment = Appointment.objects.create(
                        venue=venue,
                        service=service,
                        staff=members[staff_id],
                        start=start,
                        end=start + rules.duration,
                        blocked_start=start - rules.buffer_before,
                        blocked_end=start + rules.duration + rules.buffer_after,
                        time_zone=venue.time_zone,
                        status=states.CONFIRMED,
                        client_name=client_name,
                        client_email=client_email,
                        client_phone=client_phone,
                        note=note,
                        language=language,
                        user=user if user is not None and user.is_authenticated else None,
                        booking_page=booking_page,
                    )
            except IntegrityError:
                continue  # someone else took this staff member's time a moment ago
            transaction.on_commit(lambda a=appointment: on_booked(a))
            return appointment
    raise SlotTaken()


def book_as_client(*, address, proven, now=None, **details):
    """book() behind the client limits (limits.py), for the website wizard and the API alike:
    `address` is the client's (core.ratelimit.client_address), `proven` whether the booker has
    proven they own `client_email`. Raises Refused, or what book() raises."""
    now = now or timezone.now()
    refused = limits.refusal(email=details["client_email"], address=address, proven=proven, now=now)
    if refused:
        raise Refused(refused)
    appointment = book(now=now, **details)
    limits.record(address)
    return appointment


def reschedule_as_client(appointment, start, now=None):
    """reschedule() behind the per-appointment change limit (limits.py); raises Refused."""
    refused = limits.change_refusal(appointment)
    if refused:
        raise Refused(refused)
    appointment = reschedule(appointment, start, now=now)
    limits.record_change(appointment)
    return appointment


def cancel(appointment, now=None, by_customer=True):
    now = now or timezone.now()
    with transaction.atomic():
        appointment = Appointment.objects.select_for_update().get(pk=appointment.pk)
        if by_customer and not appointment.can_change_online(now):
            raise ChangeNotAllowed()
        appointment.set_status(states.CANCELLED)
        appointment.save(update_fields=["status", "updated_at"])
    transaction.on_commit(lambda: on_cancelled(appointment))
    return appointment


def reschedule(appointment, start, now=None):
    """Move an appointment (same service and staff member) to another free start."""
    now = now or timezone.now()
    rules = appointment.service.rules
    with transaction.atomic():
        appointment = (
            Appointment.objects.select_for_update().select_related("venue", "service", "staff").get(pk=appointment.pk)
        )
        if not appointment.can_change_online(now):
            raise ChangeNotAllowed()
        free = _free_staff_ids(appointment.venue, appointment.service, start, appointment.staff, now, appointment)
        if appointment.staff_id not in free:
            raise SlotTaken()
        appointment.start = start
        appointment.end = start + rules.duration
        appointment.blocked_start = start - rules.buffer_before
        appointment.blocked_end = appointment.end + rules.buffer_after
        try:
            with transaction.atomic():
                appointment.save()
        except IntegrityError as error:
            raise SlotTaken() from error
    transaction.on_commit(lambda: on_booked(appointment, rescheduled=True))
    return appointment


def change_status(appointment, target):
    """Staff actions in the admin calendar (confirm, complete, no-show, cancel)."""
    with transaction.atomic():
        appointment = Appointment.objects.select_for_update().get(pk=appointment.pk)
        appointment.set_status(target)
        appointment.save(update_fields=["status", "updated_at"])
    if target == states.CANCELLED:
        transaction.on_commit(lambda: on_cancelled(appointment))
    return appointment


def is_manager(user):
    """Sees and changes every venue's appointments (superusers, the booking.change_appointment permission)."""
    return user.is_superuser or user.has_perm("booking.change_appointment")


def active_staff_venue_ids(user):
    """The venues where `user` is an active staff member (a deactivated one manages no calendar)."""
    return set(Staff.objects.filter(user=user, active=True).values_list("venue_id", flat=True))


def is_deactivated_staff(user):
    """A login whose staff records are all deactivated (and no manager): refused with that reason."""
    return (
        user.is_authenticated
        and not is_manager(user)
        and Staff.objects.filter(user=user).exists()
        and not active_staff_venue_ids(user)
    )


def may_check_in(user, venue_id):
    return is_manager(user) or venue_id in active_staff_venue_ids(user)


def check_in(appointment, by, now=None):
    """The customer arrived (QR check-in at the desk): confirmed → arrived, recording who and when.

    Idempotent: an appointment checked in before is returned unchanged with `already=True`.
    Refused (CheckInRefused) when cancelled, not on today's date in the venue's time zone, or in a
    state that cannot arrive, and ("not_staff") when `by` is a user who is neither a manager nor an
    active staff member of the venue (by=None: a system call, not a person)."""
    now = now or timezone.now()
    if by is not None and (not by.is_authenticated or not may_check_in(by, appointment.venue_id)):
        raise CheckInRefused("not_staff", appointment)
    with transaction.atomic():
        appointment = (
            Appointment.objects.select_for_update(of=("self",))  # PostgreSQL: not the nullable checked_in_by join
            .select_related("venue", "service", "staff", "checked_in_by")
            .get(pk=appointment.pk)
        )
        if appointment.checked_in_at is not None:
            return CheckIn(appointment, already=True)
        if appointment.status == states.CANCELLED:
            raise CheckInRefused("cancelled", appointment)
        if appointment.local_start.date() != now.astimezone(appointment.zone).date():
            raise CheckInRefused("not_today", appointment)
        if not states.can_transition(appointment.status, states.ARRIVED):
            raise CheckInRefused("status", appointment)
        appointment.set_status(states.ARRIVED)
        appointment.checked_in_at = now
        appointment.checked_in_by = by if by is not None and by.is_authenticated else None
        appointment.save(update_fields=["status", "checked_in_at", "checked_in_by", "updated_at"])
    return CheckIn(appointment, already=False)
