import json

import pytest
from oscar.test import factories
from wagtail.contrib.forms.models import FormSubmission

from ops.models import Feedback
from shop.order_status import SHIPPED


@pytest.fixture
def customer(home_page, django_user_model):
    user = django_user_model.objects.create_user(
        email="maria@example.com", password="pw-123456789", first_name="Maria", last_name="Muster",
        verified_email="maria@example.com",  # proven: guest rows under it are hers
    )  # fmt: skip
    address = factories.ShippingAddressFactory(
        first_name="Maria", last_name="Muster", line1="Friedrichstraße 12", postcode="10117", line4="Berlin"
    )
    order = factories.create_order(user=user, shipping_address=address, status=SHIPPED)
    Feedback.objects.create(message="Lovely shop", user=user)
    Feedback.objects.create(message="Sent before signing up", email="MARIA@example.com")
    Feedback.objects.create(message="Someone else", email="other@example.com")
    FormSubmission.objects.create(page=home_page, form_data={"email": "maria@example.com", "message": "Call me"})
    FormSubmission.objects.create(page=home_page, form_data={"email": "other@example.com", "message": "Hi"})
    return user, order


def test_export_is_a_json_download_with_all_my_data(client, customer):
    user, order = customer
    client.force_login(user)
    response = client.get("/en/ops/privacy/export/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment") and response["Cache-Control"] == "no-store"
    data = json.loads(response.content)
    assert data["account"]["email"] == "maria@example.com" and data["account"]["last_name"] == "Muster"
    assert [o["number"] for o in data["orders"]] == [str(order.number)]
    assert data["orders"][0]["shipping_address"]["line1"] == "Friedrichstraße 12"
    assert sorted(f["message"] for f in data["feedback"]) == ["Lovely shop", "Sent before signing up"]
    assert [s["data"]["message"] for s in data["form_submissions"]] == ["Call me"]
    assert "other@example.com" not in response.content.decode()


def test_privacy_pages_need_a_signed_in_customer(client, home_page):
    assert client.get("/en/ops/privacy/export/").status_code == 302
    assert client.post("/en/ops/privacy/erase/").status_code == 302


def test_erase_needs_password_and_confirmation(client, customer):
    user, _ = customer
    client.force_login(user)
    response = client.post("/en/ops/privacy/erase/", {"password": "wrong", "confirm": "on"})
    assert response.status_code == 400 and "The password is not correct." in response.content.decode()
    response = client.post("/en/ops/privacy/erase/", {"password": "pw-123456789"})
    assert response.status_code == 400
    assert type(user).objects.filter(pk=user.pk).exists()


def test_erase_deletes_the_account_and_anonymises_orders(client, customer):
    user, order = customer
    client.force_login(user)
    page = client.get("/de/ops/privacy/")
    assert page.status_code == 200 and "Meine Daten herunterladen" in page.content.decode()
    response = client.post("/en/ops/privacy/erase/", {"password": "pw-123456789", "confirm": "on"})
    assert response.status_code == 302
    assert not type(user).objects.filter(email="maria@example.com").exists()
    order.refresh_from_db()
    order.shipping_address.refresh_from_db()
    assert order.user is None and order.guest_email == ""
    assert order.total_incl_tax > 0 and order.lines.count() == 1  # kept for bookkeeping
    assert "Maria" not in str(order.shipping_address.__dict__) and "10117" not in str(order.shipping_address.__dict__)
    assert list(Feedback.objects.values_list("message", flat=True)) == ["Someone else"]
    assert [s.form_data["email"] for s in FormSubmission.objects.all()] == ["other@example.com"]
    assert client.get("/en/ops/privacy/").status_code == 302  # signed out


def test_an_account_without_an_email_address_gets_none_of_the_guests_data(client, home_page, django_user_model):
    from ops.models import Feedback

    Feedback.objects.create(message="Anonymous praise", email="", page_url="/en/", locale="en")
    user = django_user_model(email="")  # e.g. created by a script; the manager insists on an address
    user.set_password("pw-123456789")
    user.save()
    client.force_login(user)
    export = client.get("/en/ops/privacy/export/").json()
    assert export["feedback"] == []
    client.post("/en/ops/privacy/erase/", {"password": "pw-123456789", "confirm": "on"})
    assert Feedback.objects.filter(message="Anonymous praise").exists()
