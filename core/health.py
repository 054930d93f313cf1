"""Health checks: each returns None when fine or a short reason when not."""

import uuid

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    key = f"health:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    if cache.get(key) != "ok":
        raise RuntimeError("value written to the cache could not be read back")
    cache.delete(key)


def check_storage():
    name = default_storage.save(f"health/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        with default_storage.open(name) as handle:
            if handle.read() != b"ok":
                raise RuntimeError("file written to storage could not be read back")
    finally:
        default_storage.delete(name)


CHECKS = {"database": check_database, "cache": check_cache, "storage": check_storage}


def run_checks(checks=None):
    """Run every check; return (all_ok, {name: "ok" | "error: reason"})."""
    results = {}
    for name, check in (checks or CHECKS).items():
        try:
            check()
        except Exception as exc:  # a health check reports failures, it never raises
            results[name] = f"error: {exc.__class__.__name__}: {exc}"
        else:
            results[name] = "ok"
    return all(value == "ok" for value in results.values()), results
