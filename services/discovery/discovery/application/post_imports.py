"""Posts imports: an upload of posts becomes a queued job (an import job of kind `posts`, read
through the same import-jobs routes); a worker plans and writes it chunk by chunk."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from discovery.application.imports import ImportPreview, previewed
from discovery.application.ports import InfluencerStore, Posts, UnitOfWork
from discovery.domain.actors import Actor, catalogue_for
from discovery.domain.imports import Chunk, ImportFile, ImportJob, ImportKind, ImportState, RecordSource
from discovery.domain.post_import import PostOwner, PostPlan, plan_posts, profile_keys, read_post_chunks
from discovery.domain.post_rows import ParsedPost, is_instaloader, map_post_columns
from discovery.domain.profiles import SHARED_CATALOGUE, Platform, ProfileKey, new_id, now
from discovery.domain.row_values import RowError
from discovery.domain.search import Visibility
from servicekit.errors import InvalidField


@dataclass(frozen=True)
class PostImportOptions:
    platform: Platform | None
    mapping: Mapping[str, str | None]
    visibility: Visibility | None


def _job(actor: Actor, upload: ImportFile, options: PostImportOptions) -> ImportJob:
    try:
        mapping = map_post_columns(upload.columns, options.mapping)
    except RowError as exc:
        raise InvalidField(exc.field, exc.message) from None
    if not any(is_instaloader(sample) for sample in upload.samples):
        missing = [f for f in ("handle", "posted_at") if f not in mapping.fields]
        if not ({"post_id", "url"} & set(mapping.fields)):
            missing.append("post_id")
        if missing:
            raise InvalidField(
                "mapping", f'no column holds {", ".join(missing)}: name it, e.g. {{"{missing[0]}": "My column"}}'
            )
    return ImportJob(
        id=new_id(),
        tenant_id=actor.tenant_id,
        catalogue_id=catalogue_for(actor, options.visibility),
        state=ImportState.QUEUED,
        kind=ImportKind.POSTS,
        format=upload.format,
        filename=upload.filename,
        size_bytes=len(upload.content),
        options={
            "platform": options.platform.value if options.platform else None,
            "mapping": dict(options.mapping),
            "choices": [[c.column, c.field, c.reason] for c in mapping.choices],
        },
        created_at=now(),
        created_by=actor.user_id,
        encoding=upload.encoding,
        mapping=mapping.fields,
        unmapped_columns=mapping.unmapped,
    )


async def submit(uow: UnitOfWork, actor: Actor, upload: ImportFile, options: PostImportOptions) -> ImportJob:
    """Maps the upload's columns (instaloader's JSON needs no mapping) and queues the job."""
    job = _job(actor, upload, options)
    await uow.imports.add(job, upload.content)
    return job


async def plan_chunk(
    influencers: InfluencerStore,
    posts: Posts,
    catalogue_id: UUID,
    rows: Sequence[tuple[int, ParsedPost]],
    at: datetime,
    *,
    known_owners: dict[ProfileKey, PostOwner] | None = None,
) -> PostPlan:
    """What a chunk of posts changes, read from the stores but not written: each post's profile
    by platform and handle in the job's catalogue, else (an org's job) in the shared one. Given
    `known_owners` (the job's earlier chunks found them; this one adds its own), a profile is
    looked up once per job, not once per chunk naming it; a handle not found is asked again."""
    known = {} if known_owners is None else known_owners
    keys = profile_keys(rows)
    wanted = [k for k in keys if k not in known]
    found = await influencers.post_owners(catalogue_id, wanted) if wanted else {}
    if catalogue_id != SHARED_CATALOGUE:
        missing = [k for k in wanted if k not in found]
        found = {**(await influencers.post_owners(SHARED_CATALOGUE, missing) if missing else {}), **found}
    known.update(found)
    owners = {k: known[k] for k in keys if k in known}
    stored = await posts.stored(catalogue_id, list(dict.fromkeys((r.platform, r.post_id) for _, r in rows)))
    return plan_posts(catalogue_id, rows, owners, stored, at)


async def preview(
    uow: UnitOfWork,
    actor: Actor,
    upload: ImportFile,
    source: RecordSource,
    options: PostImportOptions,
    *,
    chunk_rows: int,
    shown: int,
) -> ImportPreview:
    """The import as the job would run it against the catalogue as it is, nothing stored."""
    job = _job(actor, upload, options)

    async def plan(chunk: Chunk) -> PostPlan:
        return await plan_chunk(uow.influencers, uow.posts, job.catalogue_id, chunk.rows, now())

    counts, rejected, warned = await previewed(read_post_chunks(job, source, chunk_rows), plan, shown)
    choices = map_post_columns(upload.columns, options.mapping).choices
    return ImportPreview(job, choices, {}, counts, rejected, warned)
