"""End-to-end registry evaluation: corpus articles served by the fake news site, ingested by the
real pipeline (feed, pages, extraction, registry merge), exported as JSONL, scored by the shared
registry scorer.

    .venv/bin/python bench/eval_registry.py [--fold a|c1|c2|c3|c4] [--extractor MOD:ATTR]
        [--model PATH] [--curation FILE] [--keep DIR] [--details]

Every article is served at /media/news/<section>/<id>/, so the scorer maps URLs back to ids; the
ARTICLES file handed to the scorer lists the URLs actually served. `--extractor` names a factory
(called with `--model` when given) returning an object with `extract(ArticleInput) ->
Extraction`, e.g. an out-of-fold learned model; `--fold` serves and scores only that round's
articles (see ../shared/corpus/README.md). Prints the scorer's summary; the last line is JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.config import load_settings  # noqa: E402
from bot.facts.extraction import ArticleInput, Extraction  # noqa: E402
from bot.facts.service import ExtractionWorker  # noqa: E402
from bot.reports.export import partners_rows, write_jsonl  # noqa: E402
from bot.services import open_services  # noqa: E402
from tests.fakes.news_site import MSK, FakeNewsSite  # noqa: E402

SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
SCORER = SHARED / "eval" / "score_registry.py"
FOLDS = {"a": ("a", "seed"), "c1": ("c1-",), "c2": ("c2-",), "c3": ("c3-",), "c4": ("c4-",)}


def load_articles(fold: str | None) -> list[dict[str, Any]]:
    out = []
    for name in ("dev.jsonl", "round2.jsonl"):
        lines = (CORPUS / name).read_text(encoding="utf-8").splitlines()
        out.extend(json.loads(line) for line in lines if line.strip())
    if fold:
        prefixes = FOLDS[fold]
        out = [a for a in out if str(a["id"]).startswith(prefixes) and _in_fold(a, fold)]
    return out


def _in_fold(article: dict[str, Any], fold: str) -> bool:
    # "a…" is the first round; "c…" ids must not count as "a".
    return not (fold == "a" and str(article["id"]).startswith("c"))


def _published(article: dict[str, Any], n: int) -> datetime:
    raw = article.get("date") or "2020-01-01"
    parts = [int(p) for p in str(raw).split("-")] + [1, 1]
    return datetime(parts[0], parts[1], parts[2], 12, tzinfo=MSK) + timedelta(seconds=n)


def extractor_factory(spec: str | None, model: str | None) -> Callable[[], Any] | None:
    if spec is None:
        return None
    module, _, attr = spec.partition(":")
    factory = getattr(importlib.import_module(module), attr or "Extractor")
    return (lambda: factory(model)) if model else factory


class _Worker(ExtractionWorker):
    """The production worker thread, around a given extractor (e.g. an out-of-fold model)."""

    def __init__(self, factory: Callable[[], Any]) -> None:
        super().__init__()
        self._factory = factory

    def _run(self, article: ArticleInput) -> Extraction:
        if self._extractor is None:
            self._extractor = self._factory()
        result: Extraction = self._extractor.extract(article)
        return result


async def ingest(
    articles: list[dict[str, Any]],
    workdir: Path,
    factory: Callable[[], Any] | None,
    curation: str | None,
) -> tuple[Path, Path]:
    """Serve, poll, fetch every page, extract; returns (export file, served-articles file)."""
    served = workdir / "articles.jsonl"
    export = workdir / "partners.jsonl"
    async with FakeNewsSite() as site:
        with served.open("w", encoding="utf-8") as out:
            for n, article in enumerate(articles):
                title = article.get("title") or str(article["text"]).split("\n", 1)[0][:120]
                paragraphs = [p for p in str(article["text"]).split("\n") if p.strip()]
                item = site.publish(
                    title, paragraphs, published=_published(article, n), slug=str(article["id"])
                )
                out.write(json.dumps({"id": article["id"], "url": item.link}) + "\n")
        env = {
            "FEED_URLS": site.feed_url,
            "DATABASE_PATH": str(workdir / "bot.sqlite3"),
            # Machine figures unless a curation file is asked for (a missing file holds none).
            "CURATION_PATH": curation or str(workdir / "no-curation.jsonl"),
        }
        settings = load_settings(**{k.lower(): v for k, v in env.items()})
        worker = _Worker(factory) if factory else ExtractionWorker()
        try:
            async with open_services(settings, extraction=worker) as services:
                assert services.facts is not None and services.reports is not None
                await services.ingestor.poll(force=True)
                while sum(await services.ingestor.fetch_bodies()):
                    pass
                while await services.facts.process_pending():
                    pass
                rows = await partners_rows(services.reports)
            with export.open("w", encoding="utf-8") as handle:
                write_jsonl(rows, handle)
        finally:
            worker.close()
    return export, served


def score(export: Path, served: Path, details: bool, echo: bool = True) -> dict[str, Any]:
    args = [
        sys.executable,
        str(SCORER),
        str(export),
        str(CORPUS / "dev-registry.jsonl"),
        str(served),
    ]
    done = subprocess.run(
        [*args, *(["--details"] if details else [])], capture_output=True, text=True, check=True
    )
    if echo:  # the scorer's report names the fold's errors: a sealed fold's stay unseen
        print(done.stdout, end="")
    metrics: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return metrics


def run(
    fold: str | None = None,
    extractor: str | None = None,
    model: str | None = None,
    curation: str | None = None,
    keep: str | None = None,
    details: bool = False,
    echo: bool = True,
    factory: Callable[[], Any] | None = None,
) -> dict[str, Any]:
    """`factory`, when given, stands for `extractor` and `model`: a caller's own extractor
    (the out-of-fold run's one Extractor, deciding with a fold's models)."""
    articles = load_articles(fold)
    workdir = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="eval-registry-"))
    workdir.mkdir(parents=True, exist_ok=True)
    for stale in workdir.glob("bot.sqlite3*"):  # a kept directory of an earlier run
        stale.unlink()
    export, served = asyncio.run(
        ingest(articles, workdir, factory or extractor_factory(extractor, model), curation)
    )
    return score(export, served, details, echo)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fold", choices=sorted(FOLDS))
    parser.add_argument("--extractor", help="MODULE:FACTORY of the extractor to use")
    parser.add_argument("--model", help="passed to the factory (e.g. an out-of-fold model path)")
    parser.add_argument("--curation", help="a curation file to apply (CURATION_PATH)")
    parser.add_argument("--keep", help="directory for the database, export and articles file")
    parser.add_argument("--details", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    run(args.fold, args.extractor, args.model, args.curation, args.keep, args.details)


if __name__ == "__main__":
    main()
