"""The booking API (/api/v1/, django-ninja): thin adapters over booking's own operations.

Reading goes through booking.schedule (find_slots, bookable_staff) and the wizard's lookups;
booking, moving and cancelling through booking.operations (book_as_client, reschedule_as_client,
cancel): the same rules, client limits, emails and no-double-booking guarantee as the website.
Every error is JSON {"code", "message"} with a stable code and a message in the request's
language (?lang= or Accept-Language, see urls.py)."""

import hashlib
from datetime import UTC, date, datetime, timedelta
from typing import Annotated

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import Http404
from django.http.request import RawPostDataException
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from ninja import Field, Header, NinjaAPI, Path, Query, Schema, Status
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import HttpBearer
from pydantic import AwareDatetime
from wagtail.models import Locale

from booking import operations, states
from booking.availability import first_free_per_start
from booking.models import Appointment, Staff, VenuePage
from booking.operations import ChangeNotAllowed, Refused, SlotTaken
from booking.schedule import bookable_staff, find_slots, local_midnight_utc
from booking.wizard import ContactForm, VenueFinder, localized_map, venue_services
from bot import linking
from core.ratelimit import client_address

from . import keys
from .models import BOOKING, READ, STAFF, IdempotentRequest

MAX_SLOT_DAYS = 31  # the longest date range one slots request may ask for
EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)  # dates outside answer invalid_date
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]


class ApiError(Exception):
    def __init__(self, status, code, message):
        super().__init__(code)
        self.status, self.code, self.message = status, code, message


class Error(Schema):
    code: str = Field(description="Stable machine-readable code, e.g. slot_taken")
    message: str = Field(description="What happened, in the request's language")


ERRORS = {status: Error for status in (400, 401, 403, 404, 409, 422, 429)}


def errors(*statuses):
    return {status: Error for status in statuses}


# --- authentication ------------------------------------------------------------------


class ApiKeyAuth(HttpBearer):
    def authenticate(self, request, token):
        try:
            key = keys.authenticate(request, token)
        except keys.AuthFailure as failure:
            raise _auth_error(failure.code) from None
        request.api_key = key
        return key


def _auth_error(code):
    if code == "locked_out":
        minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
        message = _("Too many failed sign-in attempts. Please try again in %(minutes)s minutes.") % {"minutes": minutes}
        return ApiError(429, "locked_out", message)
    if code == "rate_limited":
        return ApiError(429, "rate_limited", _("Too many attempts. Please wait a minute and try again."))
    return ApiError(401, "unauthorized", _("A valid API key is required (Authorization: Bearer …)."))


api = NinjaAPI(
    title="Studio booking API",
    version="1.0.0",
    description=(
        "Venues, services, staff and free times; book, read, cancel and reschedule bookings. "
        "Authenticate with `Authorization: Bearer <API key>` (keys are created in the admin under "
        "Settings → API keys). Localized by `?lang=` or `Accept-Language`. Errors are "
        '`{"code": …, "message": …}`.'
    ),
    auth=ApiKeyAuth(),
    urls_namespace="api-v1",
)


def error_response(request, status, code, message):
    """The API's one error shape: {"code", "message"} as JSON."""
    return api.create_response(request, {"code": code, "message": str(message)}, status=status)


@api.exception_handler(ApiError)
def on_api_error(request, exc):
    response = error_response(request, exc.status, exc.code, exc.message)
    if exc.status == 429:
        response["Retry-After"] = "60"
    return response


@api.exception_handler(NinjaValidationError)
def on_validation_error(request, exc):
    fields = ", ".join(
        ".".join(str(part) for part in error.get("loc", ())[1:]) or str(error.get("loc", ("?",))[0])
        for error in exc.errors
    )
    return error_response(request, 422, "invalid_input", _("Invalid input: %(fields)s.") % {"fields": fields})


@api.exception_handler(AuthenticationError)
def on_authentication_error(request, exc):
    error = _auth_error("unauthorized")
    return error_response(request, error.status, error.code, error.message)


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return error_response(request, 404, "not_found", _("Not found."))


