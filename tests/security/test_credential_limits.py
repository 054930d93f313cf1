"""Every password check is counted and limited (issue 9, point 2): after AXES_FAILURE_LIMIT
failures on any path the right password is refused too, on every path; the lockout
ignores letter case; password reset is rate limited and reveals nothing. Through HTTP."""

from datetime import UTC, datetime

import pytest
from django.core import mail
from oscar.test import factories

PASSWORD = "right-Pass-2026"
EMAIL = "lockme@example.com"
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def setup(time_machine, settings):
    time_machine.move_to(NOW, tick=False)
    settings.AXES_FAILURE_LIMIT = 5
    settings.OPS_LOGIN_RATE_LIMIT = 50  # the lockout is under test here, not the per-client limit


@pytest.fixture
def customer(home_page, django_user_model):
    return django_user_model.objects.create_user(email=EMAIL, password=PASSWORD)


@pytest.fixture
def staff(home_page, django_user_model):
    return django_user_model.objects.create_superuser(email=EMAIL, password=PASSWORD)


IP = {"REMOTE_ADDR": "198.51.100.7"}


def shop_login(client, email, password):
    data = {"login-username": email, "login-password": password, "login_submit": "1"}
    return client.post("/en/shop/accounts/login/", data, **IP)


def wagtail_login(client, email, password):
    return client.post("/admin/login/", {"username": email, "password": password}, **IP)


def django_admin_login(client, email, password):
    return client.post("/django-admin/login/", {"username": email, "password": password}, **IP)


def checkout_gateway(client, email, password):
    if not getattr(client, "_basket_filled", False):
        product = factories.create_product(price=10, num_in_stock=5)
        assert client.post(f"/en/shop/basket/add/{product.pk}/", {"quantity": 1}, **IP).status_code == 302
        client._basket_filled = True
    return client.post("/en/shop/checkout/", {"username": email, "password": password, "options": "existing"}, **IP)


def signed_in(client):
    return client.get("/en/shop/accounts/profile/", **IP).status_code == 200


@pytest.mark.parametrize(
    "attempt,user_fixture",
    [
        (shop_login, "customer"),
        (checkout_gateway, "customer"),
        (wagtail_login, "staff"),
        (django_admin_login, "staff"),
    ],
    ids=["shop-login", "checkout-gateway", "wagtail-admin", "django-admin"],
)
def test_after_five_failures_the_right_password_is_refused(client, request, attempt, user_fixture):
    request.getfixturevalue(user_fixture)
    statuses = [attempt(client, EMAIL, f"wrong-{i}").status_code for i in range(5)]
    assert statuses[:4] == [200] * 4 and statuses[4] == 429
    response = attempt(client, EMAIL, PASSWORD)
    assert response.status_code == 429
    assert not signed_in(client)
    # The lockout is per account, whichever page is used next.
    assert shop_login(client, EMAIL, PASSWORD).status_code == 429


def test_the_lockout_ignores_letter_case(client, customer):
    spellings = ["LockMe@example.com", "LOCKME@EXAMPLE.COM", "lockme@Example.com", "lOcKmE@example.com"]
    assert [shop_login(client, s, "wrong").status_code for s in spellings] == [200] * 4
    assert shop_login(client, "LockMe@Example.COM", "wrong").status_code == 429
    assert shop_login(client, EMAIL, PASSWORD).status_code == 429
    assert not signed_in(client)


def test_checkout_gateway_signs_in_with_the_right_password(client, customer):
    response = checkout_gateway(client, EMAIL, PASSWORD)
    assert response.status_code == 302 and signed_in(client)


NEW = {"new_password1": "New-pass-2026!", "new_password2": "New-pass-2026!"}


def oscar_change(client, old):
    return client.post("/en/shop/accounts/change-password/", {"old_password": old, **NEW}, **IP)


def wagtail_change(client, old):
    data = {"password-old_password": old, **{f"password-{k}": v for k, v in NEW.items()}}
    return client.post("/admin/account/", data, **IP)


def django_admin_change(client, old):
    return client.post("/django-admin/password_change/", {"old_password": old, **NEW}, **IP)


@pytest.mark.parametrize(
    "change,user_fixture",
    [(oscar_change, "customer"), (wagtail_change, "staff"), (django_admin_change, "staff")],
    ids=["shop", "wagtail-account", "django-admin"],
)
def test_password_change_counts_towards_the_lockout(client, request, change, user_fixture):
    user = request.getfixturevalue(user_fixture)
    client.force_login(user)
    assert change(client, PASSWORD + "x").status_code == 200  # refused with a form error
    for i in range(4):
        change(client, f"wrong-{i}")
    assert change(client, PASSWORD).status_code == 429
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_password_change_still_works_with_the_right_password(client, staff):
    client.force_login(staff)
    assert 'name="password-old_password"' in client.get("/admin/account/").content.decode()
    assert django_admin_change(client, PASSWORD).status_code == 302
    staff.refresh_from_db()
    assert staff.check_password("New-pass-2026!")


