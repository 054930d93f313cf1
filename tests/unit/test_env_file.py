"""The environment file chooses the settings for every entry point (README: Deploying, step 2)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRINT_SETTINGS = "from django.conf import settings; print(settings.SETTINGS_MODULE, settings.DEBUG)"


def _run(tmp_path, *args, extra=None):
    env_file = tmp_path / "env"
    env_file.write_text(
        "DJANGO_SETTINGS_MODULE=config.settings.prod\n"
        "SECRET_KEY=a-long-enough-secret-key-for-the-production-settings-0123456789\n"
        "ALLOWED_HOSTS=studio.example.com\n"
        'DEFAULT_FROM_EMAIL="Studio Aurora <hello@studio.example.com>"\n'
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "SECRET_KEY", "ALLOWED_HOSTS")}
    env.update(ENV_FILE=str(env_file), **(extra or {}))
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_manage_py_uses_the_settings_named_in_the_env_file(tmp_path):
    result = _run(tmp_path, "manage.py", "shell", "-c", PRINT_SETTINGS)
    assert result.stdout.strip().splitlines()[-1] == "config.settings.prod False", result.stderr


def test_the_wsgi_application_uses_the_settings_named_in_the_env_file(tmp_path):
    code = "import config.wsgi; " + PRINT_SETTINGS
    assert _run(tmp_path, "-c", code).stdout.strip() == "config.settings.prod False"


def test_a_variable_set_in_the_environment_wins_over_the_file(tmp_path):
    result = _run(
        tmp_path, "manage.py", "shell", "-c", PRINT_SETTINGS, extra={"DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    )
    assert result.stdout.strip().splitlines()[-1] == "config.settings.dev True", result.stderr
