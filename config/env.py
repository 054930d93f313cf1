"""The environment file: `.env` beside manage.py, or the file named by ENV_FILE.

Read before Django picks its settings, so `DJANGO_SETTINGS_MODULE=config.settings.prod` in the
file applies to manage.py, gunicorn and the task workers alike (not only to systemd units that
set it themselves). Variables already in the environment win over the file."""

import os
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent


def load_env():
    environ.Env.read_env(os.environ.get("ENV_FILE") or BASE_DIR / ".env", overwrite=False)
