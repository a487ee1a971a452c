"""A trivial upstream for bench/gateway_hop.py: answers GET /api/v1/campaigns/{id} with a constant
body after checking the internal credential, as cheap as a FastAPI service can be."""

import os

from fastapi import FastAPI, Header, HTTPException

SECRET = os.environ.get("PLATFORM_INTERNAL_SECRET", "")
app = FastAPI()
BODY = {"id": "00000000-0000-0000-0000-000000000001", "name": "Benchmark", "state": "draft"}


@app.get("/api/v1/campaigns/{campaign_id}")
async def campaign(campaign_id: str, x_internal_token: str = Header("")) -> dict[str, str]:
    if x_internal_token != SECRET:
        raise HTTPException(401)
    return BODY


@app.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}