def test_account_erasure_confirmation_counts_towards_the_lockout(client, customer):
    client.force_login(customer)
    for i in range(5):
        client.post("/en/ops/privacy/erase/", {"password": f"wrong-{i}", "confirm": "on"}, **IP)
    response = client.post("/en/ops/privacy/erase/", {"password": PASSWORD, "confirm": "on"}, **IP)
    assert response.status_code == 429
    assert type(customer).objects.filter(pk=customer.pk).exists()


def test_password_checks_are_limited_per_client_whatever_the_account(client, home_page, settings):
    settings.OPS_LOGIN_RATE_LIMIT = 3
    assert [shop_login(client, f"user{i}@example.com", "x").status_code for i in range(3)] == [200] * 3
    assert wagtail_login(client, "other@example.com", "x").status_code == 429
    # Another client is not affected.
    response = client.post("/admin/login/", {"username": "a@b.cd", "password": "x"}, REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 200


def reset(client, email, ip="198.51.100.7"):
    return client.post("/en/shop/password-reset/", {"email": email}, REMOTE_ADDR=ip)


def test_password_reset_answers_the_same_and_is_limited_per_address_and_client(client, customer, settings):
    settings.PASSWORD_RESET_LIMIT_PER_ADDRESS = 2
    settings.PASSWORD_RESET_LIMIT_PER_CLIENT = 4
    known, unknown = reset(client, EMAIL), reset(client, "nobody@example.com")
    assert known.status_code == unknown.status_code == 302 and known["Location"] == unknown["Location"]
    # Both addresses get one mail, sent the same way during the request (no timing difference
    # from mailing only known addresses); only the account's mail holds a reset link.
    by_address = {m.to[0]: m for m in mail.outbox}
    assert sorted(by_address) == [EMAIL, "nobody@example.com"]
    assert "/password-reset/confirm/" in by_address[EMAIL].body
    assert "/password-reset/confirm/" not in by_address["nobody@example.com"].body
    assert "/shop/accounts/register/" in by_address["nobody@example.com"].body
    # Per address: a third request for the same address from another client is refused.
    assert reset(client, EMAIL, ip="203.0.113.1").status_code == 302
    assert reset(client, EMAIL, ip="203.0.113.2").status_code == 429
    # Per client: the first client has used 2 of 4; two more addresses, then refused.
    assert reset(client, "a@example.com").status_code == 302
    assert reset(client, "b@example.com").status_code == 302
    assert reset(client, "c@example.com").status_code == 429


def test_private_page_passwords_share_the_per_client_limit(client, home_page, settings):
    from wagtail.models import PageViewRestriction

    settings.OPS_LOGIN_RATE_LIMIT = 3
    restriction = PageViewRestriction.objects.create(
        page=home_page, restriction_type=PageViewRestriction.PASSWORD, password="page-secret"
    )
    url = f"/en/_util/authenticate_with_password/{restriction.pk}/{home_page.pk}/"
    statuses = [client.post(url, {"password": "guess", "return_url": "/en/"}, **IP).status_code for _ in range(3)]
    assert statuses == [200, 200, 200]  # "wrong password" form
    right = client.post(url, {"password": "page-secret", "return_url": "/en/"}, **IP)
    assert right.status_code == 429


def test_the_admin_password_reset_is_limited_too(client, staff, settings):
    settings.PASSWORD_RESET_LIMIT_PER_ADDRESS = 1
    first = client.post("/admin/password_reset/", {"email": EMAIL}, **IP)
    assert first.status_code == 302
    assert client.post("/admin/password_reset/", {"email": EMAIL}, **IP).status_code == 429


def test_password_reset_limit_is_per_mailbox_however_spelled(client, home_page, settings):
    """Full-width letters, a soft hyphen or a +tag reach the same inbox: one limit."""
    settings.PASSWORD_RESET_LIMIT_PER_ADDRESS = 2
    spellings = ["victim@example.com", "Victim+1@\uff45xample.com", "victim@exa\u00admple.com"]
    statuses = [reset(client, email, ip=f"203.0.113.{n}").status_code for n, email in enumerate(spellings)]
    assert statuses == [302, 302, 429]
