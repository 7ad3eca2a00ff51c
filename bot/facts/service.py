"""Partnership facts for stored articles: extraction off the event loop, merged into the registry.

The extractor's models load once, lazily, in one dedicated thread; every article goes through
that thread, so the event loop only waits on a future.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from functools import cache
from pathlib import Path

from bot.facts.curation import Rules, current, read_file
from bot.facts.extraction import ArticleInput, Extraction, Extractor, PartnerFact, names_match
from bot.facts.extraction.dates import signed_on
from bot.facts.extraction.names import MAX_NAME_CHARS, is_abbreviation
from bot.facts.extraction.registry import KnownOrg, Registry
from bot.facts.fingerprint import fingerprint
from bot.facts.matching import (
    Candidate,
    absorbed,
    ambiguous_codes,
    bounded,
    branch_own,
    by_parent,
    code_fact,
    cross_key,
    different,
    display_name,
    english_form,
    eponym_key,
    fact_keys,
    garbled,
    is_branch,
    is_event,
    is_own,
    known_by_keys,
    known_index,
    known_key,
    match_key,
    named_in_full,
    names_nothing,
    own_aliases,
    parent_university,
    rekey,
    resolve,
    seat_of,
    spelt_out,
    tidy,
    ungarbled,
    unit_of_another,
    unlike,
    without_own,
)
from bot.text.countries import country_name, flag
from bot.text.documents import recalled
from bot.text.formatting import esc, format_date, one_script, signed_words
from bot.text.i18n import t
from storage.db import Database
from storage.news import NewsItem, NewsRepository
from storage.partners import AgreementInput, KnownPartner, PartnerInput, PartnerRepository

log = logging.getLogger(__name__)

BATCH = 50
FACTS_LOCK = 0x5B0_0003  # pg_advisory_lock key of the facts' turn (bot.leadership's neighbour)
MAX_NAMING = 2000  # articles an operator's "show" extracts again at most
MAX_HIDDEN = 10_000  # hidden rows a curation file's "show" lines are checked against


class ExtractionWorker:
    """The one thread that owns the Extractor (its models are not shared across threads)."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="extract")
        self._extractor: Extractor | None = None

    def _run(self, article: ArticleInput) -> Extraction:
        if self._extractor is None:
            self._extractor = Extractor()
        return self._extractor.extract(article)

    async def extract(self, article: ArticleInput) -> Extraction:
        return await asyncio.get_running_loop().run_in_executor(self._pool, self._run, article)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def _names(fact: PartnerFact) -> list[str]:
    return [n for n in (fact.name, fact.name_en, *fact.aliases) if n]


