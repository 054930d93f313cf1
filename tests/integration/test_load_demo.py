import io

import pytest
from django.apps import apps
from django.core.management import call_command

from pages.demo import DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD
from tests.shop_models import StockRecord


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models() if model._meta.managed}


def run_load_demo(capture):
    out = io.StringIO()
    with capture(execute=True):
        call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_load_demo_prints_the_admin_login_and_builds_content(home_page, django_capture_on_commit_callbacks, client):
    output = run_load_demo(django_capture_on_commit_callbacks)
    assert f"email: {DEMO_ADMIN_EMAIL}  password: {DEMO_ADMIN_PASSWORD}" in output

    # The printed login works on the admin's login page (a password check needs a request).
    response = client.post("/admin/login/", {"username": DEMO_ADMIN_EMAIL, "password": DEMO_ADMIN_PASSWORD})
    assert response.status_code == 302 and client.get("/admin/").status_code == 200

    languages = set(home_page.get_translations(inclusive=True).live().values_list("locale__language_code", flat=True))
    assert languages == {"en", "de", "ru", "uk"}

    records = StockRecord.objects.select_related("product")
    assert records.count() >= 5
    assert all(record.price > 0 and record.num_in_stock > 0 for record in records)
    assert all(record.product.is_public for record in records)


@pytest.mark.django_db
def test_load_demo_twice_changes_nothing(home_page, django_capture_on_commit_callbacks):
    run_load_demo(django_capture_on_commit_callbacks)
    before = row_counts()
    second = run_load_demo(django_capture_on_commit_callbacks)
    after = row_counts()
    changed = {label: (before[label], after[label]) for label in before if before[label] != after[label]}
    assert changed == {}
    assert "Created" not in second and "Translated" not in second and "Wrote" not in second


@pytest.mark.django_db
def test_production_never_gets_the_published_demo_password(home_page, settings, client):
    from pages.demo import ensure_admin

    settings.DEMO_ADMIN_RANDOM_PASSWORD = True  # as config.settings.prod sets it
    admin = ensure_admin(lambda message: None)
    assert admin.demo_password != DEMO_ADMIN_PASSWORD and len(admin.demo_password) >= 16
    refused = client.post("/admin/login/", {"username": DEMO_ADMIN_EMAIL, "password": DEMO_ADMIN_PASSWORD})
    assert refused.status_code == 200  # the login form again
    accepted = client.post("/admin/login/", {"username": DEMO_ADMIN_EMAIL, "password": admin.demo_password})
    assert accepted.status_code == 302 and client.get("/admin/").status_code == 200
