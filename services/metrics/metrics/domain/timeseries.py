"""Time series: what happened per day or per week in the caller's time zone.

Clicks are kept in 15-minute buckets (UTC), which every zone's offset divides, so each falls
whole into one local day. A day is the local calendar day; a week starts on Monday. Insights are
cumulative: a post's value for a day is the rise of its latest snapshot by the end of that day
over the day before.
"""

from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

MAX_BUCKETS = 1_000


class Granularity(StrEnum):
    DAY = "day"
    WEEK = "week"


def bucket_of(at: datetime, granularity: Granularity, tz: ZoneInfo) -> date:
    local = at.astimezone(tz).date()
    if granularity is Granularity.WEEK:
        return local - timedelta(days=local.weekday())
    return local


def buckets(first: date, last: date, granularity: Granularity) -> list[date]:
    step = timedelta(days=7 if granularity is Granularity.WEEK else 1)
    listed, current = [], first
    while current <= last and len(listed) < MAX_BUCKETS:
        listed.append(current)
        current += step
    return listed


def end_of(bucket: date, granularity: Granularity, tz: ZoneInfo) -> datetime:
    """The first instant after the bucket."""
    days = 7 if granularity is Granularity.WEEK else 1
    return datetime.combine(bucket + timedelta(days=days), datetime.min.time(), tz)
