import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.utils import timezone

ROOT = Path(__file__).resolve().parents[2]


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_public_pages_get_a_strict_csp_with_a_nonce(client, home_page):
    response = client.get("/en/")
    policy = directives(response["Content-Security-Policy"])
    # Only our own files (a nonce appears when a page has an inline script, see the basket test).
    assert policy["script-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"] and policy["object-src"] == ["'none'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_oscar_inline_scripts_carry_the_nonce(client, home_page):
    response = client.get("/de/shop/basket/")
    found = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"])
    nonce = found.group(1) if found else None  # django-csp adds a nonce only when a template used one
    html = response.content.decode()
    inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)([^>]*)>", html)
    # Oscar's pages render in the site's layout without jQuery; any inline script left carries the nonce.
    assert all(f'nonce="{nonce}"' in attrs for attrs in inline)
    assert not re.search(r"<[^>]+\son[a-z]+=", html)  # no inline event handlers (e.g. onclick="window.print()")


def test_checkout_allows_stripe_js_and_the_admin_is_relaxed(client, admin_user, settings):
    settings.STRIPE_JS_URL = "https://js.stripe.com/v3/"
    checkout = directives(client.get("/en/shop/checkout/")["Content-Security-Policy"])
    assert "https://js.stripe.com" in checkout["script-src"]
    assert "https://js.stripe.com" in checkout["frame-src"] and "https://api.stripe.com" in checkout["connect-src"]
    home = directives(client.get("/en/")["Content-Security-Policy"])
    assert "https://js.stripe.com" not in home["script-src"]
    client.force_login(admin_user)
    admin = directives(client.get("/admin/")["Content-Security-Policy"])
    assert "'unsafe-inline'" in admin["script-src"] and not any(s.startswith("'nonce-") for s in admin["script-src"])
    assert admin["frame-ancestors"] == ["'self'"]
    dashboard = directives(client.get("/en/shop/dashboard/")["Content-Security-Policy"])
    assert "'unsafe-inline'" in dashboard["script-src"] and not any(
        s.startswith("'nonce-") for s in dashboard["script-src"]
    )
    assert "https://js.stripe.com" not in dashboard["script-src"]


def login(client, email, password, lang="de"):
    return client.post(
        f"/{lang}/shop/accounts/login/",
        {"login-username": email, "login-password": password, "login_submit": "1"},
        REMOTE_ADDR="203.0.113.50",
    )


def test_axes_locks_out_after_five_failures_and_cools_off(client, home_page, django_user_model, time_machine):
    time_machine.move_to(timezone.now())
    django_user_model.objects.create_user(email="anna@example.com", password="right-password-1")
    for _ in range(4):
        assert login(client, "anna@example.com", "wrong").status_code == 200  # form error
    assert login(client, "anna@example.com", "wrong").status_code == 429  # the fifth failure locks
    locked = login(client, "anna@example.com", "right-password-1")  # even the right password
    assert locked.status_code == 429
    assert "15 Minuten" in locked.content.decode()  # German: the visitor's language
    time_machine.shift(timedelta(minutes=16))
    cache.clear()  # the per-minute rate limit is separate from the lockout
    response = login(client, "anna@example.com", "right-password-1")
    assert response.status_code == 302
    assert client.get("/en/shop/accounts/profile/").status_code == 200


def test_login_posts_are_rate_limited_per_address(client, home_page, settings):
    settings.OPS_LOGIN_RATE_LIMIT = 3
    statuses = [login(client, f"user{i}@example.com", "x").status_code for i in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.post("/admin/login/", {"username": "a@b.cd", "password": "x"}, REMOTE_ADDR="203.0.113.50")
    assert response.status_code == 429


def test_registration_creates_an_account_that_can_sign_in(client, home_page):
    response = client.post(
        "/en/shop/accounts/login/",
        {"registration-email": "new@example.com", "registration-password1": "a-Long-pass-2026",
         "registration-password2": "a-Long-pass-2026", "registration_submit": "1"},
    )  # fmt: skip
    assert response.status_code == 302  # "check your inbox" (tests/security/test_guest_data_ownership.py)
    assert login(client, "new@example.com", "a-Long-pass-2026").status_code == 302
    assert client.get("/en/shop/accounts/profile/").status_code == 200


@pytest.mark.parametrize(
    "name,content",
    [
        ("evil.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        ("page.html", b"<script>1</script>"),
    ],
)
def test_svg_and_html_documents_are_never_served_inline(client, home_page, name, content):
    from wagtail.documents.models import Document
    from wagtail.models import Collection

    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    document = Document.objects.create(title=name, collection=root, file=ContentFile(content, name=name))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_deploy_check_is_clean():
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "SECRET_KEY": "x" * 60 + "-deploy-check-not-a-real-key",
        "ALLOWED_HOSTS": "example.com",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
