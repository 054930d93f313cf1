"""The demo content, built once per test process and copied into each test that asks for it.

`load_demo` translates and publishes dozens of pages; running it per test was most of the
suite's time. The first test that needs the demo builds it inside a transaction, captures
every non-empty table (PostgreSQL: COPY, SQLite: plain rows), and rolls back, so tests
without the demo still start from an empty database. `restore()` then replaces those
tables' rows with the captured ones (inside the test's transaction, or committed for live
server tests, which Django flushes afterwards).
"""

import datetime
import io

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test import TestCase

from tests.site_setup import ensure_site_structure


def _sqlite_value(value):
    # Django's SQLite connection parses date/time columns on the way out; dates and
    # datetimes go back in through its adapters, times need their text form.
    return value.isoformat() if isinstance(value, datetime.time) else value


class DemoSnapshot:
    def __init__(self):
        self.tables = {}  # table name -> COPY bytes (PostgreSQL) or (columns, rows) (SQLite)
        self.sequence_sql = []

    @classmethod
    def build(cls):
        snapshot = cls()
        with transaction.atomic():
            ensure_site_structure()
            # wagtail-localize publishes translations on commit: run those callbacks here.
            with TestCase.captureOnCommitCallbacks(execute=True):
                call_command("load_demo", stdout=io.StringIO())
            snapshot._capture()
            transaction.set_rollback(True)
        return snapshot

    def _table_names(self):
        with connection.cursor() as cursor:
            names = connection.introspection.table_names(cursor)
        return [name for name in names if not name.startswith("sqlite_")]

    def _capture(self):
        postgres = connection.vendor == "postgresql"
        with connection.cursor() as cursor:
            for table in self._table_names():
                quoted = connection.ops.quote_name(table)
                cursor.execute(f"SELECT 1 FROM {quoted} LIMIT 1")
                if cursor.fetchone() is None:
                    continue
                if postgres:
                    buffer = io.BytesIO()
                    with cursor.cursor.copy(f"COPY {quoted} TO STDOUT") as copy:
                        for chunk in copy:
                            buffer.write(chunk)
                    self.tables[table] = buffer.getvalue()
                else:
                    cursor.execute(f"SELECT * FROM {quoted}")
                    columns = [column[0] for column in cursor.description]
                    self.tables[table] = (columns, [tuple(map(_sqlite_value, row)) for row in cursor.fetchall()])
        if postgres:
            models = [m for m in apps.get_models(include_auto_created=True) if m._meta.db_table in self.tables]
            self.sequence_sql = connection.ops.sequence_reset_sql(no_style(), models)

    def restore(self):
        """Make the demo tables hold exactly the captured rows (foreign keys are
        checked at commit, so the order of the tables does not matter)."""
        postgres = connection.vendor == "postgresql"
        with transaction.atomic(), connection.cursor() as cursor:
            for table in self.tables:
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")
            for table, data in self.tables.items():
                quoted = connection.ops.quote_name(table)
                if postgres:
                    with cursor.cursor.copy(f"COPY {quoted} FROM STDIN") as copy:
                        copy.write(data)
                else:
                    columns, rows = data
                    names = ", ".join(connection.ops.quote_name(c) for c in columns)
                    marks = ", ".join("%s" for _ in columns)
                    cursor.executemany(f"INSERT INTO {quoted} ({names}) VALUES ({marks})", rows)
            for sql in self.sequence_sql:
                cursor.execute(sql)
        self.forget_ids()

    @staticmethod
    def forget_ids():
        """Ids cached in this process (content types, Wagtail's site root paths) may
        belong to rows the copy replaced, or that the rollback or flush after the test
        takes away."""
        ContentType.objects.clear_cache()
        cache.clear()
