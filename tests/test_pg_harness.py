"""The PostgreSQL harness starts a real server, with Russian stemming for full-text search."""

from __future__ import annotations

import asyncpg

from tests.pg import pg_dsn  # noqa: F401 - the fixture


async def test_harness_serves_postgres_15_with_russian_stemming(
    pg_dsn: str,  # noqa: F811 - the fixture imported above
) -> None:
    conn = await asyncpg.connect(pg_dsn, timeout=10)
    try:
        version = await conn.fetchval("SHOW server_version_num")
        assert int(version) >= 150000
        assert await conn.fetchval("SELECT to_tsvector('russian', 'соглашения')") == "'соглашен':1"
        # Capitalised words fold too (the cluster's ctype is UTF-8, not C), so any word form
        # of a title matches a query in another form.
        matched = await conn.fetchval(
            "SELECT to_tsvector('russian', 'Соглашение подписано') "
            "@@ plainto_tsquery('russian', 'соглашения')"
        )
        assert matched is True
    finally:
        await conn.close()
