"""A link that moves an account to a new address works only while the account is as
it was when the link was asked for: an older request, a request made before a
password change moves nothing, and only the owner, signed in, can apply a link.
Otherwise whoever got a stale or mistyped link could move the account to his
address and take it over with a password reset. Through HTTP."""

import re
from datetime import UTC, datetime

import pytest
from django.core import mail
from django.test import Client

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
PASSWORD = "a-Long-pass-2026"


@pytest.fixture(autouse=True)
def setup(time_machine, settings):
    time_machine.move_to(NOW, tick=False)
    settings.WAGTAILADMIN_BASE_URL = "https://studio.example"


@pytest.fixture
def me(home_page, django_user_model, client):
    user = django_user_model.objects.create_user(
        email="me@example.com", password=PASSWORD, verified_email="me@example.com", first_name="Me", last_name="X"
    )
    response = client.post(
        "/en/shop/accounts/login/",
        {"login-username": "me@example.com", "login-password": PASSWORD, "login_submit": "1"},
    )
    assert response.status_code == 302
    return user


def ask_to_move(client, run_tasks, email):
    mail.outbox.clear()
    response = client.post("/en/shop/accounts/profile/edit/", {"email": email, "first_name": "Me", "last_name": "X"})
    assert response.status_code == 302
    run_tasks()
    [message] = [m for m in mail.outbox if m.to == [email]]
    return re.search(r"https?://\S+/verify-email/\S+/", message.body).group(0).removeprefix("https://studio.example")


def test_an_older_link_moves_nothing_once_the_account_has_moved_on(client, me, run_tasks):
    old = ask_to_move(client, run_tasks, "old.typo@example.com")
    new = ask_to_move(client, run_tasks, "new@example.com")
    client.get(new)
    me.refresh_from_db()
    assert me.email == "new@example.com"
    response = opened(client, old)
    me.refresh_from_db()
    assert me.email == "new@example.com" and "invalid or has expired" in response


def test_a_password_change_retires_pending_links(client, me, run_tasks):
    link = ask_to_move(client, run_tasks, "somebody@example.com")
    response = client.post(
        "/en/shop/accounts/change-password/",
        {"old_password": PASSWORD, "new_password1": "new-Long-pass-2026", "new_password2": "new-Long-pass-2026"},
    )
    assert response.status_code == 302
    client.get(link)
    me.refresh_from_db()
    assert me.email == "me@example.com"


def test_a_mistyped_address_cannot_take_the_account(client, me, run_tasks):
    typo = ask_to_move(client, run_tasks, "me@exmaple.com")
    ask_to_move(client, run_tasks, "me@example.org")
    stranger = Client()  # whoever owns the mistyped domain
    response = stranger.get(typo)
    assert response.status_code == 302 and response["Location"].startswith("/en/shop/accounts/login/?next=")
    me.refresh_from_db()
    assert me.email == "me@example.com"

    # The owner, signed in, can still confirm a link he asked for.
    client.get(typo)
    me.refresh_from_db()
    assert me.email == "me@exmaple.com"


def test_a_link_opened_signed_out_asks_the_owner_to_sign_in_first(me, run_tasks, client):
    link = ask_to_move(client, run_tasks, "me@example.org")
    owner = Client()
    response = owner.get(link)
    assert response.status_code == 302
    login_page = owner.get(response["Location"]).content.decode()
    redirect_url = re.search(r'name="login-redirect_url" value="([^"]*)"', login_page).group(1)
    assert redirect_url == link
    signed_in = owner.post(
        response["Location"],
        {"login-username": "me@example.com", "login-password": PASSWORD, "login-redirect_url": redirect_url,
         "login_submit": "1"},
        follow=True,
    )  # fmt: skip
    assert "is confirmed" in signed_in.content.decode()
    me.refresh_from_db()
    assert me.email == "me@example.org"


def opened(client, url):
    return client.get(url, follow=True).content.decode()
