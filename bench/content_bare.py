"""A bare FastAPI handler of content's submission route: the same path and request model, no
database, no compliance check, a constant answer. bench/content_submissions.py's floor."""

from uuid import UUID, uuid4

from fastapi import FastAPI

from content.api.deliverable_schemas import SubmissionBody

app = FastAPI()


@app.post("/api/v1/deliverables/{deliverable_id}/submissions", status_code=201)
async def submit(deliverable_id: UUID, body: SubmissionBody) -> dict[str, object]:
    return {"id": str(uuid4()), "deliverable_id": str(deliverable_id), "version": 1, "caption": body.caption}


@app.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}
