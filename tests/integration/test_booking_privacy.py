import json

from django.utils import timezone

from booking import states
from booking.models import Appointment


def test_bookings_are_in_the_gdpr_export_and_erased_with_the_account(
    client, demo_site, django_user_model, frozen_clock
):
    # At the run's frozen instant (frozen_clock, tests/conftest.py): the demo booked around it,
    # so some of its appointments are still ahead.
    future = Appointment.objects.filter(start__gt=timezone.now(), status=states.CONFIRMED).first()
    assert future is not None, "the demo books some future appointments"
    user = django_user_model.objects.create_user(
        email=future.client_email.upper(), password="pw-123456789", verified_email=future.client_email.lower()
    )
    client.force_login(user)

    export = json.loads(client.get("/en/ops/privacy/export/").content)
    bookings = export["bookings"]
    assert any(b["start"] == future.start.isoformat() and b["name"] == future.client_name for b in bookings)

    response = client.post("/en/ops/privacy/erase/", {"password": "pw-123456789", "confirm": "on"})
    assert response.status_code == 302
    future.refresh_from_db()
    assert future.status == states.CANCELLED  # the time is free again
    assert future.client_name == "—" and future.client_phone == "" and "invalid.example" in future.client_email