@api.exception_handler(HttpError)
def on_http_error(request, exc):
    return error_response(request, exc.status_code, "bad_request", _("Bad request."))


@api.exception_handler(RawPostDataException)
def on_form_body(request, exc):
    """A form-encoded or multipart body was already parsed by a middleware (RejectNulMiddleware
    reads request.POST), so the JSON body cannot be read: a body that is not JSON is a bad request."""
    return error_response(request, 400, "bad_request", _("Bad request."))


def require(request, scope):
    if not keys.allows(request.api_key, scope):
        raise ApiError(403, "forbidden_scope", _("This API key may not do that."))


# --- lookups -------------------------------------------------------------------------


def get_venue(request, venue_id):
    key = request.api_key
    if key.venue_id is not None and key.venue_id != venue_id:
        raise ApiError(403, "forbidden_venue", _("This API key is limited to another venue."))
    venue = VenuePage.objects.live().filter(pk=venue_id, locale=Locale.get_default()).first()
    if venue is None:
        raise ApiError(404, "venue_not_found", _("There is no such venue."))
    return venue


def get_service(venue, service_id):
    service = VenueFinder(venue).service(service_id)
    if service is None:
        raise ApiError(404, "service_not_found", _("This venue offers no such service."))
    return service


def get_staff(venue, staff_id, service):
    staff = VenueFinder(venue).staff(staff_id, service)
    if staff is None:
        raise ApiError(404, "staff_not_found", _("No such staff member offers this service here."))
    return staff


def get_booking(request, reference):
    appointment = Appointment.objects.select_related("venue", "service", "staff").filter(manage_token=reference).first()
    key = request.api_key
    if appointment is None or (key.venue_id is not None and appointment.venue_id != key.venue_id):
        raise ApiError(404, "booking_not_found", _("There is no such booking."))
    return appointment


def check_date(value):
    if not EARLIEST <= value <= LATEST:
        raise ApiError(422, "invalid_date", _("Dates must lie between 2000 and 2100."))


def check_start(value):
    check_date(value.date())  # before converting: 9999-12-31T23:59-12:00 has no UTC
    return value.astimezone(UTC)


# --- schemas ---------------------------------------------------------------------------


class VenueOut(Schema):
    id: int
    name: str
    address: str
    phone: str
    time_zone: str = Field(description="IANA time zone; every time of this venue is given with its offset")


class ServiceOut(Schema):
    id: int
    name: str
    description: str
    duration_minutes: int
    price: str
    cancellation_window_hours: int = Field(
        description="Bookings can be cancelled or moved until this many hours before"
    )


class StaffOut(Schema):
    id: int
    name: str
    bio: str
    service_ids: list[int]


class SlotOut(Schema):
    start: datetime
    end: datetime
    staff_id: int


class SlotsOut(Schema):
    venue_id: int
    service_id: int
    time_zone: str
    slots: list[SlotOut]


class BookingIn(Schema):
    venue_id: int = Field(ge=1, le=2**31 - 1)
    service_id: int = Field(ge=1, le=2**31 - 1)
    staff_id: int | None = Field(default=None, ge=1, le=2**31 - 1, description="Leave out for anyone")
    start: AwareDatetime = Field(description="A free start from /slots, ISO 8601 with offset")
    client_name: str = Field(max_length=120)
    client_email: str = Field(max_length=254)
    client_phone: str = Field(default="", max_length=40)
    note: str = Field(default="", max_length=1000)
    language: str | None = Field(default=None, max_length=10, description="Language of the emails")


class RescheduleIn(Schema):
    start: AwareDatetime


class BookingOut(Schema):
    reference: str = Field(description="The booking's secret reference (also in the customer's manage link)")
    status: str
    venue_id: int
    service_id: int
    staff_id: int
    start: datetime
    end: datetime
    time_zone: str
    client_name: str
    client_email: str
    client_phone: str
    note: str
    language: str
    cancellation_deadline: datetime
    can_change: bool = Field(description="Whether it can still be cancelled or moved through the API")


class DayAppointmentOut(Schema):
    reference: str
    status: str
    start: datetime
    end: datetime
    service: str
    client_name: str
    client_phone: str
    note: str


