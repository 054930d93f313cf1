import io
import os
from datetime import datetime, timedelta, timezone
from unittest import mock

import pytest
import time_machine
from django.core.management import call_command

from tests.site_setup import ensure_migrations_table, ensure_site_structure


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        ensure_migrations_table()


# A Wednesday morning in Berlin, away from month ends, holidays and DST changes.
# CI reruns the booking and shop tests with TEST_FROZEN_NOW set to other instants.
DEFAULT_NOW = datetime(2027, 3, 10, 9, 0, tzinfo=timezone(timedelta(hours=1)))


def frozen_destination():
    value = os.environ.get("TEST_FROZEN_NOW")
    return datetime.fromisoformat(value) if value else DEFAULT_NOW


@pytest.fixture
def frozen_now():
    """Book and schedule against a fixed clock, never the wall clock.

    The clock ticks (timeouts and waits still work) and time-machine patches the
    whole process, so the live server's threads see the same time."""
    destination = frozen_destination()
    with time_machine.travel(destination, tick=True):
        yield destination


@pytest.fixture
def home_page(db):
    """The site as a fresh migrate leaves it: locales, root, an English home page, the Site."""
    return ensure_site_structure()


@pytest.fixture
def demo_site(home_page, django_capture_on_commit_callbacks):
    """The demo content from `load_demo` (inside the test's transaction).

    wagtail-localize publishes translations on commit, so run those callbacks."""
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())
    return home_page


@pytest.fixture
def admin_user(home_page, django_user_model):
    return django_user_model.objects.create_superuser(email="boss@example.com", password="secret-pass-123")


@pytest.fixture
def run_tasks():
    """Run every due background task on the `db` backend, as the worker would."""

    def run():
        # The worker drops "old" connections between tasks; inside a test's
        # transaction that would close the test's own connection (PostgreSQL).
        with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
            call_command(
                "db_worker", "--batch", "--backend", "db", "--no-startup-delay", verbosity=0, stdout=io.StringIO()
            )

    return run
