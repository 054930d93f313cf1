"""What the bot says: plain synchronous Python over the booking app's operations.

Every function takes the chat (a TelegramLink) and what the customer sent, and returns
the replies: text plus an inline keyboard (rows of (label, callback data)). The Telegram
adapter (bot/telegram.py) only moves them over the wire. Booking, cancelling and moving go
through booking.operations (book_as_client: the limits, then book), exactly like the website's wizard, so the
rules, limits, emails and the no-double-booking guarantee are the same.

The booking path lives in the callback data (at most 64 bytes), so the bot keeps no state
between taps: "bk:<venue>:<service>:<staff or 0>:<YYYYMMDD>:<start>" grows one field a step.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from booking import operations, states
from booking.availability import first_free_per_start
from booking.models import Appointment, Service, Staff, VenuePage
from booking.schedule import bookable_staff, find_slots, local_midnight_utc
from booking.wizard import ContactForm, localized, venue_services

from .linking import STAFF, read_token
from .models import TelegramLink, UsedStaffLink

DAYS_SHOWN = 14
START_FORMAT = "%Y%m%dT%H%MZ"


@dataclass
class Reply:
    text: str
    keyboard: list = field(default_factory=list)  # rows of (label, callback data)


def languages():
    return [code for code, _name in settings.LANGUAGES]


def chat(chat_id, language_code=""):
    """The chat's record; a new chat speaks Telegram's language for the user if the site has it."""
    code = (language_code or "").split("-")[0].lower()
    link, _created = TelegramLink.objects.get_or_create(
        chat_id=chat_id, defaults={"language": code if code in languages() else languages()[0]}
    )
    return link


def in_language(handler):
    """Run a handler in the chat's language."""

    def wrapped(link, *args):
        with translation.override(link.language):
            return handler(link, *args)

    return wrapped


def working_staff(link):
    """The staff member a chat was linked to, while they still work here: active and with the
    admin login that linked it. A deactivated or unlinked member's chat hears nothing more."""
    staff = link.staff if link is not None else None
    return staff if staff is not None and staff.active and staff.user_id is not None else None


def help_text(link=None):
    lines = [_("/book – book an appointment"), _("/mine – my bookings"), _("/language – change the language")]
    if working_staff(link) is not None:
        lines.append(_("/today – my appointments today"))
    return "\n".join(lines)


@in_language
def start(link, payload=""):
    if payload.startswith(STAFF):
        staff_id = read_token(payload, STAFF)
        staff = Staff.objects.filter(pk=staff_id, active=True, user__isnull=False).first() if staff_id else None
        if staff is None:
            return [
                Reply(_("This link has expired or is not valid. Open it again from the Telegram page in the admin."))
            ]
        # Single use: the first chat that follows the link owns it; one chat per staff member.
        # The same chat following it again changes nothing (and cannot take the staff member back
        # from a chat linked later with a newer link).
        used, new = UsedStaffLink.objects.get_or_create(token=payload, defaults={"chat_id": link.chat_id})
        if not new and (used.chat_id != link.chat_id or link.staff_id != staff.pk):
            return [Reply(_("This link has already been used. Open the Telegram page in the admin for a new one."))]
        TelegramLink.objects.filter(staff=staff).exclude(pk=link.pk).update(staff=None)
        link.staff = staff
        link.save(update_fields=["staff"])
        text = _(
            "Hello %(name)s! /today shows your appointments of the day, and you will hear here "
            "when someone books, moves or cancels with you."
        ) % {"name": localized(staff).name}
        return [Reply(text)] + today(link)
    if payload:
        appointment_id = read_token(payload)
        appointment = Appointment.objects.filter(pk=appointment_id).first() if appointment_id else None
        if appointment is None:
            return [Reply(_("This link has expired or is not valid. Open it again from your confirmation page."))]
        # Only the appointment's notices: a forwarded link must not make its holder book
        # under the customer's name and email (they are asked for their own on /book).
        link.appointments.add(appointment)
        text = _("Linked. You will get the confirmations and the reminder for this appointment here too.")
        return [Reply(text + "\n\n" + describe(appointment)), Reply(help_text(link))]
    return [Reply(_("Hello! I can book appointments for you.") + "\n\n" + help_text(link))]


