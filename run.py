#!/usr/bin/env python3
"""Set up a fresh machine with nothing but Python 3.11+ and run the demo or the tests.

    python3 run.py demo    install, migrate, load the demo, serve http://127.0.0.1:8000 and run the task worker
    python3 run.py test    install, run the whole test suite (browser tests included)

Everything is installed into .venv beside this file. Extra arguments after
`test` are passed to pytest (`-n 0` runs without the two parallel workers).
"""

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def say(message):
    print(f"\n==> {message}", flush=True)


def run(*args, **kwargs):
    return subprocess.run([str(a) for a in args], cwd=ROOT, check=True, **kwargs)


def install():
    if sys.version_info < (3, 11):  # noqa: UP036 (this file runs before anything is installed)
        sys.exit("Python 3.11 or newer is required.")
    if not PYTHON.exists():
        say("Creating the virtual environment in .venv")
        venv.create(VENV, with_pip=True)
    requirements = (ROOT / "requirements.txt").read_bytes()
    stamp = VENV / ".requirements.sha256"
    digest = hashlib.sha256(requirements).hexdigest()
    if not stamp.exists() or stamp.read_text() != digest:
        say("Installing the pinned requirements")
        run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", "requirements.txt")
        stamp.write_text(digest)


def manage(*args, env=None):
    run(PYTHON, "manage.py", *args, env=env)


def demo():
    install()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "config.settings.dev")}
    say("Migrating the database (the first run takes a minute or two)")
    manage("migrate", "--noinput", env=env)
    manage("sync_languages", env=env)  # a language added to LANGUAGES since the last run gets its Wagtail locale
    say("Loading the demo content")
    manage("load_demo", env=env)
    # The background worker sends the confirmation emails (printed to this console
    # by the demo's console email backend); Ctrl+C or a failing server stops both.
    say("Starting the background task worker (emails and reminders appear below)")
    worker = subprocess.Popen([str(PYTHON), "manage.py", "task_worker"], cwd=ROOT, env=env)
    say("Serving http://127.0.0.1:8000 (Ctrl+C stops the server and the worker)")
    server = subprocess.Popen([str(PYTHON), "manage.py", "runserver", "127.0.0.1:8000"], cwd=ROOT, env=env)
    signal.signal(signal.SIGTERM, _interrupt)  # `kill` of this process stops both as well
    try:
        while server.poll() is None and worker.poll() is None:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        for process in (server, worker):
            if process.poll() is None:
                process.terminate()
        for process in (server, worker):
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
    sys.exit(server.returncode if server.returncode and server.returncode > 0 else 0)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def ensure_chromium():
    """Browser tests need Debian's Chromium; Playwright cannot download a browser here."""
    if os.path.exists(CHROMIUM):
        return True
    if shutil.which("apt-get") and os.geteuid() == 0:
        say("Installing Debian's chromium for the browser tests")
        subprocess.run(["apt-get", "update", "-qq"], check=False)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=False)
    return os.path.exists(CHROMIUM)


def test(pytest_args):
    install()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    args = list(pytest_args)
    if not ensure_chromium():
        if os.environ.get("CI"):
            sys.exit(f"Chromium is missing at {CHROMIUM}; CI must run the browser tests.")
        print(
            f"\n!!! Chromium not found at {CHROMIUM} and it could not be installed: the browser tests "
            "(tests/e2e) are NOT run. Install Debian's `chromium` package to run them.\n",
            flush=True,
        )
        args += ["-m", "not e2e"]
    if not any(arg == "-n" or arg.startswith(("-n=", "--numprocesses")) for arg in args):
        # Two workers (pytest-xdist), one test file per worker at a time: the suite
        # waits on browsers and threads a lot, so this more than halves the time.
        args = ["-n", "2", "--dist", "loadfile", *args]
    database = env.get("DATABASE_URL", "SQLite").split("@")[-1]
    say(f"Running the test suite against {database}")
    result = subprocess.run([str(PYTHON), "-m", "pytest", *args], cwd=ROOT, env=env)
    sys.exit(result.returncode)


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in {"demo", "test"}:
        sys.exit(__doc__)
    if sys.argv[1] == "demo":
        demo()
    else:
        test(sys.argv[2:])


if __name__ == "__main__":
    main()
