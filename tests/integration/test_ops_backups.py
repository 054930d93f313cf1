"""Backups: round trip (seed, back up, change, restore, compare) and the restore drill.
Runs on SQLite, and on PostgreSQL when DATABASE_URL points there (as in CI)."""

import io
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone

from ops import backups
from ops.models import BackupRecord, Feedback, PageView

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def backup_dirs(tmp_path, settings, monkeypatch):
    import dbbackup.settings

    settings.MEDIA_ROOT = str(tmp_path / "media")
    (tmp_path / "media").mkdir()
    (tmp_path / "backups").mkdir()
    monkeypatch.setattr(dbbackup.settings, "STORAGE_OPTIONS", {"location": str(tmp_path / "backups")})
    monkeypatch.setattr(dbbackup.settings, "MEDIA_PATH", str(tmp_path / "media"))
    return tmp_path


@pytest.fixture
def seeded(backup_dirs, django_user_model):
    from tests.site_setup import ensure_site_structure

    home = ensure_site_structure()
    home.title = "Home before backup"
    home.save_revision().publish()
    django_user_model.objects.create_user(email="customer@example.com", password="pw-123456789")
    Feedback.objects.create(message="Keep me", locale="de", rating=5)
    PageView.objects.create(day=timezone.localdate(), created_at=timezone.now(), path="/en/", visitor="abc")
    default_storage.save("original_images/photo.jpg", ContentFile(b"\xff\xd8jpeg-bytes"))
    default_storage.save("documents/price-list.pdf", ContentFile(b"%PDF-1.4 prices"))
    return home


def test_round_trip_restores_every_table_and_media_file(seeded, django_user_model):
    record = backups.run_backup(encrypt=False)
    assert record.ok, record.message
    assert record.db_file.endswith(".gz") and record.media_file.endswith(".gz")
    assert record.db_size > 0 and record.media_size > 0
    before_tables, before_media = backups.table_checksums(), backups.media_manifest()
    without_records = lambda tables: {k: v for k, v in tables.items() if k != "ops_backuprecord"}  # noqa: E731
    assert without_records(record.details["tables"]) == without_records(before_tables)
    assert record.details["media"] == before_media and len(before_media) == 2

    # Change everything: rows added, edited and deleted; files added, changed and deleted.
    seeded.title = "Changed after backup"
    seeded.save_revision().publish()
    django_user_model.objects.create_user(email="late@example.com", password="pw-123456789")
    Feedback.objects.all().delete()
    default_storage.delete("documents/price-list.pdf")
    default_storage.save("documents/new.pdf", ContentFile(b"%PDF new"))
    with default_storage.open("original_images/photo.jpg", "wb") as handle:
        handle.write(b"overwritten")
    assert backups.table_checksums() != before_tables

    call_command("restore_backup", "--noinput", stdout=io.StringIO())

    after_tables = backups.table_checksums()
    differences = backups.compare(before_tables, after_tables)
    differences["changed"] = [t for t in differences["changed"] if t != "ops_backuprecord"]
    assert differences == {"missing": [], "extra": [], "changed": []}
    assert backups.media_manifest() == before_media
    assert Feedback.objects.get().message == "Keep me"
    assert not django_user_model.objects.filter(email="late@example.com").exists()

    # The backup's own record is not in its snapshot; the history survives the restore so a drill can follow.
    out = io.StringIO()
    call_command("restore_drill", stdout=out)
    assert out.getvalue().startswith("PASS") and record.db_file in out.getvalue()


def test_restore_drill_passes_on_a_good_backup_and_fails_on_a_damaged_one(seeded, backup_dirs):
    call_command("backup", stdout=io.StringIO())
    out = io.StringIO()
    call_command("restore_drill", stdout=out)
    assert out.getvalue().startswith("PASS")
    drill = BackupRecord.objects.filter(kind="drill").first()
    assert drill.ok and "all match" in drill.message

    # A backup whose recorded fingerprints no longer match what the file holds fails the drill.
    backup = BackupRecord.objects.filter(kind="backup").first()
    backup.details["tables"]["ops_feedback"] = [99, "0" * 64]
    backup.details["media"]["documents/missing.pdf"] = "0" * 64
    backup.save()
    with pytest.raises(SystemExit):
        call_command("restore_drill", stdout=io.StringIO(), stderr=io.StringIO())
    drill = BackupRecord.objects.filter(kind="drill").first()
    assert not drill.ok
    assert drill.details["tables"]["changed"] == ["ops_feedback"]
    assert drill.details["media"]["missing"] == ["documents/missing.pdf"]