_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def _clean(fact: PartnerFact) -> PartnerFact:
    """Typographic variants folded in every name; own-university forms are no alias."""
    name = display_name(tidy(without_own(one_script(fact.name))))
    name_en = display_name(tidy(without_own(one_script(fact.name_en)))) if fact.name_en else None
    fact = replace(fact, aliases=tuple(without_own(one_script(a)) for a in fact.aliases))
    if is_branch(name):
        # A branch read with its parent's forms («МГУ», "Lomonosov Moscow State University"):
        # only forms that name the branch are its own, or its card would draw the parent's.
        name_en = name_en if name_en and is_branch(name_en) else None
        fact = replace(fact, aliases=tuple(a for a in fact.aliases if is_branch(a)))
    known = known_by_keys(replace(fact, name=name, name_en=name_en), _known_index())
    if known is not None and fact.country not in (None, "RU", known.country):
        known = None  # another country's organisation of the same name
    if known is not None:
        # A well-known organisation named by a form its lookup missed («Университет Фудань»):
        # its country, not the guess an article without one gave (Russia), and its English name.
        if fact.country in (None, "RU") and known.country:
            fact = replace(fact, country=known.country, country_guessed=False)
        name_en = name_en or known.name_en
    if is_event(name):
        # An event named for its organiser ("X Partnership Forum", "X Summer University"): the
        # organisation is the form that names no event, the English name first.
        others = [tidy(n) for n in (name_en, *fact.aliases) if n and not is_event(n)]
        named = [n for n in others if not is_own(n) and not names_nothing(n, fact.kind)]
        if named:
            name = max(named, key=lambda n: (not is_abbreviation(n), n == name_en))
            name_en = name_en if name_en and not is_event(name_en) else None
            kept = tuple(a for a in fact.aliases if not is_event(a) and tidy(a) != name)
            fact = replace(fact, aliases=kept)
    parent = parent_university(name)
    if parent is not None:
        # A joint unit's partner is its university; an English name is kept only as the
        # university's own.
        name, kind = parent, "university"
        if name_en and (not cross_key(name_en) or cross_key(name_en) != cross_key(parent)):
            name_en = None
        fact = replace(fact, kind=kind)
    unit = unit_of_another(name)  # "Шанхайское отделение Китайской академии наук"
    if name_en and (
        different(name_en, name)  # another organisation's name, not a translation
        or unlike(name_en, name)  # "Jiangsu University" for a pedagogical university
        or (unit and cross_key(name_en) != cross_key(name))
    ):
        name_en = None
    if name_en and _CYRILLIC.search(name_en):
        name_en = None  # an English name is in English
    if unit:
        # A Latin form beside a unit may be its parent's ("CAS" on the Shanghai branch of the
        # Chinese Academy of Sciences): as an alias it would draw the parent's articles to the
        # unit's card. Only forms that translate the unit's own name stay.
        own = cross_key(name)
        kept = tuple(a for a in fact.aliases if _CYRILLIC.search(a) or cross_key(a) == own)
        fact = replace(fact, aliases=kept)
    if name_en is None and not _CYRILLIC.search(name) and not is_abbreviation(name):
        name_en = name  # an English-only name is its English name too
    forms = dict.fromkeys(tidy(a) for a in fact.aliases if tidy(a))
    if garbled(name) and (better := ungarbled(name, forms)) is not None:
        # A name pieced together twice gives way to the fullest form the article gives.
        forms.pop(better)
        name_en = better if name_en == name else name_en
        name = better
    if name_en and garbled(name_en) and (better := ungarbled(name_en, forms)) is not None:
        forms.pop(better)
        name_en = better
    # An English name is in English: a translation the article gives beside a German or Italian
    # name is the English one ("University of Stuttgart" for "Universität Stuttgart").
    english = english_form(name_en, forms)
    if english is not None and name_en is not None:
        forms = dict.fromkeys(a for a in (name_en, *forms) if a != english)
        name_en = english
    aliases = own_aliases(name, name_en, forms)
    return replace(fact, name=name, name_en=name_en or None, aliases=aliases)


def _primary_cross(fact: PartnerFact) -> set[str]:
    return {cross_key(n) for n in (fact.name, fact.name_en) if n} - {""}


def _one_per_organisation(facts: list[PartnerFact]) -> list[PartnerFact]:
    """Facts of one article naming one organisation in two scripts (a Latin name in a Russian
    headline, «Университет Нордвика (Норвегия)» in the text: one name across scripts, as cards
    meet) are one fact: the Russian name with the Latin one as its English name, the country
    the text states over the default (Russia), a kind over the default (company). They made two
    cards, parted by the guessed country."""
    out: list[PartnerFact] = []
    for fact in facts:
        cross = _primary_cross(fact)
        twin = next(
            (
                i
                for i, o in enumerate(out)
                if cross & _primary_cross(o)
                and bool(_CYRILLIC.search(o.name)) != bool(_CYRILLIC.search(fact.name))
            ),
            None,
        )
        if twin is None:
            out.append(fact)
            continue
        first = out[twin]
        ru, latin = (first, fact) if _CYRILLIC.search(first.name) else (fact, first)
        # The country the text read over a guess, a foreign one over Russia, else the first.
        placed = max(
            (first, fact),
            key=lambda f: (f.country is not None, not f.country_guessed, f.country != "RU"),
        )
        kind = first.kind if fact.kind == "company" else fact.kind
        names = (first.name, first.name_en, *first.aliases, fact.name, fact.name_en, *fact.aliases)
        name_en = ru.name_en or latin.name_en or latin.name
        forms = (n for n in dict.fromkeys(names) if n and n not in (ru.name, name_en))
        aliases = own_aliases(ru.name, name_en, forms)
        out[twin] = replace(
            ru, name_en=name_en, aliases=aliases, country=placed.country, kind=kind,
            country_guessed=placed.country_guessed,
        )  # fmt: skip
    return out


