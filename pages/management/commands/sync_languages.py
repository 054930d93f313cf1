from django.core.management.base import BaseCommand

from pages.locales import sync_locales


class Command(BaseCommand):
    help = "Create the Wagtail locale of every language in the LANGUAGES setting (idempotent)."

    def handle(self, *args, **options):
        created, unconfigured = sync_locales()
        for code in created:
            self.stdout.write(self.style.SUCCESS(f"Created the Wagtail locale {code}"))
        if not created:
            self.stdout.write("Every configured language has its Wagtail locale.")
        for code in unconfigured:
            self.stdout.write(
                self.style.WARNING(f"Locale {code} is not in LANGUAGES: kept (its pages are not served); see README")
            )
