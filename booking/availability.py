"""Availability engine: which appointment slots are free. Plain Python, no Django.

Inputs are plain values (weekly hours as local wall-clock ranges, closures as
local date ranges, per-staff hours, time off and busy intervals as aware
datetimes); the output is a list of `Slot`s with start/end in UTC.

Time rules (the reason this module exists):
- Slot starts are generated on a grid of *local wall-clock* times (every `step`
  minutes from the start of each opening range) and each wall time is resolved
  with zoneinfo. Durations are added in UTC only, so a 60-minute service lasts
  exactly 60 minutes even across a DST change.
- A local time that does not exist (spring forward, e.g. 02:30 in Berlin on the
  last Sunday of March) is skipped; an ambiguous one (fall back) is offered once,
  as its first occurrence (fold=0).
- The slots offered for one staff member never overlap each other: they are
  packed greedily in time order, each one starting no earlier than the previous
  one's end plus the buffers. Together with the busy intervals this means a
  customer sees a clean list ("09:00, 10:00, 11:15 …") and never two options
  that would collide.
- A slot (the service itself, without buffers) lies inside both the venue's
  opening range and the staff member's working range. Buffers before/after
  must not touch another appointment's blocked interval or the staff member's
  time off; they may extend past closing time (preparation/cleanup).
- Minimum notice and booking horizon are measured from `now` in UTC.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

__all__ = [
    "DateRange",
    "Interval",
    "ServiceRules",
    "Slot",
    "StaffSchedule",
    "TimeRange",
    "blocked_interval",
    "days_with_slots",
    "free_slots",
    "intersect_ranges",
    "local_to_utc",
    "overlapping_ranges",
    "resolve_local",
]


@dataclass(frozen=True, order=True)
class TimeRange:
    """A local wall-clock range within one day, start < end (end exclusive)."""

    start: time
    end: time

    def __post_init__(self):
        if not self.start < self.end:
            raise ValueError(f"Opening range must end after it starts: {self.start}–{self.end}")


@dataclass(frozen=True)
class DateRange:
    """Local calendar dates, both ends inclusive (e.g. a holiday 24.12.–26.12.)."""

    first: date
    last: date

    def __contains__(self, day: date) -> bool:
        return self.first <= day <= self.last


@dataclass(frozen=True, order=True)
class Interval:
    """A half-open UTC interval [start, end)."""

    start: datetime
    end: datetime

    def overlaps(self, other: Interval) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class ServiceRules:
    duration: timedelta
    buffer_before: timedelta = timedelta(0)
    buffer_after: timedelta = timedelta(0)
    min_notice: timedelta = timedelta(0)
    horizon: timedelta = timedelta(days=60)

    def __post_init__(self):
        if self.duration <= timedelta(0):
            raise ValueError("A service needs a positive duration.")
        if self.buffer_before < timedelta(0) or self.buffer_after < timedelta(0):
            raise ValueError("Buffers cannot be negative.")


@dataclass(frozen=True)
class StaffSchedule:
    """One staff member. `hours` None means "the venue's opening hours"."""

    staff_id: int
    hours: Mapping[int, Sequence[TimeRange]] | None = None
    time_off: Sequence[Interval] = ()
    busy: Sequence[Interval] = ()  # blocked intervals of existing appointments (buffers included)


@dataclass(frozen=True, order=True)
class Slot:
    start: datetime  # UTC
    end: datetime  # UTC
    staff_id: int = field(compare=True)

    def local_start(self, tz: ZoneInfo) -> datetime:
        return self.start.astimezone(tz)

    def local_end(self, tz: ZoneInfo) -> datetime:
        return self.end.astimezone(tz)


def _zone(tz) -> ZoneInfo:
    return tz if isinstance(tz, ZoneInfo) else ZoneInfo(str(tz))


def resolve_local(day: date, wall: time, tz) -> datetime | None:
    """The UTC instant of a local wall time: None if it does not exist that day
    (spring forward); the first occurrence if it is ambiguous (fall back)."""
    tz = _zone(tz)
    local = datetime.combine(day, wall, tzinfo=tz)  # fold=0: the first occurrence
    utc = local.astimezone(UTC)
    if utc.astimezone(tz).replace(tzinfo=None) != local.replace(tzinfo=None):
        return None  # the wall clock skipped this time
    return utc


def _boundary(day: date, wall: time, tz: ZoneInfo, is_end: bool) -> datetime:
    """A range boundary in UTC. A nonexistent boundary becomes the transition
    instant (the first existing moment after the gap) — never wider than the range."""
    utc = resolve_local(day, wall, tz)
    if utc is not None:
        return utc
    # In a gap: both folds map to instants around the transition; the later of the
    # two earlier-offset readings is the moment the clock jumped.
    early = datetime.combine(day, wall, tzinfo=tz).astimezone(UTC)
    late = datetime.combine(day, wall, tzinfo=tz).replace(fold=1).astimezone(UTC)
    lo, hi = min(early, late), max(early, late)
    # The transition lies in (lo, hi]; find it by walking minutes (gaps are short).
    probe = lo
    offset = probe.astimezone(tz).utcoffset()
    while probe < hi and probe.astimezone(tz).utcoffset() == offset:
        probe += timedelta(minutes=1)
    return probe


def local_to_utc(day: date, wall: time, tz) -> datetime:
    """Like `resolve_local` but raises for a nonexistent time (for callers that validated input)."""
    utc = resolve_local(day, wall, tz)
    if utc is None:
        raise ValueError(f"{day} {wall} does not exist in {tz}")
    return utc


def overlapping_ranges(ranges: Iterable[TimeRange]) -> list[tuple[TimeRange, TimeRange]]:
    """Pairs of ranges that overlap (touching ends are fine), for validation messages."""
    ordered = sorted(ranges)
    return [(a, b) for a, b in zip(ordered, ordered[1:], strict=False) if b.start < a.end]


def intersect_ranges(a: Sequence[TimeRange], b: Sequence[TimeRange]) -> list[TimeRange]:
    out = []
    for x in a:
        for y in b:
            start, end = max(x.start, y.start), min(x.end, y.end)
            if start < end:
                out.append(TimeRange(start, end))
    return sorted(out)


def blocked_interval(start: datetime, end: datetime, rules: ServiceRules) -> Interval:
    """The interval an appointment occupies for its staff member (buffers included)."""
    return Interval(start - rules.buffer_before, end + rules.buffer_after)


class _Busy:
    """Sorted, non-mergeable intervals with a fast overlap test."""

    def __init__(self, intervals: Iterable[Interval]):
        self.items = sorted(intervals)
        self.starts = [i.start for i in self.items]
        # prefix maximum of ends, so one bisect answers "does anything before x end after y?"
        self.max_end = []
        current = None
        for item in self.items:
            current = item.end if current is None or item.end > current else current
            self.max_end.append(current)

    def overlaps(self, candidate: Interval) -> bool:
        index = bisect.bisect_left(self.starts, candidate.end)  # items starting before candidate.end
        return index > 0 and self.max_end[index - 1] > candidate.start


def _dates(first: date, last: date):
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def _wall_grid(day: date, rng: TimeRange, step: timedelta):
    """Wall-clock times from rng.start (inclusive) to rng.end (exclusive) every `step`.
    This is wall-clock *labelling*, not duration arithmetic: each label is resolved
    with zoneinfo afterwards."""
    cursor = datetime.combine(day, rng.start)
    stop = datetime.combine(day, rng.end)
    while cursor < stop:
        yield cursor.time()
        cursor += step


def free_slots(
    *,
    tz,
    first_day: date,
    last_day: date,
    opening_hours: Mapping[int, Sequence[TimeRange]],
    staff: Sequence[StaffSchedule],
    rules: ServiceRules,
    now: datetime,
    closures: Sequence[DateRange] = (),
    step: timedelta = timedelta(minutes=15),
    pack: bool = True,
) -> list[Slot]:
    """All free slots between two local dates (inclusive), sorted by start then staff.

    `opening_hours` and `StaffSchedule.hours` map weekday (Monday = 0) to ranges.
    `pack=False` returns every free grid start (overlapping options included): used to
    check that one chosen start is still bookable, whatever else was booked meanwhile.
    """
    tz = _zone(tz)
    if now.tzinfo is None:
        raise ValueError("`now` must be timezone-aware")
    now = now.astimezone(UTC)
    earliest = now + rules.min_notice
    latest = now + rules.horizon
    first_day = max(first_day, earliest.astimezone(tz).date())
    last_day = min(last_day, latest.astimezone(tz).date())
    slots: list[Slot] = []
    for member in staff:
        busy = _Busy([*member.busy, *member.time_off])
        last_blocked_end = None
        for day in _dates(first_day, last_day):
            if any(day in closure for closure in closures):
                continue
            venue_ranges = opening_hours.get(day.weekday(), ())
            ranges = (
                venue_ranges
                if member.hours is None
                else intersect_ranges(venue_ranges, member.hours.get(day.weekday(), ()))
            )
            for rng in ranges:
                range_start = _boundary(day, rng.start, tz, is_end=False)
                range_end = _boundary(day, rng.end, tz, is_end=True)
                for wall in _wall_grid(day, rng, step):
                    start = resolve_local(day, wall, tz)
                    if start is None or start < range_start:
                        continue  # nonexistent local time (DST gap)
                    end = start + rules.duration  # UTC arithmetic: exact duration
                    if end > range_end:
                        break
                    if start < earliest or start > latest:
                        continue
                    blocked = blocked_interval(start, end, rules)
                    if pack and last_blocked_end is not None and blocked.start < last_blocked_end:
                        continue  # would overlap the slot just offered
                    if busy.overlaps(blocked):
                        continue
                    slots.append(Slot(start, end, member.staff_id))
                    last_blocked_end = blocked.end
    slots.sort()
    return slots


def days_with_slots(slots: Iterable[Slot], tz) -> set[date]:
    tz = _zone(tz)
    return {slot.start.astimezone(tz).date() for slot in slots}


def first_free_per_start(slots: Iterable[Slot]) -> list[Slot]:
    """For "anyone": one slot per start time (the first staff member free then)."""
    seen = set()
    out = []
    for slot in sorted(slots):
        if slot.start not in seen:
            seen.add(slot.start)
            out.append(slot)
    return out