class StaffDayOut(Schema):
    staff_id: int
    date: date
    time_zone: str
    appointments: list[DayAppointmentOut]


def booking_out(appointment):
    tz = appointment.zone
    return {
        "reference": appointment.manage_token,
        "status": appointment.status,
        "venue_id": appointment.venue_id,
        "service_id": appointment.service_id,
        "staff_id": appointment.staff_id,
        "start": appointment.start.astimezone(tz),
        "end": appointment.end.astimezone(tz),
        "time_zone": appointment.time_zone,
        "client_name": appointment.client_name,
        "client_email": appointment.client_email,
        "client_phone": appointment.client_phone,
        "note": appointment.note,
        "language": appointment.language,
        "cancellation_deadline": appointment.cancellation_deadline().astimezone(tz),
        "can_change": appointment.can_change_online(),
    }


# --- reading ---------------------------------------------------------------------------


@api.get("/venues", response={200: list[VenueOut], **ERRORS}, tags=["catalogue"])
def list_venues(request):
    """The venues this key may book at, in the request's language."""
    require(request, READ)
    venues = VenuePage.objects.live().filter(locale=Locale.get_default()).order_by("pk")
    if request.api_key.venue_id is not None:
        venues = venues.filter(pk=request.api_key.venue_id)
    venues = list(venues)
    names = localized_map(venues)
    return [
        {"id": v.pk, "name": names[v.pk].title, "address": v.address, "phone": v.phone, "time_zone": v.time_zone}
        for v in venues
    ]


@api.get("/venues/{venue_id}/services", response={200: list[ServiceOut], **ERRORS}, tags=["catalogue"])
def list_services(request, venue_id: Id):
    """The services bookable at a venue (the wizard's first step)."""
    require(request, READ)
    services = venue_services(get_venue(request, venue_id))
    names = localized_map(services)
    return [
        {
            "id": s.pk,
            "name": names[s.pk].name,
            "description": names[s.pk].description,
            "duration_minutes": s.duration_minutes,
            "price": str(s.price),
            "cancellation_window_hours": s.cancellation_window_hours,
        }
        for s in services
    ]


@api.get("/venues/{venue_id}/staff", response={200: list[StaffOut], **ERRORS}, tags=["catalogue"])
def list_staff(request, venue_id: Id, service_id: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None):
    """The venue's bookable staff; with service_id, those who offer that service."""
    require(request, READ)
    venue = get_venue(request, venue_id)
    if service_id is not None:
        members = bookable_staff(venue, get_service(venue, service_id))
    else:
        members = list(Staff.objects.filter(venue=venue, active=True, locale=Locale.get_default()))
    names = localized_map(members)
    offered = {}
    for staff_id, service in Staff.services.through.objects.filter(staff__in=members).values_list(
        "staff_id", "service_id"
    ):
        offered.setdefault(staff_id, []).append(service)
    return [
        {"id": m.pk, "name": names[m.pk].name, "bio": names[m.pk].bio, "service_ids": sorted(offered.get(m.pk, []))}
        for m in members
    ]


@api.get("/venues/{venue_id}/slots", response={200: SlotsOut, **ERRORS}, tags=["catalogue"])
def list_slots(
    request,
    venue_id: Id,
    service_id: Annotated[int, Query(ge=1, le=2**31 - 1)],
    start_date: date,
    end_date: date,
    staff_id: Annotated[int | None, Query(ge=1, le=2**31 - 1, description="Leave out for anyone")] = None,
):
    """Free start times between two local dates (at most 31 days), in the venue's time zone."""
    require(request, READ)
    check_date(start_date)
    check_date(end_date)
    if end_date < start_date or (end_date - start_date).days >= MAX_SLOT_DAYS:
        raise ApiError(
            422,
            "invalid_range",
            _("end_date must be on or after start_date, at most %(days)s days later.") % {"days": MAX_SLOT_DAYS - 1},
        )
    venue = get_venue(request, venue_id)
    service = get_service(venue, service_id)
    staff = get_staff(venue, staff_id, service) if staff_id is not None else None
    slots = find_slots(venue, service, start_date, end_date, staff=staff)
    if staff is None:
        slots = first_free_per_start(slots)
    tz = venue.zone
    return {
        "venue_id": venue.pk,
        "service_id": service.pk,
        "time_zone": venue.time_zone,
        "slots": [
            {"start": s.start.astimezone(tz), "end": s.end.astimezone(tz), "staff_id": s.staff_id} for s in slots
        ],
    }


