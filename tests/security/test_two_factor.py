"""Staff two-factor sign-in (issue 9, point 3), through the real login pages."""

import base64
import re
from datetime import UTC, datetime, timedelta

import pytest
from django_otp.oath import totp

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
PASSWORD = "staff-Pass-2026"


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to(NOW, tick=False)


@pytest.fixture
def staff(home_page, django_user_model):
    return django_user_model.objects.create_superuser(email="boss@example.com", password=PASSWORD)


def wagtail_login(client):
    response = client.post("/admin/login/", {"username": "boss@example.com", "password": PASSWORD})
    assert response.status_code == 302


def code_for(secret):
    return f"{totp(base64.b32decode(secret), step=30, t0=0, digits=6):06d}"


def enrol(client):
    page = client.get("/two-factor/setup/?next=/admin/")
    assert page.status_code == 200
    secret = re.search(r"data-otp-secret>([A-Z2-7]+)<", page.content.decode()).group(1)
    done = client.post("/two-factor/setup/", {"code": code_for(secret), "next": "/admin/"})
    assert done.status_code == 200
    codes = re.findall(r"<li>([0-9a-f]{6}-[0-9a-f]{6})</li>", done.content.decode())
    assert len(codes) == 10
    return secret, codes


def sign_out_and_in(client):
    client.post("/admin/logout/")
    wagtail_login(client)


def test_enrolled_staff_need_a_code_after_the_password(client, staff, time_machine):
    wagtail_login(client)
    assert client.get("/admin/").status_code == 200  # optional until enrolled
    secret, _ = enrol(client)
    assert client.get("/admin/").status_code == 200  # verified in this session

    sign_out_and_in(client)
    for admin_page in ("/admin/", "/django-admin/", "/en/shop/dashboard/"):
        response = client.get(admin_page)
        assert response.status_code == 302 and response["Location"].startswith("/two-factor/verify/")
    wrong = client.post("/two-factor/verify/", {"code": "000000", "next": "/admin/"})
    assert wrong.status_code == 200 and "not valid" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302

    time_machine.shift(timedelta(seconds=60))  # a fresh code (a used one is never accepted twice)
    response = client.post("/two-factor/verify/", {"code": code_for(secret), "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert client.get("/django-admin/").status_code == 200


def test_a_recovery_code_works_once(client, staff, time_machine):
    wagtail_login(client)
    _, codes = enrol(client)
    sign_out_and_in(client)
    response = client.post("/two-factor/verify/", {"code": codes[0].upper(), "next": "/admin/"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200

    sign_out_and_in(client)
    again = client.post("/two-factor/verify/", {"code": codes[0], "next": "/admin/"})
    assert again.status_code == 200 and "not valid" in again.content.decode()
    assert client.get("/admin/").status_code == 302
    time_machine.shift(timedelta(seconds=5))  # django-otp slows down guessing after a failure
    assert client.post("/two-factor/verify/", {"code": codes[1]}).status_code == 302


def test_the_setting_makes_enrolment_mandatory_for_admin_access(client, staff, settings, django_user_model):
    settings.STAFF_2FA_REQUIRED = True
    response = client.post(
        "/django-admin/login/?next=/django-admin/",
        {"username": "boss@example.com", "password": PASSWORD, "next": "/django-admin/"},
    )
    assert response.status_code == 302
    response = client.get("/django-admin/")
    assert response.status_code == 302 and response["Location"].startswith("/two-factor/setup/")
    assert client.get("/admin/pages/").status_code == 302
    enrol(client)
    assert client.get("/django-admin/").status_code == 200

    # Customers without admin access are not asked.
    client.post("/admin/logout/")
    django_user_model.objects.create_user(email="anna@example.com", password="anna-Pass-2026")
    client.post(
        "/en/shop/accounts/login/",
        {"login-username": "anna@example.com", "login-password": "anna-Pass-2026", "login_submit": "1"},
    )
    assert client.get("/en/shop/accounts/profile/").status_code == 200


def test_codes_are_rate_limited(client, staff, settings):
    settings.STAFF_2FA_ATTEMPTS_PER_10_MINUTES = 3
    wagtail_login(client)
    enrol(client)
    sign_out_and_in(client)
    statuses = [client.post("/two-factor/verify/", {"code": f"00000{i}"}).status_code for i in range(4)]
    assert statuses == [200, 200, 429, 429]  # enrolling used one attempt


def test_oscar_dashboard_users_without_staff_status_need_the_second_factor(
    client, home_page, django_user_model, settings
):
    from django.contrib.auth.models import Permission

    partner = django_user_model.objects.create_user(email="partner@example.com", password=PASSWORD)
    partner.user_permissions.add(Permission.objects.get(content_type__app_label="partner", codename="dashboard_access"))
    client.post(
        "/en/shop/accounts/login/",
        {"login-username": "partner@example.com", "login-password": PASSWORD, "login_submit": "1"},
    )
    settings.STAFF_2FA_REQUIRED = True
    response = client.get("/en/shop/dashboard/")
    assert response.status_code == 302 and response["Location"].startswith("/two-factor/setup/")
    enrol(client)
    assert client.get("/en/shop/dashboard/").status_code == 200


def test_the_password_alone_cannot_erase_or_take_over_an_enrolled_staff_account(client, staff, django_user_model):
    wagtail_login(client)
    enrol(client)
    sign_out_and_in(client)  # a stolen password, no code
    for path in ("/en/ops/privacy/", "/en/ops/privacy/export/", "/en/shop/accounts/profile/edit/",
                 "/en/shop/accounts/change-password/"):  # fmt: skip
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/two-factor/verify/"), path
    client.post("/en/ops/privacy/erase/", {"password": PASSWORD, "confirm": "on"})
    client.post(
        "/en/shop/accounts/change-password/",
        {"old_password": PASSWORD, "new_password1": "taken-Over-2026", "new_password2": "taken-Over-2026"},
    )
    client.post("/en/shop/accounts/profile/edit/", {"email": "thief@evil.example", "first_name": "", "last_name": ""})
    staff.refresh_from_db()
    assert staff.email == "boss@example.com" and staff.check_password(PASSWORD)


def test_health_details_need_the_second_factor_too(client, staff):
    from django.test import override_settings

    wagtail_login(client)
    enrol(client)
    sign_out_and_in(client)
    broken = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    }
    with override_settings(CACHES=broken):
        response = client.get("/health/")
    assert response.status_code == 503 and "127.0.0.1" not in response.content.decode()
