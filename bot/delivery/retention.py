"""Retention: the history of sends is pruned, so the database grows with items and chats only.

Outbox rows in a final state and the digests they carried are deleted RETENTION_DAYS after they
were made; the freed pages go back to the file system (incremental auto-vacuum).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from storage.db import Database, utcnow
from storage.digests import DigestRepository
from storage.outbox import OutboxRepository

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PruneReport:
    outbox_rows: int
    digests: int
    pages_freed: int


class Retention:
    def __init__(
        self, db: Database, outbox: OutboxRepository, digests: DigestRepository, *, days: int
    ) -> None:
        self.db = db
        self.outbox = outbox
        self.digests = digests
        self.days = days

    async def prune(self, now: datetime | None = None) -> PruneReport:
        """Delete what is older than the retention period; `now` is for tests and the bench."""
        cutoff = (now or utcnow()) - timedelta(days=self.days)
        rows = await self.outbox.prune(cutoff)
        digests = await self.digests.prune(cutoff)
        freed = await self.db.incremental_vacuum()
        if rows or digests:
            log.info(
                "retention: %d outbox rows and %d digests older than %d days deleted, "
                "%d pages freed",
                rows,
                digests,
                self.days,
                freed,
            )
        return PruneReport(rows, digests, freed)
