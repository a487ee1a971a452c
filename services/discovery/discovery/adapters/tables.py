from collections.abc import Iterable
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.dialects.postgresql import JSONB

from discovery.domain.facts import BY_NAME, NUMBERS, SNAPSHOT_FACTS, Fact, Kind
from discovery.domain.limits import MAX_DISPLAY_NAME, MAX_HANDLE
from discovery.domain.posts import MAX_POST_ID
from servicekit.campaign_directory import campaign_directory
from servicekit.db import UtcDateTime, new_metadata
from servicekit.messaging_tables import OutboxId, messaging_tables

metadata = new_metadata()
messaging = messaging_tables(metadata)

# JSONB on PostgreSQL, so that category filters use a GIN index (`@>`).
Categories = JSON().with_variant(JSONB(), "postgresql")

AGE_COLUMNS = (
    "aud_age_13_17",
    "aud_age_18_24",
    "aud_age_25_34",
    "aud_age_35_44",
    "aud_age_45_54",
    "aud_age_55_64",
    "aud_age_65_plus",
)
GENDER_COLUMNS = ("aud_female", "aud_male", "aud_other")


def number_columns(numbers: Iterable[Fact]) -> list[Column[Any]]:
    """A column per number a profile states (domain/facts.py), named as the fact."""
    return [Column(f.name, BigInteger if f.kind is Kind.COUNT else Float, nullable=not f.required) for f in numbers]


