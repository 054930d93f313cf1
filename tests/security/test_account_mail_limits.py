"""Nobody can flood an inbox through the account pages: registering with an address
(known or new) or moving a profile to it again and again mails that address a few
times an hour at most, and the visitor's answer does not change. Through HTTP."""

from collections import Counter
from datetime import UTC, datetime

import pytest
from django.core import mail

PASSWORD = "a-Long-pass-2026"


@pytest.fixture(autouse=True)
def setup(time_machine, settings):
    time_machine.move_to(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), tick=False)
    settings.ACCOUNT_MAILS_PER_ADDRESS = 3


def test_account_pages_mail_an_address_a_few_times_an_hour_at_most(client, home_page, django_user_model, run_tasks):
    django_user_model.objects.create_user(email="owner@example.com", password="owner-Long-pass-2026")
    django_user_model.objects.create_user(email="att@example.com", password=PASSWORD, first_name="A", last_name="B")
    answers = set()
    for _ in range(10):
        response = client.post(
            "/en/shop/accounts/login/",
            {"registration-email": "Owner@example.com", "registration-password1": PASSWORD,
             "registration-password2": PASSWORD, "registration_submit": "1"},
        )  # fmt: skip
        answers.add((response.status_code, response["Location"]))
        response = client.post(
            "/en/shop/accounts/register/", {"email": "new@example.com", "password1": PASSWORD, "password2": PASSWORD}
        )
        answers.add((response.status_code, response["Location"]))
    assert answers == {(302, "/en/shop/accounts/login/")}

    response = client.post(
        "/en/shop/accounts/login/",
        {"login-username": "att@example.com", "login-password": PASSWORD, "login_submit": "1"},
    )
    assert response.status_code == 302
    for _ in range(10):
        edit = {"email": "victim@example.com", "first_name": "A", "last_name": "B"}
        assert client.post("/en/shop/accounts/profile/edit/", edit).status_code == 302
    run_tasks()
    sent = Counter(address.lower() for message in mail.outbox for address in message.to)
    assert sent == {"owner@example.com": 3, "new@example.com": 3, "victim@example.com": 3}


def test_spelling_the_address_differently_does_not_reset_the_limit(client, home_page, django_user_model, run_tasks):
    """victim+1@, full-width letters or a soft hyphen in the domain all reach victim@example.com."""
    django_user_model.objects.create_user(email="att@example.com", password=PASSWORD, first_name="A", last_name="B")
    client.post(
        "/en/shop/accounts/login/",
        {"login-username": "att@example.com", "login-password": PASSWORD, "login_submit": "1"},
    )
    spellings = ["victim@example.com", "Victim+1@example.com", "victim@\uff45xample.com", "victim@exa\u00admple.com",
                 "victim+2@EXAMPLE.com", "victim@\uff45\uff58ample.com"]  # fmt: skip
    for email in spellings:
        edit = {"email": email, "first_name": "A", "last_name": "B"}
        assert client.post("/en/shop/accounts/profile/edit/", edit).status_code == 302
    run_tasks()
    recipients = [address for message in mail.outbox for address in message.to]
    assert len(recipients) == 3, recipients
