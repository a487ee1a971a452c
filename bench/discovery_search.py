"""Filtered and ranked search latency of discovery (p50/p95/p99) at 100k and 1M profiles, and
ranked search with and without what posts give profiles (issue 17's goal: within 10 %).

For each size: a fresh database loaded with deterministic generated profiles through the import
worker, VACUUM ANALYZE, then the service in-process (its HTTP app through httpx, no network)
answers a warm-up and then N filtered searches (GET /api/v1/influencers, six query shapes) and N
ranked searches (POST /api/v1/influencers/search: target audience, brief, budget, sometimes a
platform filter). Also prints EXPLAIN (ANALYZE, BUFFERS) of the main queries on PostgreSQL.

    python bench/discovery_search.py [--sizes 100000,1000000] [--queries 200] [--database-url URL]
        [--posts-per-profile 5]

With --posts-per-profile N, each size is measured three times on the same profiles: without posts;
with N generated posts per profile (5M at 1M profiles) in the posts table, written as a posts import
writes them (post_records, by COPY into the indexed table), and what such posts give a profile for
ranking (content quality, the posts' words: domain.content_quality and posts_document) stored on
every profile as a posts import stores it, then VACUUM ANALYZE; and without again, posts and all
gone (bench/discovery_search_posts.py). The goal's floor is the mean of the two runs without.
Prints the figures and writes bench/results/discovery_search.json.
"""

import argparse
import asyncio
import json
import logging
import os
import platform
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import httpx  # noqa: E402
from asgi_lifespan import LifespanManager  # noqa: E402
from discovery_generate import CATEGORIES, COUNTRIES, WORDS, brief, csv_bytes  # noqa: E402
from discovery_search_posts import add_posts_derived, analyze, remove_posts, write_posts  # noqa: E402
from sqlalchemy.ext.compiler import compiles  # noqa: E402
from sqlalchemy.sql.expression import ClauseElement, Executable  # noqa: E402

from devstack.databases import DatabaseFactory  # noqa: E402
from discovery.adapters.file_formats import read_upload  # noqa: E402
from discovery.adapters.import_worker import ImportWorker  # noqa: E402
from discovery.adapters.influencer_repository import InfluencerRepository  # noqa: E402
from discovery.adapters.tables import messaging  # noqa: E402
from discovery.adapters.unit_of_work import SqlUnitOfWork  # noqa: E402
from discovery.application import imports  # noqa: E402
from discovery.domain.actors import Actor  # noqa: E402
from discovery.domain.profiles import Platform  # noqa: E402
from discovery.domain.search import SearchFilters, Sort  # noqa: E402
from discovery.main import create_app  # noqa: E402
from discovery.settings import DiscoverySettings  # noqa: E402
from servicekit.db import Database  # noqa: E402
from servicekit.migrations import upgrade_to_head  # noqa: E402
from servicekit.outbox import Outbox  # noqa: E402

ADMIN = Actor(tenant_id=uuid.UUID(int=1), user_id=None, is_admin=True)
SECRET = "bench-internal-secret-0123456789abcdef"
PART = 100_000


class Explain(Executable, ClauseElement):
    inherit_cache = False

    def __init__(self, statement: Any) -> None:
        self.statement = statement


@compiles(Explain, "postgresql")
def _explain(element: Explain, compiler: Any, **kw: Any) -> str:
    return "EXPLAIN (ANALYZE, BUFFERS) " + compiler.process(element.statement, **kw)


async def load(database: Database, size: int, seed: int) -> float:
    """Imports `size` profiles in jobs of 100k; returns profiles per second."""
    outbox = Outbox(messaging.outbox, source="discovery", topic="discovery.events")
    worker = ImportWorker(database, chunk_rows=5000)
    started = time.perf_counter()
    for start in range(0, size, PART):
        content = csv_bytes(min(PART, size - start), seed=seed, start=start)
        async with database.session() as session:
            job = await imports.submit(
                SqlUnitOfWork(session, outbox, ADMIN.tenant_id),
                ADMIN,
                read_upload(content, filename=f"part-{start}.csv", content_type="text/csv", format_name="csv"),
                imports.ImportOptions(platform=None, currency="USD", mapping={}, visibility=None),
            )
        assert await worker.claim(job.id) == job.id
        finished = await worker.run(job.id)
        if finished.state.value != "succeeded":
            raise RuntimeError(f"load failed: {finished.error}")
        print(f"  loaded {start + finished.counts.rows_read:,} profiles", file=sys.stderr)
    seconds = time.perf_counter() - started
    await analyze(database, "influencers", "audience_countries")
    return size / seconds


