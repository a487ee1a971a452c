"""Runs the spine harness's consumer in its own process, for the crash test.

--crash: the process dies (os._exit) after its handler's transaction committed and before the
offset commit, as a kill -9 at the worst moment would. Each handled record prints a line
"handled <event id> <effect|duplicate>".
"""

import argparse
import asyncio
import os
import sys
from typing import Any

from spine_harness import consumer_for, migrated

from servicekit.consumer import EventConsumer
from servicekit.handlers import PreparedEvent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", required=True)
    parser.add_argument("--bootstrap", required=True)
    parser.add_argument("--topic", required=True)
    parser.add_argument("--group", required=True)
    parser.add_argument("--crash", action="store_true")
    parser.add_argument("--exit-after", type=int, default=1, help="stop after handling this many records")
    args = parser.parse_args()

    finished = asyncio.Event()

    class Consumer(EventConsumer):
        handled = 0

        async def _handle_once(self, prepared: PreparedEvent[Any]) -> bool:
            effect = await super()._handle_once(prepared)
            print("handled", prepared.event.id, "effect" if effect else "duplicate", flush=True)
            Consumer.handled += 1
            return effect

        async def _commit_offsets(self, offsets):  # type: ignore[no-untyped-def]
            if args.crash and offsets:
                os._exit(17)
            await super()._commit_offsets(offsets)
            if Consumer.handled >= args.exit_after and offsets:
                print("committed", flush=True)
                finished.set()

    async def run() -> None:
        database = await migrated(args.database)
        consumer = consumer_for(database, args.bootstrap, args.topic, idempotent=False, group=args.group, cls=Consumer)
        consumer.start()
        await finished.wait()
        await consumer.stop()
        await database.dispose()

    asyncio.run(run())
    sys.exit(0)


if __name__ == "__main__":
    main()
