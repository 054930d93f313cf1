"""Backups and restore drills on top of django-dbbackup.

- `backup`: fingerprints every table and media file, then writes a compressed
  (optionally GPG-encrypted) database dump and media archive to the `dbbackup`
  storage, keeping the last BACKUP_KEEP of each.
- `restore_drill`: restores the latest dump into a scratch database (a temp
  SQLite file, or `<name>_drill` on PostgreSQL) and the media archive into a temp
  folder, and compares both with the fingerprints taken at backup time.
- `restore`: restores the latest (or a named) backup over the live database and
  media, exactly (rows and files added since the backup are gone afterwards).
"""

import hashlib
import io
import os
import shutil
import sqlite3
import tarfile
import tempfile
import time
from datetime import timedelta

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection as default_connection
from django.db import connections
from django.utils import timezone

from .models import BackupRecord

DRILL_ALIAS = "ops_drill"
# Tables written by ordinary traffic while a backup runs; a drill reports but
# does not fail on differences there.
VOLATILE_TABLES = {
    "ops_pageview", "ops_dailysalt", "django_session", "django_tasks_db_dbtaskresult",
    "axes_accessattempt", "axes_accessfailurelog", "axes_accesslog",
}  # fmt: skip


class BackupError(Exception):
    pass


# --- fingerprints -------------------------------------------------------------


def _tables_and_columns(cursor, vendor):
    if vendor == "sqlite":
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        tables = {}
        for (table,) in cursor.fetchall():
            cursor.execute(f'PRAGMA table_info("{table}")')
            tables[table] = [row[1] for row in cursor.fetchall()]
        return tables
    cursor.execute(
        "SELECT c.table_name, c.column_name FROM information_schema.columns c "
        "JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema "
        "WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' "
        "ORDER BY c.table_name, c.ordinal_position"
    )
    tables = {}
    for table, column in cursor.fetchall():
        tables.setdefault(table, []).append(column)
    return tables


def checksums_from_cursor(cursor, vendor):
    """{table: [row count, sha256 of the sorted rows]}. Every column is compared as
    its text form, so any two connections (Django's or a bare driver) agree."""
    result = {}
    for table, columns in sorted(_tables_and_columns(cursor, vendor).items()):
        select = ", ".join(f'CAST("{column}" AS TEXT)' for column in columns)
        cursor.execute(f'SELECT {select} FROM "{table}"')
        rows = sorted(repr(row) for row in cursor.fetchall())
        result[table] = [len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest()]
    return result


def table_checksums(connection=default_connection):
    """Fingerprints of every table of a Django connection (UTC session on PostgreSQL)."""
    with connection.cursor() as cursor:
        return checksums_from_cursor(cursor, connection.vendor)


def _walk(storage, path=""):
    directories, files = storage.listdir(path)
    for name in files:
        yield f"{path}/{name}" if path else name
    for directory in directories:
        yield from _walk(storage, f"{path}/{directory}" if path else directory)


def media_manifest(storage=None):
    """{relative path: sha256} of every media file."""
    storage = storage or default_storage
    manifest = {}
    try:
        names = list(_walk(storage))
    except FileNotFoundError:
        return manifest
    for name in names:
        with storage.open(name) as handle:
            manifest[name] = hashlib.sha256(handle.read()).hexdigest()
    return manifest


def compare(expected, actual):
    """Differences between two fingerprint dicts: {"missing": [...], "extra": [...], "changed": [...]}."""
    return {
        "missing": sorted(set(expected) - set(actual)),
        "extra": sorted(set(actual) - set(expected)),
        "changed": sorted(k for k in set(expected) & set(actual) if expected[k] != actual[k]),
    }


# --- helpers -------------------------------------------------------------------


def encryption_enabled():
    return bool(getattr(settings, "DBBACKUP_GPG_RECIPIENT", None))


def _backup_storage():
    from dbbackup.storage import get_storage

    return get_storage()


def _latest(content_type):
    storage = _backup_storage()
    try:
        return storage.get_latest_backup(content_type=content_type)
    except Exception as exc:  # dbbackup raises a generic error when none exists
        raise BackupError(f"no {content_type} backup found: {exc}") from exc


def _size(name):
    try:
        return _backup_storage().storage.size(name)
    except Exception:
        return 0


def _quiet():
    return {"verbosity": 0, "stdout": io.StringIO(), "stderr": io.StringIO()}


# --- backup --------------------------------------------------------------------