def filtered_queries(rng: random.Random) -> list[tuple[str, Callable[[], dict[str, Any]]]]:
    countries = [c for c, _ in COUNTRIES]
    platforms = [p.value for p in Platform]
    return [
        ("platform, by followers", lambda: {"platform": rng.choice(platforms)}),
        ("country + category", lambda: {"country": rng.choice(countries[:10]), "category": rng.choice(CATEGORIES)}),
        (
            "platform + tier + min engagement",
            lambda: {
                "platform": rng.choice(platforms[:3]),
                "tier": rng.choice(["micro", "mid", "macro"]),
                "min_engagement_rate": rng.choice([0.02, 0.04, 0.06]),
            },
        ),
        ("free text", lambda: {"q": rng.choice(WORDS)}),
        (
            "audience country share",
            lambda: {"audience_country": rng.choice(countries[:8]), "min_audience_country_share": 0.3},
        ),
        ("country, by engagement", lambda: {"country": rng.choice(countries[:10]), "sort": "-engagement_rate"}),
    ]


def ranked_body(rng: random.Random) -> dict[str, Any]:
    countries = [c for c, _ in COUNTRIES]
    body: dict[str, Any] = {
        "target_audience": {
            "countries": rng.sample(countries[:12], rng.randint(1, 2)),
            "age_buckets": rng.sample(["18-24", "25-34", "35-44"], rng.randint(1, 2)),
            "genders": [rng.choice(["female", "male"])],
        },
        "brief": brief(rng),
        "budget_per_post": {"amount_minor": rng.choice([50_000, 200_000, 1_000_000]), "currency": "USD"},
        "limit": 20,
    }
    if rng.random() < 0.5:
        body["filters"] = {"platforms": [rng.choice(["instagram", "tiktok", "youtube"])]}
    return body


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)

    def at(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))], 2)

    return {
        "n": len(ordered),
        "p50_ms": round(statistics.median(ordered), 2),
        "p95_ms": at(0.95),
        "p99_ms": at(0.99),
        "max_ms": round(ordered[-1], 2),
    }


async def explain(database: Database) -> dict[str, str]:
    if database.engine.dialect.name != "postgresql":
        return {}
    shapes = {
        "filtered: platform=instagram, sort -followers, limit 51": (
            "search",
            SearchFilters(platforms=(Platform.INSTAGRAM,)),
        ),
        "filtered: country=US, category=fitness": ("search", SearchFilters(countries=("US",), categories=("fitness",))),
        "filtered: q=woodworking": ("search", SearchFilters(text="woodworking")),
        "ranked candidates: target GB, platform=instagram": ("ranked", SearchFilters(platforms=(Platform.INSTAGRAM,))),
    }
    plans: dict[str, str] = {}
    async with database.sessionmaker() as session:
        repository = InfluencerRepository(session, uuid.uuid4())
        for title, (kind, filters) in shapes.items():
            if kind == "search":
                statements = [repository.search_statement(filters, Sort.FOLLOWERS_DESC, 51)]
            else:
                statements = repository.candidate_statements(filters, target_countries=["GB"], pool=300)
            lines: list[str] = []
            for number, statement in enumerate(statements, start=1):
                rows = await session.execute(Explain(statement))
                if len(statements) > 1:
                    lines.append(f"-- retrieval query {number}")
                lines.extend(row[0] for row in rows)
            plans[title] = "\n".join(lines)
    return plans


