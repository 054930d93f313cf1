"""Signing in does not tell whether an address has an account: the answer is the same
and so is the work behind it (one password hash either way, measured with a hasher
that counts; wall-clock timing on a shared test machine would be noise). Through HTTP."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher


class CountingHasher(MD5PasswordHasher):
    hashes = 0

    def encode(self, password, salt):
        CountingHasher.hashes += 1
        return super().encode(password, salt)


@pytest.fixture(autouse=True)
def setup(time_machine, settings):
    time_machine.move_to(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), tick=False)
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    settings.OPS_LOGIN_RATE_LIMIT = 100


def hashes_for(client, email):
    CountingHasher.hashes = 0
    response = client.post(
        "/en/shop/accounts/login/", {"login-username": email, "login-password": "wrong-guess-1", "login_submit": "1"}
    )
    return response.status_code, CountingHasher.hashes


def test_a_wrong_password_costs_the_same_for_known_and_unknown_addresses(client, home_page, django_user_model):
    django_user_model.objects.create_user(email="known@example.com", password="right-Long-pass-1")
    known = hashes_for(client, "known@example.com")
    unknown = hashes_for(client, "nobody@example.com")
    assert known == unknown
    assert known[0] == 200
