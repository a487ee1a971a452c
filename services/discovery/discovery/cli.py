"""Command line of discovery's operators.

`python -m discovery.cli import FILE [--platform P] [--mapping JSON] [--org UUID] [--dry-run]` queues
the file as an import job, exactly as the API does, and runs it here with a progress bar (with
--dry-run: shows the mapping of each column and what would be imported, writing nothing). Without --org it
writes the shared catalogue; with --org, that org's own profiles.

`python -m discovery.cli announce-profiles` tells of every stored profile again, through the
outbox (a running discovery publishes it): how partnerships learns the profiles that existed
before it kept them. Harmless to repeat: a version already kept changes nothing.

The database is DISCOVERY_DATABASE_URL (or --database-url); migrations are applied first.
"""

import argparse
import asyncio
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from uuid import UUID

from tqdm import tqdm

from discovery.adapters.file_formats import ImportFormat, decode, detect_format, read_file, read_records, read_upload
from discovery.adapters.import_worker import ImportWorker
from discovery.adapters.profile_notices import announce_every_profile
from discovery.adapters.tables import messaging
from discovery.adapters.unit_of_work import SqlUnitOfWork
from discovery.application import imports
from discovery.domain.actors import Actor
from discovery.domain.column_mapping import parse_platform
from discovery.domain.imports import CellWarning, ImportCounts, ImportJob, Rejection
from discovery.domain.search import Visibility
from discovery.settings import DiscoverySettings
from servicekit.db import Database
from servicekit.errors import InvalidField
from servicekit.migrations import upgrade_to_head
from servicekit.outbox import Outbox

CONTENT_TYPES = {
    ImportFormat.CSV: "text/csv",
    ImportFormat.TSV: "text/tab-separated-values",
    ImportFormat.NDJSON: "application/x-ndjson",
}


def _records(content: bytes, fmt: ImportFormat) -> int:
    text, _ = decode(content)
    return sum(1 for _ in read_records(text, fmt).records)


async def run_import(args: argparse.Namespace, path: Path, content: bytes) -> ImportJob:
    settings = DiscoverySettings()
    database = Database(args.database_url or settings.database_url)
    try:
        await upgrade_to_head(database, "discovery:migrations")
        fmt = detect_format(None, path.name, args.format)
        shared = args.org is None
        actor = Actor(tenant_id=args.org or UUID(int=0), user_id=None, is_admin=shared)
        outbox = Outbox(messaging.outbox, source=settings.service_name, topic=settings.events_topic)
        async with database.session() as session:
            uow = SqlUnitOfWork(session, outbox, actor.tenant_id)
            options = imports.ImportOptions(
                platform=parse_platform(args.platform) if args.platform else None,
                currency=args.currency,
                mapping=json.loads(args.mapping) if args.mapping else {},
                visibility=Visibility.SHARED if shared else Visibility.PRIVATE,
            )
            upload = read_upload(content, filename=path.name, content_type=CONTENT_TYPES[fmt], format_name=fmt.value)
            if args.dry_run:
                found = await imports.preview(
                    uow,
                    actor,
                    upload,
                    read_file(content, upload.format),
                    options,
                    chunk_rows=settings.import_chunk_rows,
                    shown=args.show_rejections,
                )
                await session.rollback()
                _report_preview(found)
                return found.job
            job = await imports.submit(uow, actor, upload, options)
        worker = ImportWorker(
            database,
            chunk_rows=settings.import_chunk_rows,
            lease_s=settings.import_lease_s,
            pipeline_min_bytes=settings.import_pipeline_min_bytes,
            outbox=outbox,
        )
        if await worker.claim(job.id) is None:
            raise RuntimeError(f"job {job.id} was taken by a running service; follow it with the API")
        with tqdm(total=_records(content, fmt), unit=" rows", desc=path.name, disable=args.quiet) as bar:

            def advance(done: int, counts: ImportCounts) -> None:
                bar.set_postfix(warnings=counts.warnings, rejected=counts.rows_rejected, refresh=False)
                bar.update(done - bar.n)

            finished = await worker.run(job.id, progress=advance)
        async with database.sessionmaker() as session:
            uow = SqlUnitOfWork(session, outbox, finished.tenant_id)
            rejections = await imports.rejections(uow, finished, limit=args.show_rejections, after_line=None)
            warnings = await imports.warnings(uow, finished, limit=args.show_rejections)
        _report(finished, rejections, warnings)
        return finished
    finally:
        await database.dispose()


