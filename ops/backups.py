"""Backups and restore drills (django-dbbackup supplies the storage, file names and cleanup).

- `backup`: takes one consistent snapshot of the database (SQLite's backup API into a
  copy; on PostgreSQL a REPEATABLE READ transaction whose exported snapshot `pg_dump`
  also reads), fingerprints that same snapshot, and archives the media files while
  hashing the very bytes it archives. Both files are compressed (optionally
  GPG-encrypted), built in a private work folder and renamed into place, so a backup
  killed half-way never leaves a broken file under a backup's name. Files are 0600,
  the local backup folder 0700. The last BACKUP_KEEP of each are kept.
- `restore_drill`: restores the latest good backup into a scratch database (a temp
  SQLite file, or `<name>_drill` on PostgreSQL) and compares it with the fingerprints.
- `restore`: restores the latest (or a named) backup over the live database and media,
  exactly (rows and files added since the backup are gone afterwards).
"""

import contextlib
import gzip
import hashlib
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
import zlib
from datetime import datetime, timedelta

import gnupg
import psycopg
from dbbackup import settings as dbb
from dbbackup import utils
from dbbackup.storage import get_storage
from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection as default_connection
from django.db import connections
from django.utils import timezone

from core.storages import save_exact

from .models import BackupRecord

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"
ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
WORK_PREFIX = ".work-"


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is one line for the operator."""


# --- fingerprints -------------------------------------------------------------


def _tables_and_columns(cursor, vendor):
    if vendor == "sqlite":
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        tables = {}
        for (table,) in cursor.fetchall():
            cursor.execute(f"PRAGMA table_info({_quote(table)})")
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


def _quote(identifier):
    return '"' + identifier.replace('"', '""') + '"'


def checksums_from_cursor(cursor, vendor):
    """{table: [row count, order-independent hash of the rows]}. Every value is compared
    as SQL text (SQLite's quote() also covers binary blobs such as the search index's
    FTS tables), so any two connections (Django's or a bare driver) agree."""
    as_text = "quote({})" if vendor == "sqlite" else "CAST({} AS TEXT)"
    result = {}
    for table, columns in sorted(_tables_and_columns(cursor, vendor).items()):
        select = ", ".join(as_text.format(_quote(column)) for column in columns)
        cursor.execute(f"SELECT {select} FROM {_quote(table)}")
        count, total = 0, 0
        while rows := cursor.fetchmany(2000):
            for row in rows:
                count += 1
                total += int.from_bytes(hashlib.sha256(repr(tuple(row)).encode()).digest(), "big")
        result[table] = [count, f"{total % (1 << 256):064x}"]
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


# --- storage -------------------------------------------------------------------


def encryption_enabled():
    return bool(settings.DBBACKUP_GPG_RECIPIENT)


def _backup_storage():
    return get_storage()


def _local_folder(storage):
    """The backup folder when backups go to the local disk (made private), else None."""
    if not isinstance(storage.storage, FileSystemStorage):
        return None
    folder = storage.storage.location
    os.makedirs(folder, mode=0o700, exist_ok=True)
    os.chmod(folder, 0o700)
    return folder


@contextlib.contextmanager
def _work_folder(storage):
    """A private folder for building a backup: inside the backup folder when it is local
    (so the final rename is atomic), left-overs of killed backups are removed first."""
    folder = _local_folder(storage)
    if folder:
        for entry in os.scandir(folder):
            if entry.name.startswith(WORK_PREFIX) and not _process_alive(entry.name):
                shutil.rmtree(entry.path, ignore_errors=True)
    work = tempfile.mkdtemp(prefix=f"{WORK_PREFIX}{os.getpid()}-", dir=folder)
    try:
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _process_alive(work_name):
    try:
        os.kill(int(work_name.removeprefix(WORK_PREFIX).split("-")[0]), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


def _store(storage, path, name):
    """Put a finished file into the backup storage under `name`: on local disk with mode
    0600 by an atomic link (never over an existing file), elsewhere by one upload."""
    folder = _local_folder(storage)
    if folder is None:
        with open(path, "rb") as handle:
            return storage.storage.save(name, File(handle, name=name))
    os.chmod(path, 0o600)
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())
    os.link(path, os.path.join(folder, name))  # FileExistsError rather than overwrite
    return name


def _names(storage, extension):
    """File names for one backup: database and media share the same time stamp."""

    stamp = datetime.now()
    existing = set(storage.list_directory())
    while True:
        when = stamp.strftime(dbb.DATE_FORMAT)
        db = utils.filename_generate(extension, database_name="default", wildcard=when)
        media = utils.filename_generate("tar", content_type="media", wildcard=when)
        if not any(name.startswith((db, media)) for name in existing):
            return db, media
        stamp += timedelta(seconds=1)


def _latest(content_type):
    storage = _backup_storage()
    try:
        return storage.get_latest_backup(content_type=content_type)
    except Exception as exc:  # dbbackup raises a generic error when none exists
        raise BackupError(f"no {content_type} backup found: {exc}") from exc


def latest_pair():
    """(database file, media file) of the newest complete backup in the storage."""

    storage = _backup_storage()
    try:
        db_files = storage.list_backups(content_type="db")
        media_by_stamp = {utils.filename_to_datestring(f): f for f in storage.list_backups(content_type="media")}
    except OSError as exc:
        raise BackupError(f"cannot read the backup storage: {exc}") from exc
    pairs = [
        (db, media_by_stamp[stamp]) for db in db_files if (stamp := utils.filename_to_datestring(db)) in media_by_stamp
    ]
    if pairs:
        return max(pairs, key=lambda pair: storage._filename_to_date_or_min(pair[0]))
    return _latest("db"), _latest("media")


def _size(name):
    try:
        return _backup_storage().storage.size(name)
    except Exception:
        return 0


# --- taking a backup -----------------------------------------------------------


def _pg_params(settings_dict, dbname=None):
    s = settings_dict
    params = {"host": s.get("HOST"), "port": s.get("PORT"), "user": s.get("USER"), "password": s.get("PASSWORD")}
    params = {k: str(v) for k, v in params.items() if v}
    params["dbname"] = dbname or s["NAME"]
    return params


def _pg_env(params):
    env = dict(os.environ)
    names = {"host": "PGHOST", "port": "PGPORT", "user": "PGUSER", "password": "PGPASSWORD", "dbname": "PGDATABASE"}
    env.update({names[k]: v for k, v in params.items()})
    return env


def _run(command, env, what):
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        lines = [line for line in done.stderr.strip().splitlines() if line.strip()] or [f"exit {done.returncode}"]
        raise BackupError(f"{what}: {lines[-1]}")
    return done


def _snapshot_sqlite(path):
    """Copy the live database with SQLite's backup API (one step: a consistent snapshot)
    and fingerprint the copy."""
    default_connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        default_connection.connection.backup(target)
        return checksums_from_cursor(target.cursor(), "sqlite")
    finally:
        target.close()


def _snapshot_postgresql(path):
    """pg_dump and the fingerprints read one exported snapshot, so they agree exactly
    however busy the shop is."""

    params = _pg_params(default_connection.settings_dict)
    with psycopg.connect(**params) as conn:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        conn.execute("SET TIME ZONE 'UTC'")
        snapshot = conn.execute("SELECT pg_export_snapshot()").fetchone()[0]
        dump = subprocess.Popen(
            ["pg_dump", "--format=custom", "--compress=0", f"--snapshot={snapshot}", f"--file={path}"],
            env=_pg_env(params),
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            tables = checksums_from_cursor(conn.cursor(), "postgresql")
        finally:
            _, error = dump.communicate()
        conn.rollback()
    if dump.returncode != 0:
        raise BackupError(f"pg_dump failed: {(error.strip().splitlines() or ['?'])[-1]}")
    return tables


def _archive_media(path):
    """A tar of every media file; the manifest hashes the very bytes archived."""
    manifest = {}
    try:
        names = sorted(_walk(default_storage))
    except FileNotFoundError:
        names = []
    with tarfile.open(path, "w") as archive:
        for name in names:
            with tempfile.TemporaryFile(dir=os.path.dirname(path)) as copy:
                digest = hashlib.sha256()
                try:
                    with default_storage.open(name) as handle:
                        while chunk := handle.read(1 << 20):
                            digest.update(chunk)
                            copy.write(chunk)
                except FileNotFoundError:
                    continue  # deleted while the backup ran
                info = tarfile.TarInfo(name)
                info.size, info.mtime, info.mode = copy.tell(), int(time.time()), 0o600
                copy.seek(0)
                archive.addfile(info, copy)
                manifest[name] = digest.hexdigest()
    return manifest


def _pack(path, encrypt):
    """gzip (and GPG-encrypt) a file; returns the new path and the suffix it got."""
    with open(path, "rb") as source, gzip.open(path + ".gz", "wb", compresslevel=6) as target:
        shutil.copyfileobj(source, target, 1 << 20)
    os.unlink(path)
    path, suffix = path + ".gz", ".gz"
    if encrypt:
        gpg = gnupg.GPG()
        # Without the recipient's public key gpg exits at once and python-gnupg dies on a broken pipe.
        if not gpg.list_keys(keys=[dbb.GPG_RECIPIENT]):
            raise BackupError(
                f"no public key for {dbb.GPG_RECIPIENT} in this server's keyring (import it with gpg --import)"
            )
        with open(path, "rb") as source:
            result = gpg.encrypt_file(
                source, recipients=[dbb.GPG_RECIPIENT], always_trust=bool(dbb.GPG_ALWAYS_TRUST),
                armor=False, output=path + ".gpg",
            )  # fmt: skip
        if not result.ok:
            raise BackupError(f"encryption for {dbb.GPG_RECIPIENT} failed: {result.status}")
        os.unlink(path)
        path, suffix = path + ".gpg", suffix + ".gpg"
    return path, suffix


def run_backup(encrypt=None):
    """Back up database and media; return the BackupRecord (ok or not)."""

    encrypt = encryption_enabled() if encrypt is None else encrypt
    record = BackupRecord(kind=BackupRecord.Kind.BACKUP, started_at=timezone.now(), encrypted=encrypt)
    try:
        vendor = default_connection.vendor
        if vendor not in ENGINE_NAMES:
            raise BackupError(f"backups are not implemented for {vendor}")
        storage = _backup_storage()
        _local_folder(storage)  # exists and is private before anything is written
        extension = "sqlite3" if vendor == "sqlite" else "psql.bin"
        db_name, media_name = _names(storage, extension)
        with _work_folder(storage) as work:
            db_path = os.path.join(work, db_name)
            tables = _snapshot_sqlite(db_path) if vendor == "sqlite" else _snapshot_postgresql(db_path)
            db_path, suffix = _pack(db_path, encrypt)
            media_path = os.path.join(work, media_name)
            media = _archive_media(media_path)
            media_path, media_suffix = _pack(media_path, encrypt)
            # Media first: a database file is only "complete" once its media partner exists.
            record.media_file = _store(storage, media_path, media_name + media_suffix)
            record.db_file = _store(storage, db_path, db_name + suffix)
        record.db_size, record.media_size = _size(record.db_file), _size(record.media_file)
        record.details = {"tables": tables, "media": media}
        record.ok = True
        record.message = f"{len(tables)} tables, {len(media)} media files"
        storage.clean_old_backups(content_type="db", keep_number=dbb.CLEANUP_KEEP)
        storage.clean_old_backups(content_type="media", keep_number=dbb.CLEANUP_KEEP_MEDIA)
    except Exception as exc:
        record.ok = False
        record.message = f"{exc.__class__.__name__}: {exc}"
    record.finished_at = timezone.now()
    record.save()
    return record


# --- reading a backup ----------------------------------------------------------


def _fetch(name, encrypted, work):
    """The backup file, copied from the storage into `work`, decrypted and uncompressed.
    Damaged or foreign files raise BackupError with a one-line reason."""
    storage = _backup_storage()
    path = os.path.join(work, "backup")
    try:
        with storage.read_file(name) as source, open(path, "wb") as target:
            shutil.copyfileobj(source, target, 1 << 20)
    except (OSError, ValueError) as exc:
        raise BackupError(f"cannot read backup {name}: {exc}") from exc
    if encrypted or name.endswith(".gpg"):
        path = _decrypt(path, name)
    if name.removesuffix(".gpg").endswith(".gz"):
        plain = path + ".plain"
        try:
            with gzip.open(path, "rb") as source, open(plain, "wb") as target:
                shutil.copyfileobj(source, target, 1 << 20)
        except (OSError, EOFError, zlib.error) as exc:
            raise BackupError(f"backup {name} is damaged: {exc}") from exc
        path = plain
    return path


def _decrypt(path, name):
    """GPG-decrypt a backup (the private key must be in the keyring; BACKUP_GPG_PASSPHRASE if it has one)."""

    output = path + ".decrypted"
    with open(path, "rb") as source:
        result = gnupg.GPG().decrypt_file(source, passphrase=settings.DBBACKUP_GPG_PASSPHRASE or None, output=output)
    if not result.ok:
        reason = result.status or "not encrypted for a key in this keyring"
        raise BackupError(f"cannot decrypt backup {name}: {reason} (is its private key in this server's keyring?)")
    return output


def _check_database_file(path, name, vendor):
    """Refuse a file that is not a database backup for this site's engine."""
    with open(path, "rb") as handle:
        head = handle.read(16)
    found = "sqlite" if head.startswith(SQLITE_MAGIC) else "postgresql" if head.startswith(PGDUMP_MAGIC) else None
    if found is None:
        raise BackupError(f"backup {name} is damaged or not a database backup")
    if found != vendor:
        raise BackupError(
            f"backup {name} is a {ENGINE_NAMES[found]} database; this site runs on {ENGINE_NAMES.get(vendor, vendor)}"
        )
    if vendor == "sqlite":
        try:
            with contextlib.closing(sqlite3.connect(path)) as db:
                verdict = db.execute("PRAGMA integrity_check").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise BackupError(f"backup {name} is damaged: {exc}") from exc
        if verdict != "ok":
            raise BackupError(f"backup {name} is damaged: {verdict.splitlines()[0]}")
    else:
        _run(["pg_restore", "--list", path], os.environ, f"backup {name} is damaged")


def _media_members(path, name):
    """{path: sha256} of the files inside an (uncompressed) media archive."""
    manifest = {}
    try:
        with tarfile.open(path, mode="r:") as archive:
            for member in archive:
                extracted = archive.extractfile(member)
                if extracted is not None:
                    manifest[member.path] = hashlib.sha256(extracted.read()).hexdigest()
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise BackupError(f"media backup {name} is damaged: {exc}") from exc
    return manifest


def _pg_restore(path, params, name):
    _run(
        ["pg_restore", "--clean", "--if-exists", "--single-transaction", "--no-owner", "--no-privileges",
         f"--dbname={params['dbname']}", path],
        _pg_env(params), f"restoring {name} failed",
    )  # fmt: skip


# --- restore drill -------------------------------------------------------------


class _ScratchDatabase:
    """A throwaway database for a drill: a temp SQLite file, or `<name>_drill` on
    PostgreSQL. `restore()` loads a backup file into it; `checksums()` fingerprints it."""

    def __init__(self, work):
        self.vendor = default_connection.vendor
        self.settings = dict(connections.settings["default"])
        if self.vendor == "sqlite":
            self.settings["NAME"] = os.path.join(work, "drill.sqlite3")
        elif self.vendor == "postgresql":
            self.settings["NAME"] = f"{default_connection.settings_dict['NAME']}_drill"[:63]
        else:
            raise BackupError(f"restore drills are not implemented for {self.vendor}")

    def __enter__(self):
        if self.vendor == "postgresql":
            name = _quote(self.settings["NAME"])
            self._admin(f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name}")
        return self

    def restore(self, path, name):
        _check_database_file(path, name, self.vendor)
        if self.vendor == "sqlite":
            shutil.move(path, self.settings["NAME"])
        else:
            _pg_restore(path, _pg_params(self.settings), name)

    def checksums(self):
        if self.vendor == "sqlite":
            with contextlib.closing(sqlite3.connect(self.settings["NAME"])) as conn:
                return checksums_from_cursor(conn.cursor(), "sqlite")

        with psycopg.connect(**_pg_params(self.settings)) as conn:
            conn.execute("SET TIME ZONE 'UTC'")
            return checksums_from_cursor(conn.cursor(), "postgresql")

    def __exit__(self, *exc):
        if self.vendor == "postgresql":
            self._admin(f"DROP DATABASE IF EXISTS {_quote(self.settings['NAME'])}")

    def _admin(self, *statements):
        with psycopg.connect(**_pg_params(self.settings, dbname="postgres"), autocommit=True) as conn:
            for statement in statements:
                conn.execute(statement)


def run_drill(record=None):
    """Restore the latest good backup into a scratch database and compare fingerprints."""
    drill = BackupRecord(kind=BackupRecord.Kind.DRILL, started_at=timezone.now())
    source = record or BackupRecord.objects.filter(kind=BackupRecord.Kind.BACKUP, ok=True).first()
    try:
        if source is None:
            raise BackupError("there is no successful backup to drill")
        drill.db_file, drill.media_file, drill.encrypted = source.db_file, source.media_file, source.encrypted
        t0 = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="ops-drill-") as work:
            with _ScratchDatabase(work) as scratch:
                scratch.restore(_fetch(source.db_file, source.encrypted, work), source.db_file)
                restored = scratch.checksums()
            archived = _media_members(_fetch(source.media_file, source.encrypted, work), source.media_file)
        tables = compare(source.details.get("tables", {}), restored)
        media = compare(source.details.get("media", {}), archived)
        drill.ok = not (any(tables.values()) or any(media.values()))
        drill.details = {"tables": tables, "media": media, "seconds": round(time.monotonic() - t0, 1)}
        if drill.ok:
            drill.message = (
                f"restored {len(restored)} tables and {len(archived)} media files from {source.db_file}: all match"
            )
        else:
            drill.message = f"differences after restoring {source.db_file}: tables {tables}, media {media}"
    except Exception as exc:
        drill.ok = False
        drill.message = f"{exc.__class__.__name__}: {exc}"
    drill.finished_at = timezone.now()
    drill.save()
    return drill


# --- real restore --------------------------------------------------------------


def run_restore(db_file=None, media_file=None, encrypted=None, delete_extra_media=True):
    """Restore database and media over the live site. Returns (db_file, media_file).
    Both files are fetched and checked before anything live is touched."""
    if not (db_file and media_file):
        latest_db, latest_media = latest_pair()
        db_file, media_file = db_file or latest_db, media_file or latest_media
    vendor = default_connection.vendor
    with tempfile.TemporaryDirectory(prefix="ops-restore-") as work:
        db_work, media_work = os.path.join(work, "db"), os.path.join(work, "media")
        os.mkdir(db_work)
        os.mkdir(media_work)
        db_path = _fetch(db_file, db_file.endswith(".gpg") if encrypted is None else encrypted, db_work)
        _check_database_file(db_path, db_file, vendor)
        media_path = _fetch(media_file, media_file.endswith(".gpg") if encrypted is None else encrypted, media_work)
        archived = _media_members(media_path, media_file)

        # The backup history describes files that still exist: it survives the restore
        # (the snapshot cannot hold the record of its own backup), so a drill can follow.
        history = list(BackupRecord.objects.all())
        if vendor == "sqlite":
            default_connection.ensure_connection()
            with contextlib.closing(sqlite3.connect(db_path)) as source:
                source.backup(default_connection.connection)
        else:
            _pg_restore(db_path, _pg_params(default_connection.settings_dict), db_file)
            default_connection.close()  # forget anything cached about the old tables
        kept = set(BackupRecord.objects.values_list("kind", "started_at"))
        for record in history:
            if (record.kind, record.started_at) not in kept:
                record.pk = None
                record.save()

        if delete_extra_media:
            for name in set(media_manifest()) - set(archived):
                default_storage.delete(name)
        with tarfile.open(media_path, mode="r:") as archive:
            for member in archive:
                extracted = archive.extractfile(member)
                if extracted is not None:
                    saved = save_exact(default_storage, member.path, File(extracted, name=member.path))
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
    max_age = timedelta(hours=settings.OPS_BACKUP_MAX_AGE_HOURS)
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
