"""Concurrent calls coalesced into one: items submitted while others wait travel as one batch.

Flush rules:
- Nothing on its way (idle): the batch goes at the end of the current turn of the event loop, so
  a lone item waits for nothing and items arriving in the same turn go with it.
- A batch on its way (under load): the next waits at most `max_wait_s` for company (uvloop rounds
  a wait under a millisecond to its next turn).
- `max_items` waiting: they go at once.
Each caller gets its own item's answer, or the exception its batch's call raised.
"""

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Coalescer(Generic[T, R]):
    def __init__(
        self, send: Callable[[Sequence[T]], Awaitable[Sequence[R]]], *, max_items: int, max_wait_s: float
    ) -> None:
        self.send = send
        self.max_items = max_items
        self.max_wait_s = max_wait_s
        self._items: list[T] = []
        self._waiters: list[asyncio.Future[R]] = []
        self._timer: asyncio.Handle | None = None
        self._in_flight: set[asyncio.Task[None]] = set()

    async def submit(self, item: T) -> R:
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[R] = loop.create_future()
        self._items.append(item)
        self._waiters.append(waiter)
        if len(self._items) >= self.max_items:
            self._flush()
        elif self._timer is None:
            if self._in_flight:
                self._timer = loop.call_later(self.max_wait_s, self._flush)
            else:
                self._timer = loop.call_soon(self._flush)
        return await waiter

    def _flush(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if not self._items:
            return
        items, waiters = self._items, self._waiters
        self._items, self._waiters = [], []
        task = asyncio.get_running_loop().create_task(self._call(items, waiters))
        self._in_flight.add(task)
        task.add_done_callback(self._in_flight.discard)

    async def _call(self, items: list[T], waiters: list[asyncio.Future[R]]) -> None:
        try:
            answers = await self.send(items)
            if len(answers) != len(items):
                raise RuntimeError(f"{len(answers)} answers for {len(items)} items")
        except BaseException as exc:
            for waiter in waiters:
                if not waiter.done():
                    waiter.set_exception(exc)
            if not isinstance(exc, Exception):
                raise
            return
        for waiter, answer in zip(waiters, answers, strict=True):
            if not waiter.done():  # its caller may have given up
                waiter.set_result(answer)