def _fuller(name: str, shown: str) -> bool:
    """Whether a full Russian name should replace the abbreviation a card shows («Российские
    железные дороги» for «РЖД»), whichever article came first."""
    return bool(_CYRILLIC.search(shown)) and spelt_out(shown, name) and not is_branch(name)


def _no_seats(facts: list[PartnerFact]) -> list[PartnerFact]:
    """Without a government an article names only as the seat of another partner's committee
    («Правительство Санкт-Петербурга» of «Комитет по науке ... Правительства Санкт-Петербурга»):
    the committee is the partner; the government would open a card of its own."""
    seats = {match_key(seat) for f in facts if (seat := seat_of(f.name))} - {""}
    return [f for f in facts if match_key(f.name) not in seats]


def _to_input(fact: PartnerFact, keys: dict[str, str]) -> PartnerInput:
    return PartnerInput(
        fact.name, fact.name_en, fact.aliases, fact.country, fact.kind, keys,
        match_key(fact.name) or match_key(fact.name_en or "") or next(iter(keys), ""),
        country_guessed=fact.country_guessed,
    )  # fmt: skip


@cache
def _known_orgs() -> Registry:
    return Registry.load()


@cache
def _known_index() -> dict[str, KnownOrg | None]:
    return known_index(_known_orgs().orgs)


def _known_org(fact: PartnerFact) -> KnownOrg | None:
    """The one well-known organisation a fact's own names (not its aliases, which may be a
    parent's) name, by any form the registry of well-known organisations gives it."""
    names = (fact.name, fact.name_en, branch_own(fact.name))
    found = {id(o): o for n in names if n and (o := _known_orgs().lookup(n))}
    by_keys = known_by_keys(fact, _known_index())
    if by_keys is not None:
        found[id(by_keys)] = by_keys
    if len(found) != 1:
        return None
    org = next(iter(found.values()))
    return None if fact.country not in (None, "RU", org.country) else org


def _known_keys(fact: PartnerFact) -> dict[str, str]:
    """The well-known organisation's key of a fact naming one, so that its Russian name, its
    English one and its abbreviation in three articles meet on one card."""
    org = _known_org(fact)
    return {known_key(org): tidy(fact.name)} if org is not None else {}


def _identifiable(fact: PartnerFact) -> bool:
    """Some name of the fact names one organisation (or it is a well-known one)."""
    forms = [n for n in (fact.name, fact.name_en, *fact.aliases) if n]
    if by_parent(fact.name):
        return False  # «Предприятие Госкорпорации «Росатом»»: its aliases are the parent's
    if any(_known_orgs().lookup(n) is not None for n in forms):
        return True
    return not all(names_nothing(n, fact.kind) for n in forms)


def _code_only(fact: PartnerFact) -> bool:
    """Every name of the fact is one abbreviation ("YAN", "ВИЭШ") and no well-known
    organisation's: it can join a card that carries it, but cannot tell a new card's
    organisation (nor its country, which is then a guess)."""
    forms = [n for n in (fact.name, fact.name_en, *fact.aliases) if n]
    return all(" " not in n.strip() and is_abbreviation(n) for n in forms) and not any(
        _known_orgs().lookup(n) is not None for n in forms
    )


def _identity(partner_id: int | None, rows: dict[int, Candidate]) -> set[str]:
    row = rows.get(partner_id) if partner_id is not None else None
    return {row.key} if row is not None and row.key else set()


