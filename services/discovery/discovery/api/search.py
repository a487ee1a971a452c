from fastapi import APIRouter

from discovery.api import presenters
from discovery.api.dependencies import CanRead, SettingsDep, SimilarityDep, UnitOfWorkDep
from discovery.api.search_schemas import RankedSearchRequest, RankedSearchResponse
from discovery.application import influencers
from discovery.domain.ranking import Budget, RankingRequest, TargetAudience, Weights
from discovery.domain.text import ProfileText
from servicekit.pagination import bad_cursor, decode_cursor, encode_cursor

router = APIRouter(prefix="/api/v1/influencers", tags=["search"])


def _weights(segments: dict[str, float] | list[str]) -> dict[str, float]:
    return dict(segments) if isinstance(segments, dict) else dict.fromkeys(segments, 1.0)


def _offset(cursor: str | None) -> int:
    if cursor is None:
        return 0
    values = decode_cursor(cursor, field="body.cursor")
    if len(values) != 2 or values[0] != "ranked" or not isinstance(values[1], int) or values[1] < 0:
        raise bad_cursor("body.cursor")
    return values[1]


@router.post("/search", dependencies=[CanRead])
async def ranked_search(
    body: RankedSearchRequest, uow: UnitOfWorkDep, similarity: SimilarityDep, settings: SettingsDep
) -> RankedSearchResponse:
    """Influencers ranked for a target audience, a brief and a budget; each hit with its score's parts."""
    target = body.target_audience
    weights = Weights(**body.weights.model_dump())
    request = RankingRequest(
        target=TargetAudience(
            countries=_weights(target.countries), ages=_weights(target.age_buckets), genders=_weights(target.genders)
        ),
        brief=ProfileText.of(body.brief) if body.brief and body.brief.strip() else None,
        budget=Budget(budget.amount_minor, budget.currency) if (budget := body.budget_per_post) else None,
        weights=weights,
    )
    currency = body.budget_per_post.currency if body.budget_per_post else settings.default_currency
    offset = _offset(body.cursor)
    page = await influencers.ranked_search(
        uow,
        request,
        body.filters.filters(currency),
        similarity,
        pool=settings.ranking_pool,
        offset=offset,
        limit=body.limit,
    )
    items = [
        presenters.ranked_hit(hit, page.profiles[hit.candidate.id])
        for hit in page.hits
        if hit.candidate.id in page.profiles
    ]
    end = offset + len(page.hits)
    return RankedSearchResponse(
        items=items,
        next_cursor=encode_cursor(["ranked", end]) if end < page.candidates else None,
        weights=body.weights.model_dump(),
        candidates=page.candidates,
    )
