"""A write cancelled while its BEGIN is queued (a scheduler job cancelled at shutdown) must not
leave the one connection inside a transaction that refuses every later write."""

from __future__ import annotations

import asyncio

from storage.db import Database


async def test_a_transaction_cancelled_at_begin_leaves_no_transaction_open(db: Database) -> None:
    async def write() -> None:
        async with db.transaction() as conn:
            await conn.execute("UPDATE feeds SET title = 'x' WHERE id = 0")

    task = asyncio.create_task(write())
    await asyncio.sleep(0)  # the task is now awaiting its queued BEGIN IMMEDIATE
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    async with asyncio.timeout(5):
        await write()  # refused with "cannot start a transaction within a transaction" before
    assert not db.conn.in_transaction
