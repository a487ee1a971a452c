"""membership grants, revocations shared by replicas, invitations, sign-ups awaiting confirmation

Revision ID: 0004
Revises: 0003
"""

import uuid

import sqlalchemy as sa
from alembic import op

from servicekit.db import UtcDateTime
from servicekit.messaging_tables import OutboxId

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("memberships") as batch:
        batch.add_column(sa.Column("grant_id", sa.Uuid(), nullable=True))
    memberships = sa.table("memberships", sa.column("org_id", sa.Uuid()), sa.column("user_id", sa.Uuid()))
    connection = op.get_bind()
    for org_id, user_id in connection.execute(sa.select(memberships.c.org_id, memberships.c.user_id)).all():
        connection.execute(
            sa.text("UPDATE memberships SET grant_id = :grant WHERE org_id = :org AND user_id = :user").bindparams(
                sa.bindparam("grant", uuid.uuid4(), type_=sa.Uuid()),
                sa.bindparam("org", org_id, type_=sa.Uuid()),
                sa.bindparam("user", user_id, type_=sa.Uuid()),
            )
        )
    with op.batch_alter_table("memberships") as batch:
        batch.alter_column("grant_id", existing_type=sa.Uuid(), nullable=False)

    op.create_table(
        "invitations",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("org_id", sa.Uuid(), sa.ForeignKey("orgs.id", ondelete="CASCADE"), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("invited_by", sa.Uuid(), nullable=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("expires_at", UtcDateTime(), nullable=False),
        sa.Column("decided_at", UtcDateTime(), nullable=True),
        sa.UniqueConstraint("token_hash", name="uq_invitations_token_hash"),
    )
    op.create_index("ix_invitations_email", "invitations", ["email", "state"])
    op.create_index("ix_invitations_org_id", "invitations", ["org_id", "state"])
    op.create_table(
        "signups",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("purpose", sa.String(16), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("display_name", sa.String(200), nullable=True),
        sa.Column("org_id", sa.Uuid(), nullable=True),
        sa.Column("org_name", sa.String(200), nullable=True),
        sa.Column("org_kind", sa.String(16), nullable=True),
        sa.Column("influencer_id", sa.Uuid(), nullable=True),
        sa.Column("invitation_id", sa.Uuid(), sa.ForeignKey("invitations.id", ondelete="CASCADE"), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("expires_at", UtcDateTime(), nullable=False),
        sa.UniqueConstraint("token_hash", name="uq_signups_token_hash"),
    )
    op.create_index("ix_signups_expires_at", "signups", ["expires_at"])
    op.create_table(
        "revocations",
        sa.Column("id", OutboxId, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("subject", sa.Uuid(), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("expires_at", UtcDateTime(), nullable=False),
    )
    op.create_index("ix_revocations_at", "revocations", ["at"])
    op.create_index("ix_revocations_expires_at", "revocations", ["expires_at"])


def downgrade() -> None:
    op.drop_table("revocations")
    op.drop_table("signups")
    op.drop_table("invitations")
    with op.batch_alter_table("memberships") as batch:
        batch.drop_column("grant_id")
