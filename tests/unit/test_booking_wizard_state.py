"""The wizard's URL state without a database: parse, validate, serialise."""

from datetime import UTC, date, datetime
from types import SimpleNamespace

from booking.wizard_state import WizardState, for_reschedule, parse

HAIRCUT = SimpleNamespace(pk=3)
ANNA = SimpleNamespace(pk=7)
MOVED = SimpleNamespace(manage_token="tok", service=HAIRCUT, staff=ANNA, service_id=3, staff_id=7)


class Finder:
    def appointment(self, token):
        return MOVED if token == "tok" else None

    def service(self, service_id):
        return HAIRCUT if service_id == 3 else None

    def staff(self, staff_id, service):
        return ANNA if staff_id == 7 and service is HAIRCUT else None


def test_a_full_state_round_trips_through_its_query():
    data = {"service": "3", "staff": "7", "date": "2027-03-12", "start": "20270312T0900Z", "step": "confirm"}
    state, chosen = parse(data, Finder())
    assert (chosen.service, chosen.staff, chosen.appointment) == (HAIRCUT, ANNA, None)
    assert state.start == datetime(2027, 3, 12, 9, 0, tzinfo=UTC)
    assert not state.invalid
    assert state.query() == "?service=3&staff=7&date=2027-03-12&start=20270312T0900Z&step=confirm"
    assert state.step(has_contact=True) == "confirm"
    assert state.step(has_contact=False) == "details"


def test_unknown_ids_are_dropped_and_flagged():
    state, chosen = parse({"service": "3", "staff": "8", "date": "2027-03-12"}, Finder())
    assert (state.service, state.staff, chosen.staff) == (3, None, None)
    assert state.invalid
    assert state.step(has_contact=False) == "staff"


def test_values_after_a_missing_choice_are_ignored_not_flagged():
    # No staff member chosen yet: the date is not read, and not an error.
    state, _ = parse({"service": "3", "date": "not-a-date"}, Finder())
    assert state.day is None and not state.invalid


def test_malformed_values_never_raise():
    for value in ["", "x", "-1", "9" * 40, "2027-13-40", "\x00"]:
        state, _ = parse({key: value for key in ("service", "staff", "date", "start", "month")}, Finder())
        assert state.step(has_contact=False) == "service"


def test_anyone_and_month():
    state, chosen = parse({"service": "3", "staff": "any", "month": "2027-04"}, Finder())
    assert state.anyone and chosen.staff is None and state.month == date(2027, 4, 1)
    assert state.query() == "?service=3&staff=any&month=2027-04"


def test_reschedule_takes_service_and_staff_from_the_appointment():
    state, chosen = parse({"reschedule": "tok", "service": "99", "staff": "99"}, Finder())
    assert chosen.appointment is MOVED and (state.service, state.staff) == (3, 7) and not state.invalid
    assert state.query() == for_reschedule(MOVED).query() == "?reschedule=tok&service=3&staff=7"
    unknown, _ = parse({"reschedule": "gone"}, Finder())
    assert unknown.invalid and unknown.reschedule == ""


def test_changes_serialise_without_touching_the_state():
    state = WizardState(service=3, staff=7, day=date(2027, 3, 12))
    assert state.query(day=None, month=date(2027, 3, 1)) == "?service=3&staff=7&month=2027-03"
    assert state.day == date(2027, 3, 12)
