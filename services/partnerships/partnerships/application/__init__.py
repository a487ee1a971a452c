"""The use cases: each an async function taking the unit of work (`ports.py` says what it
holds), loading through its repositories, applying the rules of `domain/` and recording the events
that tell of the change. The API and the event handlers call these; nothing here commits.

Locks: the campaign row first, then the partnership row, on every path (`changes.lock`), so that
no two changes can deadlock.
"""
