from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bot.telegram import build_application


class Command(BaseCommand):
    help = "Run the Telegram bot (long polling) with TELEGRAM_BOT_TOKEN."

    def handle(self, *args, **options):
        if not settings.TELEGRAM_BOT_TOKEN:
            raise CommandError("Set TELEGRAM_BOT_TOKEN (see README, Telegram).")
        self.stdout.write("Telegram bot polling; Ctrl+C stops it.")
        build_application().run_polling()
