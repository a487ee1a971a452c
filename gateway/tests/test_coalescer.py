"""The coalescer's flush rules: a lone item goes at once, items arriving together go together, a
full batch goes at once, and while a batch is on its way the next one waits at most max_wait_s
for company; each caller gets its own item's answer, or the batch's failure."""

import asyncio
from collections.abc import Sequence

import pytest

from gateway.adapters.coalescer import Coalescer


class Recorder:
    """A send function that answers each item doubled, holding a batch while `hold` is clear."""

    def __init__(self) -> None:
        self.batches: list[list[int]] = []
        self.hold = asyncio.Event()
        self.hold.set()
        self.fail: Exception | None = None

    async def send(self, items: Sequence[int]) -> list[int]:
        self.batches.append(list(items))
        await self.hold.wait()
        if self.fail is not None:
            raise self.fail
        return [item * 2 for item in items]


async def settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


async def test_a_lone_item_is_sent_at_once_not_after_the_wait() -> None:
    recorder = Recorder()
    coalescer = Coalescer(recorder.send, max_items=64, max_wait_s=60)
    assert await asyncio.wait_for(coalescer.submit(21), timeout=1) == 42
    assert recorder.batches == [[21]]


async def test_items_arriving_together_travel_together_each_answered_its_own() -> None:
    recorder = Recorder()
    coalescer = Coalescer(recorder.send, max_items=64, max_wait_s=60)
    answers = await asyncio.wait_for(asyncio.gather(*(coalescer.submit(i) for i in range(5))), timeout=1)
    assert answers == [0, 2, 4, 6, 8]
    assert recorder.batches == [[0, 1, 2, 3, 4]]


async def test_a_full_batch_is_sent_at_once() -> None:
    recorder = Recorder()
    coalescer = Coalescer(recorder.send, max_items=3, max_wait_s=0.05)
    answers = await asyncio.wait_for(asyncio.gather(*(coalescer.submit(i) for i in range(7))), timeout=1)
    assert answers == [i * 2 for i in range(7)]
    assert recorder.batches == [[0, 1, 2], [3, 4, 5], [6]]


async def test_while_a_batch_is_on_its_way_the_next_waits_for_company_up_to_max_wait() -> None:
    recorder = Recorder()
    coalescer = Coalescer(recorder.send, max_items=3, max_wait_s=60)
    recorder.hold.clear()
    first = asyncio.ensure_future(coalescer.submit(1))
    await settle()
    assert recorder.batches == [[1]]
    second = [asyncio.ensure_future(coalescer.submit(i)) for i in (2, 3)]
    await settle()
    assert recorder.batches == [[1]], "sent before the wait or a full batch"
    third = asyncio.ensure_future(coalescer.submit(4))
    await settle()
    assert recorder.batches == [[1], [2, 3, 4]], "a full batch waits for nothing"
    recorder.hold.set()
    assert await asyncio.wait_for(asyncio.gather(first, *second, third), timeout=1) == [2, 4, 6, 8]


async def test_the_wait_under_load_is_bounded() -> None:
    recorder = Recorder()
    coalescer = Coalescer(recorder.send, max_items=64, max_wait_s=0.02)
    recorder.hold.clear()
    first = asyncio.ensure_future(coalescer.submit(1))
    await settle()
    later = asyncio.ensure_future(coalescer.submit(2))
    await asyncio.sleep(0.2)
    assert recorder.batches == [[1], [2]]
    recorder.hold.set()
    assert await asyncio.wait_for(asyncio.gather(first, later), timeout=1) == [2, 4]


async def test_a_failed_batch_fails_each_of_its_callers_and_not_the_next_batch() -> None:
    recorder = Recorder()
    coalescer = Coalescer(recorder.send, max_items=64, max_wait_s=60)
    recorder.fail = ConnectionError("the upstream is away")
    failed = await asyncio.gather(*(coalescer.submit(i) for i in range(3)), return_exceptions=True)
    assert [type(f) for f in failed] == [ConnectionError] * 3
    recorder.fail = None
    assert await coalescer.submit(5) == 10


async def test_an_answer_of_the_wrong_length_fails_every_caller() -> None:
    async def short(items: Sequence[int]) -> list[int]:
        return list(items)[1:]

    coalescer = Coalescer(short, max_items=64, max_wait_s=60)
    with pytest.raises(RuntimeError, match="2 answers for 3 items"):
        await asyncio.gather(*(coalescer.submit(i) for i in range(3)))


async def test_a_caller_that_gives_up_leaves_the_others_answered() -> None:
    recorder = Recorder()
    coalescer = Coalescer(recorder.send, max_items=64, max_wait_s=60)
    recorder.hold.clear()
    leaving, staying = asyncio.ensure_future(coalescer.submit(1)), asyncio.ensure_future(coalescer.submit(2))
    await settle()
    leaving.cancel()
    recorder.hold.set()
    assert await asyncio.wait_for(staying, timeout=1) == 4
    assert leaving.cancelled()