# --- bookings ----------------------------------------------------------------------------


def _request_hash(payload):
    return hashlib.sha256(payload.model_dump_json().encode()).hexdigest()


@api.post("/bookings", response={201: BookingOut, **ERRORS}, tags=["bookings"])
def create_booking(
    request,
    payload: BookingIn,
    idempotency_key: Annotated[
        str,
        Header(
            alias="Idempotency-Key",
            min_length=1,
            max_length=255,
            description="Any unique string; a retry with the same key and body gets the same answer, "
            "never a second booking",
        ),
    ],
):
    """Book a free start (from /slots) with the website's rules, limits and emails."""
    require(request, BOOKING)
    digest = _request_hash(payload)
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = IdempotentRequest.objects.create(
                    api_key=request.api_key, key=idempotency_key, request_hash=digest
                )
        except IntegrityError:
            record = IdempotentRequest.objects.get(api_key=request.api_key, key=idempotency_key)
            if record.request_hash != digest:
                raise ApiError(
                    422,
                    "idempotency_key_reused",
                    _("This Idempotency-Key was already used for a different request."),
                ) from None
            return _replay(record)
        appointment = _book(request, payload)
        # Only the booking's id is kept, never a copy of the customer's details: a replay answers
        # from the row itself, so an erased customer's name and email are gone from replays too.
        record.status_code, record.response = 201, {"appointment_id": appointment.pk}
        record.save(update_fields=["status_code", "response"])
    return Status(201, booking_out(appointment))


def _replay(record):
    appointment = (
        Appointment.objects.select_related("venue", "service", "staff")
        .filter(pk=record.response.get("appointment_id"))
        .first()
    )
    if appointment is None:
        raise ApiError(404, "booking_not_found", _("There is no such booking."))
    return Status(record.status_code, booking_out(appointment))


def _book(request, payload):
    venue = get_venue(request, payload.venue_id)
    service = get_service(venue, payload.service_id)
    staff = get_staff(venue, payload.staff_id, service) if payload.staff_id is not None else None
    start = check_start(payload.start)
    contact = ContactForm(
        {
            "client_name": payload.client_name,
            "client_email": payload.client_email,
            "client_phone": payload.client_phone,
            "note": payload.note,
        }
    )
    if not contact.is_valid():
        fields = ", ".join(sorted(contact.errors))
        raise ApiError(422, "invalid_input", _("Invalid input: %(fields)s.") % {"fields": fields})
    languages = {code for code, _name in settings.LANGUAGES}
    language = payload.language if payload.language in languages else translation.get_language()
    try:
        return operations.book_as_client(
            address=client_address(request),
            proven=False,
            venue=venue,
            service=service,
            staff=staff,
            start=start,
            language=language,
            **contact.cleaned_data,
        )
    except SlotTaken:
        raise ApiError(409, "slot_taken", _("This time is no longer available. Please pick another.")) from None
    except Refused as refused:
        raise ApiError(429, "too_many_bookings", refused.message) from None


Reference = Annotated[str, Path(min_length=1, max_length=64)]


@api.get("/bookings/{reference}", response={200: BookingOut, **ERRORS}, tags=["bookings"])
def read_booking(request, reference: Reference):
    require(request, BOOKING)
    return booking_out(get_booking(request, reference))


def refuse_closed(request, reference):
    """A booking that is cancelled, completed or a no-show answers already_closed (the operations
    refuse it as "not changeable online", which would send a client to look at the time window)."""
    if get_booking(request, reference).status not in states.ACTIVE:
        raise ApiError(409, "already_closed", _("This appointment is already closed."))


class TelegramLinkOut(Schema):
    url: str = Field(description="The t.me deep link; opening it links the customer's Telegram chat to this booking")
    expires_at: datetime = Field(description="Until when the link's signed token is valid")


