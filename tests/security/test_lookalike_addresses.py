"""Addresses that differ from a real one only by a look-alike letter (Turkish dotless
`ı`, long `ſ`) prove nothing about the real one. PostgreSQL's UPPER() turns `ı` into
`I` and `ſ` into `S`, so a case-insensitive (`iexact`) match treats `gina@maıl.example`
(a domain anyone can register) as `gina@mail.example`. Through HTTP; the holes show
on PostgreSQL (SQLite's case folding is ASCII only)."""

import json
import re
from datetime import UTC, datetime

import pytest
from django.core import mail
from oscar.test import factories

from booking.operations import book
from ops.models import Feedback
from shop.order_status import PAID
from tests.booking_fixtures import make_booking_page, make_service, make_staff, make_venue

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday
VICTIM = "gina@mail.example"
LOOKALIKE = "gina@maıl.example"  # dotless ı: another domain, owned by the attacker
PASSWORD = "a-Long-pass-2026"


@pytest.fixture(autouse=True)
def frozen(time_machine, settings):
    time_machine.move_to(NOW, tick=False)
    settings.WAGTAILADMIN_BASE_URL = "https://studio.example"
    settings.AXES_FAILURE_LIMIT = 5
    settings.OPS_LOGIN_RATE_LIMIT = 100  # the lockout is under test, not the per-client limit


@pytest.fixture
def victims_guest_data(home_page):
    venue = make_venue(home_page)
    booking_page = make_booking_page(venue)
    service = make_service()
    make_staff(venue, "Alex", [service])
    book(
        venue=venue,
        service=service,
        start=datetime(2026, 3, 3, 9, 0, tzinfo=UTC),
        client_name="Gina Victim",
        client_email=VICTIM,
        now=NOW,
    )
    address = factories.ShippingAddressFactory(first_name="Gina", line1="Opferweg 1", postcode="10999")
    factories.create_order(guest_email=VICTIM, shipping_address=address, status=PAID)
    Feedback.objects.create(message="Victim feedback", email=VICTIM)
    mail.outbox.clear()
    return booking_page.url + "my/"


def login(client, email, password=PASSWORD):
    return client.post(
        "/en/shop/accounts/login/",
        {"login-username": email, "login-password": password, "login_submit": "1"},
        REMOTE_ADDR="198.51.100.7",
    )


def test_a_lookalike_address_confirmed_by_its_owner_links_none_of_the_real_ones_data(
    client, victims_guest_data, run_tasks
):
    password = {"registration-password1": PASSWORD, "registration-password2": PASSWORD}
    response = client.post(
        "/en/shop/accounts/login/", {"registration-email": LOOKALIKE, **password, "registration_submit": "1"}
    )
    assert response.status_code == 302
    run_tasks()
    [message] = mail.outbox
    link = re.search(r"https?://\S+/verify-email/\S+/", message.body).group(0)
    client.get(link.removeprefix("https://studio.example"))  # the attacker reads his own domain's mail
    assert login(client, LOOKALIKE).status_code == 302

    page = client.get(victims_guest_data).content.decode()
    assert "manage/" not in page and "Gina Victim" not in page
    export = client.get("/en/ops/privacy/export/").content.decode()
    data = json.loads(export)
    assert data["bookings"] == [] and data["orders"] == [] and data["feedback"] == []
    assert "Opferweg" not in export


@pytest.mark.parametrize("lookalike", ["sıssı@example.com", "ſiſſi@example.com"])
def test_lookalike_spellings_of_a_locked_address_are_locked_too(client, home_page, django_user_model, lookalike):
    django_user_model.objects.create_user(email="sissi@example.com", password=PASSWORD)
    for _ in range(5):
        login(client, "sissi@example.com", "wrong-guess")
    # The attacker goes on guessing under another spelling of the same account.
    response = login(client, lookalike)
    assert response.status_code != 302
    assert client.get("/en/shop/accounts/profile/").status_code == 302  # not signed in
