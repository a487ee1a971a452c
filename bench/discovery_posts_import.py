"""Posts import throughput of discovery (posts/s) on generated posts.

P profiles are imported first (discovery_generate's export); then N posts of theirs as a CSV
(URL, time, caption, media type, likes, comments, views, shares, saves, a paid-partnership
label; a third of the captions sponsored one way or another), queued as a posts import job and
run by the import worker as the service runs it: parse, link to profiles, detect sponsorship,
write by COPY on PostgreSQL. Then the same file again (every post unchanged) and once more with
every like count grown (every post updated).

    python bench/discovery_posts_import.py [--posts 200000] [--profiles 5000] [--database-url URL]
        # default: a SQLite file; with a PostgreSQL admin URL a bench database is created and dropped
Prints the figures and writes bench/results/discovery_posts_import.json.
"""

import argparse
import asyncio
import csv
import io
import json
import os
import platform
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from discovery_generate import csv_bytes  # noqa: E402
from discovery_import import ADMIN, figures, run_job  # noqa: E402
from sqlalchemy import select  # noqa: E402

from devstack.databases import DatabaseFactory  # noqa: E402
from discovery.adapters.file_formats import read_posts_upload  # noqa: E402
from discovery.adapters.import_worker import ImportWorker  # noqa: E402
from discovery.adapters.tables import influencers, messaging  # noqa: E402
from discovery.adapters.unit_of_work import SqlUnitOfWork  # noqa: E402
from discovery.application import post_imports  # noqa: E402
from discovery.domain.imports import ImportJob  # noqa: E402
from servicekit.db import Database  # noqa: E402
from servicekit.migrations import upgrade_to_head  # noqa: E402
from servicekit.outbox import Outbox  # noqa: E402

COLUMNS = ["handle", "platform", "url", "posted_at", "caption", "media_type", "likes", "comments", "views"]
COLUMNS += ["shares", "saves", "paid_partnership"]
CAPTIONS = (
    "Morning run by the river, feeling great #running #fitness",
    "New recipe on the blog: lemon pasta in 15 minutes #food #dinner",
    "Sunset from the rooftop with friends",
    "Loving my new trainers from @{brand}! Use code RUN{n} for 15% off, link in bio",
    "Thanks @{brand} for the gift #gifted #ad",
    "Paid partnership with @{brand}: the best coffee for early mornings",
    "Weekend vlog is up, go watch it",
)
BRANDS = ("nike", "adidas", "oatly", "glossier", "gymshark", "hellofresh")
RUN_STARTED = datetime.now(UTC).replace(second=0, microsecond=0)


def posts_csv(handles: list[tuple[str, str]], n: int, seed: int, likes_growth: float = 1.0) -> bytes:
    rng = random.Random(seed)
    # A post every 7 minutes up to this run's start, as in a real export; they used to run on from
    # 2026-01-01, three quarters of them into the future (recent to content quality, which a real
    # export's are not). The same anchor in every file of the run, so "the same file again" is.
    start = RUN_STARTED - timedelta(minutes=7 * n)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for i in range(n):
        platform_name, handle = handles[i % len(handles)]
        caption = rng.choice(CAPTIONS).format(brand=rng.choice(BRANDS), n=rng.randint(1, 99))
        likes = rng.randint(10, 50_000)
        writer.writerow([
            handle, platform_name, f"https://example.test/{platform_name}/{handle}/{i}",
            (start + timedelta(minutes=7 * i)).isoformat(), caption, rng.choice(("image", "video", "reel")),
            round(likes * likes_growth), likes // 20, likes * 10, likes // 100, likes // 50,
            "yes" if rng.random() < 0.05 else "",
        ])  # fmt: skip
    return buffer.getvalue().encode()


async def run_posts_job(database: Database, content: bytes, chunk_rows: int) -> tuple[ImportJob, float, float]:
    """The job, its wall seconds and the CPU seconds of this process (the database's left out):
    on a shared machine the second says more of the code than the first."""
    outbox = Outbox(messaging.outbox, source="discovery", topic="discovery.events")
    started, cpu = time.perf_counter(), time.process_time()
    async with database.session() as session:
        job = await post_imports.submit(
            SqlUnitOfWork(session, outbox, ADMIN.tenant_id),
            ADMIN,
            read_posts_upload(content, filename="posts.csv", content_type="text/csv", format_name="csv"),
            post_imports.PostImportOptions(platform=None, mapping={}, visibility=None),
        )
    worker = ImportWorker(database, chunk_rows=chunk_rows)
    assert await worker.claim(job.id) == job.id
    finished = await worker.run(job.id)
    if finished.state.value != "succeeded":
        raise RuntimeError(f"posts import failed: {finished.error}")
    return finished, time.perf_counter() - started, time.process_time() - cpu


def posts_figures(job: ImportJob, seconds: float, cpu_seconds: float) -> dict[str, object]:
    found = figures(job, seconds)
    found["posts_per_s"] = found.pop("profiles_per_s")
    found["worker_cpu_seconds"] = round(cpu_seconds, 2)
    found["posts_per_worker_cpu_s"] = round(job.counts.rows_read / cpu_seconds, 1)
    return found


async def run(args: argparse.Namespace) -> dict[str, object]:
    factory = DatabaseFactory(Path(tempfile.mkdtemp(prefix="bench-posts-")), args.database_url)
    database = Database(await factory.new("bench_discovery_posts"))
    try:
        await upgrade_to_head(database, "discovery:migrations")
        await run_job(database, csv_bytes(args.profiles, seed=args.seed), args.chunk_rows)
        async with database.session() as session:
            handles = [
                (r.platform, r.handle)
                for r in await session.execute(select(influencers.c.platform, influencers.c.handle))
            ]
        content = posts_csv(handles, args.posts, args.seed)
        changed = posts_csv(handles, args.posts, args.seed, likes_growth=1.1)
        first = await run_posts_job(database, content, args.chunk_rows)
        again = await run_posts_job(database, content, args.chunk_rows)
        updated = await run_posts_job(database, changed, args.chunk_rows)
        return {
            "benchmark": "discovery_posts_import",
            "when": datetime.now(UTC).isoformat(),
            "machine": f"{platform.machine()} {platform.system()}, python {platform.python_version()}",
            "database": factory.backend,
            "profiles": len(handles),
            "posts": args.posts,
            "file_mb": round(len(content) / 1e6, 1),
            "chunk_rows": args.chunk_rows,
            "load_average": round(os.getloadavg()[0], 1),
            "first_import": posts_figures(*first),
            "same_file_again": posts_figures(*again),
            "changed_file": posts_figures(*updated),
        }
    finally:
        await database.dispose()
        await factory.drop_all()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, default=200_000)
    parser.add_argument("--profiles", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--chunk-rows", type=int, default=2000)
    parser.add_argument("--database-url", help="a PostgreSQL admin URL to create the bench database in")
    parser.add_argument("--output", default=str(ROOT / "bench" / "results" / "discovery_posts_import.json"))
    args = parser.parse_args()
    result = asyncio.run(run(args))
    print(json.dumps(result, indent=2))
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
