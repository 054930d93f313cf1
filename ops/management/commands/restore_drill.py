import sys

from django.core.management.base import BaseCommand

from ops.backups import run_drill


class Command(BaseCommand):
    help = "Restore the latest backup into a scratch database and check every table and media file: PASS or FAIL."

    def handle(self, *args, **options):
        drill = run_drill()
        if drill.ok:
            self.stdout.write(f"PASS: {drill.message}")
        else:
            self.stderr.write(f"FAIL: {drill.message}")
            sys.exit(1)
