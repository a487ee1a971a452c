"""Problems particular to partnerships' answers."""

from fastapi import FastAPI, Request
from starlette.responses import JSONResponse

from partnerships.domain.influencers import UnknownInfluencer
from servicekit.problems import Problem, problem_response


async def _unknown_influencer(request: Request, exc: Exception) -> JSONResponse:
    """A 422 naming influencer_id that says the client may retry: the profile may be on its way."""
    assert isinstance(exc, UnknownInfluencer)
    problem = Problem(
        422,
        str(exc),
        errors=[{"field": f"body.{exc.field}", "message": exc.message, "type": "unknown_influencer"}],
        headers={"Retry-After": str(exc.RETRY_AFTER_S)},
        retryable=True,
    )
    return problem_response(problem, request.url.path)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(UnknownInfluencer, _unknown_influencer)
