"""A failing /health/ tells anyone which check failed, never where the servers are or
what went wrong inside: hosts, ports, paths and exception text are for signed-in staff."""

import pytest
from django.test import override_settings

# Nothing listens on port 1: a real connection failure, whose message names host and port.
BROKEN_CACHE = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
}
SECRETS = ("127.0.0.1", ":1", "Error", "refused", "redis")

pytestmark = pytest.mark.django_db


def health(client):
    with override_settings(CACHES=BROKEN_CACHE):
        return client.get("/health/")


def test_the_public_answer_names_the_failing_check_only(client):
    response = health(client)
    assert response.status_code == 503
    assert response.json() == {
        "status": "error",
        "checks": {"database": "ok", "cache": "error", "storage": "ok"},
        "failing": ["cache"],
    }
    body = response.content.decode()
    assert not [secret for secret in SECRETS if secret in body], body


def test_a_signed_in_customer_gets_the_public_answer(client, django_user_model):
    client.force_login(django_user_model.objects.create_user(email="customer@example.com", password="pw-123456789"))
    response = health(client)
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == "error"
    assert "127.0.0.1" not in response.content.decode()


def test_staff_see_the_reason(client, django_user_model):
    staff = django_user_model.objects.create_user(email="ops@example.com", password="pw-123456789")
    staff.is_staff = True
    staff.save()
    client.force_login(staff)
    response = health(client)
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["cache"]
    assert body["checks"]["cache"].startswith("error: ") and "127.0.0.1" in body["checks"]["cache"]
    assert body["checks"]["database"] == "ok"


def test_storage_paths_stay_private(client, tmp_path, settings):
    not_a_directory = tmp_path / "media-file"
    not_a_directory.write_text("x")
    settings.MEDIA_ROOT = not_a_directory
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"] == "error"
    assert str(tmp_path) not in response.content.decode()
    assert "media-file" not in response.content.decode()