@in_language
def help_message(link):
    return [Reply(help_text(link))]


@in_language
def today(link):
    """A linked staff member's appointments of the day (venue time), in order."""
    staff = working_staff(link)
    if staff is None:
        return [Reply(help_text(link))]
    tz = staff.venue.zone
    day = timezone.now().astimezone(tz).date()
    appointments = (
        Appointment.objects.filter(
            staff=staff,
            status__in=states.ACTIVE,
            start__gte=local_midnight_utc(day, tz),
            start__lt=local_midnight_utc(day + timedelta(days=1), tz),
        )
        .select_related("service")
        .order_by("start")
    )
    lines = [
        f"{a.local_start:%H:%M}–{a.local_end:%H:%M} {localized(a.service).name} · {a.client_name}" for a in appointments
    ]
    label = formats.date_format(day, "DATE_FORMAT")
    if not lines:
        return [Reply(_("No appointments on %(day)s.") % {"day": label})]
    return [Reply(_("Your appointments on %(day)s:") % {"day": label} + "\n" + "\n".join(lines))]


# --- language ------------------------------------------------------------------------


def language_menu(link):
    names = {"en": "English", "de": "Deutsch", "ru": "Русский", "uk": "Українська"}
    with translation.override(link.language):
        text = _("Choose your language:")
    return [Reply(text, [[(names.get(code, code), f"lang:{code}") for code in languages()]])]


def set_language(link, code):
    if code in languages():
        link.language = code
        link.save(update_fields=["language"])
    with translation.override(link.language):
        return [Reply(_("I will speak English with you.") + "\n\n" + help_text(link))]


# --- booking ---------------------------------------------------------------------------


def live_venues():
    return list(VenuePage.objects.live().filter(locale=Locale.get_default()).order_by("title"))


# Callback data comes back from the client, which may send anything: ids are short digit
# strings and dates lie within a year or so of today, else the choice is "not valid".
NEAR = timedelta(days=400)


def to_id(text):
    if not (text.isdigit() and len(text) <= 18):
        raise ValueError(text)
    return int(text)


def parse_day(text):
    day = datetime.strptime(text, "%Y%m%d").date()
    if abs(day - timezone.now().date()) > NEAR:
        raise ValueError(text)
    return day


