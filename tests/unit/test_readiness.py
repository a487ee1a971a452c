"""/readyz: the database and the broker must answer (503 otherwise), unless the deployment says
the broker may be away: then a broker outage is reported as `degraded` and the service stays in
rotation, taking writes into its outbox until the broker is back."""

from pathlib import Path

import httpx
import pytest

from content.main import create_app
from content.settings import ContentSettings

pytestmark = pytest.mark.asyncio


async def readyz(tmp_path: Path, **settings: object) -> httpx.Response:
    app = create_app(
        ContentSettings(
            database_url=f"sqlite+aiosqlite:///{tmp_path}/content.db",
            kafka_bootstrap_servers="127.0.0.1:9",  # nothing listens there
            **settings,
        )
    )
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://content") as client:
        return await client.get("/readyz")


async def test_a_broker_outage_makes_the_service_unready_by_default(tmp_path: Path) -> None:
    response = await readyz(tmp_path)
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["broker"].startswith("unavailable")


async def test_a_deployment_may_keep_serving_through_a_broker_outage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READY_REQUIRES_BROKER", "false")
    response = await readyz(tmp_path)
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["broker"].startswith("unavailable")


async def test_the_database_is_always_required(tmp_path: Path) -> None:
    (tmp_path / "content.db").mkdir()  # where the database file should be: it cannot open
    response = await readyz(tmp_path, ready_requires_broker=False)
    assert response.status_code == 503
    assert response.json()["checks"]["database"].startswith("unavailable")


async def test_the_report_names_no_address(tmp_path: Path) -> None:
    # /readyz may be reachable from outside; where the broker and database live stays in the logs.
    response = await readyz(tmp_path)
    assert response.json()["checks"]["broker"] in ("unavailable", "unavailable: no answer within 2 s")
    assert "127.0.0.1" not in response.text


async def test_an_unready_check_says_so_plainly_and_logs_the_exception(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "content.db").mkdir()
    response = await readyz(tmp_path)
    checks = response.json()["checks"]
    # No exception's class or words in an answer anyone may read: they go to the log.
    assert checks["database"] == "unavailable"
    assert checks["broker"] in ("unavailable", "unavailable: no answer within 2 s")
    logged = capsys.readouterr().err
    assert "readiness: database is unavailable" in logged
    assert "unable to open database file" in logged
