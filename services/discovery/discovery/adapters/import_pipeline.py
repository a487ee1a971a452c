"""An import's chunks worked out in a second process while this one writes the chunks before.

Parsing, checking and deriving a chunk (Python) and writing it (PostgreSQL) take about as long as
each other; one after the other they add up, and threads cannot overlap them (the GIL). A forked
child reads the file from the job's checkpoint, looks up what each chunk changes (its own
connection: committed data suffices, as no two chunks of a file share a handle) and sends each
chunk's COPY records down a pipe; the parent writes them, chunk by chunk, in the transaction that
moves the job's checkpoint. Whatever goes wrong on the way, the parent stops the child and goes on
in-process from the last checkpoint (see ImportWorker).
"""

import asyncio
import contextlib
import copyreg
import gc
import io
import logging
import multiprocessing
import os
import pickle
import signal
import struct
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import orjson
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from discovery.adapters.bulk_writer import ChangeRows, change_rows
from discovery.adapters.file_formats import read_file
from discovery.adapters.influencer_repository import InfluencerRepository
from discovery.application.imports import plan_chunk
from discovery.domain.imports import CellWarning, ImportCounts, ImportJob, Rejection, read_chunks
from discovery.domain.profile_notices import renamed
from discovery.domain.profiles import now, uuid_of_int

log = logging.getLogger(__name__)

_HEADER = struct.Struct("!Q")
# How far the child may run ahead: what the pipe and the reader buffer hold (a few chunks).
_READ_BUFFER = 16 * 1024 * 1024


@dataclass(frozen=True)
class PlannedChunk:
    rows: ChangeRows
    counts: ImportCounts
    rejections: list[Rejection]
    records_done: int
    # The line of the file each profile of `rows` comes from (by id as hexadecimal text).
    lines: dict[str, int]
    # The updated profiles whose platform, handle or name changed (hexadecimal ids): with the
    # created ones, those the chunk tells of.
    renamed: list[str]
    warnings: list[CellWarning]


@dataclass(frozen=True)
class _End:
    error: str | None = None


class PipelineBroken(Exception):
    """The child stopped before the end of the file (it failed, or died)."""


# What the child runs: the job's chunks from its checkpoint on, each worked out (reading through
# the sessions given, never writing) into what the parent writes.
Planner = Callable[[async_sessionmaker[AsyncSession], ImportJob, bytes, int], AsyncIterator[Any]]


async def planned_chunks(
    database_url: str, job: ImportJob, content: bytes, chunk_rows: int, planner: Planner | None = None
) -> AsyncIterator[Any]:
    """The job's chunks from its checkpoint on, worked out by a child process one or more ahead
    (by `planner`: profiles' PlannedChunk unless said)."""
    read_fd, write_fd = os.pipe()
    process = multiprocessing.get_context("fork").Process(
        target=_child,
        args=(write_fd, database_url, job, content, chunk_rows, planner or plan_profiles),
        name=f"import-{job.id}",
        daemon=True,
    )
    try:
        process.start()
    finally:
        os.close(write_fd)
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(limit=_READ_BUFFER // 2, loop=loop)
    transport, _ = await loop.connect_read_pipe(
        lambda: asyncio.StreamReaderProtocol(reader, loop=loop), os.fdopen(read_fd, "rb", buffering=0)
    )
    try:
        while True:
            try:
                (size,) = _HEADER.unpack(await reader.readexactly(_HEADER.size))
                message = _unpickle(await reader.readexactly(size))
            except asyncio.IncompleteReadError:
                raise PipelineBroken(f"the import's child process ended early (exit code {process.exitcode})") from None
            if isinstance(message, _End):
                if message.error is not None:
                    raise PipelineBroken(message.error)
                return
            yield message
    finally:
        transport.close()
        if process.is_alive():
            process.kill()
        await asyncio.to_thread(process.join, 10)


def _unpickle(data: bytes) -> Any:
    # Thousands of tuples at once, none in a cycle: no collection need look at them meanwhile.
    with collection_paused():
        return pickle.loads(data)


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic garbage collection meanwhile (reference counting still frees what is let go).
    For a burst of objects that live a while and make no cycles: each collection they trigger
    otherwise scans every object the process holds (an import's posts held for content quality)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _reduce_uuid(value: UUID) -> tuple[Any, tuple[int]]:
    return uuid_of_int, (value.int,)


# UUIDs (a few per record) pickled as their number: UUID's own way (its state as a dict, set
# attribute by attribute) was a fifth of sending a chunk and of reading it.
_DISPATCH = {**copyreg.dispatch_table, UUID: _reduce_uuid}


def _child(write_fd: int, database_url: str, job: ImportJob, content: bytes, chunk_rows: int, planner: Planner) -> None:
    # What the parent had is never collected here (it is not ours to finalise: connections,
    # transports); what this process makes is freed as it goes, cycles aside, which are few.
    gc.freeze()
    gc.set_threshold(100_000, 50, 1000)
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, signal.SIG_DFL)
    with os.fdopen(write_fd, "wb") as out:

        def send(message: object) -> None:
            buffer = io.BytesIO()
            pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
            pickler.dispatch_table = _DISPATCH
            pickler.dump(message)
            data = buffer.getbuffer()
            out.write(_HEADER.pack(len(data)))
            out.write(data)
            out.flush()

        try:
            asyncio.run(_plan(send, database_url, job, content, chunk_rows, planner))
        except BrokenPipeError:
            return  # the parent stopped reading
        except BaseException as exc:  # whatever it is, the parent goes on without this process
            log.exception("import %s: the planning process failed", job.id)
            with contextlib.suppress(BrokenPipeError):
                send(_End(error=f"{type(exc).__name__}: {exc}"))
            return
        send(_End())


async def _plan(
    send: Any, database_url: str, job: ImportJob, content: bytes, chunk_rows: int, planner: Planner
) -> None:
    # Reads only; JSON columns decoded by orjson, at a third of the standard library's cost.
    engine = create_async_engine(database_url, pool_size=1, json_deserializer=orjson.loads)
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    try:
        async for message in planner(sessions, job, content, chunk_rows):
            send(message)
    finally:
        await engine.dispose()


async def plan_profiles(
    sessions: async_sessionmaker[AsyncSession], job: ImportJob, content: bytes, chunk_rows: int
) -> AsyncIterator[PlannedChunk]:
    for chunk in read_chunks(job, read_file(content, job.format), chunk_rows):
        async with sessions() as session:
            store = InfluencerRepository(session, job.tenant_id)
            plan = await plan_chunk(store, job.catalogue_id, chunk.rows, now())
            await session.rollback()
        counts = ImportCounts(rows_read=chunk.read, rows_rejected=len(chunk.rejections), warnings=len(chunk.warnings))
        counts.add(plan.counts)
        yield PlannedChunk(
            rows=change_rows(plan.changes),
            counts=counts,
            rejections=[*chunk.rejections, *plan.rejections],
            records_done=chunk.records_done,
            lines={key.hex: line for key, line in plan.changes.lines.items()},
            renamed=[i.hex for i in renamed(plan.changes)],
            warnings=chunk.warnings,
        )