influencers = Table(
    "influencers",
    metadata,
    Column("id", Uuid, primary_key=True),
    # The nil UUID for the shared catalogue, else the org whose private profile this is.
    Column("catalogue_id", Uuid, nullable=False),
    Column("platform", String(16), nullable=False),
    Column("handle", String(MAX_HANDLE), nullable=False),
    Column("display_name", String(MAX_DISPLAY_NAME), nullable=True),
    Column("bio", Text, nullable=True),
    Column("categories", Categories, nullable=False),
    Column("country", String(2), nullable=True),
    Column("language", String(8), nullable=True),
    *number_columns(NUMBERS),
    Column("engagement_rate", Float, nullable=True),
    Column("engagement_rate_source", String(16), nullable=True),
    # engagement_rate, or -1 when unknown: a non-null sort key for keyset pages.
    Column("engagement_sort", Float, nullable=False),
    Column("tier", String(8), nullable=False),
    Column("audience", JSON, nullable=False),
    *(Column(name, Float, nullable=True) for name in AGE_COLUMNS),
    *(Column(name, Float, nullable=True) for name in GENDER_COLUMNS),
    Column("audience_countries_known", Boolean, nullable=False),
    Column("rate_card", JSON, nullable=True),
    Column("price_minor", BigInteger, nullable=True),
    Column("price_currency", String(3), nullable=True),
    Column("past_sponsors", JSON, nullable=False),
    Column("contact", JSON, nullable=False),
    Column("last_refreshed_at", UtcDateTime(), nullable=True),
    Column("authenticity_score", Float, nullable=False),
    # The authenticity signals the profile's data could not show, comma-separated (migration 0004).
    Column("authenticity_not_assessed", String(120), nullable=False),
    Column("performance_score", Float, nullable=True),
    Column("prior_score", Float, nullable=False),
    # Lower-cased handle, name, bio and categories: the text that embeddings compare.
    Column("search_text", Text, nullable=False),
    # Lower-cased handle and name, whose substrings free-text search (`q`) finds (trigram index on
    # PostgreSQL).
    Column("search_name", Text, nullable=False),
    # The analysed words of name, bio, categories and sponsors, for TF-IDF, and whose beginnings
    # free-text search finds (a GIN index over them as a tsvector on PostgreSQL).
    Column("terms", Text, nullable=False),
    Column("content_hash", String(40), nullable=False),
    Column("created_by", Uuid, nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    # Derived from the profile's posts when they change (POSTS_DERIVED; migration 0009), never
    # written by a profile import or edit: what ranking reads, content quality and the terms of its
    # recent captions and the brands they tag, which brand affinity compares (the rest is in
    # influencer_post_details).
    Column("content_quality", Float, nullable=True),
    Column("content_quality_not_assessed", String(200), nullable=True),
    Column("post_terms", Text, nullable=True),
    UniqueConstraint("catalogue_id", "platform", "handle", name="uq_influencers_catalogue_platform_handle"),
    Index("ix_influencers_followers", "followers", "id"),
    Index("ix_influencers_platform_followers", "platform", "followers", "id"),
    Index("ix_influencers_country_followers", "country", "followers", "id"),
    Index("ix_influencers_engagement", "engagement_sort", "id"),
    Index("ix_influencers_prior", "prior_score", "id"),
    Index("ix_influencers_platform_prior", "platform", "prior_score", "id"),
    Index("ix_influencers_country_prior", "country", "prior_score", "id"),
    Index("ix_influencers_created", "created_at", "id"),
)

POSTS_DERIVED = frozenset(("content_quality", "content_quality_not_assessed", "post_terms"))

# What a profile's posts give it that only its page (and text-reading similarity) reads, a row per
# profile with posts (migration 0010): on the profile's row they made it 2.4x wider, and every
# search reads those rows (ranking hundreds per query).
influencer_post_details = Table(
    "influencer_post_details",
    metadata,
    Column("influencer_id", Uuid, primary_key=True),
    Column("content_quality_detail", JSON, nullable=False),
    Column("content_quality_at", UtcDateTime(), nullable=False),
    Column("post_text", Text, nullable=False),
)

# Each profile's audience share per country, written with the profile (without a foreign key on
# PostgreSQL: checking it cost imports more than any index; see migration 0003).
audience_countries = Table(
    "audience_countries",
    metadata,
    Column("influencer_id", Uuid, nullable=False),
    Column("country", String(2), nullable=False),
    Column("share", Float, nullable=False),
    PrimaryKeyConstraint("influencer_id", "country", name="pk_audience_countries"),
    Index("ix_audience_countries_country_share", "country", "share"),
)

# An influencer's posts (domain/posts.py), one per platform and post id in each catalogue: the
# shared one, or the org's whose import brought them. No foreign key to influencers, as for
# audience_countries: profiles are never deleted, and checking the key would cost each imported post.
influencer_posts = Table(
    "influencer_posts",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("catalogue_id", Uuid, nullable=False),
    Column("influencer_id", Uuid, nullable=False),
    Column("platform", String(16), nullable=False),
    Column("post_id", String(MAX_POST_ID), nullable=False),
    Column("url", Text, nullable=True),
    Column("posted_at", UtcDateTime(), nullable=False),
    Column("caption", Text, nullable=True),
    Column("media_type", String(16), nullable=True),
    Column("likes", BigInteger, nullable=True),
    Column("comments", BigInteger, nullable=True),
    Column("views", BigInteger, nullable=True),
    Column("shares", BigInteger, nullable=True),
    Column("saves", BigInteger, nullable=True),
    Column("paid_partnership", Boolean, nullable=True),
    Column("sponsor_tags", JSON, nullable=False),
    Column("mentions", JSON, nullable=False),
    Column("sponsored", Boolean, nullable=False),
    Column("sponsor_signal", String(32), nullable=False),
    Column("sponsor_reason", Text, nullable=False),
    Column("sponsor_brands", JSON, nullable=False),
    # What the import compares to tell an unchanged post from an updated one.
    Column("content_hash", String(40), nullable=False),
    # The import job that last created or changed it: what its summary event counts.
    Column("job_id", Uuid, nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    UniqueConstraint("catalogue_id", "platform", "post_id", name="uq_influencer_posts_catalogue_platform_post"),
    Index("ix_influencer_posts_influencer_posted", "influencer_id", "posted_at", "id"),
    Index("ix_influencer_posts_job", "job_id"),
)

influencer_snapshots = Table(
    "influencer_snapshots",
    metadata,
    Column("id", OutboxId, primary_key=True, autoincrement=True),
    Column("influencer_id", Uuid, ForeignKey("influencers.id", ondelete="CASCADE"), nullable=False),
    Column("taken_at", UtcDateTime(), nullable=False),
    *number_columns([BY_NAME[name] for name in SNAPSHOT_FACTS]),
    Column("engagement_rate", Float, nullable=True),
    Index("ix_influencer_snapshots_influencer_taken", "influencer_id", "taken_at"),
)

performance_records = Table(
    "performance_records",
    metadata,
    Column("influencer_id", Uuid, nullable=False),
    Column("scope", String(80), nullable=False),
    Column("tenant_id", Uuid, nullable=True),
    Column("posts", BigInteger, nullable=False),
    Column("impressions", BigInteger, nullable=False),
    Column("engagements", BigInteger, nullable=False),
    Column("clicks", BigInteger, nullable=False),
    Column("conversions", BigInteger, nullable=False),
    Column("engagement_rate", Float, nullable=True),
    Column("roi", Float, nullable=True),
    Column("measured_at", UtcDateTime(), nullable=False),
    PrimaryKeyConstraint("influencer_id", "scope", name="pk_performance_records"),
)

# Whose each campaign is and how it stands, from partnerships' events (shortlists need both).
campaigns = campaign_directory(metadata)

shortlist_entries = Table(
    "shortlist_entries",
    metadata,
    Column("campaign_id", Uuid, ForeignKey("campaigns.id"), nullable=False),
    Column("influencer_id", Uuid, ForeignKey("influencers.id"), nullable=False),
    Column("tenant_id", Uuid, nullable=False),
    Column("note", Text, nullable=True),
    Column("added_by", Uuid, nullable=True),
    Column("added_at", UtcDateTime(), nullable=False),
    PrimaryKeyConstraint("campaign_id", "influencer_id", name="pk_shortlist_entries"),
    Index("ix_shortlist_entries_campaign_added", "campaign_id", "added_at", "influencer_id"),
)

influencer_notes = Table(
    "influencer_notes",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("tenant_id", Uuid, nullable=False),
    Column("influencer_id", Uuid, ForeignKey("influencers.id", ondelete="CASCADE"), nullable=False),
    Column("text", Text, nullable=False),
    Column("author_id", Uuid, nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Index("ix_influencer_notes_tenant_influencer", "tenant_id", "influencer_id", "created_at", "id"),
)

influencer_tags = Table(
    "influencer_tags",
    metadata,
    Column("tenant_id", Uuid, nullable=False),
    Column("influencer_id", Uuid, ForeignKey("influencers.id", ondelete="CASCADE"), nullable=False),
    Column("tag", String(40), nullable=False),
    PrimaryKeyConstraint("tenant_id", "influencer_id", "tag", name="pk_influencer_tags"),
    Index("ix_influencer_tags_tenant_tag", "tenant_id", "tag", "influencer_id"),
)

import_jobs = Table(
    "import_jobs",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("tenant_id", Uuid, nullable=False),
    Column("catalogue_id", Uuid, nullable=False),
    Column("created_by", Uuid, nullable=True),
    Column("state", String(16), nullable=False),
    # What the file holds: profiles, or posts of profiles (migration 0007).
    Column("kind", String(16), nullable=False, server_default="profiles"),
    Column("format", String(8), nullable=False),
    Column("filename", String(255), nullable=True),
    Column("size_bytes", BigInteger, nullable=False),
    Column("encoding", String(16), nullable=True),
    Column("options", JSON, nullable=False),
    Column("mapping", JSON, nullable=False),
    Column("unmapped_columns", JSON, nullable=False),
    Column("rows_read", Integer, nullable=False),
    Column("rows_imported", Integer, nullable=False),
    Column("rows_created", Integer, nullable=False),
    Column("rows_updated", Integer, nullable=False),
    Column("rows_unchanged", Integer, nullable=False),
    Column("rows_rejected", Integer, nullable=False),
    # Cells read as empty or doubted in rows that were imported all the same (import_warnings).
    Column("warnings", Integer, nullable=False, server_default="0"),
    # Source records handled so far, committed with their effect: where a resumed job goes on.
    Column("records_done", Integer, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("worker_id", String(64), nullable=True),
    Column("error", Text, nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("started_at", UtcDateTime(), nullable=True),
    Column("heartbeat_at", UtcDateTime(), nullable=True),
    Column("finished_at", UtcDateTime(), nullable=True),
    Index("ix_import_jobs_state_created", "state", "created_at"),
)

import_files = Table(
    "import_files",
    metadata,
    Column("job_id", Uuid, ForeignKey("import_jobs.id", ondelete="CASCADE"), primary_key=True),
    Column("content", LargeBinary, nullable=False),
)

import_rejections = Table(
    "import_rejections",
    metadata,
    Column("job_id", Uuid, ForeignKey("import_jobs.id", ondelete="CASCADE"), nullable=False),
    Column("line", Integer, nullable=False),
    Column("field", String(80), nullable=False),
    Column("reason", Text, nullable=False),
    PrimaryKeyConstraint("job_id", "line", name="pk_import_rejections"),
)

import_warnings = Table(
    "import_warnings",
    metadata,
    Column("job_id", Uuid, ForeignKey("import_jobs.id", ondelete="CASCADE"), nullable=False),
    Column("line", Integer, nullable=False),
    Column("column", String(255), nullable=False),
    Column("field", String(80), nullable=False),
    Column("reason", Text, nullable=False),
    PrimaryKeyConstraint("job_id", "line", "column", name="pk_import_warnings"),
)
