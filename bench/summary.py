"""The figures of bench/run_all.py (not a benchmark itself): each benchmark's JSON turned into table rows
(the figure, its floor measured in the same run, the goal the issues set, the ratio, met or not) and
the rows written as Markdown. Pure: dicts in, rows and text out."""

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Goal:
    """`kind`: "min" or "max" of the figure itself, "ratio_min" or "ratio_max" of figure / floor, or
    "added_max" of figure - floor."""

    kind: str
    threshold: float
    source: str

    def text(self, unit: str) -> str:
        if self.kind == "ratio_min":
            return f">= {self.threshold:g}x floor ({self.source})"
        if self.kind == "ratio_max":
            return f"<= {self.threshold:.2f}x ({self.source})"
        if self.kind == "added_max":
            return f"< {self.threshold:g} {unit} over floor ({self.source})"
        sign = ">=" if self.kind == "min" else "<"
        return f"{sign} {self.threshold:,.0f} {unit} ({self.source})"


@dataclass(frozen=True)
class Row:
    bench: str
    figure: str
    value: float | None = None
    unit: str = ""
    floor_name: str | None = None
    floor: float | None = None
    goal: Goal | None = None
    error: str | None = None

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.floor:
            return None
        return round(self.value / self.floor, 3)

    @property
    def met(self) -> bool | None:
        if self.goal is None or self.value is None:
            return None
        if self.goal.kind == "ratio_min":
            return self.ratio is not None and self.ratio >= self.goal.threshold
        if self.goal.kind == "ratio_max":
            return self.ratio is not None and self.ratio <= self.goal.threshold
        if self.goal.kind == "added_max":
            return self.floor is not None and self.value - self.floor < self.goal.threshold
        if self.goal.kind == "min":
            return self.value >= self.goal.threshold
        return self.value < self.goal.threshold

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "ratio": self.ratio, "met": self.met}


def _hop(r: dict[str, Any]) -> list[Row]:
    rows = []
    for scenario, upstream in (("trivial", "a constant answer"), ("partnerships", "partnerships on SQLite")):
        if scenario not in r:
            continue
        s = r[scenario]
        rps = s["saturated"]
        rows.append(
            Row(
                "gateway_hop",
                f"GET through the gateway ({upstream})",
                rps["through_gateway"]["requests_per_s"],
                "req/s",
                "the same GET direct",
                rps["direct"]["requests_per_s"],
                Goal("ratio_min", 0.7, "issue 3"),
            )
        )
        one = s["one_connection"]
        rows.append(
            Row(
                "gateway_hop",
                f"p50 on one connection, through the gateway ({upstream})",
                one["through_gateway"]["p50_ms"],
                "ms",
                "direct",
                one["direct"]["p50_ms"],
                Goal("added_max", 2, "issue 3"),
            )
        )
        if "through_bare_proxy" in rps:
            rows.append(
                Row(
                    "gateway_hop",
                    "GET through the gateway vs a bare pass-through proxy",
                    rps["through_gateway"]["requests_per_s"],
                    "req/s",
                    "bare proxy (same client)",
                    rps["through_bare_proxy"]["requests_per_s"],
                )
            )
    return rows


def _search(r: dict[str, Any]) -> list[Row]:
    rows = []
    for size, figures in r["sizes"].items():
        rows.append(
            Row(
                "discovery_search",
                f"ranked search p95 at {int(size):,} profiles ({r['database']})",
                figures["ranked"]["p95_ms"],
                "ms",
                "filtered search p95",
                figures["filtered"]["p95_ms"],
                Goal("max", 50, "issue 4, at 1M") if int(size) >= 1_000_000 else None,
            )
        )
        posts = figures.get("with_posts")
        if posts is not None:
            rows.append(
                Row(
                    "discovery_search",
                    f"ranked search p95 at {int(size):,} profiles with {posts['posts']:,} posts ({r['database']})",
                    posts["ranked"]["p95_ms"],
                    "ms",
                    "the same profiles without posts, same run",
                    posts["ranked_p95_without_ms"],
                    Goal("ratio_max", 1.10, "issue 17") if int(size) >= 1_000_000 else None,
                )
            )
    return rows