def _party_indexes(parties: tuple[str, ...], facts: tuple[PartnerFact, ...]) -> tuple[int, ...]:
    out: list[int] = []
    for party in parties:
        if len(party) > MAX_NAME_CHARS:
            continue  # no name (see bounded): it matches none of the article's partners
        for index, fact in enumerate(facts):
            if index not in out and (
                party == fact.name or any(names_match(party, n) for n in _names(fact))
            ):
                out.append(index)
                break
    return tuple(out)


class FactsTurn:
    """Whose turn it is to write facts: the poll job's extraction or an operator's correction,
    never both (two could open a card for one new name, or file an article under rules half
    changed). One process takes an asyncio lock; with a database given, PostgreSQL instances
    also take turns (an operator's /curate may reach an instance that does not poll)."""

    def __init__(self, db: Database | None = None) -> None:
        self._local = asyncio.Lock()
        self._db = db
        self._held = contextlib.AsyncExitStack()

    async def __aenter__(self) -> None:
        await self._local.acquire()
        try:
            if self._db is not None:
                await self._held.enter_async_context(self._db.exclusive(FACTS_LOCK))
        except BaseException:
            self._local.release()
            raise

    async def __aexit__(self, *exc: object) -> None:
        try:
            await self._held.aclose()
        finally:
            self._local.release()


