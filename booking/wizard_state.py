"""The booking wizard's state, kept in the URL: parse, validate, serialise.

The choices live in the querystring (?service=…&staff=…&date=…&start=…), so every step has its
own URL: back/forward work, a reload renders the same step, and links work without JavaScript.

Plain Python: no database, no ORM. Which ids name real, bookable things is asked of a `Finder`
(the views pass one that queries the venue's services, staff and appointments; tests can pass a
dictionary-backed one). Anything invalid (unknown ids, dates out of range, malformed times) is
dropped and `invalid` is set, so the step that needs it is shown again with a message; never a 500.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, Protocol
from urllib.parse import urlencode

from core.parsing import parse_date, parse_int, parse_month, parse_utc

START_FORMAT = "%Y%m%dT%H%MZ"
STEPS = ["service", "staff", "date", "time", "details", "confirm"]
KEYS = ("reschedule", "service", "staff", "month", "date", "start")


class Finder(Protocol):
    """What the parser asks about ids; each answer is the object, or None when it is not bookable."""

    def appointment(self, token: str) -> Any: ...  # the appointment to move (has service_id, staff_id)

    def service(self, service_id: int) -> Any: ...

    def staff(self, staff_id: int, service: Any) -> Any: ...


@dataclass(frozen=True)
class Chosen:
    """The objects the state's ids name (None where not chosen yet)."""

    service: Any = None
    staff: Any = None
    appointment: Any = None  # the appointment being rescheduled


@dataclass(frozen=True)
class WizardState:
    reschedule: str = ""  # the manage token of the appointment being moved
    service: int | None = None
    staff: int | None = None
    anyone: bool = False
    month: date | None = None
    day: date | None = None
    start: datetime | None = None  # UTC
    step_param: str = ""  # "confirm" once the contact details are in the session
    invalid: bool = False

    def params(self, **changes):
        state = replace(self, **changes)
        out = {}
        if state.reschedule:
            out["reschedule"] = state.reschedule
        if state.service is not None:
            out["service"] = state.service
        if state.anyone:
            out["staff"] = "any"
        elif state.staff is not None:
            out["staff"] = state.staff
        if state.month is not None and state.day is None:
            out["month"] = state.month.strftime("%Y-%m")
        if state.day is not None:
            out["date"] = state.day.isoformat()
        if state.start is not None:
            out["start"] = state.start.strftime(START_FORMAT)
        if state.step_param:
            out["step"] = state.step_param
        return out

    def query(self, **changes):
        params = self.params(**changes)
        return "?" + urlencode(params) if params else "?"

    def step(self, has_contact):
        """The step this state shows; `has_contact`: the contact details are in the session."""
        if self.service is None:
            return "service"
        if self.staff is None and not self.anyone:
            return "staff"
        if self.day is None:
            return "date"
        if self.start is None:
            return "time"
        if self.reschedule:
            return "confirm"
        if self.step_param == "confirm" and has_contact:
            return "confirm"
        return "details"


def for_reschedule(appointment):
    """The state that moves `appointment`: its service and staff member, a new date and time to pick."""
    return WizardState(reschedule=appointment.manage_token, service=appointment.service_id, staff=appointment.staff_id)


def parse(data, find: Finder):
    """(WizardState, Chosen) from GET/POST data. A value counts only once the choices before it
    are valid (the date only after a staff member, the time only after a date)."""
    step_param = "confirm" if data.get("step") == "confirm" else ""
    given = {key for key in KEYS if data.get(key)}
    used = set()
    appointment = service = staff = None
    anyone = False
    month = day = start = None
    token = data.get("reschedule")
    if token:
        appointment = find.appointment(token)
        if appointment is not None:
            service, staff = appointment.service, appointment.staff
            used |= {"reschedule", "service", "staff"}
    if service is None:
        service_id = parse_int(data.get("service"), minimum=1)
        if service_id:
            service = find.service(service_id)
        used.add("service")
    if service is not None and staff is None:
        staff_value = data.get("staff")
        staff_id = parse_int(staff_value, minimum=1)
        if staff_value == "any":
            anyone = True
        elif staff_id:
            staff = find.staff(staff_id, service)
        used.add("staff")
    if staff is not None or anyone:
        month = parse_month(data.get("month"))
        day = parse_date(data.get("date"))
        used |= {"month", "date"}
    if day is not None:
        start = parse_utc(data.get("start"), START_FORMAT)
        used.add("start")
    missing = {
        "reschedule": appointment is None,
        "service": service is None,
        "staff": staff is None and not anyone,
        "month": month is None,
        "date": day is None,
        "start": start is None,
    }
    # A value that was read and could not be used (not one skipped because an earlier choice was missing).
    invalid = any(missing[key] for key in given & used) or ("reschedule" in given and appointment is None)
    state = WizardState(
        reschedule=appointment.manage_token if appointment is not None else "",
        service=service.pk if service is not None else None,
        staff=staff.pk if staff is not None else None,
        anyone=anyone,
        month=month,
        day=day,
        start=start,
        step_param=step_param,
        invalid=invalid,
    )
    return state, Chosen(service=service, staff=staff, appointment=appointment)
