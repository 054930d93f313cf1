import pytest
from django.test import override_settings


@pytest.mark.django_db
def test_health_reports_every_check_ok(client, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok", "storage": "ok"}}
    assert list(tmp_path.rglob("*.txt")) == []  # the probe file is cleaned up


@pytest.mark.django_db
def test_health_names_the_cache_when_the_cache_server_is_down(client):
    # Nothing listens on port 1: a real connection failure, not a mock.
    broken = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    }
    with override_settings(CACHES=broken):
        response = client.get("/health/")
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["cache"]
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["cache"] == "error"  # the reason is for staff only


@pytest.mark.django_db
def test_health_names_the_storage_when_media_is_not_writable(client, tmp_path, settings):
    not_a_directory = tmp_path / "file"
    not_a_directory.write_text("x")
    settings.MEDIA_ROOT = not_a_directory
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["failing"] == ["storage"]


@pytest.mark.django_db
def test_health_is_not_cached_and_refuses_writes(client):
    response = client.get("/health/")
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert client.post("/health/").status_code == 405