def parse_start(text):
    try:
        start = datetime.strptime(text, START_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None
    return start if abs(start - timezone.now()) <= NEAR else None


def label_day(day):
    return formats.date_format(day, "D j M")


def describe(appointment):
    local = appointment.local_start
    return _("%(service)s with %(staff)s, %(day)s at %(time)s (%(venue)s)") % {
        "service": localized(appointment.service).name,
        "staff": localized(appointment.staff).name,
        "day": formats.date_format(local, "DATE_FORMAT"),
        "time": local.strftime("%H:%M"),
        "venue": localized(appointment.venue).title,
    }


def not_valid():
    return [Reply(_("This choice is no longer available. Please start again with /book."))]


class Choice:
    """The objects a "bk:…" path names, looked up like the wizard does (default locale, active)."""

    def __init__(self, parts):
        self.venue = self.service = self.staff = self.day = self.start = None
        self.anyone = False
        self.valid = True
        ids = parts[1:]
        try:
            if len(ids) >= 1:
                self.venue = VenuePage.objects.live().filter(pk=to_id(ids[0]), locale=Locale.get_default()).first()
                self.valid = self.venue is not None
            if self.valid and len(ids) >= 2:
                self.service = Service.objects.filter(
                    pk=to_id(ids[1]), active=True, locale=Locale.get_default(), staff__venue=self.venue
                ).first()
                self.valid = self.service is not None
            if self.valid and len(ids) >= 3:
                self.anyone = ids[2] == "0"
                if not self.anyone:
                    self.staff = Staff.objects.filter(
                        pk=to_id(ids[2]), venue=self.venue, services=self.service, active=True
                    ).first()
                    self.valid = self.staff is not None
            if self.valid and len(ids) >= 4:
                self.day = parse_day(ids[3])
            if self.valid and len(ids) >= 5:
                self.start = parse_start(ids[4])
                self.valid = self.start is not None
        except ValueError:
            self.valid = False
        self.path = ":".join(parts)


def slots(choice, first_day, last_day, now):
    found = find_slots(choice.venue, choice.service, first_day, last_day, staff=choice.staff, now=now)
    return first_free_per_start(found) if choice.anyone else found


@in_language
def book_step(link, data):
    """One tap of the booking path: the next question, or the summary to confirm."""
    parts = data.split(":")
    choice = Choice(parts)
    if not choice.valid or len(parts) > 6:
        return not_valid()
    now = timezone.now()
    depth = len(parts) - 1
    if depth == 0:
        venues = live_venues()
        if not venues:
            return [Reply(_("Booking is not open at the moment."))]
        if len(venues) == 1:
            return book_step(link, f"bk:{venues[0].pk}")
        return [Reply(_("Where would you like to come?"), [[(localized(v).title, f"bk:{v.pk}")] for v in venues])]
    if depth == 1:
        services = venue_services(choice.venue)
        if not services:
            return [Reply(_("Booking is not open at the moment."))]
        rows = [[(localized(s).name, f"{choice.path}:{s.pk}")] for s in services]
        return [Reply(_("Which service would you like?"), rows)]
    if depth == 2:
        members = bookable_staff(choice.venue, choice.service)
        rows = [[(_("Anyone available"), f"{choice.path}:0")]]
        rows += [[(localized(m).name, f"{choice.path}:{m.pk}")] for m in members]
        return [Reply(_("With whom?"), rows)]
    tz = choice.venue.zone
    today = now.astimezone(tz).date()
    if depth == 3:
        last = today + timedelta(days=DAYS_SHOWN - 1)
        days = sorted({slot.start.astimezone(tz).date() for slot in slots(choice, today, last, now)})
        if not days:
            return [Reply(_("There are no free times in the next two weeks. Please call us or try later."))]
        buttons = [(label_day(day), f"{choice.path}:{day:%Y%m%d}") for day in days]
        return [Reply(_("Which day?"), [buttons[i : i + 3] for i in range(0, len(buttons), 3)])]
    if depth == 4:
        starts = [slot.start for slot in slots(choice, choice.day, choice.day, now)]
        starts = [s for s in starts if s.astimezone(tz).date() == choice.day]
        if not starts:
            return [Reply(_("That day is fully booked now. Please choose another day with /book."))]
        buttons = [(s.astimezone(tz).strftime("%H:%M"), f"{choice.path}:{s:{START_FORMAT}}") for s in starts]
        text = _("Which time on %(day)s?") % {"day": formats.date_format(choice.day, "DATE_FORMAT")}
        return [Reply(text, [buttons[i : i + 4] for i in range(0, len(buttons), 4)])]
    # depth 5: the summary
    local = choice.start.astimezone(tz)
    text = _("Please confirm: %(service)s with %(staff)s, %(day)s at %(time)s (%(venue)s).") % {
        "service": localized(choice.service).name,
        "staff": localized(choice.staff).name if choice.staff else _("anyone available"),
        "day": formats.date_format(local, "DATE_FORMAT"),
        "time": local.strftime("%H:%M"),
        "venue": localized(choice.venue).title,
    }
    return [Reply(text, [[(_("Confirm"), "ok" + choice.path[2:])], [(_("Choose another time"), ":".join(parts[:5]))]])]


@in_language
def confirm(link, data):
    """The customer confirmed a slot ("ok:…"): book it, or first ask for name and email."""
    choice = Choice(["bk", *data.split(":")[1:]])
    # Exactly the five fields the summary sent: a forged longer path would not fit in `pending`.
    if not choice.valid or choice.start is None or len(data.split(":")) != 6 or len(data) > 64:
        return not_valid()
    if not link.client_email:
        link.pending = data
        link.save(update_fields=["pending"])
        return [Reply(_("Please send your name and email address in one message, e.g.: Anna Smith, anna@example.com"))]
    return _book(link, data)


@in_language
def text_message(link, text):
    """Free text: the name and email address an unlinked chat was asked for."""
    if not link.pending:
        return [Reply(help_text(link))]
    name, _comma, email = (text or "").strip().rpartition(",")
    # The wizard's own form: its length limits (an appointment's name is at most 120 characters)
    # and its canonical email address (the limits and the privacy pages compare that one).
    form = ContactForm({"client_name": name.strip(), "client_email": email.strip()})
    if not form.is_valid():
        return [Reply(_("Please send your name and email address, e.g.: Anna Smith, anna@example.com"))]
    name, email = form.cleaned_data["client_name"], form.cleaned_data["client_email"]
    data, link.pending = link.pending, ""
    link.client_name, link.client_email = name, email
    link.save(update_fields=["pending", "client_name", "client_email"])
    return _book(link, data)


def _book(link, data):
    parts = ["bk", *data.split(":")[1:]]
    choice = Choice(parts)
    if not choice.valid or choice.start is None:
        return not_valid()
    try:
        # The website's limits too: the chat is the "client address", the email is unproven.
        appointment = operations.book_as_client(
            address=f"telegram:{link.chat_id}",
            proven=False,
            venue=choice.venue,
            service=choice.service,
            staff=choice.staff,
            start=choice.start,
            client_name=link.client_name,
            client_email=link.client_email,
            language=link.language,
        )
    except operations.Refused as refused:
        return [Reply(refused.message)]
    except operations.SlotTaken:
        again = ":".join(parts[:5])
        return [
            Reply(
                _("Sorry, this time has just been taken. Please choose another time."),
                [[(_("Choose another time"), again)]],
            )
        ]
    link.appointments.add(appointment)
    text = _("Booked! %(appointment)s. We have sent the confirmation to %(email)s.") % {
        "appointment": describe(appointment),
        "email": appointment.client_email,
    }
    return [Reply(text)]


# --- my bookings, cancel ----------------------------------------------------------------


def upcoming(link):
    return list(
        link.appointments.filter(status__in=states.ACTIVE, start__gt=timezone.now())
        .select_related("service", "staff", "venue")
        .order_by("start")
    )


@in_language
def my_bookings(link):
    appointments = upcoming(link)
    if not appointments:
        return [Reply(_("You have no upcoming appointments here. Book one with /book."))]
    replies = []
    now = timezone.now()
    for appointment in appointments:
        keyboard = []
        if appointment.can_change_online(now):
            keyboard = [[(_("Reschedule"), f"rs:{appointment.pk}"), (_("Cancel"), f"cx:{appointment.pk}")]]
        replies.append(Reply(describe(appointment), keyboard))
    return replies


@in_language
def cancel(link, data):
    try:
        pk = to_id(data.split(":")[1])
    except (IndexError, ValueError):
        return not_valid()
    appointment = link.appointments.filter(pk=pk).first()
    if appointment is None:
        return not_valid()
    try:
        operations.cancel(appointment)
    except operations.ChangeNotAllowed:
        return [Reply(_("This appointment can no longer be cancelled online. Please contact us."))]
    except states.InvalidTransition:
        return [Reply(_("This appointment is already closed."))]
    return [Reply(_("Cancelled: %(appointment)s.") % {"appointment": describe(appointment)})]


# --- reschedule: "rs:<id>" → day → time → "mv:<id>:<start>" ------------------------------


@in_language
def reschedule_step(link, data):
    parts = data.split(":")
    try:
        pk = to_id(parts[1])
        day = parse_day(parts[2]) if len(parts) > 2 else None
        start = parse_start(parts[3]) if len(parts) > 3 else None
    except (IndexError, ValueError):
        return not_valid()
    appointment = link.appointments.select_related("venue", "service", "staff").filter(pk=pk).first()
    if appointment is None or len(parts) > 4 or (len(parts) > 3 and start is None):
        return not_valid()
    now = timezone.now()
    if not appointment.is_active or not appointment.can_change_online(now):
        return [Reply(_("This appointment can no longer be moved online. Please contact us."))]
    venue, tz = appointment.venue, appointment.venue.zone

    def free(first, last):
        found = find_slots(
            venue, appointment.service, first, last, staff=appointment.staff, now=now, exclude_appointment=appointment
        )
        return [slot.start for slot in found]

    if day is None:
        today = now.astimezone(tz).date()
        days = sorted({s.astimezone(tz).date() for s in free(today, today + timedelta(days=DAYS_SHOWN - 1))})
        if not days:
            return [Reply(_("There are no free times in the next two weeks. Please call us or try later."))]
        buttons = [(label_day(d), f"rs:{pk}:{d:%Y%m%d}") for d in days]
        text = _("Move %(appointment)s to which day?") % {"appointment": describe(appointment)}
        return [Reply(text, [buttons[i : i + 3] for i in range(0, len(buttons), 3)])]
    if start is None:
        starts = [s for s in free(day, day) if s.astimezone(tz).date() == day]
        if not starts:
            return [Reply(_("That day is fully booked now. Please choose another day with /book."))]
        buttons = [(s.astimezone(tz).strftime("%H:%M"), f"rs:{pk}:{day:%Y%m%d}:{s:{START_FORMAT}}") for s in starts]
        text = _("Which time on %(day)s?") % {"day": formats.date_format(day, "DATE_FORMAT")}
        return [Reply(text, [buttons[i : i + 4] for i in range(0, len(buttons), 4)])]
    local = start.astimezone(tz)
    text = _("Move %(appointment)s to %(day)s at %(time)s?") % {
        "appointment": describe(appointment),
        "day": formats.date_format(local, "DATE_FORMAT"),
        "time": local.strftime("%H:%M"),
    }
    return [
        Reply(text, [[(_("Confirm"), f"mv:{pk}:{start:{START_FORMAT}}")], [(_("Choose another time"), f"rs:{pk}")]])
    ]


@in_language
def move(link, data):
    parts = data.split(":")
    try:
        pk, start = to_id(parts[1]), parse_start(parts[2])
    except (IndexError, ValueError):
        return not_valid()
    appointment = link.appointments.filter(pk=pk).first()
    if appointment is None or start is None:
        return not_valid()
    try:
        appointment = operations.reschedule_as_client(appointment, start)
    except operations.Refused as refused:
        return [Reply(refused.message)]
    except operations.ChangeNotAllowed:
        return [Reply(_("This appointment can no longer be moved online. Please contact us."))]
    except operations.SlotTaken:
        return [
            Reply(
                _("Sorry, this time has just been taken. Please choose another time."),
                [[(_("Choose another time"), f"rs:{pk}")]],
            )
        ]
    return [Reply(_("Moved: %(appointment)s.") % {"appointment": describe(appointment)})]


# --- notices (booking.notifications → hook → here) ------------------------------------


def staff_notice_text(kind, appointment, language):
    with translation.override(language):
        what = {"appointment": describe(appointment), "client": appointment.client_name}
        texts = {
            "booked": _("New booking: %(client)s, %(appointment)s."),
            "rescheduled": _("Moved by the customer: %(client)s, %(appointment)s."),
            "cancelled": _("Cancelled: %(client)s, %(appointment)s."),
        }
        return texts[kind] % what if kind in texts else None


def notice_text(kind, appointment, language):
    with translation.override(language):
        what = describe(appointment)
        texts = {
            "booked": _("Your appointment is confirmed: %(appointment)s."),
            "rescheduled": _("Your appointment has been moved: %(appointment)s."),
            "cancelled": _("Your appointment has been cancelled: %(appointment)s."),
            "reminder": _("Reminder: your appointment is tomorrow: %(appointment)s."),
        }
        return texts[kind] % {"appointment": what}
