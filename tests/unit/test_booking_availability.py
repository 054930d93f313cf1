"""The availability engine: DST-correct, never overlapping, never outside hours."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from booking.availability import (
    DateRange,
    Interval,
    ServiceRules,
    StaffSchedule,
    TimeRange,
    days_with_slots,
    first_free_per_start,
    free_slots,
    intersect_ranges,
    overlapping_ranges,
    resolve_local,
)

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)
EVERY_DAY = {d: [TimeRange(time(0), time(23, 59))] for d in range(7)}
# Transition days: Berlin 29.3./25.10.2026, New York 8.3./1.11.2026
TRANSITIONS = [date(2026, 3, 29), date(2026, 10, 25), date(2026, 3, 8), date(2026, 11, 1)]


def slots_for(day, tz, hours, minutes=60, step=15, staff=None, **rules):
    return free_slots(
        tz=tz,
        first_day=day,
        last_day=day,
        opening_hours=hours,
        staff=staff or [StaffSchedule(1)],
        rules=ServiceRules(duration=timedelta(minutes=minutes), horizon=timedelta(days=100_000), **rules),
        now=LONG_AGO,
        step=timedelta(minutes=step),
    )


def local_starts(slots, tz):
    return [s.start.astimezone(tz).strftime("%H:%M") for s in slots]


def test_spring_forward_skips_the_missing_hour_and_keeps_durations_exact():
    day = date(2026, 3, 29)  # Berlin: 02:00 → 03:00
    slots = slots_for(day, BERLIN, {6: [TimeRange(time(0), time(6))]})
    assert local_starts(slots, BERLIN) == ["00:00", "01:00", "03:00", "04:00", "05:00"]
    assert all(s.end - s.start == timedelta(hours=1) for s in slots)
    # 01:00 CET to 04:00 CEST is two real hours: only two one-hour slots fit
    assert len(slots_for(day, BERLIN, {6: [TimeRange(time(1), time(4))]})) == 2


def test_fall_back_offers_the_repeated_hour_once():
    day = date(2026, 11, 1)  # New York: 02:00 EDT → 01:00 EST
    slots = slots_for(day, NEW_YORK, {6: [TimeRange(time(0), time(4))]}, minutes=30, step=30)
    assert local_starts(slots, NEW_YORK) == ["00:00", "00:30", "01:00", "01:30", "02:00", "02:30", "03:00", "03:30"]
    assert [s.start.astimezone(NEW_YORK).fold for s in slots] == [0] * 8
    assert all(s.end - s.start == timedelta(minutes=30) for s in slots)
    # 01:30 EDT lasts until 06:00 UTC, i.e. 01:00 EST: the slot does not "end before it starts"
    assert slots[3].end == datetime(2026, 11, 1, 6, 0, tzinfo=UTC)


def test_resolve_local_gap_and_fold():
    assert resolve_local(date(2026, 3, 29), time(2, 30), BERLIN) is None
    assert resolve_local(date(2026, 10, 25), time(2, 30), BERLIN) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def test_existing_appointments_buffers_notice_horizon_and_closures():
    day = date(2026, 6, 15)  # a Monday, Berlin summer time (UTC+2)
    hours = {0: [TimeRange(time(9), time(12)), TimeRange(time(13), time(17))]}
    taken = Interval(datetime(2026, 6, 15, 8, 0, tzinfo=UTC), datetime(2026, 6, 15, 9, 0, tzinfo=UTC))  # 10–11 local
    staff = [StaffSchedule(1, busy=[taken])]
    slots = slots_for(day, BERLIN, hours, minutes=45, staff=staff, buffer_after=timedelta(minutes=15))
    assert local_starts(slots, BERLIN) == ["09:00", "11:00", "13:00", "14:00", "15:00", "16:00"]
    # 09:00-09:45 + 15 min cleanup ends exactly when the 10:00 appointment starts: allowed
    now = datetime(2026, 6, 15, 10, 0, tzinfo=UTC)  # 12:00 local
    rules = ServiceRules(duration=timedelta(hours=1), min_notice=timedelta(hours=2), horizon=timedelta(hours=4))
    kwargs = dict(tz=BERLIN, opening_hours=hours, staff=[StaffSchedule(1)], rules=rules, now=now)
    later = free_slots(first_day=day, last_day=day + timedelta(days=7), **kwargs)
    assert local_starts(later, BERLIN) == ["14:00", "15:00", "16:00"]
    closed = free_slots(first_day=day, last_day=day, closures=[DateRange(day, day)], **kwargs)
    assert closed == []


def test_staff_hours_and_time_off_narrow_the_venue_hours():
    day = date(2026, 6, 15)
    hours = {0: [TimeRange(time(9), time(17))]}
    part_time = StaffSchedule(2, hours={0: [TimeRange(time(12), time(20))]})
    off = StaffSchedule(3, time_off=[Interval(datetime(2026, 6, 15, 0, tzinfo=UTC), datetime(2026, 6, 16, tzinfo=UTC))])
    slots = slots_for(day, BERLIN, hours, staff=[part_time, off])
    assert local_starts(slots, BERLIN) == ["12:00", "13:00", "14:00", "15:00", "16:00"]
    assert {s.staff_id for s in slots} == {2}
    assert days_with_slots(slots, BERLIN) == {day}


def test_anyone_gets_one_slot_per_start_time():
    day = date(2026, 6, 15)
    hours = {0: [TimeRange(time(9), time(11))]}
    slots = slots_for(day, BERLIN, hours, staff=[StaffSchedule(1), StaffSchedule(2)])
    assert len(slots) == 4
    assert [s.staff_id for s in first_free_per_start(slots)] == [1, 1]


def test_range_helpers():
    a, b = TimeRange(time(9), time(12)), TimeRange(time(11), time(14))
    assert overlapping_ranges([b, a]) == [(a, b)]
    assert overlapping_ranges([TimeRange(time(9), time(12)), TimeRange(time(12), time(13))]) == []
    assert intersect_ranges([a], [b]) == [TimeRange(time(11), time(12))]
    with pytest.raises(ValueError):
        TimeRange(time(12), time(9))


# --- properties --------------------------------------------------------------

quarter_hours = st.integers(min_value=0, max_value=95)


@st.composite
def day_ranges(draw, max_ranges=3):
    marks = sorted(set(draw(st.lists(quarter_hours, min_size=0, max_size=2 * max_ranges))))
    ranges = []
    for start, end in zip(marks[::2], marks[1::2], strict=False):
        ranges.append(TimeRange(time(start // 4, start % 4 * 15), time(end // 4, end % 4 * 15)))
    return ranges


@st.composite
def scenarios(draw):
    tz = draw(st.sampled_from([BERLIN, NEW_YORK]))
    day = draw(st.one_of(st.sampled_from(TRANSITIONS), st.dates(date(2025, 1, 1), date(2027, 12, 31))))
    days = draw(st.integers(0, 2))
    hours = {wd: draw(day_ranges()) for wd in range(7)}
    staff = []
    for staff_id in range(1, draw(st.integers(1, 3)) + 1):
        own = draw(st.one_of(st.none(), st.fixed_dictionaries({wd: day_ranges() for wd in range(7)})))
        busy = []
        for _ in range(draw(st.integers(0, 3))):
            start = datetime.combine(day, time(0), tzinfo=UTC) + timedelta(minutes=draw(st.integers(-600, 4000)))
            busy.append(Interval(start, start + timedelta(minutes=draw(st.integers(5, 240)))))
        staff.append(StaffSchedule(staff_id, hours=own, busy=busy))
    rules = ServiceRules(
        duration=timedelta(minutes=draw(st.sampled_from([15, 30, 45, 60, 90, 150]))),
        buffer_before=timedelta(minutes=draw(st.sampled_from([0, 5, 15]))),
        buffer_after=timedelta(minutes=draw(st.sampled_from([0, 10, 30]))),
        horizon=timedelta(days=100_000),
    )
    step = timedelta(minutes=draw(st.sampled_from([5, 15, 30, 60])))
    return tz, day, day + timedelta(days=days), hours, staff, rules, step


def within_a_range(instant, tz, ranges_for):
    local = instant.astimezone(tz)
    return local.date(), [r for r in ranges_for(local.date()) if r.start <= local.time() < r.end]


@settings(max_examples=300, deadline=None)
@given(scenarios())
def test_slot_properties(scenario):
    tz, first, last, hours, staff, rules, step = scenario
    slots = free_slots(
        tz=tz, first_day=first, last_day=last, opening_hours=hours, staff=staff, rules=rules, now=LONG_AGO, step=step
    )
    by_staff = {m.staff_id: m for m in staff}
    for slot in slots:
        # exact duration in UTC, and an exact local <-> UTC round trip
        assert slot.end - slot.start == rules.duration
        local = slot.start.astimezone(tz)
        assert local.astimezone(UTC) == slot.start
        assert local.replace(tzinfo=None).replace(tzinfo=tz, fold=local.fold).astimezone(UTC) == slot.start
        assert local.fold == 0  # an ambiguous wall time is offered once, as its first occurrence

        member = by_staff[slot.staff_id]

        def effective(day, member=member):
            venue = hours.get(day.weekday(), [])
            return venue if member.hours is None else intersect_ranges(venue, member.hours.get(day.weekday(), []))

        # the slot starts inside an opening/working range of its local day, and the wall
        # clock does not reach the range's end before the slot is over (on a fall-back
        # day the clock may run back inside the range; it never passes the end)
        day, ranges = within_a_range(slot.start, tz, effective)
        assert first <= day <= last
        assert ranges, f"{local} is outside the opening/working hours"
        rng = ranges[0]
        probe = slot.start
        while probe < slot.end:
            here = probe.astimezone(tz)
            assert here.date() == day and here.time() < rng.end
            probe += timedelta(minutes=5)
        # never on an existing appointment
        blocked = Interval(slot.start - rules.buffer_before, slot.end + rules.buffer_after)
        assert not any(blocked.overlaps(b) for b in member.busy)

    for staff_id in by_staff:
        own = sorted(s for s in slots if s.staff_id == staff_id)
        for a, b in zip(own, own[1:], strict=False):
            assert a.end + rules.buffer_after + rules.buffer_before <= b.start  # no overlap in UTC
        walls = [s.start.astimezone(tz).replace(tzinfo=None) for s in own]
        assert len(walls) == len(set(walls))  # no wall time offered twice
