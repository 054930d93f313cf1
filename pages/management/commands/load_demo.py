from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from pages import demo


class Command(BaseCommand):
    help = "Load the demo site (idempotent: running it again changes nothing)."

    def handle(self, *args, **options):
        with transaction.atomic():
            admin = demo.ensure_admin(self.stdout.write)
            ctx = demo.DemoContext(admin=admin, log=lambda msg: self.stdout.write(f"  {msg}"))
            for loader in demo.loaders():
                self.stdout.write(f"Demo: {loader.name}")
                loader.load(ctx)
        password = getattr(admin, "demo_password", None) or demo.DEMO_ADMIN_PASSWORD
        if not admin.check_password(password):
            password = "(the one printed when the demo was first loaded, or changed since)"
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        admin_url = f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/admin/"
        self.stdout.write(f"Admin login: {admin_url}  email: {demo.DEMO_ADMIN_EMAIL}  password: {password}")
