"""The domain's refusals that servicekit does not map: a 403 for what a caller may never do."""

from fastapi import FastAPI, Request
from starlette.responses import JSONResponse

from partnerships.domain.access import PermissionDenied
from partnerships.domain.negotiation import ActionNotPermitted
from servicekit.problems import Problem, problem_response


async def _forbidden(request: Request, exc: Exception) -> JSONResponse:
    extensions = {}
    if isinstance(exc, ActionNotPermitted):
        extensions = {"action": exc.action.value, "party": exc.party.value}
    return problem_response(Problem(403, str(exc), **extensions), request.url.path)


def install_domain_errors(app: FastAPI) -> None:
    app.add_exception_handler(PermissionDenied, _forbidden)
    app.add_exception_handler(ActionNotPermitted, _forbidden)
