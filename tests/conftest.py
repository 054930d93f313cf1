import io
import os
from datetime import datetime, timedelta, timezone
from unittest import mock

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from tests.demo_snapshot import DemoSnapshot
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


_collection_clock = time_machine.travel(frozen_destination(), tick=False)


def pytest_configure(config):
    # Collection sees one instant in every xdist worker: parametrized ids may hold times.
    _collection_clock.start()


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgres` or `sqlite` need that database engine: skipped on the other.
    CI runs the whole suite on PostgreSQL and `-m sqlite` on SQLite, so each runs somewhere."""
    from django.db import connection

    for item in items:
        for marker, vendor in (("postgres", "postgresql"), ("sqlite", "sqlite")):
            if item.get_closest_marker(marker) and connection.vendor != vendor:
                item.add_marker(pytest.mark.skip(reason=f"needs {vendor} (CI runs it in its {vendor} pass)"))


@pytest.fixture(scope="session", autouse=True)
def frozen_clock():
    """The whole run sees a fixed day, never the wall clock: what is bookable, what
    the demo books and which banners show do not depend on when CI runs.

    The clock ticks (timeouts and waits still work) and time-machine patches the
    whole process, so the live server's threads see the same time. A fixed UTC
    offset leaves the process time zone alone (Django sets it from TIME_ZONE).

    A test whose outcome depends on the instant says so: it travels with time_machine to
    the instant it is about or, when it must agree with the demo (built at this instant),
    names this fixture."""
    _collection_clock.stop()
    traveller = time_machine.travel(frozen_destination(), tick=True)
    traveller.start()
    yield traveller
    traveller.stop()


@pytest.fixture
def wall_clock(frozen_clock):
    """The real clock, for tests that compare times with child processes (which
    cannot see the frozen one). The frozen clock restarts afterwards."""
    frozen_clock.stop()
    yield
    frozen_clock.start()


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache: no rate-limit counter, lockout or cached page
    of an earlier test."""
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in the default language, whatever the previous one activated."""
    translation.deactivate()


@pytest.fixture
def home_page(db):
    """The site as a fresh migrate leaves it: locales, root, an English home page, the Site."""
    return ensure_site_structure()


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker):
    """`load_demo`, run once per test process (see tests/demo_snapshot.py)."""
    with django_db_blocker.unblock():
        return DemoSnapshot.build()


@pytest.fixture(autouse=True)
def demo_first(request):
    """The demo copy replaces whole tables, so it goes in before any other fixture
    (an admin user, an order) adds rows."""
    for name in ("demo_server", "demo_site"):
        if name in request.fixturenames:
            request.getfixturevalue(name)
            return


@pytest.fixture
def demo_site(db, demo_snapshot):
    """The demo content from `load_demo`, inside the test's transaction; returns the home page."""
    demo_snapshot.restore()
    yield ensure_site_structure()
    demo_snapshot.forget_ids()


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