def _import(r: dict[str, Any]) -> list[Row]:
    where = f"{r['profiles']:,} profiles, {r['database']}"
    return [
        Row(
            "discovery_import",
            f"first import ({where})",
            r["first_import"]["profiles_per_s"],
            "profiles/s",
            goal=Goal("min", 10_000, "issue 4"),
        ),
        Row(
            "discovery_import",
            "the same file again (nothing changes)",
            r["same_file_again"]["profiles_per_s"],
            "profiles/s",
        ),
        Row("discovery_import", "every row changed", r["changed_file"]["profiles_per_s"], "profiles/s"),
    ]


def _redirect(r: dict[str, Any]) -> list[Row]:
    s = r["saturated"]
    bare = s["bare_fastapi_302"]["requests_per_s"]
    return [
        Row(
            "metrics_redirect",
            "GET /r/{code} through the gateway",
            s["through_gateway"]["requests_per_s"],
            "req/s",
            "a bare FastAPI 302",
            bare,
            Goal("ratio_min", 0.5, "issue 14"),
        ),
        Row(
            "metrics_redirect",
            "GET /r/{code} to metrics directly",
            s["metrics_direct"]["requests_per_s"],
            "req/s",
            "a bare FastAPI 302",
            bare,
        ),
    ]


def _ingest(r: dict[str, Any]) -> list[Row]:
    rate = r["aggregated_events_per_s"]
    where = f"{r['events']:,} events, {r['database'].split(' ')[0]}"
    goal = Goal("min", 50_000, "issue 14")
    return [
        Row(
            "metrics_ingest",
            f"ingestion to committed aggregates ({where})",
            rate,
            "events/s",
            "raw consume",
            r["raw_consume_events_per_s"],
            goal,
        ),
        Row(
            "metrics_ingest",
            "ingestion to committed aggregates",
            rate,
            "events/s",
            "raw batched insert",
            r["raw_batched_insert_rows_per_s"],
            goal,
        ),
    ]


def _freshness(r: dict[str, Any]) -> list[Row]:
    return [
        Row(
            "metrics_freshness",
            f"produced to visible in KPIs, p99 ({r['samples']} samples)",
            r["all"]["p99_ms"],
            "ms",
            "p50 of the same samples",
            r["all"]["p50_ms"],
            Goal("max", 1000, "issue 14"),
        )
    ]


def _content(r: dict[str, Any]) -> list[Row]:
    m = r["submissions_per_s_median"]
    return [
        Row(
            "content_submissions",
            "first versions through the gateway",
            m["through_gateway"],
            "submissions/s",
            "a bare FastAPI handler",
            m["bare_handler"],
        ),
        Row(
            "content_submissions",
            "first versions to content directly",
            m["content_direct"],
            "submissions/s",
            "a bare FastAPI handler",
            m["bare_handler"],
        ),
    ]


def _compliance(r: dict[str, Any]) -> list[Row]:
    return [
        Row(
            "compliance_checks",
            f"compliance checks, one core ({r['captions']:,} captions, {r.get('build', 'pure Python')})",
            r["checks_per_s"]["median"],
            "checks/s",
            goal=Goal("min", 20_000, "issue 13"),
        ),
        Row(
            "compliance_checks", "sponsored-post detections, one core", r["detections_per_s"]["median"], "detections/s"
        ),
    ]


def _transitions(r: dict[str, Any]) -> list[Row]:
    backlog = r["outbox_backlog"]
    return [
        Row(
            "partnerships_transitions",
            f"transitions through the API ({r['database']}, {r['broker']})",
            r["transitions_per_s"],
            "transitions/s",
        ),
        Row(
            "partnerships_transitions",
            "outbox backlog at most (drained at the end)",
            backlog["max"],
            "events",
            goal=Goal("max", 10_000, "issue 5: bounded"),
        ),
    ]


def _posts_import(r: dict[str, Any]) -> list[Row]:
    return [
        Row(
            "discovery_posts_import",
            f"posts import, {name} ({r['posts']:,} posts, {r['database']})",
            r[key]["posts_per_s"],
            "posts/s",
            goal=Goal("min", 20_000, "issue 17") if key == "first_import" else None,
        )
        for key, name in (
            ("first_import", "first"),
            ("same_file_again", "same file again"),
            ("changed_file", "every post changed"),
        )
    ]


