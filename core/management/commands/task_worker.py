"""`manage.py task_worker`: the background worker for whichever queue TASK_QUEUE selects.

database  django-tasks-db's `db_worker --backend db` (one worker is enough; more are safe)
rq        django-rq's `rqworker` with the scheduler (for reminders and retry backoff);
          run as many as the load needs, on any machine that reaches Redis and the database.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the background task worker (emails, reminders) for the configured TASK_QUEUE."

    def add_arguments(self, parser):
        parser.add_argument("--name", help="Worker name (RQ only; defaults to host and pid).")

    def handle(self, *args, **options):
        if settings.TASK_QUEUE == "rq":
            call_command(
                "rqworker",
                *settings.RQ_QUEUES,
                job_class="django_tasks_rq.Job",
                with_scheduler=True,
                name=options["name"],
            )
        else:
            call_command("db_worker", "--backend", "db")
