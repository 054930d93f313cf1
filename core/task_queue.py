"""The RQ queue behind the `db` task alias when TASK_QUEUE=rq (django-tasks-rq on Redis).

django-tasks-rq creates and enqueues jobs itself, so two things the database queue
gives for free are added here, on the queue class (RQ_QUEUES[...]["QUEUE_CLASS"]):

- retries with backoff: every job gets RQ's Retry(TASK_RETRIES, TASK_RETRY_INTERVALS);
  a job that still fails lands in RQ's failed registry (django-rq's pages in the admin);
- transactions: a job enqueued inside a transaction is pushed to Redis only when the
  transaction commits (like a task row of the database queue), so a worker never looks
  for a booking that is not committed yet, and a rolled-back request sends nothing.
"""

from django.conf import settings
from django.db import connection, transaction
from django_rq.queues import DjangoRQ
from rq.job import Retry


class TaskQueue(DjangoRQ):
    def create_job(self, *args, retry=None, **kwargs):
        if retry is None and settings.TASK_RETRIES:
            retry = Retry(max=settings.TASK_RETRIES, interval=settings.TASK_RETRY_INTERVALS)
        return super().create_job(*args, retry=retry, **kwargs)

    def enqueue_job(self, job, *args, **kwargs):
        if connection.in_atomic_block:
            transaction.on_commit(lambda: super(TaskQueue, self).enqueue_job(job, *args, **kwargs))
            return job
        return super().enqueue_job(job, *args, **kwargs)

    def schedule_job(self, job, scheduled_datetime, *args, **kwargs):
        if connection.in_atomic_block:
            transaction.on_commit(lambda: super(TaskQueue, self).schedule_job(job, scheduled_datetime, *args, **kwargs))
            return job
        return super().schedule_job(job, scheduled_datetime, *args, **kwargs)
