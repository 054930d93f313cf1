"""What a test needs from the machine: a service (Redis) or a program (gettext, …).

Missing on a developer's machine, the test is skipped with the reason; under CI (the
environment variable CI set, as .ci/run does) it fails instead: CI provides every service
and program, so a skip there would hide a test that never runs anywhere. Every test that
depends on the machine goes through `unavailable()`; tests/unit/test_no_silent_skips.py
holds that rule. (A test for one database engine is marked `postgres` or `sqlite`
instead: CI runs the suite on both, see tests/conftest.py.)"""

import os
import shutil

import pytest


def in_ci():
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def unavailable(reason):
    """Skip (here) or fail (in CI) the running test because `reason`."""
    if in_ci():
        pytest.fail(f"{reason}: CI must provide it (CI={os.environ['CI']})", pytrace=False)
    pytest.skip(reason)


def require_programs(*names):
    missing = [name for name in names if shutil.which(name) is None]
    if missing:
        unavailable(f"needs the program(s) {', '.join(missing)}")
