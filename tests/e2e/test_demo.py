"""`make demo`'s loader against a test stack: a person who signs in sees a living account (campaigns
in every state, figures and KPIs, a series over weeks), and a second load is refused."""

import csv
import io
from collections import Counter
from pathlib import Path

import httpx
import pytest

from devstack import demo
from devstack.demo.loader import exports_folder
from devstack.mailbox import Mailbox
from devstack.stack import Stack

from .conftest import log_in

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.timeout(240)
async def test_the_demo_account_is_alive_and_loaded_once(
    gateway: httpx.AsyncClient, platform_stack: Stack, mailbox: Mailbox
) -> None:
    gateway_env = {**platform_stack.env, **platform_stack.service_env["gateway"]}
    # The repo's small copies: the shared exports whole are what `make demo` takes when present.
    small = Path(demo.__file__).with_name("data")
    loaded = await demo.load(gateway, mailbox, gateway_env, small)
    assert loaded.server_errors == []
    assert {p: (j["state"], j["rows_read"]) for p, j in loaded.imported.items()} == {
        "instagram": ("succeeded", 50),
        "youtube": ("succeeded", 60),
    }

    analyst = await log_in(gateway, demo.story.ANALYST, loaded.brand.id)  # a member who joined
    campaigns = (await gateway.get("/api/v1/campaigns", headers=analyst.auth)).json()["items"]
    assert Counter(c["state"] for c in campaigns) == {"active": 2, "completed": 1, "draft": 1, "cancelled": 1}
    winter = next(c["id"] for c in campaigns if c["name"] == "Winter Blend")

    def settled(body: dict[str, object]) -> bool:
        t = body["totals"]  # type: ignore[index]
        return (
            t["posts"] == 2 and t["clicks"] > 0 and t["conversions"] >= 14 and t["views"] > 0 and t["spend_minor"] > 0
        )  # type: ignore[no-any-return]

    metrics = await loaded.get(f"/api/v1/campaigns/{winter}/metrics", analyst.auth, settled)
    totals, kpis = metrics["totals"], metrics["kpis"]
    assert totals["bot_clicks"] == 2
    assert totals["repeat_clicks"] > 0
    assert min(totals["views"], totals["revenue_minor"], totals["cost_minor"]) > 0
    assert totals["fees_minor"] > 350_000  # the countered fee, and the commission the code's orders earned
    assert None not in (kpis["roi"], kpis["roas"], kpis["engagement_rate_by_views"], kpis["cpc"])

    listed = await gateway.get(f"/api/v1/campaigns/{winter}/partnerships", headers=analyst.auth)
    states = sorted(p["state"] for p in listed.json()["items"])
    assert states == ["cancelled", "completed", "completed", "proposed"]  # published: done

    series = await loaded.get(
        f"/api/v1/campaigns/{winter}/metrics/timeseries", analyst.auth, bool, params={"granularity": "week"}
    )
    points = series["points"]
    weeks_with_views = [p for p in points if p["views"] > 0]
    weeks_with_orders = [p for p in points if p["conversions"] > 0]
    assert len(points) >= 6, points
    assert len(weeks_with_views) >= 4, points
    assert len(weeks_with_orders) >= 3, points

    report = await loaded.get(f"/api/v1/campaigns/{winter}/report.csv", analyst.auth)
    lines = list(csv.DictReader(io.StringIO(report)))
    assert [row["line"] for row in lines].count("partnership") == 4

    with pytest.raises(demo.AlreadyLoaded):
        await demo.load(gateway, mailbox, gateway_env, small)


def test_the_demo_takes_the_shared_exports_when_the_clone_has_them(tmp_path: Path) -> None:
    shared = tmp_path / "shared" / "datasets"
    shared.mkdir(parents=True)
    assert exports_folder(tmp_path / "clone") == Path(demo.__file__).with_name("data")
    for name in ("instagram_top200.csv", "youtube_global_2023.csv"):
        (shared / name).write_text("rank\n")
    assert exports_folder(tmp_path / "clone") == shared
