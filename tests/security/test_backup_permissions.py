"""Backups hold every customer's data: nobody but the site's own user may read them,
whatever the umask or the folder's earlier mode."""

import io
import os
import stat

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def open_umask():
    previous = os.umask(0o022)  # the common default: new files world-readable
    yield
    os.umask(previous)


def test_backup_files_are_0600_in_a_0700_folder(tmp_path, settings, monkeypatch, home_page, open_umask):
    import dbbackup.settings

    settings.MEDIA_ROOT = str(tmp_path / "media")
    default_storage.save("documents/contract.pdf", ContentFile(b"%PDF private"))
    folder = tmp_path / "backups"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)  # as an operator might have created it
    monkeypatch.setattr(dbbackup.settings, "STORAGE_OPTIONS", {"location": str(folder)})

    out = io.StringIO()
    call_command("backup", stdout=out)
    assert out.getvalue().startswith("Backup ok")
    files = sorted(folder.iterdir())
    assert len(files) == 2  # database and media, nothing left over
    assert mode(folder) == 0o700
    assert {path.name: mode(path) for path in files} == {path.name: 0o600 for path in files}


def test_a_missing_backup_folder_is_created_private(tmp_path, settings, monkeypatch, home_page, open_umask):
    import dbbackup.settings

    settings.MEDIA_ROOT = str(tmp_path / "media")
    folder = tmp_path / "new" / "backups"
    monkeypatch.setattr(dbbackup.settings, "STORAGE_OPTIONS", {"location": str(folder)})
    call_command("backup", stdout=io.StringIO())
    assert mode(folder) == 0o700
    assert all(mode(path) == 0o600 for path in folder.iterdir())
