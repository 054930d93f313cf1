"""Customer emails for bookings, in the booking's language, through core.emails.

- confirmation (with an .ics attachment, the manage link and the check-in QR code as an
  inline image) when booked or moved;
- a reminder 24 h before, enqueued with `run_after` when booked; the task checks
  the appointment when it runs and sends nothing if it was cancelled or moved;
- a cancellation notice.
Each also goes to the hook ON_APPOINTMENT_NOTICE (the Telegram bot tells linked chats).
"""

from datetime import timedelta

from django.conf import settings
from django.utils import formats, timezone, translation
from django_tasks import task
from icalendar import Calendar, Event, vText
from wagtail import hooks
from wagtail.models import Locale

from core.emails import queue_email
from core.hooks import ON_APPOINTMENT_NOTICE, REGISTER_APPOINTMENT_LINKS

from . import checkin
from .models import Appointment, BookingPage

REMINDER_BEFORE = timedelta(hours=24)
CHECKIN_QR_CID = "checkin-qr"


def tell_other_channels(kind, appointment):
    """Let other apps (the Telegram bot) tell the customer what the email tells them."""
    for notice in hooks.get_hooks(ON_APPOINTMENT_NOTICE):
        notice(kind, appointment)


def _localized(obj, language):
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or obj is None:
        return obj
    return obj.get_translation_or_none(locale) or obj


def booking_page_for(appointment):
    """The live booking page in the appointment's language, else the live page it was
    booked on, else the default one: an email never links to a draft or unpublished page."""
    page = appointment.booking_page
    if page is None or not page.live:
        page = BookingPage.objects.live().filter(locale=Locale.get_default()).first()
    if page is None:
        return None
    translated = _localized(page, appointment.language)
    return translated if translated.live else page


def manage_url(appointment):
    page = booking_page_for(appointment)
    if page is None:
        return ""
    with translation.override(appointment.language):
        path = page.url + page.reverse_subpage("manage", args=[appointment.manage_token])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def email_context(appointment):
    language = appointment.language
    with translation.override(language):
        local = appointment.local_start
        return {
            "client_name": appointment.client_name,
            "service": _localized(appointment.service, language).name,
            "staff": _localized(appointment.staff, language).name,
            "venue": _localized(appointment.venue, language).title,
            # The venue's address as its page shows it in the customer's language (same source as the site).
            "address": _localized(appointment.venue, language).address,
            "phone": appointment.venue.phone,
            "date": formats.date_format(local, "DATE_FORMAT"),
            "time": local.strftime("%H:%M"),
            "end_time": appointment.local_end.strftime("%H:%M"),
            "time_zone": appointment.time_zone,
            "manage_url": manage_url(appointment),
            "cancellation_window_hours": appointment.service.cancellation_window_hours,
        }


def ics_file(appointment, context):
    calendar = Calendar()
    calendar.add("prodid", "-//Studio Aurora//Booking//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    host = settings.WAGTAILADMIN_BASE_URL.split("://")[-1].split("/")[0] or "localhost"
    event.add("uid", f"appointment-{appointment.pk}-{appointment.manage_token[:8]}@{host}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", appointment.start)
    event.add("dtend", appointment.end)
    event.add("summary", f"{context['service']} · {context['venue']}")
    event["location"] = vText(context["address"].replace("\n", ", "))
    if context["manage_url"]:
        event.add("url", context["manage_url"])
        event.add("description", context["manage_url"])
    event.add("sequence", int(appointment.updated_at.timestamp()) if appointment.updated_at else 0)
    calendar.add_component(event)
    return calendar.to_ical()


def on_booked(appointment, rescheduled=False):
    appointment = Appointment.objects.select_related("service", "staff", "venue").get(pk=appointment.pk)
    context = email_context(appointment)
    context["rescheduled"] = rescheduled
    context["checkin_url"] = checkin.checkin_url(appointment)
    context["checkin_qr_cid"] = CHECKIN_QR_CID
    with translation.override(appointment.language):
        context["more_links"] = [
            [str(label), url]
            for links in hooks.get_hooks(REGISTER_APPOINTMENT_LINKS)
            for label, url in links(appointment)
        ]
    queue_email(
        "booking/confirmation",
        context,
        [appointment.client_email],
        appointment.language,
        attachments=[
            ("appointment.ics", ics_file(appointment, context), "text/calendar"),
            ("check-in.png", checkin.qr_png(appointment), "image/png", CHECKIN_QR_CID),
        ],
    )
    tell_other_channels("rescheduled" if rescheduled else "booked", appointment)
    remind_at = appointment.start - REMINDER_BEFORE
    if remind_at > timezone.now():
        send_reminder.using(run_after=remind_at).enqueue(appointment.pk, appointment.start.isoformat())


def on_cancelled(appointment):
    appointment = Appointment.objects.select_related("service", "staff", "venue").get(pk=appointment.pk)
    queue_email("booking/cancelled", email_context(appointment), [appointment.client_email], appointment.language)
    tell_other_channels("cancelled", appointment)


@task(backend="db")
def send_reminder(appointment_id, expected_start):
    """Runs 24 h before the appointment; skips cancelled or moved appointments."""
    appointment = Appointment.objects.select_related("service", "staff", "venue").filter(pk=appointment_id).first()
    if appointment is None or not appointment.is_active or appointment.start.isoformat() != expected_start:
        return "skipped"
    queue_email("booking/reminder", email_context(appointment), [appointment.client_email], appointment.language)
    tell_other_channels("reminder", appointment)
    return "sent"
