"""Backups that hold up in real life: the search index's FTS tables, customers writing
while the backup runs, a backup killed half-way, and restores of the wrong file.
Runs on SQLite, and on PostgreSQL when DATABASE_URL points there (as in CI)."""

import gzip
import io
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from ops import backups
from ops.models import BackupRecord, Feedback

# Child processes (manage.py backup) read the real clock, so these tests do too.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("wall_clock")]
ROOT = Path(__file__).resolve().parents[2]
OTHER_ENGINE = {"sqlite": (b"PGDMP\x01\x0e\x00", "PostgreSQL"), "postgresql": (b"SQLite format 3\x00", "SQLite")}


@pytest.fixture
def backup_dirs(tmp_path, settings, monkeypatch):
    import dbbackup.settings

    settings.MEDIA_ROOT = str(tmp_path / "media")
    (tmp_path / "media").mkdir()
    monkeypatch.setattr(dbbackup.settings, "STORAGE_OPTIONS", {"location": str(tmp_path / "backups")})
    return tmp_path


@pytest.fixture
def seeded(backup_dirs, django_user_model):
    from tests.site_setup import ensure_site_structure

    home = ensure_site_structure()
    django_user_model.objects.create_user(email="customer@example.com", password="pw-123456789")
    Feedback.objects.create(message="Keep me", locale="de", rating=5)
    default_storage.save("documents/price-list.pdf", ContentFile(b"%PDF-1.4 prices"))
    return home


@pytest.fixture
def search_index_fts():
    """The FTS5 table a real SQLite migration creates (test settings skip migrations):
    its shadow tables hold binary blobs that are not UTF-8."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("CREATE VIRTUAL TABLE test_index_fts USING fts5(autocomplete, body, title)")
        for n in range(50):
            cursor.execute(
                "INSERT INTO test_index_fts (autocomplete, body, title) VALUES (%s, %s, %s)",
                [f"haarschnitt {n}", f"Färben und Schneiden, Ölpflege {n} ünd Straße", f"Service {n}"],
            )
        cursor.execute("SELECT count(*) FROM test_index_fts_data")
        assert cursor.fetchone()[0] > 0
    yield
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS test_index_fts")


def backup_names(folder):
    return sorted(p.name for p in Path(folder).iterdir() if not p.name.startswith("."))


def test_backup_and_drill_pass_with_the_search_index_fts_tables(seeded, search_index_fts):
    out = io.StringIO()
    call_command("backup", stdout=out)
    assert out.getvalue().startswith("Backup ok")
    out = io.StringIO()
    call_command("restore_drill", stdout=out)
    assert out.getvalue().startswith("PASS"), out.getvalue()
    if connection.vendor == "sqlite":
        assert "test_index_fts_data" in BackupRecord.objects.filter(kind="backup").first().details["tables"]


def _customer_connection(env):
    """A connection of another process's kind to the database `env` points at."""
    url = env["DATABASE_URL"]
    if url.startswith("sqlite:///"):
        return sqlite3.connect(url.removeprefix("sqlite:///"), timeout=30, isolation_level=None), "?"
    import psycopg

    s = connection.settings_dict
    conn = psycopg.connect(
        dbname=s["NAME"], host=s["HOST"] or None, port=s["PORT"] or None, user=s["USER"], password=s["PASSWORD"]
    )
    conn.autocommit = True
    return conn, "%s"


def test_customers_writing_during_the_backup_do_not_fail_the_drill(seeded, backup_dirs):
    for n in range(8):  # enough media that the backup takes a while
        default_storage.save(f"original_images/photo-{n}.jpg", ContentFile(os.urandom(1024 * 1024)))
    env = _subprocess_env(backup_dirs)
    stop, written = threading.Event(), []

    def customers():
        # Each round is one visitor: a new basket, a session and a page view, committed together.
        conn, p = _customer_connection(env)
        n = 0
        while not stop.is_set():
            n += 1
            now = timezone.now()
            conn.execute("BEGIN")
            conn.execute(f"INSERT INTO basket_basket (status, date_created) VALUES ('Open', {p})", [now])
            conn.execute(
                f"INSERT INTO django_session (session_key, session_data, expire_date) VALUES ({p}, 'x', {p})",
                [f"busy-{n}", now],
            )
            conn.execute(
                "INSERT INTO ops_pageview (day, created_at, path, locale, referrer_domain, visitor) "
                f"VALUES ({p}, {p}, {p}, 'en', '', '')",
                [now.date(), now, f"/en/{n}/"],
            )
            conn.execute("COMMIT")
            written.append(now)
            time.sleep(0.002)
        conn.close()

    writer = threading.Thread(target=customers)
    writer.start()
    try:
        result = manage(env, "backup")
    finally:
        stop.set()
        writer.join()
    assert result.returncode == 0, result.stderr
    drill = manage(env, "restore_drill")
    assert drill.returncode == 0 and drill.stdout.startswith("PASS"), drill.stdout + drill.stderr

    conn, p = _customer_connection(env)
    started, finished = conn.execute(
        f"SELECT started_at, finished_at FROM ops_backuprecord WHERE kind = {p}", ["backup"]
    ).fetchone()
    conn.close()
    if isinstance(started, str):  # SQLite keeps datetimes as text
        started, finished = (datetime.fromisoformat(v).replace(tzinfo=UTC) for v in (started, finished))
    during = [when for when in written if started <= when <= finished]
    assert len(during) > 10, f"only {len(during)} customer writes overlapped the backup"


