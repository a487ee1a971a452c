"""idempotency keys kept as hashes: each client's key as SHA-256 of its principal and key

The keys kept in the clear are hashed in place, as the gateway now looks them up, so a retry
with a key kept before the upgrade still replays its answer. Anonymous callers' keys go: they
were kept under the client's address in the clear, which is now a keyed digest this revision
cannot compute (a retry of one runs again). Down: hashes are not reversed, so the keys kept go
(a retry then runs again at the gateway; the service's own record of the key, kept by scoped
hash, still answers it once).

Revision ID: 0010
Revises: 0009
"""

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

BATCH = 1000

keys = sa.table("idempotency_keys", sa.column("id", sa.Uuid()), sa.column("principal"), sa.column("key"))


def _stored_key(principal: str, key: str) -> str:
    """gateway.domain.idempotency.stored_key as of this revision (frozen here)."""
    digest = hashlib.sha256()
    for part in (principal.encode(), key.encode()):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def upgrade() -> None:
    connection = op.get_bind()
    connection.execute(sa.delete(keys).where(keys.c.principal.like("anonymous:%")))
    rows = connection.execute(sa.select(keys.c.id, keys.c.principal, keys.c.key)).all()
    hashed = [{"row_id": row.id, "hashed": _stored_key(row.principal, row.key)} for row in rows]
    statement = sa.update(keys).where(keys.c.id == sa.bindparam("row_id")).values(key=sa.bindparam("hashed"))
    for start in range(0, len(hashed), BATCH):
        connection.execute(statement, hashed[start : start + BATCH])


def downgrade() -> None:
    op.execute(sa.delete(keys))
