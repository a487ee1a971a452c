"""campaigns become servicekit's campaign directory (the table discovery and content keep too)

The state column takes the directory's width (16; every state fits); objective and created_at may
be unknown (a campaign launched before metrics heard it created); the dates and the time the
details are from are new. The rows keep their data: their details are those campaign.created told,
at its time.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

from servicekit.db import UtcDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

campaigns = sa.table(
    "campaigns",
    sa.column("objective", sa.String()),
    sa.column("created_at", UtcDateTime()),
    sa.column("updated_at", UtcDateTime()),
    sa.column("details_at", UtcDateTime()),
)


def upgrade() -> None:
    with op.batch_alter_table("campaigns") as batch:
        batch.alter_column("state", existing_type=sa.String(32), type_=sa.String(16), existing_nullable=False)
        batch.alter_column("objective", existing_type=sa.String(32), nullable=True)
        batch.alter_column("created_at", existing_type=UtcDateTime(), nullable=True)
        batch.add_column(sa.Column("starts_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("ends_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("details_at", UtcDateTime(), nullable=True))
    op.create_index("ix_campaigns_tenant_id_id", "campaigns", ["tenant_id", "id"])
    op.execute(campaigns.update().values(details_at=campaigns.c.created_at))


def downgrade() -> None:
    op.drop_index("ix_campaigns_tenant_id_id", table_name="campaigns")
    op.execute(campaigns.update().where(campaigns.c.objective.is_(None)).values(objective=""))
    op.execute(campaigns.update().where(campaigns.c.created_at.is_(None)).values(created_at=campaigns.c.updated_at))
    with op.batch_alter_table("campaigns") as batch:
        batch.drop_column("details_at")
        batch.drop_column("ends_on")
        batch.drop_column("starts_on")
        batch.alter_column("created_at", existing_type=UtcDateTime(), nullable=False)
        batch.alter_column("objective", existing_type=sa.String(32), nullable=False)
        batch.alter_column("state", existing_type=sa.String(16), type_=sa.String(32), existing_nullable=False)
