"""Import jobs survive their worker: a job left running by a dead process is resumed after its
lease without counting or writing anything twice; the CLI runs the same jobs."""

import asyncio
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import UUID

import pytest
from sqlalchemy import func, select, update

from devstack.databases import DatabaseFactory
from discovery.adapters.import_worker import MAX_JOB_ATTEMPTS, ImportWorker
from discovery.adapters.tables import import_jobs, influencer_snapshots, influencers
from servicekit.db import Database

from .conftest import DATASETS, Org, app_of, discovery_service, wait_for_job
from .export_patterns import sheet_errors

pytestmark = pytest.mark.asyncio(loop_scope="session")


class Crash(BaseException):
    """Stands for the process dying: nothing after it runs, not even the job's failure."""


async def test_a_job_left_running_by_a_dead_worker_is_resumed(
    databases: DatabaseFactory, messaging_settings: dict[str, object], internal_secret: str
) -> None:
    async with discovery_service(
        databases, messaging_settings, "discovery_resume", import_worker_enabled=False
    ) as client:
        org = Org(internal_secret)
        response = await client.post(
            "/api/v1/influencers/import",
            content=(DATASETS / "instagram_top200.csv").read_bytes(),
            params={"platform": "instagram"},
            headers={**org.headers, "content-type": "text/csv"},
        )
        job_id = UUID(response.json()["id"])
        database: Database = app_of(client).state.runtime.database
        dying = ImportWorker(database, chunk_rows=50, lease_s=0.3, worker_id="dying")
        assert await dying.claim() == job_id

        def crash_after_first_chunk(done: int, counts: object) -> None:
            raise Crash

        with pytest.raises(Crash):
            await dying.run(job_id, progress=crash_after_first_chunk)
        halfway = (await client.get(f"/api/v1/import-jobs/{job_id}", headers=org.headers)).json()
        assert (halfway["state"], halfway["rows_read"], halfway["rows_imported"]) == ("running", 50, 50)

        heir = ImportWorker(database, chunk_rows=50, lease_s=0.3, worker_id="heir")
        assert await heir.claim() is None  # the lease has not expired yet
        await asyncio.sleep(0.4)
        await heir.run_next()
        done = await wait_for_job(client, str(job_id), org.headers)
        assert (done["state"], done["rows_read"], done["rows_imported"], done["rows_created"]) == (
            "succeeded",
            200,
            200,
            200,
        )
        assert done["attempts"] == 2

        late = await dying.run(job_id)  # the dead worker comes back: it may no longer write
        assert late.counts.rows_read == 200
        async with database.sessionmaker() as session:
            profiles = await session.scalar(select(func.count()).select_from(influencers))
            snapshots = await session.scalar(select(func.count()).select_from(influencer_snapshots))
        assert (profiles, snapshots) == (200, 0)  # snapshots are stored when counts change


async def test_a_job_that_keeps_killing_its_workers_is_given_up(
    databases: DatabaseFactory, messaging_settings: dict[str, object], internal_secret: str
) -> None:
    async with discovery_service(
        databases, messaging_settings, "discovery_give_up", import_worker_enabled=False
    ) as client:
        org = Org(internal_secret)
        response = await client.post(
            "/api/v1/influencers/import",
            content=b"handle,followers\na,1\n",
            params={"platform": "x"},
            headers={**org.headers, "content-type": "text/csv"},
        )
        job_id = UUID(response.json()["id"])
        database: Database = app_of(client).state.runtime.database
        async with database.session() as session:
            await session.execute(
                update(import_jobs)
                .where(import_jobs.c.id == job_id)
                .values(
                    state="running", attempts=MAX_JOB_ATTEMPTS, heartbeat_at=datetime.now(UTC) - timedelta(minutes=5)
                )
            )
        assert await ImportWorker(database, lease_s=60).claim() is None
        job = (await client.get(f"/api/v1/import-jobs/{job_id}", headers=org.headers)).json()
        assert job["state"] == "failed"
        assert job["error"] == f"gave up after {MAX_JOB_ATTEMPTS} attempts"


