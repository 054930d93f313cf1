"""Logging out is POST only, and always ends the session on the server: a stolen
copy of the cookie stops working; a GET (link, <img>) never signs anybody out."""

from django.test import Client


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client, client.cookies["sessionid"].value


def with_cookie(session_key):
    copy = Client()
    copy.cookies["sessionid"] = session_key
    return copy


def test_shop_logout_by_get_does_nothing(home_page, django_user_model):
    user = django_user_model.objects.create_user(email="anna@example.com", password="pw-123456789")
    client, _key = signed_in(user)
    response = client.get("/en/shop/accounts/logout/")
    assert response.status_code == 405
    assert "sessionid" not in response.cookies
    assert client.get("/en/shop/accounts/profile/").status_code == 200


def test_shop_logout_by_post_ends_the_session(home_page, django_user_model):
    user = django_user_model.objects.create_user(email="anna@example.com", password="pw-123456789")
    client, key = signed_in(user)
    assert 'data-testid="sign-out"' in client.get("/en/").content.decode()  # the header's sign-out button
    assert client.post("/en/shop/accounts/logout/").status_code == 302
    assert client.get("/en/shop/accounts/profile/").status_code == 302  # to the login page
    assert with_cookie(key).get("/en/shop/accounts/profile/").status_code == 302


def test_admin_logout_by_get_keeps_cookie_and_session(admin_user):
    client, key = signed_in(admin_user)
    response = client.get("/admin/logout/")
    assert response.status_code == 405
    assert "sessionid" not in response.cookies  # Wagtail used to drop the cookie, leaving the session valid
    assert client.get("/admin/").status_code == 200


def test_admin_logout_by_post_ends_the_session(admin_user):
    client, key = signed_in(admin_user)
    assert client.post("/admin/logout/").status_code == 302
    assert client.get("/admin/").status_code == 302
    assert with_cookie(key).get("/admin/").status_code == 302  # a copied cookie is worthless now


def test_no_other_method_logs_out(home_page, django_user_model, admin_user):
    """OPTIONS, HEAD, PUT, DELETE (no CSRF check for OPTIONS and HEAD) sign nobody out."""
    user = django_user_model.objects.create_user(email="anna@example.com", password="pw-123456789")
    shop, _key = signed_in(user)
    admin, _key = signed_in(admin_user)
    for method in ("options", "head", "put", "delete"):
        assert getattr(shop, method)("/en/shop/accounts/logout/").status_code == 405, method
        assert shop.get("/en/shop/accounts/profile/").status_code == 200, method
        assert getattr(admin, method)("/admin/logout/").status_code == 405, method
        assert admin.get("/admin/").status_code == 200, method