def _idempotent(r: dict[str, Any]) -> list[Row]:
    return [
        Row(
            "idempotent_writes",
            f"a write under an Idempotency-Key, median ({r['database']})",
            r["with_key"]["median_ms"],
            "ms",
            "the same write without a key",
            r["without_key"]["median_ms"],
        )
    ]


def _spine(r: dict[str, Any]) -> list[Row]:
    t = r["throughput"]
    rows = [
        Row(
            "spine_throughput",
            f"outbox to consumer ({r['database']}, {r['broker']})",
            t["end_to_end_events_per_s"],
            "events/s",
            "relay publishing alone",
            t["publish_events_per_s"],
        )
    ]
    for run in r["latency"]:
        rows.append(Row("spine_throughput", f"commit to effect p99 at {run['rate_per_s']:g}/s", run["p99_ms"], "ms"))
    return rows


def _lifecycle(r: dict[str, Any]) -> list[Row]:
    return [
        Row(
            "lifecycle_wall_time",
            f"the lifecycle story, wall time ({r['requests']} requests, {r['database']})",
            r["story_s"],
            "s",
            "its requests' own time",
            r["requests_s"],
        ),
        Row(
            "lifecycle_wall_time",
            "then its checks: totals, money, each webhook once (fixed waits in)",
            r["verify_s"],
            "s",
        ),
    ]


EXTRACTORS: dict[str, Callable[[dict[str, Any]], list[Row]]] = {
    "gateway_hop": _hop,
    "discovery_search": _search,
    "discovery_import": _import,
    "metrics_redirect": _redirect,
    "metrics_ingest": _ingest,
    "metrics_freshness": _freshness,
    "content_submissions": _content,
    "compliance_checks": _compliance,
    "partnerships_transitions": _transitions,
    "spine_throughput": _spine,
    "lifecycle_wall_time": _lifecycle,
    "idempotent_writes": _idempotent,
    "discovery_posts_import": _posts_import,
}


def rows_for(bench: str, result: dict[str, Any] | None, error: str | None = None) -> list[Row]:
    """A bench that failed, or whose JSON lacks what is read here, is one row saying so."""
    if error is not None or result is None:
        return [Row(bench, "-", error=error or "no result")]
    try:
        return EXTRACTORS[bench](result)
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        return [Row(bench, "-", error=f"unreadable result: {type(exc).__name__} {exc}")]


def _number(value: float | None) -> str:
    if value is None:
        return "-"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}" if abs(value) < 10 else f"{value:.1f}"


def markdown(report: dict[str, Any], rows: list[Row]) -> str:
    machine = report["machine"]
    lines = [
        f"# Benchmarks, {report['started']} ({report['mode']})",
        "",
        f"Machine: {machine['cores']} cores, {machine['platform']}, Python {machine['python']}; load average "
        f"(1/5/15 min) {machine['load_start']} at start, {machine['load_end']} at end. Broker: {report['broker']}; "
        f"database: {report['database']} (for the benches that take them; the others start an embedded broker and "
        f"SQLite files). {report['wall_s']:.0f} s in all. Regenerate: `make bench` "
        "(or `.venv/bin/python bench/run_all.py --quick`).",
        *(f"\nUpdated: {note}." for note in report.get("updates", [])),
        "",
        "| bench | figure | value | floor (same run) | ratio | goal | met |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        if row.error is not None:
            lines.append(f"| {row.bench} | **failed** | - | - | - | - | {_cell(row.error)} |")
            continue
        floor = f"{row.floor_name}: {_number(row.floor)}" if row.floor_name else "-"
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "-"
        goal = row.goal.text(row.unit) if row.goal else "-"
        met = {True: "met", False: "**not met**", None: "-"}[row.met]
        value = f"{_number(row.value)} {row.unit}"
        lines.append(f"| {row.bench} | {_cell(row.figure)} | {value} | {_cell(floor)} | {ratio} | {goal} | {met} |")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "/").split())[:300]
