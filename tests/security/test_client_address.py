"""Behind a proxy every request comes from 127.0.0.1: the client address must come
from the proxy's X-Forwarded-For (TRUSTED_PROXY_HOPS), and a client must not be
able to pick it (spoofing) when no proxy is trusted."""

import pytest
from django.core.cache import cache
from django.test import Client

from ops import recorder
from ops.models import PageView

CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"


@pytest.fixture(autouse=True)
def fresh_state():
    recorder.forget_salts()
    yield
    recorder.forget_salts()


def behind_proxy(forwarded_for):
    """A browser whose requests reach Django through the nginx sample (REMOTE_ADDR 127.0.0.1)."""
    return Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded_for, HTTP_USER_AGENT=CHROME)


def login(client, email, password):
    return client.post(
        "/en/shop/accounts/login/",
        {"login-username": email, "login-password": password, "login_submit": "1"},
    )


def test_the_attacker_locks_out_only_himself(home_page, django_user_model, settings):
    settings.TRUSTED_PROXY_HOPS = 1
    django_user_model.objects.create_user(email="anna@example.com", password="right-password-1")
    # The attacker even forges a header; nginx appends his real address after it.
    attacker = behind_proxy("198.51.100.9, 203.0.113.66")
    for _ in range(5):
        login(attacker, "anna@example.com", "wrong")
    assert login(attacker, "anna@example.com", "right-password-1").status_code == 429

    anna = behind_proxy("203.0.113.10")
    assert login(anna, "anna@example.com", "right-password-1").status_code == 302
    assert anna.get("/en/shop/accounts/profile/").status_code == 200


def test_the_login_rate_limit_counts_each_client_behind_the_proxy(home_page, settings):
    settings.TRUSTED_PROXY_HOPS = 1
    settings.OPS_LOGIN_RATE_LIMIT = 3
    attacker = behind_proxy("203.0.113.66")
    statuses = [login(attacker, f"user{i}@example.com", "x").status_code for i in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert login(behind_proxy("203.0.113.10"), "someone@example.com", "x").status_code == 200


def test_without_trusted_proxies_a_forged_header_changes_nothing(home_page, settings):
    settings.TRUSTED_PROXY_HOPS = 0
    settings.OPS_LOGIN_RATE_LIMIT = 3
    statuses = [
        login(Client(REMOTE_ADDR="203.0.113.66", HTTP_X_FORWARDED_FOR=f"10.0.0.{i}"), "a@example.com", "x").status_code
        for i in range(4)
    ]
    assert statuses == [200, 200, 200, 429]


def test_visitor_statistics_tell_clients_behind_the_proxy_apart(home_page, settings):
    settings.TRUSTED_PROXY_HOPS = 1
    behind_proxy("203.0.113.10").get("/en/")
    behind_proxy("203.0.113.11").get("/en/")
    assert PageView.objects.values("visitor").distinct().count() == 2


def test_visitor_statistics_ignore_a_forged_header_without_trusted_proxies(home_page, settings):
    settings.TRUSTED_PROXY_HOPS = 0
    Client(REMOTE_ADDR="203.0.113.66", HTTP_X_FORWARDED_FOR="10.0.0.1", HTTP_USER_AGENT=CHROME).get("/en/")
    Client(REMOTE_ADDR="203.0.113.66", HTTP_X_FORWARDED_FOR="10.0.0.2", HTTP_USER_AGENT=CHROME).get("/en/")
    assert PageView.objects.values("visitor").distinct().count() == 1


def test_addresses_from_one_ipv6_network_are_one_client(home_page, django_user_model, settings):
    # An IPv6 customer line hands out a whole /64: rotating through it must not
    # buy fresh guesses against the lockout or the per-client limit.
    settings.TRUSTED_PROXY_HOPS = 1
    django_user_model.objects.create_user(email="anna@example.com", password="right-password-1")
    for i in range(5):
        login(behind_proxy(f"2001:db8:66:1::{i + 1:x}"), "anna@example.com", "wrong")
    assert login(behind_proxy("2001:db8:66:1:ffff::9"), "anna@example.com", "right-password-1").status_code == 429
    anna = behind_proxy("2001:db8:77:2::1")  # another network
    assert login(anna, "anna@example.com", "right-password-1").status_code == 302

    settings.OPS_LOGIN_RATE_LIMIT = 3
    cache.clear()
    statuses = [login(behind_proxy(f"2001:db8:99:1::{i}:1"), "x@example.com", "x").status_code for i in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_an_ipv4_client_is_one_client_however_it_is_written(home_page, settings):
    settings.TRUSTED_PROXY_HOPS = 1
    settings.OPS_LOGIN_RATE_LIMIT = 3
    forms = ["203.0.113.66", "::ffff:203.0.113.66", "::ffff:cb00:7142", "203.0.113.66"]
    assert [login(behind_proxy(f), "x@example.com", "x").status_code for f in forms] == [200, 200, 200, 429]


def test_a_forwarded_entry_that_is_no_address_is_not_a_fresh_client(home_page, settings):
    # Two trusted hops (CDN + nginx) but the request skipped the CDN: the entry read
    # is whatever the client sent. Garbage there must neither crash the login (the
    # lockout stores the address) nor give each request a new identity.
    settings.TRUSTED_PROXY_HOPS = 2
    settings.OPS_LOGIN_RATE_LIMIT = 3
    statuses = [
        login(behind_proxy(f"not-an-address-{i}, 203.0.113.66"), "x@example.com", "x").status_code for i in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
