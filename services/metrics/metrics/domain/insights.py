"""Post insights: each platform's own metric names mapped to ours, and what a post's numbers add
up to.

A snapshot is cumulative (a post's numbers as observed at one time). For each metric the value of
the latest snapshot by observation time that reports it wins, so snapshots arriving late or twice
change nothing; two snapshots of one post observed at the same time with different numbers are a
conflict: the first kept wins.

| ours | Instagram (Graph API media insights) | YouTube (Analytics) | TikTok | others |
| --- | --- | --- | --- | --- |
| views | `views` | `views` | `video_views` | `views` |
| impressions | `impressions` (older exports) | - | - | `impressions` |
| reach | `reach` | - | `reach` | `reach` |
| likes | `likes` | `likes` | `likes` | `likes` |
| comments | `comments` | `comments` | `comments` | `comments` |
| shares | `shares` | `shares` | `shares` | `shares` |
| saves | `saved` | - | - | `saves` |
| interactions | `total_interactions` | - | - | `interactions` |
| watch_time_s | - | `estimatedMinutesWatched` (x 60) | - | `watch_time_s` |
| avg_watch_time_ms | `ig_reels_avg_watch_time` (ms) | `averageViewDuration` (s, x 1000) | - | `avg_watch_time_ms` |
| link_clicks | `link_clicks` | `link_clicks` | `link_clicks` | `link_clicks` |
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from servicekit.errors import InvalidField

METRICS = (
    "views",
    "impressions",
    "reach",
    "likes",
    "comments",
    "shares",
    "saves",
    "interactions",
    "watch_time_s",
    "avg_watch_time_ms",
    "link_clicks",
)
MAX_COUNT = 10**12


@dataclass(frozen=True)
class MetricName:
    metric: str
    factor: int = 1
    whole: bool = True  # a count: must be a whole number as sent


_SAME = {name: MetricName(name) for name in METRICS}
PLATFORM_NAMES: dict[str, dict[str, MetricName]] = {
    "instagram": {
        "views": MetricName("views"),
        "impressions": MetricName("impressions"),
        "reach": MetricName("reach"),
        "likes": MetricName("likes"),
        "comments": MetricName("comments"),
        "shares": MetricName("shares"),
        "saved": MetricName("saves"),
        "total_interactions": MetricName("interactions"),
        "ig_reels_avg_watch_time": MetricName("avg_watch_time_ms", whole=False),
        "link_clicks": MetricName("link_clicks"),
    },
    "youtube": {
        "views": MetricName("views"),
        "estimatedMinutesWatched": MetricName("watch_time_s", 60, whole=False),
        "averageViewDuration": MetricName("avg_watch_time_ms", 1000, whole=False),
        "likes": MetricName("likes"),
        "comments": MetricName("comments"),
        "shares": MetricName("shares"),
        "link_clicks": MetricName("link_clicks"),
    },
    "tiktok": {
        "video_views": MetricName("views"),
        "likes": MetricName("likes"),
        "comments": MetricName("comments"),
        "shares": MetricName("shares"),
        "reach": MetricName("reach"),
        "link_clicks": MetricName("link_clicks"),
    },
}


# Every name some platform (or ours) uses, ours first.
ALL_NAMES: tuple[str, ...] = tuple(
    dict.fromkeys([*METRICS, *(name for names in PLATFORM_NAMES.values() for name in names)])
)


def accepted_names(platform: str) -> dict[str, MetricName]:
    return PLATFORM_NAMES.get(platform.lower(), _SAME)


def map_metrics(platform: str, sent: Mapping[str, float], field: str = "metrics") -> dict[str, int]:
    """The platform's names and values as ours (ints); an unknown name or a bad value is an
    InvalidField naming it."""
    names = accepted_names(platform)
    mapped: dict[str, int] = {}
    for name, value in sent.items():
        mapping = names.get(name)
        where = f"{field}.{name}"
        if mapping is None:
            raise InvalidField(where, f"not a {platform} metric; accepted: {', '.join(sorted(names))}")
        if value < 0:
            raise InvalidField(where, "must not be negative")
        if mapping.whole and value != int(value):
            raise InvalidField(where, "a count: a whole number")
        converted = round(value * mapping.factor)
        if converted > MAX_COUNT:
            raise InvalidField(where, f"at most {MAX_COUNT // mapping.factor}")
        if mapping.metric in mapped:
            raise InvalidField(where, f"{mapping.metric} sent twice under different names")
        mapped[mapping.metric] = converted
    if not mapped:
        raise InvalidField(field, "name at least one metric")
    return mapped


@dataclass(frozen=True)
class Snapshot:
    observed_at: datetime
    metrics: dict[str, int]


def latest_per_metric(snapshots: list[Snapshot]) -> dict[str, tuple[int, datetime]]:
    """Each metric's value from the latest snapshot reporting it (the first seen wins a tie)."""
    latest: dict[str, tuple[int, datetime]] = {}
    for snapshot in snapshots:
        for metric, value in snapshot.metrics.items():
            known = latest.get(metric)
            if known is None or snapshot.observed_at > known[1]:
                latest[metric] = (value, snapshot.observed_at)
    return latest


def engagements_of(values: Mapping[str, int | None]) -> int | None:
    """likes + comments + shares + saves; a post reporting none of them: its total interactions."""
    parts = [values.get(name) for name in ("likes", "comments", "shares", "saves")]
    if any(part is not None for part in parts):
        return sum(part or 0 for part in parts)
    return values.get("interactions")
