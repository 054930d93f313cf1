import sys

from django.core.management.base import BaseCommand

from ops.backups import run_backup


class Command(BaseCommand):
    help = "Back up database and media (compressed; GPG-encrypted when BACKUP_GPG_RECIPIENT is set), keep the last N."

    def add_arguments(self, parser):
        parser.add_argument("--no-encrypt", action="store_true", help="never encrypt, even when a recipient is set")

    def handle(self, *args, no_encrypt=False, **options):
        record = run_backup(encrypt=False if no_encrypt else None)
        if not record.ok:
            self.stderr.write(f"Backup FAILED: {record.message}")
            sys.exit(1)
        self.stdout.write(
            f"Backup ok: {record.db_file} ({record.db_size} bytes), {record.media_file} ({record.media_size} bytes); "
            f"{record.message}"
        )
