import pytest
from django.contrib.auth import get_user_model

from core.models import User


def test_one_user_model_with_email_login(settings):
    assert settings.AUTH_USER_MODEL == "core.User"
    assert get_user_model() is User
    assert User.USERNAME_FIELD == "email"


@pytest.mark.django_db
def test_the_same_account_signs_in_to_the_shop_wagtail_and_django_admin(client, admin_user):
    # Oscar's storefront login form
    response = client.post(
        "/en/shop/accounts/login/",
        {"login-username": "boss@example.com", "login-password": "secret-pass-123", "login_submit": "1"},
    )
    assert response.status_code == 302
    assert client.get("/en/shop/accounts/").status_code in (200, 302)
    client.logout()

    # Wagtail admin login with the email address
    response = client.post("/admin/login/", {"username": "boss@example.com", "password": "secret-pass-123"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    client.logout()

    # Django admin login
    response = client.post(
        "/django-admin/login/?next=/django-admin/",
        {"username": "boss@example.com", "password": "secret-pass-123", "next": "/django-admin/"},
    )
    assert response.status_code == 302
    page = client.get("/django-admin/core/user/")
    assert page.status_code == 200
    assert "boss@example.com" in page.content.decode()


@pytest.mark.django_db
def test_wrong_password_is_refused_with_a_message(client, admin_user):
    response = client.post("/admin/login/", {"username": "boss@example.com", "password": "nope"})
    assert response.status_code == 200
    assert "didn&#x27;t match" in response.content.decode() or "did not match" in response.content.decode()