def run_backup(encrypt=None):
    """Back up database and media; return the BackupRecord (ok or not)."""
    encrypt = encryption_enabled() if encrypt is None else encrypt
    started = timezone.now()
    record = BackupRecord(kind=BackupRecord.Kind.BACKUP, started_at=started, encrypted=encrypt)
    try:
        details = {"tables": table_checksums(), "media": media_manifest()}
        call_command("dbbackup", compress=True, clean=True, encrypt=encrypt, interactive=False, **_quiet())
        db_file = _latest("db")
        call_command("mediabackup", compress=True, clean=True, encrypt=encrypt, interactive=False, **_quiet())
        media_file = _latest("media")
        record.db_file, record.db_size = db_file, _size(db_file)
        record.media_file, record.media_size = media_file, _size(media_file)
        record.details = details
        record.ok = True
        record.message = f"{len(details['tables'])} tables, {len(details['media'])} media files"
    except Exception as exc:
        record.ok = False
        record.message = f"{exc.__class__.__name__}: {exc}"
    record.finished_at = timezone.now()
    record.save()
    return record


# --- restore drill -------------------------------------------------------------


class _ScratchDatabase:
    """A throwaway database for a drill: a temp SQLite file, or `<name>_drill` on
    PostgreSQL (registered as DRILL_ALIAS only so that dbrestore can find its settings).
    Entering returns a bare DB-API connection to it."""

    def __init__(self):
        self.vendor = default_connection.vendor
        self.settings = dict(connections.settings["default"])
        self.tmpdir = tempfile.mkdtemp(prefix="ops-drill-")
        if self.vendor == "sqlite":
            self.settings["NAME"] = os.path.join(self.tmpdir, "drill.sqlite3")
        elif self.vendor == "postgresql":
            self.settings["NAME"] = f"{default_connection.settings_dict['NAME']}_drill"[:63]
        else:
            raise BackupError(f"restore drills are not implemented for {self.vendor}")
        self.conn = None

    def __enter__(self):
        if self.vendor == "postgresql":
            name = self.settings["NAME"]
            self._pg("postgres", f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"')
            settings.DATABASES[DRILL_ALIAS] = self.settings
            connections.settings[DRILL_ALIAS] = self.settings
        return self

    def restore(self, db_file, encrypted):
        if self.vendor == "sqlite":
            self.conn = sqlite3.connect(self.settings["NAME"])
            _restore_sqlite(db_file, encrypted, self.conn)
        else:
            _restore_database(db_file, encrypted, DRILL_ALIAS)
            self.conn = self._pg(self.settings["NAME"])

    def checksums(self):
        cursor = self.conn.cursor()
        try:
            if self.vendor == "postgresql":
                cursor.execute("SET TIME ZONE 'UTC'")
            return checksums_from_cursor(cursor, self.vendor)
        finally:
            cursor.close()

    def __exit__(self, *exc):
        if self.conn is not None:
            self.conn.close()
        if self.vendor == "postgresql":
            if DRILL_ALIAS in connections.settings:
                del connections[DRILL_ALIAS]
                connections.settings.pop(DRILL_ALIAS, None)
            settings.DATABASES.pop(DRILL_ALIAS, None)
            self._pg("postgres", f'DROP DATABASE IF EXISTS "{self.settings["NAME"]}"').close()
        shutil.rmtree(self.tmpdir, ignore_errors=True)

    def _pg(self, dbname, *statements):
        import psycopg

        s = self.settings
        params = {k: v for k, v in {"host": s.get("HOST"), "port": s.get("PORT"), "user": s.get("USER"),
                                     "password": s.get("PASSWORD")}.items() if v}  # fmt: skip
        conn = psycopg.connect(dbname=dbname, autocommit=True, **params)
        for statement in statements:
            conn.execute(statement)
        return conn


def _read_media_archive(name, encrypted):
    """{path: sha256} of the files inside a media backup."""
    handle = _open_backup(name, encrypted)
    manifest = {}
    with tarfile.open(fileobj=handle, mode="r:") as archive:
        for member in archive:
            extracted = archive.extractfile(member)
            if extracted is not None:
                manifest[member.path] = hashlib.sha256(extracted.read()).hexdigest()
    return manifest


def run_drill(record=None):
    """Restore the latest good backup into a scratch database and compare fingerprints."""
    started = timezone.now()
    source = record or BackupRecord.objects.filter(kind=BackupRecord.Kind.BACKUP, ok=True).first()
    drill = BackupRecord(kind=BackupRecord.Kind.DRILL, started_at=started)
    try:
        if source is None:
            raise BackupError("there is no successful backup to drill")
        drill.db_file, drill.media_file, drill.encrypted = source.db_file, source.media_file, source.encrypted
        t0 = time.monotonic()
        with _ScratchDatabase() as scratch:
            scratch.restore(source.db_file, source.encrypted)
            restored = scratch.checksums()
        tables = compare(source.details.get("tables", {}), restored)
        media = compare(source.details.get("media", {}), _read_media_archive(source.media_file, source.encrypted))
        failing = {
            "missing": tables["missing"],
            "changed": [t for t in tables["changed"] if t not in VOLATILE_TABLES],
        }
        drill.ok = not (failing["missing"] or failing["changed"] or any(media.values()))
        drill.details = {"tables": tables, "media": media, "seconds": round(time.monotonic() - t0, 1)}
        if drill.ok:
            drill.message = (
                f"restored {len(restored)} tables and {len(source.details.get('media', {}))} media files "
                f"from {source.db_file}: all match"
            )
        else:
            drill.message = f"differences after restoring {source.db_file}: tables {failing}, media {media}"
    except Exception as exc:
        drill.ok = False
        drill.message = f"{exc.__class__.__name__}: {exc}"
    drill.finished_at = timezone.now()
    drill.save()
    return drill


# --- real restore --------------------------------------------------------------


def _decrypt(handle, name):
    """GPG-decrypt a backup (the private key must be in the keyring; BACKUP_GPG_PASSPHRASE if it has one)."""
    import gnupg
    from dbbackup import utils

    handle.seek(0)
    result = gnupg.GPG().decrypt_file(handle, passphrase=getattr(settings, "DBBACKUP_GPG_PASSPHRASE", None) or None)
    if not result.ok:
        raise BackupError(f"could not decrypt {name}: {result.status}")
    return utils.create_spooled_temporary_file(fileobj=io.BytesIO(result.data)), name.removesuffix(".gpg")


def _open_backup(name, encrypted):
    """The backup file from the backup storage, decrypted and uncompressed."""
    from dbbackup import utils

    handle = _backup_storage().read_file(name)
    if encrypted:
        handle, name = _decrypt(handle, name)
    if name.endswith(".gz"):
        handle, name = utils.uncompress_file(handle, name)
    handle.seek(0)
    return handle


def _restore_sqlite(db_file, encrypted, target):
    """Copy a SQLite backup into `target` (a Django connection or a sqlite3 one) with SQLite's
    backup API: exact (rows added since are gone), safe with the connection open, works in memory."""
    handle = _open_backup(db_file, encrypted)
    fd, path = tempfile.mkstemp(suffix=".sqlite3")
    try:
        with os.fdopen(fd, "wb") as tmp:
            shutil.copyfileobj(handle, tmp)
        if hasattr(target, "ensure_connection"):
            target.ensure_connection()
            target = target.connection
        source = sqlite3.connect(path)
        try:
            source.backup(target)
        finally:
            source.close()
    finally:
        os.unlink(path)


def _restore_database(db_file, encrypted, alias):
    connection = connections[alias]
    if connection.vendor == "sqlite":
        _restore_sqlite(db_file, encrypted, connection)
        return
    # PostgreSQL: dbbackup's psql restore, fed with the decrypted, uncompressed dump.
    handle = _open_backup(db_file, encrypted)
    fd, path = tempfile.mkstemp(suffix=".psql")
    try:
        with os.fdopen(fd, "wb") as tmp:
            shutil.copyfileobj(handle, tmp)
        call_command("dbrestore", database=alias, input_path=path, interactive=False, **_quiet())
    finally:
        os.unlink(path)


def run_restore(db_file=None, media_file=None, encrypted=None, delete_extra_media=True):
    """Restore database and media over the live site. Returns (db_file, media_file)."""
    db_file = db_file or _latest("db")
    media_file = media_file or _latest("media")
    encrypted = db_file.endswith(".gpg") if encrypted is None else encrypted
    _restore_database(db_file, encrypted, "default")
    archived = _read_media_archive(media_file, encrypted)
    if delete_extra_media:
        for name in set(media_manifest()) - set(archived):
            default_storage.delete(name)
    # Like dbbackup's `mediarestore --replace`, with our decryption.
    with tarfile.open(fileobj=_open_backup(media_file, encrypted), mode="r:") as archive:
        for member in archive:
            extracted = archive.extractfile(member)
            if extracted is None:
                continue
            if default_storage.exists(member.path):
                default_storage.delete(member.path)
            saved = default_storage.save(member.path, File(extracted, name=member.path))
            if saved != member.path:
                raise BackupError(f"media file {member.path} was restored as {saved}")
    return db_file, media_file


# --- status for the admin ------------------------------------------------------


def status(now=None):
    """What the dashboard shows: the last backup and drill, and whether to warn."""
    now = now or timezone.now()
    last_backup = BackupRecord.objects.filter(kind=BackupRecord.Kind.BACKUP).first()
    last_good = BackupRecord.objects.filter(kind=BackupRecord.Kind.BACKUP, ok=True).first()
    last_drill = BackupRecord.objects.filter(kind=BackupRecord.Kind.DRILL).first()
    max_age = timedelta(hours=getattr(settings, "OPS_BACKUP_MAX_AGE_HOURS", 24))
    warnings = []
    if last_good is None:
        warnings.append("none")
    elif now - last_good.finished_at > max_age:
        warnings.append("old")
    if last_backup is not None and not last_backup.ok:
        warnings.append("failed")
    if last_drill is not None and not last_drill.ok:
        warnings.append("drill_failed")
    return {
        "last_backup": last_backup,
        "last_good": last_good,
        "age": (now - last_good.finished_at) if last_good else None,
        "last_drill": last_drill,
        "warnings": warnings,
    }
