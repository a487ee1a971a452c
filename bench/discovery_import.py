"""Import throughput of discovery (profiles/s) on generated exports.

N profiles (deterministic, see discovery_generate) as a CSV with the quirks of real exports
(`12.3k`, `$1,234`, `US:40%;GB:20%`), queued as an import job and run by the import worker as the
service runs it: parse, validate, derive the figures, upsert in chunks. Then the same file again
(every row unchanged) and once more with every follower count grown by a quarter (every row
updated, with a snapshot each).

    python bench/discovery_import.py [--profiles 100000] [--database-url URL]
        # default: a SQLite file; with a PostgreSQL admin URL a bench database is created and dropped
Prints the figures and writes bench/results/discovery_import.json.
"""

import argparse
import asyncio
import json
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from uuid import UUID

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from discovery_generate import csv_bytes  # noqa: E402

from devstack.databases import DatabaseFactory  # noqa: E402
from discovery.adapters.file_formats import read_upload  # noqa: E402
from discovery.adapters.import_worker import ImportWorker  # noqa: E402
from discovery.adapters.tables import messaging  # noqa: E402
from discovery.adapters.unit_of_work import SqlUnitOfWork  # noqa: E402
from discovery.application import imports  # noqa: E402
from discovery.domain.actors import Actor  # noqa: E402
from discovery.domain.imports import ImportJob  # noqa: E402
from servicekit.db import Database  # noqa: E402
from servicekit.migrations import upgrade_to_head  # noqa: E402
from servicekit.outbox import Outbox  # noqa: E402

ADMIN = Actor(tenant_id=UUID(int=1), user_id=None, is_admin=True)


async def run_job(database: Database, content: bytes, chunk_rows: int) -> tuple[ImportJob, float]:
    outbox = Outbox(messaging.outbox, source="discovery", topic="discovery.events")
    started = time.perf_counter()
    async with database.session() as session:
        job = await imports.submit(
            SqlUnitOfWork(session, outbox, ADMIN.tenant_id),
            ADMIN,
            read_upload(content, filename="bench.csv", content_type="text/csv", format_name="csv"),
            imports.ImportOptions(platform=None, currency="USD", mapping={}, visibility=None),
        )
    worker = ImportWorker(database, chunk_rows=chunk_rows)
    assert await worker.claim(job.id) == job.id
    finished = await worker.run(job.id)
    if finished.state.value != "succeeded":
        raise RuntimeError(f"import failed: {finished.error}")
    return finished, time.perf_counter() - started


def figures(job: ImportJob, seconds: float) -> dict[str, object]:
    counts = job.counts
    return {
        "state": job.state.value,
        "rows": counts.rows_read,
        "created": counts.rows_created,
        "updated": counts.rows_updated,
        "unchanged": counts.rows_unchanged,
        "rejected": counts.rows_rejected,
        "seconds": round(seconds, 2),
        "profiles_per_s": round(counts.rows_read / seconds, 1),
    }


async def run(args: argparse.Namespace) -> dict[str, object]:
    factory = DatabaseFactory(Path(tempfile.mkdtemp(prefix="bench-discovery-")), args.database_url)
    database = Database(await factory.new("bench_discovery_import"))
    try:
        await upgrade_to_head(database, "discovery:migrations")
        content = csv_bytes(args.profiles, seed=args.seed)
        changed = csv_bytes(args.profiles, seed=args.seed, growth=1.25)
        first, first_s = await run_job(database, content, args.chunk_rows)
        again, again_s = await run_job(database, content, args.chunk_rows)
        updated, updated_s = await run_job(database, changed, args.chunk_rows)
        return {
            "benchmark": "discovery_import",
            "when": datetime.now(UTC).isoformat(),
            "machine": f"{platform.machine()} {platform.system()}, python {platform.python_version()}",
            "database": factory.backend,
            "profiles": args.profiles,
            "file_mb": round(len(content) / 1e6, 1),
            "chunk_rows": args.chunk_rows,
            "first_import": figures(first, first_s),
            "same_file_again": figures(again, again_s),
            "changed_file": figures(updated, updated_s),
        }
    finally:
        await database.dispose()
        await factory.drop_all()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--profiles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--chunk-rows", type=int, default=2000)
    parser.add_argument("--database-url", help="a PostgreSQL admin URL to create the bench database in")
    parser.add_argument("--output", default=str(ROOT / "bench" / "results" / "discovery_import.json"))
    args = parser.parse_args()
    result = asyncio.run(run(args))
    print(json.dumps(result, indent=2))
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
