"""scores count what they could not assess as neutral

Revision ID: 0004
Revises: 0003

Authenticity started at 100 and lost points only for what the data showed, so a profile whose
data showed nothing passed for a clean one, while an unknown engagement rate scored 0. Now every
unknown counts as neutral: authenticity is 50 + 12.5 per signal assessed - penalties, an unknown
engagement rate counts as its benchmark (quality 0.5), and a part of past performance that was not
measured counts as 0.5. This adds the column naming the authenticity signals not assessed and
rescores every profile with the rules as they were when this was written (copied below):

- authenticity: max(0, 100 - penalties) becomes max(0, 50 + 12.5·assessed - penalties), which is
  the old score less 12.5 per signal not assessed (rounded half up, at least 0);
- past performance: recomputed from the performance records;
- prior score: recomputed from the three.

It rewrites every profile: some 40 s per 100,000 on PostgreSQL, nearly all of it updating the
table's indexes (one statement per batch instead of one per row saved nothing).

The downgrade drops the column; the scores keep their new meaning until each profile is written.
"""

import itertools
import math
from collections import defaultdict
from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from alembic import op

from servicekit.db import UtcDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_BATCH = 5000
_SIGNALS = 4
_SPIKE_WINDOW = timedelta(days=45)
_BENCHMARKS = {
    "instagram": {"nano": 0.045, "micro": 0.030, "mid": 0.020, "macro": 0.015, "mega": 0.012},
    "tiktok": {"nano": 0.080, "micro": 0.065, "mid": 0.055, "macro": 0.050, "mega": 0.045},
    "youtube": {"nano": 0.040, "micro": 0.030, "mid": 0.025, "macro": 0.020, "mega": 0.015},
    "x": {"nano": 0.010, "micro": 0.008, "mid": 0.006, "macro": 0.005, "mega": 0.004},
    "twitch": {"nano": 0.050, "micro": 0.040, "mid": 0.030, "macro": 0.025, "mega": 0.020},
    "blog": {"nano": 0.020, "micro": 0.015, "mid": 0.010, "macro": 0.008, "mega": 0.006},
}

influencers = sa.table(
    "influencers",
    sa.column("id", sa.Uuid()),
    sa.column("platform", sa.String()),
    sa.column("tier", sa.String()),
    sa.column("followers", sa.BigInteger()),
    sa.column("following", sa.BigInteger()),
    sa.column("avg_likes", sa.Float()),
    sa.column("avg_comments", sa.Float()),
    sa.column("engagement_rate", sa.Float()),
    sa.column("authenticity_score", sa.Float()),
    sa.column("authenticity_not_assessed", sa.String()),
    sa.column("performance_score", sa.Float()),
    sa.column("prior_score", sa.Float()),
    sa.column("last_refreshed_at", UtcDateTime()),
    sa.column("updated_at", UtcDateTime()),
)
snapshots = sa.table(
    "influencer_snapshots", sa.column("influencer_id", sa.Uuid()), sa.column("taken_at", UtcDateTime())
)
performance_records = sa.table(
    "performance_records",
    sa.column("influencer_id", sa.Uuid()),
    sa.column("posts", sa.BigInteger()),
    sa.column("impressions", sa.BigInteger()),
    sa.column("engagements", sa.BigInteger()),
    sa.column("engagement_rate", sa.Float()),
    sa.column("roi", sa.Float()),
)


def _not_assessed(row: Any, times: list[Any]) -> list[str]:
    missing = []
    if row.engagement_rate is None:
        missing.append("engagement_vs_benchmark")
    ordered = sorted([*times, row.last_refreshed_at or row.updated_at])
    if not any(timedelta(0) < b - a <= _SPIKE_WINDOW for a, b in itertools.pairwise(ordered)):
        missing.append("follower_spikes")
    if row.following is None or row.followers <= 0:
        missing.append("following_ratio")
    if row.avg_likes is None or row.avg_comments is None or row.avg_likes < 100:
        missing.append("comment_to_like_ratio")
    return missing


def _performance(records: list[Any], platform: str) -> float:
    posts = sum(r.posts for r in records)
    impressions = sum(r.impressions for r in records)
    rate = sum(r.engagements for r in records) / impressions if impressions else None
    if rate is None:
        rates = [r.engagement_rate for r in records if r.engagement_rate is not None]
        rate = sum(rates) / len(rates) if rates else None
    rois = [(r.roi, max(r.posts, 1)) for r in records if r.roi is not None]
    roi = sum(v * w for v, w in rois) / sum(w for _, w in rois) if rois else None
    engagement = 0.5 if rate is None else min(1.0, rate / _BENCHMARKS[platform]["mid"] / 2)
    roi_part = 0.5 if roi is None else min(1.0, max(0.0, 0.5 + roi / 4))
    confidence = min(1.0, posts / 5)
    return 0.5 + ((engagement + roi_part) / 2 - 0.5) * confidence


def _rescored(row: Any, times: list[Any], records: list[Any]) -> dict[str, Any]:
    missing = _not_assessed(row, times)
    authenticity = max(0, math.floor(row.authenticity_score - 12.5 * len(missing) + 0.5))
    performance = _performance(records, row.platform) if records else row.performance_score
    if row.engagement_rate is None:
        quality = 0.5
    else:
        quality = 1.0 - 2.0 ** -max(row.engagement_rate / _BENCHMARKS[row.platform][row.tier], 0.0)
    prior = (0.20 * quality + 0.15 * authenticity / 100 + 0.10 * (0.5 if performance is None else performance)) / 0.45
    return {
        "row_id": row.id,
        "score": float(authenticity),
        "missing": ",".join(missing),
        "performance": performance,
        "prior": prior,
    }


def upgrade() -> None:
    bind = op.get_bind()
    op.add_column(
        "influencers", sa.Column("authenticity_not_assessed", sa.String(120), nullable=False, server_default="")
    )
    if bind.dialect.name == "postgresql":
        op.execute("ALTER TABLE influencers ALTER COLUMN authenticity_not_assessed DROP DEFAULT")

    update = (
        influencers.update()
        .where(influencers.c.id == sa.bindparam("row_id"))
        .values(
            authenticity_score=sa.bindparam("score"),
            authenticity_not_assessed=sa.bindparam("missing"),
            performance_score=sa.bindparam("performance"),
            prior_score=sa.bindparam("prior"),
        )
    )
    columns = [c for c in influencers.c if c.name not in ("authenticity_not_assessed", "prior_score")]
    last = None
    while True:
        query = sa.select(*columns)
        if last is not None:
            query = query.where(influencers.c.id > last)
        rows = bind.execute(query.order_by(influencers.c.id).limit(_BATCH)).all()
        if not rows:
            break
        ids = [row.id for row in rows]
        times: dict[Any, list[Any]] = defaultdict(list)
        for influencer_id, taken_at in bind.execute(
            sa.select(snapshots.c.influencer_id, snapshots.c.taken_at).where(snapshots.c.influencer_id.in_(ids))
        ):
            times[influencer_id].append(taken_at)
        records: dict[Any, list[Any]] = defaultdict(list)
        for record in bind.execute(sa.select(performance_records).where(performance_records.c.influencer_id.in_(ids))):
            records[record.influencer_id].append(record)
        bind.execute(update, [_rescored(row, times[row.id], records[row.id]) for row in rows])
        last = rows[-1].id


def downgrade() -> None:
    with op.batch_alter_table("influencers") as batch:
        batch.drop_column("authenticity_not_assessed")
