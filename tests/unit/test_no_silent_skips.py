"""No test skips itself silently: a test that needs a service or program goes through
tests/services.py (skipped on a developer's machine, failed in CI), and a test for one
database engine is marked `postgres` or `sqlite` (CI runs both passes, .ci/run)."""

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
SKIPS = re.compile(r"pytest\.skip\(|\.skipif\(|importorskip\(|mark\.skip\(|mark\.xfail\(")


def test_every_skip_goes_through_tests_services():
    allowed = {TESTS / "services.py", TESTS / "conftest.py", Path(__file__).resolve()}
    offenders = [
        f"{path.relative_to(TESTS)}:{number}: {line.strip()}"
        for path in sorted(TESTS.rglob("*.py"))
        if path not in allowed
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if SKIPS.search(line)
    ]
    assert offenders == []
