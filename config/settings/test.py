"""Test settings: fast hashing, in-memory email, SQLite unless DATABASE_URL says otherwise."""

from .base import *  # noqa: F401,F403
from .base import DATABASES, STORAGES, env

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_AUTOREFRESH = True
WAGTAILADMIN_BASE_URL = "http://testserver"
# The `db` task backend stays real: tests run queued work with the `run_tasks`
# fixture (tests/conftest.py), which runs `db_worker --batch` like production.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if env("TEST_REDIS_URL", default=""):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env("TEST_REDIS_URL")}}
OPS_STATS_BUFFER_SIZE = 1  # page views written at once, so tests can count them

# --no-migrations skips the migration that creates SQLite's FTS5 table; the
# plain database backend searches the same index entries. (PostgreSQL keeps
# its full-text backend.)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "modelsearch.backends.database.fallback"}}
