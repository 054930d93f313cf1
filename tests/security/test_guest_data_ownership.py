"""Guest bookings, orders, feedback and form submissions belong to an account only
once its owner has proven the address (issue 9, point 1). Everything through HTTP."""

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from oscar.test import factories
from wagtail.contrib.forms.models import FormSubmission

from booking import states
from booking.operations import book
from ops.models import Feedback
from shop.order_status import PAID
from tests.booking_fixtures import make_booking_page, make_service, make_staff, make_venue

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday
GUEST = "guest.person@example.com"
PASSWORD = "a-Long-pass-2026"


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to(NOW, tick=False)


@pytest.fixture
def guest_data(home_page, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://studio.example"
    venue = make_venue(home_page)
    booking_page = make_booking_page(venue)
    service = make_service()
    make_staff(venue, "Alex", [service])
    appointment = book(
        venue=venue,
        service=service,
        start=datetime(2026, 3, 3, 9, 0, tzinfo=UTC),
        client_name="Gina Guest",
        client_email=GUEST,
        client_phone="+49 170 1234567",
        now=NOW,
    )
    address = factories.ShippingAddressFactory(
        first_name="Gina", last_name="Guest", line1="Gästeweg 7", postcode="10999", line4="Berlin"
    )
    order = factories.create_order(guest_email=GUEST, shipping_address=address, status=PAID)
    Feedback.objects.create(message="Guest feedback", email=GUEST)
    FormSubmission.objects.create(page=home_page, form_data={"email": GUEST, "message": "Guest message"})
    mail.outbox.clear()
    return {"appointment": appointment, "order": order, "my_bookings": booking_page.url + "my/"}


def register(client, email, password=PASSWORD, **extra):
    return client.post(
        "/en/shop/accounts/login/",
        {"registration-email": email, "registration-password1": password, "registration-password2": password,
         "registration_submit": "1"},
        **extra,
    )  # fmt: skip


def sign_in(client, email, password=PASSWORD):
    response = client.post(
        "/en/shop/accounts/login/", {"login-username": email, "login-password": password, "login_submit": "1"}
    )
    assert response.status_code == 302, response.content.decode()[:500]


def confirmation_link(message):
    return re.search(r"https?://\S+/verify-email/\S+/", message.body).group(0)


def export(client):
    return json.loads(client.get("/en/ops/privacy/export/").content)


def test_registering_with_a_guests_address_shows_none_of_the_guests_data(client, guest_data, run_tasks):
    response = register(client, GUEST.upper())
    assert response.status_code == 302
    assert client.get("/en/shop/accounts/profile/").status_code == 302  # registering does not sign in
    sign_in(client, GUEST.upper())

    page = client.get(guest_data["my_bookings"]).content.decode()
    assert "manage/" not in page and "You have no bookings yet." in page
    assert "once you have confirmed your email address" in page
    data = export(client)
    assert data["bookings"] == [] and data["orders"] == [] and data["feedback"] == []
    assert data["form_submissions"] == []
    assert "Gästeweg" not in json.dumps(data)

    # Erasing the unproven account touches nothing of the guest's.
    response = client.post("/en/ops/privacy/erase/", {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    guest_data["appointment"].refresh_from_db()
    assert guest_data["appointment"].status == states.CONFIRMED
    assert guest_data["appointment"].client_email == GUEST
    order = guest_data["order"]
    order.refresh_from_db()
    order.shipping_address.refresh_from_db()
    assert order.guest_email == GUEST and order.shipping_address.line1 == "Gästeweg 7"
    assert Feedback.objects.filter(email=GUEST).exists() and FormSubmission.objects.count() == 1


def test_the_confirmation_link_comes_from_base_url_and_links_the_guest_data(client, guest_data, run_tasks):
    register(client, GUEST, HTTP_HOST="evil.example")
    run_tasks()
    [message] = mail.outbox
    assert message.to == [GUEST]
    link = confirmation_link(message)
    assert link.startswith("https://studio.example/en/shop/accounts/verify-email/")
    assert "evil.example" not in message.body

    response = client.get(link.removeprefix("https://studio.example"), follow=True)
    assert "is confirmed" in response.content.decode()
    sign_in(client, GUEST)
    page = client.get(guest_data["my_bookings"]).content.decode()
    assert "manage/" in page
    data = export(client)
    assert [b["name"] for b in data["bookings"]] == ["Gina Guest"]
    assert [o["number"] for o in data["orders"]] == [str(guest_data["order"].number)]
    assert [f["message"] for f in data["feedback"]] == ["Guest feedback"]
    assert [s["data"]["message"] for s in data["form_submissions"]] == ["Guest message"]
    # A paid order still to be delivered keeps what is needed to ship it, and the export says so.
    assert "kept_on_erasure" in data["orders"][0]

    response = client.post("/en/ops/privacy/erase/", {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    guest_data["appointment"].refresh_from_db()
    assert guest_data["appointment"].status == states.CANCELLED  # provably the account's own
    order = guest_data["order"]
    order.refresh_from_db()
    order.shipping_address.refresh_from_db()
    assert order.shipping_address.line1 == "Gästeweg 7" and order.email == GUEST


def test_an_expired_or_forged_link_confirms_nothing(client, guest_data, run_tasks, time_machine):
    register(client, GUEST)
    run_tasks()
    link = confirmation_link(mail.outbox[0]).removeprefix("https://studio.example")
    forged = client.get(link[:-3] + "xx/", follow=True)
    assert "invalid or has expired" in forged.content.decode()
    time_machine.shift(timedelta(hours=73))
    expired = client.get(link, follow=True)
    assert "invalid or has expired" in expired.content.decode()
    sign_in(client, GUEST)
    assert export(client)["bookings"] == []
    assert "not confirmed yet" in client.get("/en/shop/accounts/profile/").content.decode()


def test_a_known_address_gets_the_same_answer_and_its_owner_a_mail(client, home_page, django_user_model, run_tasks):
    django_user_model.objects.create_user(email="owner@example.com", password="owner-pass-2026")
    known = register(client, "Owner@Example.com")
    new = register(client, "fresh@example.com")
    assert known.status_code == new.status_code == 302 and known["Location"] == new["Location"]
    assert django_user_model.objects.filter(email__iexact="owner@example.com").count() == 1
    run_tasks()
    by_address = {m.to[0]: m for m in mail.outbox}
    assert "already" in by_address["owner@example.com"].subject
    assert "/verify-email/" not in by_address["owner@example.com"].body
    assert "/verify-email/" in by_address["fresh@example.com"].body


def change_address(client, email):
    response = client.post("/en/shop/accounts/profile/edit/", {"email": email, "first_name": "Me", "last_name": "X"})
    assert response.status_code == 302
    return client.get(response["Location"]).content.decode()


@pytest.fixture
def me(django_user_model):
    return django_user_model.objects.create_user(
        email="me@example.com", password=PASSWORD, verified_email="me@example.com", first_name="Me", last_name="X"
    )


def test_a_new_address_takes_effect_only_once_confirmed(client, guest_data, me, run_tasks):
    sign_in(client, "me@example.com")
    profile = change_address(client, GUEST.title())
    assert "Your address changes once you open it." in profile and "me@example.com" in profile
    assert "manage/" not in client.get(guest_data["my_bookings"]).content.decode()
    assert export(client)["orders"] == []
    run_tasks()
    sent = [m for m in mail.outbox if "/verify-email/" in m.body]
    assert [[a.lower() for a in m.to] for m in sent] == [[GUEST]]

    client.get(confirmation_link(sent[0]).removeprefix("https://studio.example"))
    assert GUEST in client.get("/en/shop/accounts/profile/").content.decode().lower()
    assert "manage/" in client.get(guest_data["my_bookings"]).content.decode()
    run_tasks()
    [notice] = [m for m in mail.outbox if m.to == ["me@example.com"]]
    assert GUEST in notice.body.lower() and "https://studio.example/en/shop/password-reset/" in notice.body


def test_moving_to_an_address_with_an_account_reveals_nothing(client, home_page, me, django_user_model, run_tasks):
    django_user_model.objects.create_user(email="taken@example.com", password="other-pass-2026")
    sign_in(client, "me@example.com")
    taken = change_address(client, "Taken@example.com")
    free = change_address(client, "free@example.com")
    for answer, email in ((taken, "Taken@example.com"), (free, "free@example.com")):
        assert f"We have sent a link to {email}. Your address changes once you open it." in answer
        assert "already" not in answer
    run_tasks()
    by_address = {m.to[0].lower(): m for m in mail.outbox}
    assert "/verify-email/" not in by_address["taken@example.com"].body
    assert "/verify-email/" in by_address["free@example.com"].body
    me.refresh_from_db()
    assert me.email == "me@example.com"


def test_checkout_never_tells_whether_an_address_has_an_account(client, home_page, django_user_model):
    django_user_model.objects.create_user(email="owner@example.com", password=PASSWORD)
    product = factories.create_product(price=10, num_in_stock=5)
    client.post(f"/en/shop/basket/add/{product.pk}/", {"quantity": 1})
    answers = {}
    for email in ("owner@example.com", "nobody@example.com"):
        for option in ("anonymous", "new"):
            response = client.post("/en/shop/checkout/", {"username": email, "options": option})
            answers[email, option] = (response.status_code, response.get("Location", "").split("email=")[0])
            assert "already exists" not in response.content.decode()
    assert answers["owner@example.com", "new"] == answers["nobody@example.com", "new"]
    assert answers["owner@example.com", "anonymous"] == answers["nobody@example.com", "anonymous"]
