"""/docs served from the app itself: Swagger UI's files come from a package (fastapi-swagger
carries a current Swagger UI distribution), not a CDN, so the page works offline, self-hosted
and under a strict Content-Security-Policy (no inline script: the page's set-up is a file too)."""

import json
from importlib import resources
from pathlib import Path

from fastapi import APIRouter, FastAPI
from starlette.responses import FileResponse, Response

from servicekit.problems import Problem

DOCS_PATH = "/docs"
ASSETS_PATH = "/docs/assets"
_ASSETS: dict[str, str] = {
    "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
    "swagger-ui.css": "text/css; charset=utf-8",
    "favicon-32x32.png": "image/png",
}
# Everything the page loads is its own: no CDN, no inline script or style attribute hooks.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
_SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


def _asset_dir() -> Path:
    return Path(str(resources.files("fastapi_swagger.resources")))


def _page(title: str) -> str:
    # Relative URLs only: behind the gateway or an ingress the page never names a host.
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="stylesheet" href="{ASSETS_PATH}/swagger-ui.css">
<link rel="icon" type="image/png" href="{ASSETS_PATH}/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{ASSETS_PATH}/swagger-ui-bundle.js"></script>
<script src="{ASSETS_PATH}/init.js"></script>
</body>
</html>
"""


def _init_script(openapi_url: str) -> str:
    options = {
        "url": openapi_url,
        "dom_id": "#swagger-ui",
        "deepLinking": True,
        "persistAuthorization": True,
        "displayRequestDuration": True,
        "filter": True,
    }
    return f"window.ui = SwaggerUIBundle({json.dumps(options)});\n"


def docs_router(app: FastAPI) -> APIRouter:
    """GET /docs and its assets. The app is built with docs_url=None."""
    router = APIRouter(include_in_schema=False)
    asset_dir = _asset_dir()
    page = _page(f"{app.title} - API docs")
    init = _init_script(app.openapi_url or "/openapi.json")

    @router.get(DOCS_PATH)
    async def swagger_ui() -> Response:
        return Response(page, media_type="text/html; charset=utf-8", headers=_SECURITY_HEADERS)

    @router.get(f"{ASSETS_PATH}/init.js")
    async def swagger_ui_init() -> Response:
        return Response(init, media_type="text/javascript; charset=utf-8", headers=_SECURITY_HEADERS)

    @router.get(ASSETS_PATH + "/{name}")
    async def swagger_ui_asset(name: str) -> Response:
        media_type = _ASSETS.get(name)
        if media_type is None:
            raise Problem(404, f"no docs asset {name!r}")
        headers = {**_SECURITY_HEADERS, "cache-control": "public, max-age=86400"}
        return FileResponse(asset_dir / name, media_type=media_type, headers=headers)

    return router
