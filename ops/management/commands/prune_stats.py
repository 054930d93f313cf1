from django.conf import settings
from django.core.management.base import BaseCommand

from ops import recorder


class Command(BaseCommand):
    help = "Delete page views older than OPS_STATS_RETENTION_DAYS and past days' visitor salts."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="retention in days (default: the setting)")

    def handle(self, *args, days=None, **options):
        days = settings.OPS_STATS_RETENTION_DAYS if days is None else days
        deleted = recorder.prune(days)
        self.stdout.write(f"Deleted {deleted} page views older than {days} days.")
