"""TASK_QUEUE=rq: jobs reach Redis only when the enqueuing transaction commits, and carry
the configured retries. Needs Redis on 127.0.0.1:6379 (uses db 12); skipped without it, failed
without it under CI (tests/services.py).
The whole path (two RQ workers, the confirmation email, a failing task) runs in
tests/smoke/run.sh."""

import pytest
from django.db import transaction
from redis import Redis
from redis.exceptions import ConnectionError as RedisConnectionError

from core.task_queue import TaskQueue
from tests.services import unavailable

REDIS_URL = "redis://127.0.0.1:6379/12"


@pytest.fixture
def queue():
    connection = Redis.from_url(REDIS_URL)
    try:
        connection.ping()
    except RedisConnectionError:
        unavailable("Redis is not running on 127.0.0.1:6379")
    queue = TaskQueue("test-task-queue", connection=connection)
    queue.empty()
    yield queue
    queue.empty()
    connection.close()


def job(queue):
    return queue.create_job("core.emails.send_email_task", args=("x", {}, ["a@example.com"], "en"))


@pytest.mark.django_db(transaction=True)
def test_a_job_is_queued_when_the_transaction_commits(queue):
    with transaction.atomic():
        queue.enqueue_job(job(queue))
        assert queue.count == 0, "a worker could run the job before its data is committed"
    assert queue.count == 1


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_queues_nothing(queue):
    with pytest.raises(RuntimeError), transaction.atomic():
        queue.enqueue_job(job(queue))
        raise RuntimeError("the request failed")
    assert queue.count == 0


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_the_job_is_queued_at_once_with_retries(queue, settings):
    settings.TASK_RETRIES = 2
    settings.TASK_RETRY_INTERVALS = [5, 60]
    queued = queue.enqueue_job(job(queue))
    assert queue.count == 1
    stored = queue.fetch_job(queued.id)
    assert stored.retries_left == 2 and stored.retry_intervals == [5, 60]
