"""GET and HEAD /r/{code}, the public tracking redirect: answered from metrics' answer to the visit
(adapters.redirects coalesces concurrent visits into one call), with the headers the redirect has
always had: a 302 with Location and Cache-Control: no-store, or metrics' 404 problem."""

from gateway.adapters.redirects import RedirectResolver, Visit
from servicekit.problems import Problem, problem_response

ROUTE = "/r/{code}"
_PREFIX = "/r/"
_NOT_FOUND = problem_response(Problem(404, "no such tracking link"))
_NOT_FOUND_HEADERS = [(name, value) for name, value in _NOT_FOUND.raw_headers if name != b"content-length"]


def is_redirect(route_path: str, method: str, path: str) -> bool:
    """A visit of one code (deeper paths under /r/ go to metrics as they are, and are 404s)."""
    return route_path == ROUTE and method in ("GET", "HEAD") and "/" not in path[len(_PREFIX) :]


async def redirect_answer(
    resolver: RedirectResolver, path: str, method: str, headers: dict[str, str], address: str
) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    """Status, headers (no content-length) and body for the visitor; raises a Problem."""
    visit = Visit(path[len(_PREFIX) :], method, address, headers.get("user-agent", ""), headers.get("referer"))
    destination = await resolver.resolve(visit)
    if destination.status == 302 and destination.location:
        return 302, [(b"location", destination.location.encode()), (b"cache-control", b"no-store")], b""
    if destination.status == 404:
        return 404, list(_NOT_FOUND_HEADERS), bytes(_NOT_FOUND.body)
    raise Problem(502, f"the metrics service failed (HTTP {destination.status})", upstream="metrics")
