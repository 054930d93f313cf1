"""Reading dates, months and instants from query strings and forms.

Every view that takes a date from a visitor goes through these: anything that is
not a well-formed value inside [EARLIEST, LATEST] is None, never an exception.
The range keeps date arithmetic (next month, +7 days, + a service's duration,
time-zone conversion) far from `date.min`/`date.max`, where it would overflow.
"""

from datetime import UTC, date, datetime

EARLIEST = date(1900, 1, 1)
LATEST = date(2999, 12, 31)
MAX_LENGTH = 32  # longer than any accepted format; a 10 000-character value is not parsed at all


def _clean(value):
    if not isinstance(value, str) or not value or len(value) > MAX_LENGTH:
        return None
    return value.strip()


def _in_range(day):
    return day if EARLIEST <= day <= LATEST else None


def parse_date(value):
    """ "2026-03-14" → date(2026, 3, 14); None for anything else."""
    value = _clean(value)
    if not value:
        return None
    try:
        return _in_range(date.fromisoformat(value))
    except ValueError:
        return None


def parse_month(value):
    """ "2026-03" → date(2026, 3, 1); None for anything else."""
    value = _clean(value)
    if not value:
        return None
    try:
        return _in_range(datetime.strptime(value, "%Y-%m").date())
    except ValueError:
        return None


def parse_utc(value, fmt):
    """An instant written in UTC with `fmt` (e.g. "%Y%m%dT%H%MZ") → aware datetime; None otherwise."""
    value = _clean(value)
    if not value:
        return None
    try:
        moment = datetime.strptime(value, fmt)
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if _in_range(moment.date()) else None


def parse_int(value, minimum=None, maximum=2**31 - 1):
    """A decimal integer within [minimum, maximum] (database-safe by default); None otherwise."""
    value = _clean(value)
    if not value or not value.lstrip("-").isdigit() or not value.isascii():
        return None
    number = int(value)
    if (minimum is not None and number < minimum) or number > maximum:
        return None
    return number