async def test_a_failed_job_tells_its_owner_no_internal_address(
    databases: DatabaseFactory, messaging_settings: dict[str, object], internal_secret: str
) -> None:
    async with discovery_service(
        databases, messaging_settings, "discovery_failed_job", import_worker_enabled=False
    ) as client:
        org = Org(internal_secret)
        response = await client.post(
            "/api/v1/influencers/import",
            content=b"handle,followers\na,1\n",
            params={"platform": "x"},
            headers={**org.headers, "content-type": "text/csv"},
        )
        job_id = UUID(response.json()["id"])
        worker = ImportWorker(app_of(client).state.runtime.database, lease_s=60)
        assert await worker.claim() == job_id

        def database_gone(done: int, counts: object) -> None:
            raise ConnectionRefusedError(111, "Connect call failed ('10.0.0.5', 5432)")

        await worker.run(job_id, progress=database_gone)
        job = (await client.get(f"/api/v1/import-jobs/{job_id}", headers=org.headers)).json()
        assert job["state"] == "failed"
        assert job["error"] == "an internal error stopped the import after 1 records; it has been logged"


async def test_the_cli_imports_with_a_progress_bar(databases: DatabaseFactory) -> None:
    url = await databases.new("discovery_cli")
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "discovery.cli",
        "import",
        str(DATASETS / "youtube_global_2023.csv"),
        "--platform",
        "youtube",
        "--database-url",
        url,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=120)
    assert process.returncode == 0, stderr.decode()
    assert "read 995, imported 995 (created 995, updated 0, unchanged 0), rejected 0" in stdout.decode()
    assert "995/995" in stderr.decode()
    database = Database(url)
    try:
        async with database.sessionmaker() as session:
            shared = await session.scalar(
                select(func.count()).select_from(influencers).where(influencers.c.catalogue_id == UUID(int=0))
            )
        assert shared == 995
    finally:
        await database.dispose()


async def cli(*args: str) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "discovery.cli", *args, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=120)
    assert process.returncode is not None
    return process.returncode, stdout.decode(), stderr.decode()


async def test_the_cli_previews_a_messy_file_then_imports_it_with_warnings_apart(
    databases: DatabaseFactory, tmp_path: Path
) -> None:
    url = await databases.new("discovery_cli_dry_run")
    path = tmp_path / "top-instagram.csv"
    path.write_bytes(sheet_errors())
    code, stdout, stderr = await cli("import", str(path), "--platform", "instagram", "--database-url", url, "--dry-run")
    assert code == 0, stderr
    assert "dry run, nothing written" in stdout
    assert "instagram name  -> handle" in stdout
    assert "Rank            -> -" in stdout
    assert "would import: read 12, imported 10 (created 10, updated 0, unchanged 0), rejected 2, warnings 6" in stdout
    assert "  line 12: handle: '#REF!' is a spreadsheet error" in stdout
    assert "  line 2, column 'Engagement Rate': engagement_rate: '#VALOR!' is a spreadsheet error" in stdout
    database = Database(url)
    try:
        async with database.sessionmaker() as session:
            assert await session.scalar(select(func.count()).select_from(influencers)) == 0
            assert await session.scalar(select(func.count()).select_from(import_jobs)) == 0
        code, stdout, stderr = await cli("import", str(path), "--platform", "instagram", "--database-url", url)
        assert code == 0, stderr
        assert "read 12, imported 10 (created 10, updated 0, unchanged 0), rejected 2, warnings 6" in stdout
        assert "warnings=6" in stderr
        assert "rejected=2" in stderr
        async with database.sessionmaker() as session:
            assert await session.scalar(select(func.count()).select_from(influencers)) == 10
    finally:
        await database.dispose()