class FactsService:
    def __init__(
        self,
        worker: ExtractionWorker,
        news: NewsRepository,
        partners: PartnerRepository,
        turn: FactsTurn | None = None,
    ) -> None:
        self.worker = worker
        self.news = news
        self.partners = partners
        # Held while facts are written: by the poll job's extraction (process_pending) and by
        # an operator's correction (Curator), which share it (bot.services builds both).
        self.turn = turn if turn is not None else FactsTurn()
        self._legacy: dict[str, str] = {}
        # Called after the registry merged a card into another (subscriptions follow it).
        self.after_merge: Callable[[], Awaitable[object]] | None = None
        # During a rebuild merges are only noted: it is called once every article is back.
        self._merged_in_rebuild: bool | None = None
        self._up_to_date = False  # checked against the stored fingerprint once per process

    def _note_legacy_keys(self, rows: list[KnownPartner]) -> None:
        """Identity keys made by earlier key rules, by the key they are now, so a fact meets
        its old row (and `reextract` revives it) instead of opening a new one."""
        for row in sorted(rows, key=lambda r: r.id):
            if row.key and rekey(row.key) != row.key:
                self._legacy.setdefault(rekey(row.key), row.key)
            # Keys made when the soft sign was dropped before stemming ("Сиань" -> "сиа").
            for name in (row.name, row.name_en):
                old = match_key(name, legacy=True) if row.key and name else ""
                if old == row.key and match_key(name or "") != old:
                    self._legacy.setdefault(match_key(name or ""), row.key)

    async def process_pending(self, limit: int = BATCH) -> int:
        """Extract facts for articles that have none yet (new, or whose full text arrived),
        in the facts' turn: never beside an operator's correction. The first call of a process
        brings facts made by another extraction up to date first (`bring_up_to_date`)."""
        if not self._up_to_date:
            await self.bring_up_to_date()
        async with self.turn:
            return await self._process_pending(limit)

    async def bring_up_to_date(self) -> int:
        """If the stored facts were made by another extraction (an upgrade, a retrained model:
        `fingerprint()` differs, or a database from before fingerprints holds facts), extract
        every stored article again, as `reextract` does; returns how many were. Subscriptions
        then follow the cards (`after_merge`)."""
        now = await asyncio.to_thread(fingerprint)  # reads the package's files once
        async with self.turn:  # another instance may be doing it: decided inside the turn
            stored = await self.partners.extraction_fingerprint()
            if stored == now:
                total = -1
            elif stored is None and not await self.partners.any_extracted():
                await self.partners.set_extraction_fingerprint(now)  # nothing made yet
                total = -1
            else:
                log.warning(
                    "the stored partners were extracted by %s; extracting every stored article "
                    "again with this version's extractor (%s)",
                    f"another extractor ({stored})" if stored else "an older extractor",
                    now,
                )
                total = (await self._rebuild_in_turn())[0]
                log.info("re-extracted %d stored articles", total)
        self._up_to_date = True
        if total < 0:
            return 0
        if self.after_merge is not None:
            await self.after_merge()
        return total

    async def _process_pending(self, limit: int) -> int:
        done = 0
        for news_id in await self.partners.unextracted(limit):
            item = await self.news.get(news_id)
            if item is not None:
                await self.process(item)
                done += 1
        return done

    async def load_curation(self, path: Path) -> int:
        """Store the curation file's corrections (replacing the file's earlier ones); they are
        applied from the next extraction on. Returns how many the file holds."""
        rows = await asyncio.to_thread(read_file, path)
        await self.partners.replace_file_corrections(
            [(c.action, c.name, c.name_key, c.value, c.value_en) for c in rows]
        )
        shown = {c.name_key for c in rows if c.action == "show"}
        if shown:  # a hide made from Telegram is a row's flag: the file's show clears it too
            hidden = Rules.of(current(await self.partners.corrections())).hidden
            for row in await self.partners.hidden_partners(limit=MAX_HIDDEN):
                keys = {match_key(n) for n in (row.name, row.name_en) if n}
                if keys & shown and not keys & hidden:
                    await self.partners.set_hidden(row.id, False)
        return len(rows)

    async def reprocess(self, news_ids: list[int]) -> int:
        """Extract these stored articles again (after an operator's split); returns how many.
        The caller holds the facts' turn (the Curator does)."""
        done = 0
        for news_id in news_ids:
            item = await self.news.get(news_id)
            if item is not None:
                await self.process(item)
                done += 1
        return done

    async def naming(self, names: list[str]) -> list[int]:
        """Stored articles whose words include one of `names` (the search index's reading of
        them, word forms folded), at most MAX_NAMING of them."""
        if not names:
            return []
        hits = await self.news.search(names[0], limit=MAX_NAMING, alternatives=names[1:])
        return [hit.item.id for hit in hits]

    async def upgrade_keys(self) -> int:
        """Rows from before identity keys (migration 0004) get one, and their name forms the
        keys the matcher uses now, so new articles meet them without a `reextract`."""
        rows = await self.partners.index()
        self._note_legacy_keys(rows)
        old = [row for row in rows if not row.key]
        for row in old:
            key = match_key(row.name) or match_key(row.name_en or "")
            if key:
                await self.partners.set_identity_key(row.id, key)
        forms = await self.partners.aliases_of([row.id for row in old])
        forms += [(row.id, n) for row in old for n in (row.name, row.name_en) if n]
        await self.partners.add_aliases(
            [
                (partner_id, tidy(form), key)
                for partner_id, form in forms
                for key in (match_key(form), cross_key(form), eponym_key(form))
                if key
            ]
        )
        return len(old)

    async def relink(self) -> int:
        """Group every stored agreement into one entry per document (see
        PartnerRepository.relink_all), in the facts' turn; returns how many rows changed."""
        async with self.turn:
            return await self.partners.relink_all()

    async def rebuild(self) -> int:
        """Forget all facts and extract them again from stored articles (idempotent); partner
        rows keep their ids, revived by their identity keys."""
        async with self.turn:
            total, merged = await self._rebuild_in_turn()
        self._up_to_date = True
        if merged and self.after_merge is not None:
            await self.after_merge()
        return total

    async def _rebuild_in_turn(self) -> tuple[int, bool]:
        """`rebuild` inside the facts' turn; records this extraction's fingerprint when done.
        Returns how many articles were extracted and whether cards merged meanwhile."""
        rows = await self.partners.index()
        for row in rows:
            if not row.key and match_key(row.name):  # a row from before identity keys
                await self.partners.set_identity_key(row.id, match_key(row.name))
        self._note_legacy_keys(rows)
        total = 0
        await self.partners.clear_all()
        self._merged_in_rebuild = False
        try:
            while processed := await self._process_pending(BATCH):
                total += processed
            # Each article's documents were grouped as it was stored; once more over all of
            # them, as the start-up does.
            await self.partners.relink_all()
        finally:
            merged, self._merged_in_rebuild = self._merged_in_rebuild, None
        await self.partners.set_extraction_fingerprint(await asyncio.to_thread(fingerprint))
        return total, bool(merged)

    async def process(self, item: NewsItem) -> Extraction:
        article = ArticleInput(
            id=str(item.id), title=item.title, text=item.text, category=item.category
        )
        try:
            extraction = await self.worker.extract(article)
        except Exception:
            log.exception("extraction failed for news %s; stored without facts", item.id)
            extraction = Extraction(str(item.id), False, (), ())
        try:
            await self._store(item.id, extraction)
        except Exception:
            # One bad article must not hold back every announcement after it.
            log.exception("storing facts failed for news %s; marked done without facts", item.id)
            await self.partners.replace_facts(item.id, False, [], [])
            return Extraction(str(item.id), False, (), ())
        return extraction

    async def _store(self, news_id: int, extraction: Extraction) -> None:
        """Resolve every partner to its registry row (operator rules first), then store."""
        # An operator's correction names a form; its key follows the current key rules.
        rules = Rules.of(current(await self.partners.corrections()))
        bounded_facts = (bounded(raw) for raw in extraction.partners)
        cleaned = _no_seats(
            _one_per_organisation([_clean(f) for f in bounded_facts if f is not None])
        )
        facts = [
            (fact, rules.keys_of(fact, self._with_legacy(fact_keys(fact) | _known_keys(fact))))
            for fact in cleaned
        ]
        # Only the rows these names can reach: by key, by an operator's merge, by a row's own
        # identity being merged elsewhere.
        wanted = {key for _, keys in facts for key in keys or {}}
        wanted |= {rules.merges[key] for key in wanted if key in rules.merges}
        known = await self.partners.index(wanted)
        targets = {rules.merges[k.key] for k in known if k.key in rules.merges} - wanted
        if targets:
            seen = {k.id for k in known}
            known += [k for k in await self.partners.index(targets) if k.id not in seen]
        rows = [
            Candidate(
                k.id,
                k.name,
                k.name_en,
                k.country,
                k.keys,
                k.mentions,
                k.merged_into,
                k.key,
                k.country_guessed,
            )  # fmt: skip
            for k in known
        ]
        by_id = {row.id: row for row in rows}
        kept: list[PartnerFact] = []
        resolved: list[tuple[int | None, PartnerInput]] = []
        overrides: list[tuple[int, dict[str, str | None]]] = []
        taken: set[int] = set()
        merges: list[tuple[int, int]] = []
        for fact, keys in facts:
            if is_own(fact.name) or not _identifiable(fact):
                continue  # the university itself or one of its units; or no name at all
            if keys is None or not match_key(fact.name) and not keys:
                continue  # hidden by an operator, or no name that identifies anything
            placed = rules.override_for(keys).get("country")
            if placed:
                # The operator's country, not the article's, meets the card's: else a rebuild
                # would not find the corrected card again and open a new one.
                fact = replace(fact, country=placed, country_guessed=False)
            allowed = [r for r in rows if rules.allows(fact, r.keys)]
            if code_fact(fact) and ambiguous_codes(fact, allowed):
                continue  # an abbreviation two cards carry ("IIT") names neither
            partner_id = resolve(fact, keys, allowed)
            # The operator's rules see the fact's names and the identity of its row.
            ident = set(keys) | _identity(partner_id, by_id)
            if ident & rules.hidden:
                continue
            forced = rules.forced(fact, ident, rows)
            if forced is not None:
                partner_id = resolve(fact, keys, allowed, forced=forced)
            if partner_id is not None and (partner_id < 0 or partner_id in taken):
                continue  # two facts of one article on one row: one mention
            if partner_id is None and fact.kind == "company" and _code_only(fact):
                continue  # an abbreviation no card carries names no organisation yet
            dormant = partner_id is not None and by_id[partner_id].mentions == 0
            # A dormant row takes the fresh names, but not those of a name merged into it: a
            # rebuild meeting the merged name first would give the card that name.
            entry = replace(_to_input(fact, keys), refresh=dormant and forced is None)
            if forced is not None:
                # A name an operator merged into the card places it no more than the merge
                # does (see PartnerRepository.merge): the card's own articles do.
                entry = replace(entry, country=None)
            if partner_id is not None and not dormant and named_in_full(fact, by_id[partner_id]):
                # The card of an abbreviation takes the full name given with it, as the
                # abbreviation joins the full name's card when that article comes first.
                country = fact.country or by_id[partner_id].country
                entry = replace(entry, refresh=True, country=country)
            if partner_id is None:
                # New, for now: a later fact of this article meeting it is a repeat.
                rows.append(Candidate(-len(rows) - 1, fact.name, fact.name_en, fact.country,
                                      frozenset(keys), 0,
                                      country_guessed=fact.country_guessed))  # fmt: skip
            else:
                taken.add(partner_id)
                for source in absorbed(fact, keys, partner_id, allowed):
                    if source not in taken:  # a card of one abbreviation this fact names too
                        taken.add(source)
                        merges.append((len(resolved), source))
            kept.append(fact)
            resolved.append((partner_id, entry))
            if partner_id is not None and not dormant:
                english = english_form(by_id[partner_id].name_en, _names(fact))
                if english is not None:  # the card's English name becomes English
                    overrides.append((len(resolved) - 1, {"name_en": english}))
            override = rules.override_for(ident)
            if (
                partner_id is not None
                and not dormant
                and "name" not in override
                and _fuller(fact.name, by_id[partner_id].name)
            ):
                overrides.append((len(resolved) - 1, {"name": fact.name}))
            if override:
                overrides.append((len(resolved) - 1, override))
        agreements = [
            AgreementInput(
                a.kind,
                a.title,
                a.signed_on or signed_on(a.date),
                _party_indexes(a.parties, tuple(kept)),
            )  # fmt: skip
            for a in extraction.agreements
        ]
        ids = await self.partners.replace_facts(
            news_id, extraction.partnership, resolved, agreements
        )
        for index, source in merges:
            await self.partners.merge(source, ids[index])
        if merges and self._merged_in_rebuild is not None:
            # Mentions of articles not extracted again yet are gone: settling now would
            # retire the subscriptions of their partners.
            self._merged_in_rebuild = True
        elif merges and self.after_merge is not None:
            await self.after_merge()
        for index, fields in overrides:
            named = (fields.get("name"), fields.get("name_en"))
            keys = {match_key(n): n for n in named if n and match_key(n)}
            await self.partners.override(ids[index], **fields, keys=keys)

    def _with_legacy(self, keys: dict[str, str]) -> dict[str, str]:
        return keys | {self._legacy[k]: form for k, form in keys.items() if k in self._legacy}

    async def partner_lines(self, item: NewsItem, lang: str) -> list[str]:
        """The announcement's partners line, for partnership items with partners found."""
        if not await self.partners.partnership_of(item.id):
            return []
        found = await self.partners.of_news(item.id)
        if not found:
            return []
        # An old agreement the article recalls is said to be old, and one an earlier article
        # reported first says when: neither is announced as news.
        said: dict[str, str] = {}  # party -> when its document was signed or first reported
        agreements, _ = await self.partners.agreements(news_ids=[item.id], limit=20)
        for agreement in agreements:
            if agreement.signed_on and recalled(agreement.signed_on, item.published_at):
                when = signed_words(agreement.signed_on, lang)
            elif agreement.news_id != item.id and agreement.news_date is not None:
                when = t(lang, "first_reported", date=format_date(agreement.news_date, lang))
            else:
                continue
            for party in agreement.parties:
                said.setdefault(party, when)
        parts = []
        for partner in found[:8]:
            name = partner.name_for(lang)
            where = (
                f" ({flag(partner.country)} {country_name(partner.country, lang)})"
                if partner.country
                else ""
            )
            when = f" — {said[partner.name]}" if partner.name in said else ""
            parts.append(esc(name) + esc(where) + esc(when))
        return [f"<b>{t(lang, 'partners_line')}:</b> " + "; ".join(parts)]