@api.post(
    "/bookings/{reference}/telegram-link",
    response={200: TelegramLinkOut, **errors(401, 403, 404, 409, 422, 429)},
    tags=["bookings"],
)
def telegram_link(request, reference: Reference):
    """Link a client to a Telegram chat: the signed, expiring deep link the confirmation page and email
    carry. The customer opens it in Telegram and from then on gets the confirmations and the 24 h reminder
    there too. Answers telegram_unavailable while the site has no bot configured."""
    require(request, BOOKING)
    appointment = get_booking(request, reference)
    if not (settings.TELEGRAM_BOT_TOKEN and settings.TELEGRAM_BOT_USERNAME):
        raise ApiError(409, "telegram_unavailable", _("This site has no Telegram bot connected."))
    if appointment.status not in states.ACTIVE:
        raise ApiError(409, "already_closed", _("This appointment is already closed."))
    now = timezone.now()
    return {
        "url": linking.deep_link(appointment.pk),
        "expires_at": (now + timedelta(hours=settings.TELEGRAM_LINK_HOURS)).astimezone(appointment.zone),
    }


@api.post("/bookings/{reference}/cancel", response={200: BookingOut, **ERRORS}, tags=["bookings"])
def cancel_booking(request, reference: Reference):
    """Cancel, until the service's cancellation window (as on the website's manage page)."""
    require(request, BOOKING)
    appointment = get_booking(request, reference)
    try:
        appointment = operations.cancel(appointment)
    except ChangeNotAllowed:
        refuse_closed(request, reference)
        raise ApiError(409, "change_not_allowed", _("This appointment can no longer be cancelled online.")) from None
    except states.InvalidTransition:
        raise ApiError(409, "already_closed", _("This appointment is already closed.")) from None
    return booking_out(get_booking(request, reference))


@api.post("/bookings/{reference}/reschedule", response={200: BookingOut, **ERRORS}, tags=["bookings"])
def reschedule_booking(request, reference: Reference, payload: RescheduleIn):
    """Move to another free start of the same service and staff member, until the cancellation window."""
    require(request, BOOKING)
    appointment = get_booking(request, reference)
    start = check_start(payload.start)
    try:
        operations.reschedule_as_client(appointment, start)
    except ChangeNotAllowed:
        refuse_closed(request, reference)
        raise ApiError(409, "change_not_allowed", _("This appointment can no longer be moved online.")) from None
    except SlotTaken:
        raise ApiError(409, "slot_taken", _("This time is no longer available. Please pick another.")) from None
    except Refused as refused:
        raise ApiError(429, "too_many_changes", refused.message) from None
    return booking_out(get_booking(request, reference))


# --- staff -----------------------------------------------------------------------------


@api.get("/staff/{staff_id}/day", response={200: StaffDayOut, **ERRORS}, tags=["staff"])
def staff_day(request, staff_id: Id, date: date):
    """A staff member's appointments on one local date (all states), in the venue's time zone."""
    require(request, STAFF)
    check_date(date)
    staff = Staff.objects.filter(pk=staff_id, locale=Locale.get_default()).select_related("venue").first()
    if staff is None:
        raise ApiError(404, "staff_not_found", _("There is no such staff member."))
    venue = get_venue(request, staff.venue_id)
    tz = venue.zone
    appointments = (
        Appointment.objects.filter(
            staff=staff,
            start__gte=local_midnight_utc(date, tz),
            start__lt=local_midnight_utc(date + timedelta(days=1), tz),
        )
        .select_related("service")
        .order_by("start")
    )
    names = localized_map([a.service for a in appointments])
    return {
        "staff_id": staff.pk,
        "date": date,
        "time_zone": venue.time_zone,
        "appointments": [
            {
                "reference": a.manage_token,
                "status": a.status,
                "start": a.start.astimezone(tz),
                "end": a.end.astimezone(tz),
                "service": names.get(a.service.pk, a.service).name,
                "client_name": a.client_name,
                "client_phone": a.client_phone,
                "note": a.note,
            }
            for a in appointments
        ],
    }
