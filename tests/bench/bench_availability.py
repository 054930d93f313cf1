"""Benchmark: free slots for 30 days x 10 staff (pure engine, no database).

.venv/bin/python tests/bench/bench_availability.py
"""

import random
import sys
import time as clock
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from booking.availability import Interval, ServiceRules, StaffSchedule, TimeRange, free_slots  # noqa: E402


def scenario(seed=1):
    rng = random.Random(seed)
    hours = {wd: [TimeRange(time(9), time(13)), TimeRange(time(14), time(19))] for wd in range(6)}
    start = datetime(2026, 3, 16, tzinfo=UTC)  # spans the Berlin DST change on 29 March
    staff = []
    for staff_id in range(1, 11):
        busy = []
        for _ in range(120):  # ~4 appointments a day each
            at = start + timedelta(days=rng.randrange(30), hours=rng.randrange(7, 18), minutes=rng.choice([0, 15, 30]))
            busy.append(Interval(at, at + timedelta(minutes=rng.choice([30, 45, 60, 90]))))
        staff.append(StaffSchedule(staff_id, busy=busy))
    rules = ServiceRules(duration=timedelta(minutes=45), buffer_after=timedelta(minutes=15), horizon=timedelta(days=90))
    return hours, staff, rules, start


def main(repeat=20):
    hours, staff, rules, now = scenario()
    first = date(2026, 3, 16)
    timings = []
    for _ in range(repeat):
        t0 = clock.perf_counter()
        slots = free_slots(
            tz="Europe/Berlin",
            first_day=first,
            last_day=first + timedelta(days=29),
            opening_hours=hours,
            staff=staff,
            rules=rules,
            now=now,
        )
        timings.append(clock.perf_counter() - t0)
    timings.sort()
    print(f"30 days x 10 staff: {len(slots)} free slots")
    print(f"median {timings[len(timings) // 2] * 1000:.1f} ms, best {timings[0] * 1000:.1f} ms ({repeat} runs)")


if __name__ == "__main__":
    main()
