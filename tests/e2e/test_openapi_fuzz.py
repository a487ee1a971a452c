"""Schemathesis over the merged OpenAPI, through the gateway, as a signed-in brand: every check it
has, no 5xx and no answer the document does not describe. In make test-integration (marker
api_fuzz); on its own platform, so the junk it writes touches no other test.

Reproduce a failure with the seed it prints: SCHEMATHESIS_SEED=<seed> make test-integration."""

import asyncio
import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from devstack.databases import DatabaseFactory
from devstack.mailbox import Mailbox
from devstack.pytest_plugin import running_platform
from devstack.stack import Stack

from .conftest import sign_up

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
CONFIG = Path(__file__).with_name("schemathesis.toml")  # the rules JSON Schema cannot state
EXAMPLES_PER_OPERATION = int(os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "30"))
SEED = os.environ.get("SCHEMATHESIS_SEED", "20261201")
TIME_BUDGET_S = 600

pytestmark = [pytest.mark.api_fuzz, pytest.mark.timeout(TIME_BUDGET_S + 180)]


@pytest.fixture(scope="module")
async def fuzzed_platform(
    tmp_path_factory: pytest.TempPathFactory,
    databases: DatabaseFactory,
    kafka_bootstrap: str,
    kafka_idempotent: bool,
    internal_secret: str,
) -> AsyncIterator[Stack]:
    log_dir = Path(tmp_path_factory.mktemp("fuzz-logs"))
    async with running_platform(log_dir, databases, kafka_bootstrap, kafka_idempotent, internal_secret) as stack:
        yield stack


# One path of each service that has an API: the gateway fetches their documents in the background.
SERVICE_PATHS = ("/api/v1/influencers", "/api/v1/campaigns", "/api/v1/campaigns/{campaign_id}/metrics")


async def _merged_document(gateway: httpx.AsyncClient) -> None:
    for _ in range(300):
        paths = (await gateway.get("/openapi.json")).json()["paths"]
        if all(path in paths for path in SERVICE_PATHS):
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"the merged OpenAPI lacks a service's paths: {sorted(paths)}")


async def test_the_api_answers_as_its_openapi_says(fuzzed_platform: Stack, tmp_path: Path) -> None:
    base = fuzzed_platform.url("gateway")
    mailbox = Mailbox(fuzzed_platform.service_env["gateway"]["GATEWAY_MAIL_DIR"])
    async with httpx.AsyncClient(base_url=base, timeout=15) as gateway:
        org = await sign_up(gateway, mailbox, "Fuzzco")
        await _merged_document(gateway)
    command = [
        str(SCHEMATHESIS),
        "--config-file",
        str(CONFIG),
        "run",
        f"{base}/openapi.json",
        "--url",
        base,
        "--header",
        f"Authorization: Bearer {org.token}",
        "--checks",
        "all",
        "--max-examples",
        str(EXAMPLES_PER_OPERATION),
        "--seed",
        SEED,
        "--workers",
        "2",
        "--request-timeout",
        "20",
        "--report",
        "junit",
        "--report-dir",
        str(tmp_path),
        "--output-truncate",
        "true",
    ]
    # In tmp_path: schemathesis keeps a cache of what failed in its working directory.
    process = await asyncio.create_subprocess_exec(
        *command, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT, cwd=tmp_path
    )
    try:
        stdout, _ = await asyncio.wait_for(process.communicate(), TIME_BUDGET_S)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    output = stdout.decode(errors="replace")
    print(output[-20_000:])
    assert process.returncode == 0, f"schemathesis found failures (seed {SEED}):\n{_failures(output)}"


def _failures(output: str) -> str:
    """The report's failure section first (CI keeps only so much of a message), then its summary."""
    start = output.find(" FAILURES ")
    end = min((i for i in (output.find(" WARNINGS ", start), output.find(" SUMMARY ", start)) if i > start), default=-1)
    failures = output[start:end] if start >= 0 and end > start else ""
    return f"{failures[:12_000]}\n[...]\n{output[-3000:]}"