async def measure(url: str, queries: int, seed: int) -> dict[str, Any]:
    settings = DiscoverySettings(
        database_url=url,
        environment="test",
        internal_secret=SECRET,
        kafka_bootstrap_servers="127.0.0.1:9",
        consumer_enabled=False,
        import_worker_enabled=False,
        log_level="ERROR",
        log_json=False,
    )
    app = create_app(settings)
    logging.getLogger().setLevel(logging.ERROR)
    headers = {"x-internal-token": SECRET, "x-tenant-id": str(uuid.uuid4()), "x-roles": "analyst"}
    rng = random.Random(seed)
    shapes = filtered_queries(rng)
    async with LifespanManager(app, startup_timeout=120) as manager:
        transport = httpx.ASGITransport(manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench", timeout=60) as client:

            async def timed(call: Callable[[], Any]) -> float:
                started = time.perf_counter()
                response = await call()
                elapsed = (time.perf_counter() - started) * 1000
                assert response.status_code == 200, response.text
                return elapsed

            def filtered(params: dict[str, Any]) -> Callable[[], Any]:
                return lambda: client.get("/api/v1/influencers", params=params, headers=headers)

            def ranked_search(body: dict[str, Any]) -> Callable[[], Any]:
                return lambda: client.post("/api/v1/influencers/search", json=body, headers=headers)

            for _ in range(20):
                for _, params in shapes:
                    await timed(filtered(params()))
                await timed(ranked_search(ranked_body(rng)))
            by_shape: dict[str, list[float]] = {name: [] for name, _ in shapes}
            for i in range(queries):
                name, params = shapes[i % len(shapes)]
                by_shape[name].append(await timed(filtered(params())))
            ranked = [await timed(ranked_search(ranked_body(rng))) for _ in range(queries)]
            sample = (await client.post("/api/v1/influencers/search", json=ranked_body(rng), headers=headers)).json()
    return {
        "filtered": percentiles([s for samples in by_shape.values() for s in samples]),
        # With fewer queries than shapes (--queries 3), the shapes not reached are left out.
        "filtered_by_shape": {name: percentiles(samples) for name, samples in by_shape.items() if samples},
        "ranked": percentiles(ranked),
        "ranked_candidates_per_query_example": sample["candidates"],
    }


async def run(args: argparse.Namespace) -> dict[str, Any]:
    factory = DatabaseFactory(Path(tempfile.mkdtemp(prefix="bench-discovery-")), args.database_url)
    result: dict[str, Any] = {
        "benchmark": "discovery_search",
        "when": datetime.now(UTC).isoformat(),
        "machine": f"{platform.machine()} {platform.system()}, {os.cpu_count()} cores, "
        f"python {platform.python_version()}",
        "database": factory.backend,
        "queries_per_kind": args.queries,
        "sizes": {},
    }
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            url = await factory.new(f"bench_discovery_search_{size}")
            database = Database(url)
            try:
                await upgrade_to_head(database, "discovery:migrations")
                print(f"loading {size:,} profiles", file=sys.stderr)
                load_rate = await load(database, size, args.seed)
                figures = await measure(url, args.queries, args.seed)
                figures["load_profiles_per_s"] = round(load_rate, 1)
                if args.posts_per_profile:
                    print(f"posts: {args.posts_per_profile} a profile", file=sys.stderr)
                    posts, posts_s = await write_posts(database, args.posts_per_profile, args.seed)
                    _, derived_s = await add_posts_derived(database, args.posts_per_profile, args.seed)
                    with_posts = await measure(url, args.queries, args.seed)
                    plans = await explain(database)
                    # And without again (posts and what they gave gone), so that what the machine did
                    # meanwhile weighs on both sides: the ratio is against the two runs' mean.
                    await remove_posts(database)
                    again = await measure(url, args.queries, args.seed)
                    without_p95 = round((figures["ranked"]["p95_ms"] + again["ranked"]["p95_ms"]) / 2, 2)
                    figures["with_posts"] = {
                        "posts": posts,
                        "write_posts_s": round(posts_s, 1),
                        "posts_per_s": round(posts / posts_s, 1),
                        "derive_and_store_s": round(derived_s, 1),
                        "ranked": with_posts["ranked"],
                        "filtered": with_posts["filtered"],
                        "ranked_without_again": again["ranked"],
                        "ranked_p95_without_ms": without_p95,
                        "ranked_p95_ratio": round(with_posts["ranked"]["p95_ms"] / without_p95, 3),
                        "explain": plans,
                    }
                figures["explain"] = await explain(database)
                result["sizes"][str(size)] = figures
            finally:
                await database.dispose()
                await factory.drop_all()
    finally:
        await factory.drop_all()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--posts-per-profile", type=int, default=0, help="also measure with posts' derived data")
    parser.add_argument("--database-url", help="a PostgreSQL admin URL to create the bench databases in")
    parser.add_argument("--output", default=str(ROOT / "bench" / "results" / "discovery_search.json"))
    args = parser.parse_args()
    result = asyncio.run(run(args))
    summary: dict[str, Any] = {}
    for size, figures in result["sizes"].items():
        posts = figures.get("with_posts", {})
        for kind, plans in (("", figures["explain"]), (" with posts", posts.get("explain", {}))):
            for title, plan in plans.items():
                print(f"\n== {size} profiles{kind}, EXPLAIN {title}\n{plan}")
        summary[size] = {k: v for k, v in figures.items() if k != "explain"}
        if posts:
            summary[size]["with_posts"] = {k: v for k, v in posts.items() if k != "explain"}
    print(json.dumps(summary, indent=2))
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
