"""The baseline of bench/metrics_redirect.py: a bare FastAPI app answering GET /r/{code} with a 302
to a constant URL, nothing recorded."""

from fastapi import FastAPI
from fastapi.responses import RedirectResponse

app = FastAPI()
TARGET = "https://shop.example/spring?utm_source=influencer"


@app.get("/r/{code}")
async def redirect(code: str) -> RedirectResponse:
    return RedirectResponse(TARGET, status_code=302)


@app.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}
