from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import autodiscover_modules

from pages import demo


class Command(BaseCommand):
    help = "Load the demo site (idempotent: running it again changes nothing)."

    def handle(self, *args, **options):
        autodiscover_modules("demo")
        with transaction.atomic():
            admin = demo.ensure_admin(self.stdout.write)
            ctx = demo.DemoContext(admin=admin, log=lambda msg: self.stdout.write(f"  {msg}"))
            for _order, name, loader in demo.loaders():
                self.stdout.write(f"Demo: {name}")
                loader(ctx)
        password = demo.DEMO_ADMIN_PASSWORD
        if not admin.check_password(password):
            password = "(changed since the demo was loaded)"
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        self.stdout.write(
            f"Admin login: http://127.0.0.1:8000/admin/  email: {demo.DEMO_ADMIN_EMAIL}  password: {password}"
        )
