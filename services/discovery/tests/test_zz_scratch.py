import json
import pytest
from .conftest import DATASETS, Org, discovery_service, wait_for_job

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_look(databases, messaging_settings, internal_secret):
    async with discovery_service(databases, messaging_settings, "discovery_look") as client:
        org = Org(internal_secret)
        for name, platform in (("instagram_top200.csv", "instagram"), ("youtube_global_2023.csv", "youtube")):
            r = await client.post(
                "/api/v1/influencers/import",
                content=(DATASETS / name).read_bytes(),
                params={"platform": platform},
                headers={**org.headers, "content-type": "text/csv"},
            )
            await wait_for_job(client, r.json()["id"], org.headers)
        for body in (
            {"filters": {"platforms": ["instagram"]}, "limit": 5},
            {"filters": {"platforms": ["youtube"]}, "limit": 5, "brief": "gaming"},
        ):
            res = (await client.post("/api/v1/influencers/search", json=body, headers=org.headers)).json()
            for hit in res["items"]:
                print(hit["influencer"]["handle"], hit["score"], json.dumps(hit["parts"]))
                a = (
                    await client.get(f"/api/v1/influencers/{hit['influencer']['id']}/authenticity", headers=org.headers)
                ).json()
                print("   AUTH", json.dumps(a))
