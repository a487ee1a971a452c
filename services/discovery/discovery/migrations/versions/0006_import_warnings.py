"""import warnings: cells an import read as empty or doubted, kept apart from rejected rows

A spreadsheet error or an unreadable optional figure no longer rejects its row: the cell is read
as empty and reported as a warning with its line and column. Jobs count them (`warnings`, 0 for
the jobs before) and keep each in import_warnings.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy): on SQLite, copying a table that import_files and
    # import_rejections reference would break those references.
    op.add_column("import_jobs", sa.Column("warnings", sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "import_warnings",
        sa.Column("job_id", sa.Uuid(), sa.ForeignKey("import_jobs.id", ondelete="CASCADE"), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("column", sa.String(255), nullable=False),
        sa.Column("field", sa.String(80), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("job_id", "line", "column", name="pk_import_warnings"),
    )


def downgrade() -> None:
    op.drop_table("import_warnings")
    op.drop_column("import_jobs", "warnings")
