"""New bookings are limited per email address and per client address, per hour and
per day; a guest's unproven address holds a few upcoming appointments at most."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client

from booking.models import Appointment
from tests.booking_fixtures import make_studio

NOW = datetime(2030, 6, 1, 12, 0, tzinfo=UTC)  # Saturday
# Monday to Saturday, 09:00-12:00 and 14:00-17:00 Berlin (UTC+2): 36 free hours.
SLOTS = [
    (datetime(2030, 6, 3, 7, tzinfo=UTC) + timedelta(days=day, hours=hour)).strftime("%Y%m%dT%H%MZ")
    for day in range(6)
    for hour in (0, 1, 2, 3, 5, 6, 7, 8)
]


@pytest.fixture
def studio(home_page):
    cache.clear()
    with time_machine.travel(NOW, tick=False) as traveller:
        _venue, page, haircut, anna = make_studio(home_page)
        yield page, haircut, anna, traveller


class Booker:
    def __init__(self, studio, address):
        self.page, self.service, self.staff, _ = studio
        self.client = Client(REMOTE_ADDR=address)

    def book(self, email, slot):
        state = {"service": self.service.pk, "staff": self.staff.pk, "start": slot}
        state["date"] = f"{slot[:4]}-{slot[4:6]}-{slot[6:8]}"
        url = self.page.url + "book/"
        self.client.post(url, {**state, "action": "details", "client_name": "Mallory", "client_email": email})
        return self.client.post(url, {**state, "action": "confirm"})


def test_one_email_address_books_a_few_times_per_hour_and_day(studio, settings):
    settings.BOOKING_LIMIT_GUEST_UPCOMING = 100
    slots = iter(SLOTS)
    attacker = Booker(studio, "203.0.113.66")
    statuses = [attacker.book("Victim@example.com", next(slots)).status_code for _ in range(4)]
    assert statuses == [302, 302, 302, 429]
    refused = attacker.book("victim@EXAMPLE.com", next(slots))  # letter case does not help
    assert refused.status_code == 429 and refused["Retry-After"] == "3600"
    assert "This email address has made several bookings recently" in refused.content.decode()
    assert Appointment.objects.count() == 3

    studio[3].shift(timedelta(hours=1, minutes=1))
    other = Booker(studio, "203.0.113.10")  # another client, the same address: the limit is the address's
    assert [other.book("victim@example.com", next(slots)).status_code for _ in range(3)] == [302, 302, 429]
    studio[3].shift(timedelta(hours=23))
    assert other.book("victim@example.com", next(slots)).status_code == 302


def test_one_client_books_a_few_times_per_hour_and_day(studio, settings):
    settings.BOOKING_LIMIT_IP_PER_HOUR = 4
    settings.BOOKING_LIMIT_IP_PER_DAY = 6
    slots = iter(SLOTS)
    script = Booker(studio, "203.0.113.66")
    statuses = [script.book(f"fake{i}@example.com", next(slots)).status_code for i in range(5)]
    assert statuses == [302, 302, 302, 302, 429]
    assert (
        "You have made several bookings in a short time" in script.book("x@example.com", next(slots)).content.decode()
    )
    assert Booker(studio, "203.0.113.10").book("real@example.com", next(slots)).status_code == 302
    studio[3].shift(timedelta(hours=1, minutes=1))
    statuses = [script.book(f"later{i}@example.com", next(slots)).status_code for i in range(3)]
    assert statuses == [302, 302, 429]  # six a day


def test_a_guest_address_holds_a_few_upcoming_appointments(studio, settings, django_user_model):
    settings.BOOKING_LIMIT_GUEST_UPCOMING = 2
    slots = iter(SLOTS)
    guest = Booker(studio, "203.0.113.66")
    assert [guest.book("guest@example.com", next(slots)).status_code for _ in range(3)] == [302, 302, 429]
    assert "already has 2 upcoming appointments" in guest.book("guest@example.com", next(slots)).content.decode()

    customer = django_user_model.objects.create_user(email="member@example.com", password="pw-123456789")
    customer.verified_email = "member@example.com"  # proven through the verification link
    customer.save()
    member = Booker(studio, "203.0.113.10")
    member.client.force_login(customer)
    assert [member.book("member@example.com", next(slots)).status_code for _ in range(3)] == [302, 302, 302]
    # Signed in, but naming somebody else's (unproven) address: the guest rule.
    assert [member.book("other@example.com", next(slots)).status_code for _ in range(3)] == [302, 302, 429]


def test_a_plus_tag_does_not_make_a_new_address(studio, settings):
    """victim+1@ and victim+2@ reach the same mailbox as victim@: one limit for all of them."""
    settings.BOOKING_LIMIT_GUEST_UPCOMING = 100
    slots = iter(SLOTS)
    emails = ["victim@example.com", "Victim+1@example.com", "victim+2@Example.com", "victim+3@example.com"]
    statuses = [Booker(studio, f"203.0.113.{n}").book(email, next(slots)).status_code for n, email in enumerate(emails)]
    assert statuses == [302, 302, 302, 429]
    assert Booker(studio, "203.0.113.50").book("victimx@example.com", next(slots)).status_code == 302  # another box


def test_one_appointment_is_moved_a_few_times_a_day(studio, settings, mailoutbox):
    """The done page hands the booker the manage link; moving the appointment mails the
    address again, so moving it back and forth is no way round the limits."""
    slots = iter(SLOTS)
    attacker = Booker(studio, "203.0.113.66")
    assert attacker.book("victim@example.com", next(slots)).status_code == 302
    token = Appointment.objects.get().manage_token
    mails = len(mailoutbox)
    statuses = []
    for _ in range(4):
        slot = next(slots)
        state = {"reschedule": token, "date": f"{slot[:4]}-{slot[4:6]}-{slot[6:8]}", "start": slot, "action": "confirm"}
        statuses.append(attacker.client.post(attacker.page.url + "book/", state).status_code)
    assert statuses == [302, 302, 302, 429]
    assert len(mailoutbox) - mails <= 3
    studio[3].shift(timedelta(days=1, minutes=1))
    slot = next(slots)
    state = {"reschedule": token, "date": f"{slot[:4]}-{slot[4:6]}-{slot[6:8]}", "start": slot, "action": "confirm"}
    assert attacker.client.post(attacker.page.url + "book/", state).status_code == 302


def test_look_alike_domains_are_the_same_address(studio, settings):
    """Full-width letters and a soft hyphen in the domain are delivered to the plain domain."""
    settings.BOOKING_LIMIT_GUEST_UPCOMING = 100
    slots = iter(SLOTS)
    emails = ["victim@example.com", "victim@\uff45xample.com", "victim@exa\u00admple.com", "victim@EXAMPLE.\uff43om"]
    statuses = [Booker(studio, f"203.0.113.{n}").book(email, next(slots)).status_code for n, email in enumerate(emails)]
    assert statuses == [302, 302, 302, 429]
    assert set(Appointment.objects.values_list("client_email", flat=True)) == {"victim@example.com"}
