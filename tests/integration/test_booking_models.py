"""Appointments: booking, no double booking, buffers, 'anyone', status workflow, admin validation."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError

from booking import states
from booking.models import Appointment, VenuePage, validate_time_zone
from booking.operations import ChangeNotAllowed, SlotTaken, book, cancel, change_status, reschedule
from booking.schedule import find_slots
from tests.booking_fixtures import make_booking_page, make_service, make_staff, make_venue

MONDAY_10_BERLIN = datetime(2030, 6, 3, 8, 0, tzinfo=UTC)  # Monday 10:00 CEST
NOW = datetime(2030, 6, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def studio(home_page):
    venue = make_venue(home_page)
    page = make_booking_page(venue)
    haircut = make_service("Haircut", 60, buffer_after_minutes=15)
    anna = make_staff(venue, "Anna", [haircut])
    boris = make_staff(venue, "Boris", [haircut])
    return venue, page, haircut, anna, boris


def client(**extra):
    return {"client_name": "Olga", "client_email": "olga@example.com", **extra}


def test_booking_holds_the_slot_and_a_second_booking_is_refused(studio):
    venue, page, haircut, anna, _boris = studio
    first = book(venue=venue, service=haircut, staff=anna, start=MONDAY_10_BERLIN, now=NOW, **client())
    assert first.status == states.CONFIRMED
    assert first.end - first.start == timedelta(hours=1)
    assert first.local_start.hour == 10
    with pytest.raises(SlotTaken):
        book(venue=venue, service=haircut, staff=anna, start=MONDAY_10_BERLIN, now=NOW, **client())
    # buffer after: 11:00 is blocked by the 15 minutes of cleanup, 11:15 is free
    with pytest.raises(SlotTaken):
        book(venue=venue, service=haircut, staff=anna, start=MONDAY_10_BERLIN + timedelta(hours=1), now=NOW, **client())
    later = book(
        venue=venue, service=haircut, staff=anna, start=MONDAY_10_BERLIN + timedelta(minutes=75), now=NOW, **client()
    )
    assert later.local_start.strftime("%H:%M") == "11:15"
    assert Appointment.objects.count() == 2


def test_anyone_books_the_next_free_staff_member_and_then_nobody(studio):
    venue, _page, haircut, anna, boris = studio
    a = book(venue=venue, service=haircut, start=MONDAY_10_BERLIN, now=NOW, **client())
    b = book(venue=venue, service=haircut, start=MONDAY_10_BERLIN, now=NOW, **client())
    assert {a.staff, b.staff} == {anna, boris}
    with pytest.raises(SlotTaken):
        book(venue=venue, service=haircut, start=MONDAY_10_BERLIN, now=NOW, **client())


def test_outside_hours_closures_and_notice_are_refused(studio):
    venue, _page, haircut, anna, _boris = studio
    with pytest.raises(SlotTaken):  # 13:00 is the lunch break
        book(venue=venue, service=haircut, staff=anna, start=MONDAY_10_BERLIN + timedelta(hours=3), now=NOW, **client())
    with pytest.raises(SlotTaken):  # Sunday
        book(venue=venue, service=haircut, staff=anna, start=MONDAY_10_BERLIN - timedelta(days=1), now=NOW, **client())
    with pytest.raises(SlotTaken):  # in the past
        book(
            venue=venue,
            service=haircut,
            staff=anna,
            start=MONDAY_10_BERLIN,
            now=MONDAY_10_BERLIN + timedelta(minutes=1),
            **client(),
        )
    venue.closures.create(first_day=MONDAY_10_BERLIN.date(), last_day=MONDAY_10_BERLIN.date())
    with pytest.raises(SlotTaken):
        book(venue=venue, service=haircut, staff=anna, start=MONDAY_10_BERLIN, now=NOW, **client())
    day = MONDAY_10_BERLIN.date()
    assert find_slots(venue, haircut, day, day, now=NOW) == []


def test_cancelled_appointments_free_the_slot(studio):
    venue, _page, haircut, anna, _boris = studio
    first = book(venue=venue, service=haircut, staff=anna, start=MONDAY_10_BERLIN, now=NOW, **client())
    cancel(first, now=NOW)
    again = book(venue=venue, service=haircut, staff=anna, start=MONDAY_10_BERLIN, now=NOW, **client())
    assert again.pk != first.pk


def test_cancel_and_reschedule_only_within_the_cancellation_window(studio):
    venue, _page, haircut, anna, _boris = studio
    appointment = book(venue=venue, service=haircut, staff=anna, start=MONDAY_10_BERLIN, now=NOW, **client())
    too_late = MONDAY_10_BERLIN - timedelta(hours=23)
    with pytest.raises(ChangeNotAllowed):
        cancel(appointment, now=too_late)
    with pytest.raises(ChangeNotAllowed):
        reschedule(appointment, MONDAY_10_BERLIN + timedelta(hours=2), now=too_late)
    moved = reschedule(appointment, MONDAY_10_BERLIN + timedelta(hours=2), now=NOW)
    assert moved.local_start.strftime("%H:%M") == "12:00"
    assert moved.blocked_end == moved.end + timedelta(minutes=15)


def test_status_workflow(studio):
    venue, _page, haircut, anna, _boris = studio
    appointment = book(venue=venue, service=haircut, staff=anna, start=MONDAY_10_BERLIN, now=NOW, **client())
    change_status(appointment, states.COMPLETED)
    with pytest.raises(states.InvalidTransition):
        change_status(appointment, states.CANCELLED)
    assert states.allowed(states.PENDING) == (states.CONFIRMED, states.CANCELLED)
    assert not states.can_transition(states.NO_SHOW, states.CONFIRMED)


def test_time_zone_must_be_iana():
    validate_time_zone("America/New_York")
    with pytest.raises(ValidationError, match="IANA"):
        validate_time_zone("CET+1")


def test_confirmation_email_with_ics_and_reminder(studio, run_tasks, django_capture_on_commit_callbacks):
    venue, _page, haircut, anna, _boris = studio
    with time_machine.travel(NOW, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            appointment = book(
                venue=venue, service=haircut, staff=anna, start=MONDAY_10_BERLIN, language="de", **client()
            )
        run_tasks()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["olga@example.com"]
    assert "Buchung bestätigt" in message.subject
    assert appointment.manage_token in message.body
    (filename, content, mimetype) = message.attachments[0]
    assert filename == "appointment.ics" and mimetype == "text/calendar"
    text = content if isinstance(content, str) else content.decode()
    assert "DTSTART:20300603T080000Z" in text
    # the reminder waits for 24 h before the start
    with time_machine.travel(MONDAY_10_BERLIN - timedelta(hours=25), tick=False):
        run_tasks()
    assert len(mail.outbox) == 1
    with time_machine.travel(MONDAY_10_BERLIN - timedelta(hours=23), tick=False):
        run_tasks()
        run_tasks()
    assert len(mail.outbox) == 2
    assert "Erinnerung" in mail.outbox[1].subject


def test_no_reminder_for_cancelled_or_moved_appointments(studio, run_tasks, django_capture_on_commit_callbacks):
    venue, _page, haircut, anna, _boris = studio
    with time_machine.travel(NOW, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            cancelled = book(venue=venue, service=haircut, staff=anna, start=MONDAY_10_BERLIN, **client())
            moved = book(
                venue=venue, service=haircut, staff=anna, start=MONDAY_10_BERLIN + timedelta(hours=4), **client()
            )
        with django_capture_on_commit_callbacks(execute=True):
            cancel(cancelled)
            reschedule(moved, MONDAY_10_BERLIN + timedelta(days=1, hours=4))
        run_tasks()
    sent_before = len(mail.outbox)  # 2 confirmations, 1 cancellation, 1 "moved" confirmation
    assert sent_before == 4
    with time_machine.travel(MONDAY_10_BERLIN - timedelta(hours=23), tick=False):
        run_tasks()
        run_tasks()
    assert len(mail.outbox) == sent_before  # neither old reminder went out
    with time_machine.travel(MONDAY_10_BERLIN + timedelta(hours=6), tick=False):
        run_tasks()
        run_tasks()
    assert len(mail.outbox) == sent_before + 1  # the reminder for the new time
    assert "Reminder" in mail.outbox[-1].subject


def _venue_form(venue, hours=(), faqs=0, members=0):
    form_class = VenuePage.get_edit_handler().get_form_class()
    data = {
        "title": venue.title,
        "slug": venue.slug,
        "address": venue.address,
        "time_zone": venue.time_zone,
    }
    for prefix, rows in {
        "opening_hours": [{"weekday": d, "opens": o, "closes": c} for d, o, c in hours],
        "closures": [],
        "gallery_images": [],
        "faqs": [{"question": f"Q{i}", "answer": "A"} for i in range(faqs)],
        "team_members": [{"name": f"N{i}"} for i in range(members)],
    }.items():
        data[f"{prefix}-TOTAL_FORMS"] = str(len(rows))
        data[f"{prefix}-INITIAL_FORMS"] = "0"
        data[f"{prefix}-MIN_NUM_FORMS"] = "0"
        data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
        for i, row in enumerate(rows):
            for key, value in row.items():
                data[f"{prefix}-{i}-{key}"] = value
            data[f"{prefix}-{i}-ORDER"] = str(i)
    return form_class(data, instance=venue, for_user=None)


def test_admin_rejects_overlapping_hours_and_too_many_faqs_and_members(studio):
    venue = studio[0]
    form = _venue_form(venue, hours=[(0, "09:00", "13:00"), (0, "12:00", "15:00"), (1, "12:00", "15:00")])
    assert not form.is_valid()
    errors = str(form.formsets["opening_hours"].errors)
    assert "overlaps 09:00–13:00" in errors
    form = _venue_form(venue, hours=[(0, "09:00", "13:00"), (0, "13:00", "15:00"), (2, "18:00", "08:00")])
    assert not form.is_valid()
    assert "The end must be later than the start" in str(form.formsets["opening_hours"].errors)
    form = _venue_form(venue, hours=[(0, "09:00", "13:00")], faqs=6, members=6)
    assert not form.is_valid()
    text = str(form.errors) + str(form.formsets["faqs"].non_form_errors())
    assert "at most 5 FAQs" in text and "at most 5 team members" in text
    assert _venue_form(venue, hours=[(0, "09:00", "13:00"), (0, "13:00", "15:00")], faqs=5, members=5).is_valid()


def test_email_links_to_a_live_booking_page_when_its_translation_is_a_draft(
    studio, run_tasks, django_capture_on_commit_callbacks
):
    """A German customer's confirmation links to the German booking page only once it is
    published; while it is a draft (or unpublished) the link opens the live page instead."""
    import re

    from django.test import Client
    from wagtail.models import Locale

    venue, page, haircut, anna, _boris = studio
    german_draft = page.copy_for_translation(Locale.objects.get(language_code="de"), copy_parents=True)
    assert not german_draft.live
    with time_machine.travel(NOW, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            appointment = book(
                venue=venue,
                service=haircut,
                staff=anna,
                start=MONDAY_10_BERLIN,
                language="de",
                booking_page=page,
                **client(),
            )
        run_tasks()
        (link,) = {url for url in re.findall(r"https?://\S+", mail.outbox[0].body) if appointment.manage_token in url}
        assert link.endswith(page.url + f"manage/{appointment.manage_token}/"), link
        assert Client().get("/" + link.split("://", 1)[1].partition("/")[2]).status_code == 200