async def announce_profiles(args: argparse.Namespace) -> int:
    settings = DiscoverySettings()
    database = Database(args.database_url or settings.database_url)
    try:
        await upgrade_to_head(database, "discovery:migrations")
        outbox = Outbox(messaging.outbox, source=settings.service_name, topic=settings.events_topic)
        told = await announce_every_profile(database, outbox, batch=args.batch)
        print(f"told of {told} profiles; a running discovery publishes them from its outbox")
        return told
    finally:
        await database.dispose()


def _counts(counts: ImportCounts) -> str:
    return (
        f"read {counts.rows_read}, imported {counts.rows_imported} "
        f"(created {counts.rows_created}, updated {counts.rows_updated}, unchanged {counts.rows_unchanged}), "
        f"rejected {counts.rows_rejected}, warnings {counts.warnings}"
    )


def _problems(rejections: Sequence[Rejection], warnings: Sequence[CellWarning]) -> None:
    if rejections:
        print("rejected rows:")
    for rejection in rejections:
        print(f"  line {rejection.line}: {rejection.reason}")
    if warnings:
        print("warnings (the rows are imported, these cells empty or doubted):")
    for warning in warnings:
        print(f"  line {warning.line}, column {warning.column!r}: {warning.field}: {warning.reason}")


def _report(job: ImportJob, rejections: Sequence[Rejection], warnings: Sequence[CellWarning]) -> None:
    print(f"import {job.id}: {job.state.value}; {_counts(job.counts)}")
    if job.error:
        print(f"error: {job.error}")
    _problems(rejections, warnings)


def _report_preview(found: imports.ImportPreview) -> None:
    print(f"dry run, nothing written; {found.job.format}, {found.job.encoding}")
    width = max((len(c.column) for c in found.choices), default=0)
    for choice in found.choices:
        target = choice.field or "-"
        samples = ", ".join(choice.samples)
        print(f"  {choice.column:<{width}} -> {target:<16} {choice.confidence:.2f}  {choice.reason}  [{samples}]")
    print(f"would import: {_counts(found.counts)}")
    _problems(found.rejections, found.warnings)
    print(f"confirm with: --mapping '{json.dumps(found.job.mapping)}'")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m discovery.cli", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    importing = commands.add_parser("import", help="import a CSV, TSV or NDJSON file of profiles")
    importing.add_argument("file")
    importing.add_argument("--platform", help="platform of rows without a platform column")
    importing.add_argument("--format", choices=[f.value for f in ImportFormat])
    importing.add_argument("--mapping", help='JSON: canonical field -> column, e.g. {"followers": "#Subs"}')
    importing.add_argument("--currency", default="USD")
    importing.add_argument("--org", type=UUID, help="import into this org's own profiles (default: shared)")
    importing.add_argument("--database-url")
    importing.add_argument("--show-rejections", type=int, default=20, metavar="N")
    importing.add_argument("--quiet", action="store_true", help="no progress bar")
    importing.add_argument(
        "--dry-run", action="store_true", help="only show the mapping of each column and what would be imported"
    )
    announcing = commands.add_parser("announce-profiles", help="tell other services of every profile again")
    announcing.add_argument("--database-url")
    announcing.add_argument("--batch", type=int, default=5000, help="profiles per transaction")
    args = parser.parse_args(argv)
    if args.command == "announce-profiles":
        asyncio.run(announce_profiles(args))
        return 0
    try:
        path = Path(args.file)
        job = asyncio.run(run_import(args, path, path.read_bytes()))
    except InvalidField as exc:
        print(f"{exc.field}: {exc.message}", file=sys.stderr)
        return 2
    return 0 if args.dry_run or job.state.value == "succeeded" else 1


if __name__ == "__main__":
    sys.exit(main())
