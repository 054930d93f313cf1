"""Writing page views cheaply: the day's salt is cached in the process and the
rows go to the database in batches of `OPS_STATS_BUFFER_SIZE` (1 = one INSERT
per view). A batch is written when it is full, on the first view after
`OPS_STATS_FLUSH_SECONDS`, and when the process exits normally; a killed
process loses at most one batch of statistics (never anything else)."""

import atexit
import secrets
import threading
import time

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import DailySalt, PageView

_lock = threading.Lock()
_salt = {}
_buffer = []
_buffer_started = [0.0]


def salt_for(day):
    """The random salt of `day`, created on first use and shared by every process via the database."""
    value = _salt.get(day)
    if value is not None:
        return value
    obj = DailySalt.objects.filter(day=day).first()
    if obj is None:
        try:
            with transaction.atomic():
                obj = DailySalt.objects.create(day=day, value=secrets.token_hex(32))
        except IntegrityError:  # another process created it first
            obj = DailySalt.objects.get(day=day)
    _salt.clear()
    _salt[day] = obj.value
    return obj.value


def forget_salts():
    """Drop cached salts (tests; after pruning)."""
    _salt.clear()


def record(view):
    """Queue one unsaved PageView; flush when the buffer is full or old."""
    size = settings.OPS_STATS_BUFFER_SIZE
    if size <= 1:
        view.save(force_insert=True)
        return
    with _lock:
        if not _buffer:
            _buffer_started[0] = time.monotonic()
        _buffer.append(view)
        due = len(_buffer) >= size or time.monotonic() - _buffer_started[0] > settings.OPS_STATS_FLUSH_SECONDS
        batch = _buffer[:] if due else None
        if due:
            _buffer.clear()
    if batch:
        PageView.objects.bulk_create(batch)


def flush():
    with _lock:
        batch = _buffer[:]
        _buffer.clear()
    if batch:
        PageView.objects.bulk_create(batch)


@atexit.register
def _flush_at_exit():
    try:
        flush()
    except Exception:  # the database may already be gone at interpreter exit
        pass


def prune(retention_days=None, today=None):
    """Delete page views older than the retention period and every past day's salt.
    Returns the number of page views deleted."""
    if retention_days is None:
        retention_days = settings.OPS_STATS_RETENTION_DAYS
    today = today or timezone.localdate()
    cutoff = today - timezone.timedelta(days=retention_days)
    deleted, _ = PageView.objects.filter(day__lt=cutoff).delete()
    DailySalt.objects.filter(day__lt=today).delete()
    forget_salts()
    return deleted