def _subprocess_env(backup_dirs):
    """Environment for `manage.py` in a child process on the test's own database."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    env.update(MEDIA_ROOT=str(backup_dirs / "media"), BACKUP_DIR=str(backup_dirs / "backups"))
    if connection.vendor == "sqlite":
        # The test database lives in memory: hand the child a file copy.
        path = backup_dirs / "site.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(path) as target:
            connection.connection.backup(target)
        env["DATABASE_URL"] = f"sqlite:///{path}"
    else:
        s = connection.settings_dict
        host = f"{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}"
        env["DATABASE_URL"] = f"postgres://{s['USER']}:{s.get('PASSWORD') or ''}@{host}/{s['NAME']}"
    return env


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def test_a_backup_killed_half_way_leaves_the_previous_one_intact(seeded, backup_dirs):
    env = _subprocess_env(backup_dirs)
    first = manage(env, "backup")
    assert first.returncode == 0, first.stderr
    folder = backup_dirs / "backups"
    previous = backup_names(folder)
    assert len(previous) == 2

    (backup_dirs / "media" / "video.bin").write_bytes(os.urandom(40 * 1024 * 1024))
    child = subprocess.Popen(
        [sys.executable, "manage.py", "backup"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and child.poll() is None:
        written = sum(f.stat().st_size for f in folder.glob(".work-*/*") if f.is_file())
        if written > 1024 * 1024:
            break
        time.sleep(0.01)
    child.send_signal(signal.SIGKILL)
    child.communicate()
    assert child.returncode == -signal.SIGKILL, "the backup finished before it could be killed"

    assert backup_names(folder) == previous  # nothing half-written under a backup's name
    drill = manage(env, "restore_drill")
    assert drill.returncode == 0 and drill.stdout.startswith("PASS"), drill.stdout + drill.stderr

    # The next backup clears the killed one's work folder and succeeds.
    assert backups.run_backup(encrypt=False).ok
    assert not list(folder.glob(".work-*"))


def _only_backup(backup_dirs):
    record = backups.run_backup(encrypt=False)
    assert record.ok, record.message
    return record, backup_dirs / "backups"


def restore_refusal(*args):
    with pytest.raises(CommandError) as refused:
        call_command("restore_backup", "--noinput", *args, stdout=io.StringIO(), stderr=io.StringIO())
    message = str(refused.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_a_backup_of_the_other_engine_is_refused_in_one_line(seeded, backup_dirs):
    record, folder = _only_backup(backup_dirs)
    magic, other = OTHER_ENGINE[connection.vendor]
    foreign = record.db_file.replace("default-", "other-")
    (folder / foreign).write_bytes(gzip.compress(magic + b"\x00" * 200))
    message = restore_refusal("--db-file", foreign, "--media-file", record.media_file)
    assert f"is a {other} database; this site runs on" in message
    assert Feedback.objects.filter(message="Keep me").exists()  # nothing was touched


def test_a_damaged_backup_is_refused_in_one_line(seeded, backup_dirs):
    record, folder = _only_backup(backup_dirs)
    data = (folder / record.db_file).read_bytes()
    (folder / record.db_file).write_bytes(data[: len(data) // 2])
    assert "is damaged" in restore_refusal("--db-file", record.db_file, "--media-file", record.media_file)
    (folder / record.db_file).write_bytes(gzip.compress(b"this is not a database at all"))
    assert "damaged or not a database backup" in restore_refusal()
    drill = backups.run_drill()
    assert not drill.ok and "damaged" in drill.message and "\n" not in drill.message
    assert Feedback.objects.filter(message="Keep me").exists()


def test_a_backup_for_another_gpg_key_is_refused_in_one_line(seeded, backup_dirs, settings, monkeypatch):
    import dbbackup.settings

    def keyring(name, email):
        home = backup_dirs / name
        home.mkdir(mode=0o700)
        subprocess.run(
            ["gpg", "--homedir", str(home), "--batch", "--pinentry-mode", "loopback", "--passphrase", "",
             "--quick-gen-key", email, "default", "default", "never"],
            check=True, capture_output=True,
        )  # fmt: skip
        return home

    office, other_server = keyring("office", "backups@example.com"), keyring("other", "someone@example.com")
    monkeypatch.setenv("GNUPGHOME", str(office))
    settings.DBBACKUP_GPG_RECIPIENT = "backups@example.com"
    monkeypatch.setattr(dbbackup.settings, "GPG_RECIPIENT", "backups@example.com")
    monkeypatch.setattr(dbbackup.settings, "GPG_ALWAYS_TRUST", True)
    record = backups.run_backup()
    assert record.ok and record.db_file.endswith(".gpg"), record.message

    monkeypatch.setenv("GNUPGHOME", str(other_server))  # a server without the backup's private key
    message = restore_refusal()
    assert "cannot decrypt backup" in message and record.db_file in message
    drill = backups.run_drill()
    assert not drill.ok and "cannot decrypt" in drill.message


def test_a_backup_for_a_key_missing_from_the_keyring_fails_in_one_line(seeded, backup_dirs, settings, monkeypatch):
    import dbbackup.settings

    empty = backup_dirs / "empty-keyring"
    empty.mkdir(mode=0o700)
    monkeypatch.setenv("GNUPGHOME", str(empty))
    settings.DBBACKUP_GPG_RECIPIENT = "backups@example.com"
    monkeypatch.setattr(dbbackup.settings, "GPG_RECIPIENT", "backups@example.com")
    record = backups.run_backup()
    assert not record.ok
    assert "no public key for backups@example.com" in record.message and "\n" not in record.message
    assert backup_names(backup_dirs / "backups") == []
