"""API keys in the Wagtail admin: created with the key shown once, listed with "last used",
revoked; load_demo makes one read-only and one booking key, printed once."""

import io
import re

from django.core.management import call_command

from api import keys
from api.models import BOOKING, READ, ApiKey
from booking.models import Appointment
from tests.booking_fixtures import make_venue


def test_create_list_and_revoke_a_key_in_the_admin(client, admin_user, home_page):
    venue = make_venue(home_page)
    client.force_login(admin_user)
    created = client.post(
        "/admin/api-keys/new/", {"name": "Partner app", "scope": BOOKING, "venue": venue.pk}, follow=True
    )
    assert created.status_code == 200
    html = created.content.decode()
    secret = re.search(r"<code>(sk_[^<]+)</code>", html).group(1)
    key = ApiKey.objects.get()
    assert (key.name, key.scope, key.venue_id) == ("Partner app", BOOKING, venue.pk)
    assert secret.split(".")[1] not in key.secret_hash  # stored hashed only
    assert client.get("/api/v1/venues", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 200
    listing = client.get("/admin/api-keys/").content.decode()
    assert "Partner app" in listing and secret not in listing and f"sk_{key.prefix}…" in listing
    edit = client.get(f"/admin/api-keys/edit/{key.pk}/").content.decode()
    assert secret not in edit
    client.post(
        f"/admin/api-keys/edit/{key.pk}/",
        {"name": "Partner app", "scope": BOOKING, "venue": venue.pk, "revoke": "on"},
    )
    key.refresh_from_db()
    assert key.revoked_at is not None
    assert client.get("/api/v1/venues", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 401


def test_load_demo_prints_two_keys_once(demo_site):
    assert sorted(ApiKey.objects.values_list("scope", flat=True)) == [BOOKING, READ]
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "sk_" not in out.getvalue()  # already there: not shown again
    assert ApiKey.objects.count() == 2


def test_the_readme_session_against_the_demo(client, demo_site):
    """README "API": list venues and services, find a slot, book it (twice: one booking)."""
    headers = {"HTTP_AUTHORIZATION": f"Bearer {keys.create_key(name='README', scope=BOOKING)[1]}"}
    venues = client.get("/api/v1/venues?lang=de", **headers).json()
    venue = venues[0]
    assert venue["time_zone"] == "Europe/Berlin"
    services = client.get(f"/api/v1/venues/{venue['id']}/services", **headers).json()
    haircut = next(s for s in services if s["name"] == "Haircut")
    assert (haircut["duration_minutes"], haircut["price"]) == (45, "39.00")
    slots = client.get(
        f"/api/v1/venues/{venue['id']}/slots?service_id={haircut['id']}&start_date=2027-03-15&end_date=2027-03-16",
        **headers,
    ).json()
    start = slots["slots"][0]["start"]
    assert start.startswith("2027-03-15T") and start.endswith("+01:00")
    before = Appointment.objects.count()
    body = {
        "venue_id": venue["id"],
        "service_id": haircut["id"],
        "start": start,
        "client_name": "Olga",
        "client_email": "olga@example.com",
    }
    answers = [
        client.post("/api/v1/bookings", body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="7f1c2e", **headers)
        for _ in range(2)
    ]
    assert [a.status_code for a in answers] == [201, 201] and answers[0].json() == answers[1].json()
    assert answers[0].json()["status"] == "confirmed" and answers[0].json()["start"] == start
    assert Appointment.objects.count() == before + 1