def test_backup_keeps_the_last_n(seeded, backup_dirs, settings, time_machine, monkeypatch):
    import dbbackup.settings

    monkeypatch.setattr(dbbackup.settings, "CLEANUP_KEEP", 2)
    monkeypatch.setattr(dbbackup.settings, "CLEANUP_KEEP_MEDIA", 2)
    time_machine.move_to(timezone.now())
    for _ in range(3):
        assert backups.run_backup(encrypt=False).ok
        time_machine.shift(timedelta(minutes=1))
    files = sorted(p.name for p in (backup_dirs / "backups").iterdir())
    assert len([f for f in files if f.startswith("default-") and not f.endswith(".metadata")]) == 2, files
    assert len([f for f in files if ".tar" in f]) == 2, files


def test_failed_backup_is_recorded(seeded, monkeypatch):
    import dbbackup.settings

    monkeypatch.setattr(dbbackup.settings, "STORAGE_OPTIONS", {"location": "/proc/no-such-dir"})
    with pytest.raises(SystemExit):
        call_command("backup", stdout=io.StringIO(), stderr=io.StringIO())
    record = BackupRecord.objects.get()
    assert not record.ok and record.message


@pytest.mark.django_db
def test_admin_home_shows_backup_age_size_and_drill(client, admin_user, time_machine):
    client.force_login(admin_user)
    html = client.get("/admin/").content.decode()
    assert "There is no successful backup yet." in html
    now = timezone.now()
    time_machine.move_to(now)
    BackupRecord.objects.create(
        kind="backup", started_at=now - timedelta(hours=30), finished_at=now - timedelta(hours=30), ok=True,
        db_file="db.gz", db_size=2 * 1024 * 1024, media_file="m.tar.gz", media_size=512 * 1024,
    )  # fmt: skip
    BackupRecord.objects.create(kind="drill", started_at=now, finished_at=now, ok=False, message="tables differ")
    html = client.get("/admin/").content.decode()
    assert "The last successful backup is 30 hours old" in html
    assert "2.0\xa0MB" in html and "512.0\xa0KB" in html
    assert "FAILED." in html and "tables differ" in html
    BackupRecord.objects.create(kind="backup", started_at=now, finished_at=now, ok=True, db_size=1, media_size=1)
    html = client.get("/admin/").content.decode()
    assert "data-backup-warning" not in html


def test_encrypted_backup_round_trips_through_gpg(seeded, backup_dirs, settings, tmp_path, monkeypatch):
    import subprocess

    import dbbackup.settings

    home = tmp_path / "gnupg"
    home.mkdir(mode=0o700)
    monkeypatch.setenv("GNUPGHOME", str(home))
    subprocess.run(
        ["gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", "", "--quick-gen-key",
         "backups@example.com", "default", "default", "never"],
        check=True, capture_output=True,
    )  # fmt: skip
    settings.DBBACKUP_GPG_RECIPIENT = "backups@example.com"
    monkeypatch.setattr(dbbackup.settings, "GPG_RECIPIENT", "backups@example.com")
    monkeypatch.setattr(dbbackup.settings, "GPG_ALWAYS_TRUST", True)
    record = backups.run_backup()
    assert record.ok, record.message
    assert record.encrypted and record.db_file.endswith(".gpg") and record.media_file.endswith(".gpg")
    raw = (backup_dirs / "backups" / record.db_file).read_bytes()
    assert b"Keep me" not in raw and b"SQLite format" not in raw
    drill = backups.run_drill()
    assert drill.ok, drill.message
