"""Registry pair probe: invented name pairs that must meet on one card or stay on two, and
queries a person types that must find a card, through the real facts service and storage.

    .venv/bin/python bench/probe_registry_pairs.py [--verbose]

Each pair is two articles (one partner fact each, as the extractor hands them over) ingested
into a fresh SQLite registry; "meet" pairs must leave one card, "apart" pairs two. Each lookup
is a registry of a few cards and a query for `/partners`, which must name (or offer) the
expected card. Every name here is invented for the probe or a well-known organisation's
public name; none is taken from the corpus.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.facts.extraction import ArticleInput, Extraction, PartnerFact  # noqa: E402
from bot.facts.lookup import PartnerLookup  # noqa: E402
from bot.facts.matching import tidy  # noqa: E402
from bot.facts.service import ExtractionWorker, FactsService  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.feeds import FeedRepository  # noqa: E402
from storage.news import NewsDraft, NewsRepository  # noqa: E402
from storage.partners import PartnerRepository  # noqa: E402


def f(name: str, name_en: str | None = None, *aliases: str, country: str | None = "RU",
      kind: str = "university") -> PartnerFact:  # fmt: skip
    return PartnerFact(name, name_en, tuple(aliases), country, kind)


def en(
    name: str, *aliases: str, country: str | None = "RU", kind: str = "university"
) -> PartnerFact:
    return PartnerFact(name, None, tuple(aliases), country, kind)


C, G, R, OT = "company", "government", "research", "other"

MEET: list[tuple[PartnerFact, PartnerFact]] = [
    (f("НИУ ВШЭ"), en("HSE University")),
    (f("Высшая школа экономики"), en("Higher School of Economics")),
    (f("НИУ ВШЭ"), en("Higher School of Economics")),
    (f("Высшая школа экономики"), en("HSE University")),
    (f("СПбГУ"), en("Saint Petersburg State University")),
    (f("Санкт-Петербургский государственный университет"), en("St Petersburg University")),
    (f("МГУ имени М. В. Ломоносова"), en("Moscow State University")),
    (f("Московский государственный университет"), en("Lomonosov Moscow State University")),
    (f("МФТИ"), en("Moscow Institute of Physics and Technology")),
    (f("Физтех"), en("MIPT")),
    (f("Томский политехнический университет"), en("Tomsk Polytechnic University")),
    (f("ТПУ"), en("Tomsk Polytechnic University")),
    (f("Уральский федеральный университет"), en("Ural Federal University")),
    (f("УрФУ"), en("UrFU")),
    (f("Казанский федеральный университет"), en("Kazan Federal University")),
    (f("Российская академия наук", kind=R), en("Russian Academy of Sciences", kind=R)),
    (f("РАН", kind=R), en("Russian Academy of Sciences", kind=R)),
    (f("Госкорпорация «Росатом»", kind=C), en("Rosatom", kind=C)),
    (f("Ростех", kind=C), en("Rostec State Corporation", kind=C)),
    (f("ОАО «РЖД»", kind=C), en("Russian Railways", kind=C)),
    (f("Ленинградская АЭС", kind=C),
     f("филиал АО «Концерн Росэнергоатом» «Ленинградская атомная станция»", kind=C)),
    (f("Ленинградская АЭС", kind=C), en("Leningrad Nuclear Power Plant", kind=C)),
    (f("Кольская АЭС", kind=C), f("Кольская атомная станция", kind=C)),
    (f("Нововоронежская АЭС", kind=C), en("Novovoronezh NPP", kind=C)),
    (f("Университет ИТМО"), en("ITMO University")),
    (f("Новосибирский государственный университет"), f("НГУ")),
    (f("Сколтех"), en("Skolkovo Institute of Science and Technology")),
    (f("Курчатовский институт", kind=R), en("Kurchatov Institute", kind=R)),
    (f("ОИЯИ", kind=R), en("Joint Institute for Nuclear Research", kind=R)),
    (en("ATBU", kind=OT),
     en("Association of Technical Universities of the Baltic Union", kind=OT)),
    (f("Ассоциация инженерного образования России", kind=OT),
     en("Association for Engineering Education of Russia", kind=OT)),
    # Added with the abbreviation rule (after it was written, not held out from it):
    (f("АИОР", kind=OT), f("Ассоциация инженерного образования России", kind=OT)),
    (en("Baltic Sea Technical Universities Network", kind=OT), en("BSTUN", kind=OT)),
    (f("Газпром нефть", kind=C), en("Gazprom Neft", kind=C)),
    (f("ПАО «Газпром нефть»", kind=C), f("Газпромнефть", kind=C)),
    (f("Концерн «Алмаз\u2011Антей»", kind=C), f("Алмаз-Антей", kind=C)),
    (f("Силовые машины", kind=C), en("Power Machines", kind=C)),
    (f("Правительство Санкт-Петербурга", kind=G), en("St. Petersburg Government", kind=G)),
    (f("Российский научный фонд", kind=OT), en("Russian Science Foundation", kind=OT)),
    (f("Объединённая судостроительная корпорация", kind=C),
     en("United Shipbuilding Corporation", kind=C)),
    (f("Институт прикладной астрономии РАН", kind=R),
     en("Institute of Applied Astronomy RAS", kind=R)),
    (f("Сибирское отделение РАН", kind=R), f("СО РАН", kind=R)),
    (f("Санкт-Петербургский горный университет"), en("Saint Petersburg Mining University")),
    (f("Дальневосточный федеральный университет"), en("FEFU")),
    (f("Вологодский государственный университет"), en("Vologda State University")),
    (f("Иркутский государственный университет"), en("Irkutsk State University")),
    (f("РУДН"), en("Peoples' Friendship University of Russia")),
    (f("Московский энергетический институт"), en("MPEI")),
    (f("Тестоградский нефтяной институт"), en("Testograd Oil Institute")),
    (f("Северный научный центр «Полярис»", kind=R), en("Polaris Northern Research Centre", kind=R)),
    (f("МГТУ им. Г. И. Носова"),
     f("Магнитогорский государственный технический университет им. Г.И. Носова")),
    (f("СибГУ путей сообщения"), f("Сибирский государственный университет путей сообщения")),
]  # fmt: skip

APART: list[tuple[PartnerFact, PartnerFact]] = [
    (f("СПбГУ"), f("СПбГЭУ")),
    (f("Санкт-Петербургский государственный университет"),
     f("Санкт-Петербургский государственный экономический университет")),
    (en("Saint Petersburg State University"), en("Saint Petersburg Mining University")),
    (f("Газпром", kind=C), f("Газпром нефть", kind=C)),
    (en("Gazprom", kind=C), en("Gazprom Neft", kind=C)),
    (f("Росатом", kind=C), f("Росэнергоатом", kind=C)),
    (f("Министерство науки и высшего образования", kind=G),
     f("Федеральное агентство по делам молодёжи", kind=G)),
    (f("Министерство промышленности и торговли", kind=G),
     f("Министерство науки и высшего образования", kind=G)),
    (f("Томский политехнический университет"), f("Томский государственный университет")),
    (en("Tomsk State University"), en("Tomsk Polytechnic University")),
    (f("Новосибирский государственный университет"),
     f("Новосибирский государственный технический университет")),
    (en("NSU"), en("NSTU")),
    (f("Московский государственный университет"),
     f("Московский государственный технический университет им. Н. Э. Баумана")),
    (f("Российская академия наук", kind=R), f("Сибирское отделение РАН", kind=R)),
    (f("Ленинградская АЭС", kind=C), f("Кольская АЭС", kind=C)),
    (f("Высшая школа экономики"), f("Российская экономическая школа")),
    (en("Higher School of Economics"), en("New Economic School")),
    (f("Сбербанк", kind=C), f("ВТБ", kind=C)),
    (f("ОАО «РЖД»", kind=C), f("АО «РЖД Логистика»", kind=C)),
    (f("Ростех", kind=C), f("Ростелеком", kind=C)),
    (f("Казанский федеральный университет"), f("Крымский федеральный университет")),
    (f("Уральский федеральный университет"), f("Южно-Уральский государственный университет")),
    (en("Institute of Applied Astronomy RAS", kind=R),
     en("Institute of Applied Physics RAS", kind=R)),
    (f("Физико-технический институт им. А. Ф. Иоффе", kind=R),
     f("Московский физико-технический институт")),
    (f("Правительство Санкт-Петербурга", kind=G), f("Правительство Ленинградской области", kind=G)),
    (f("Газпром", kind=C), f("Газпромбанк", kind=C)),
    (en("CIS University Network", kind=OT), en("SCO University Network", kind=OT)),
    (en("ATBU", kind=OT), en("Association of Technical Universities of the Baltic Sea", kind=OT)),
    (en("Baltic Technical Universities Association", kind=OT),
     en("Association of Technical Universities of the Baltic Sea", kind=OT)),
    (f("Санкт-Петербургский горный университет"),
     f("Санкт-Петербургский государственный университет")),
    (f("Тестоградский нефтяной институт"), en("Testograd Gas Institute")),
    (f("Тестбургский политехнический университет"),
     f("Тестфордский педагогический университет")),
    # Initials that spell another school's letters, and letters told apart by their tail.
    (f("Национальный исследовательский университет «МЭИ»", "Moscow Power Engineering Institute",
       "МЭИ", "Московский энергетический институт"), f("Московский экономический институт")),
    (f("Московский авиационный институт", "Moscow Aviation Institute", "МАИ"),
     f("Московский архитектурный институт")),
    (f("Московский государственный университет им. М. В. Ломоносова", None, "МГУ"),
     f("Мордовский государственный университет")),
    (f("БГУ"), f("Бурятский государственный университет")),
    (f("Воронежский государственный университет", None, "ВГУ"), f("ВГУ водного транспорта")),
    (f("МГТУ им. Г. И. Носова"), f("МГТУ им. Н. Э. Баумана")),
    (f("РГУ нефти и газа"), f("РГУ")),
]  # fmt: skip

# Cards a registry holds (one article each) and what a person types: the card that must answer.
LOOKUP_CARDS = [
    f("Санкт-Петербургский государственный университет"),
    f("Санкт-Петербургский государственный экономический университет"),
    f("НИУ ВШЭ"),
    en("Moscow Institute of Physics and Technology"),
    f("Российская академия наук", kind=R),
    f("Газпром нефть", kind=C),
    en("Saint Petersburg Mining University"),
    f("Ленинградская АЭС", kind=C),
]
LOOKUPS = [
    ("СПбГУ", "Санкт-Петербургский государственный университет"),
    ("SPbU", "Санкт-Петербургский государственный университет"),
    ("Saint Petersburg State University", "Санкт-Петербургский государственный университет"),
    ("СПбГЭУ", "Санкт-Петербургский государственный экономический университет"),
    ("ВШЭ", "НИУ ВШЭ"),
    ("Higher School of Economics", "НИУ ВШЭ"),
    ("Высшая школа экономики", "НИУ ВШЭ"),
    ("МФТИ", "Moscow Institute of Physics and Technology"),
    ("Физтех", "Moscow Institute of Physics and Technology"),
    ("РАН", "Российская академия наук"),
    ("Russian Academy of Sciences", "Российская академия наук"),
    ("Gazprom Neft", "Газпром нефть"),
    ("Горный университет", "Saint Petersburg Mining University"),
    ("Leningrad NPP", "Ленинградская АЭС"),
]
# Two queries for one place in two scripts: the same cards must answer both.
SAME_ANSWER = [
    ("Санкт-Петербург", "Saint Petersburg"),
    ("Петербург", "St. Petersburg"),
    ("Санкт-Петербургский", "Saint-Petersburg"),
]


class Scripted(ExtractionWorker):
    def __init__(self, script: dict[str, list[PartnerFact]]) -> None:
        super().__init__()
        self.script = script

    async def extract(self, article: ArticleInput) -> Extraction:
        facts = tuple(self.script.get(article.title, []))
        return Extraction(article.id, bool(facts), facts, ())


async def _registry(db: Database, facts: list[PartnerFact]) -> PartnerRepository:
    feeds, news = FeedRepository(db), NewsRepository(db)
    [feed] = await feeds.ensure(["http://site.test/rss"])
    script = {}
    for n, fact in enumerate(facts):
        title = f"t{n}"
        script[title] = [fact]
        draft = NewsDraft(key=f"k{n}", link_key=f"https://site.test/news/{n}/", guid=f"k{n}",
                          link=f"https://site.test/news/{n}/", title=title, teaser="Анонс.",
                          body="Текст.", category=None, image_url=None, published_at=None,
                          needs_page=False)  # fmt: skip
        await news.add_new(feed.id, [draft], announce=True)
    partners = PartnerRepository(db)
    worker = Scripted(script)
    await FactsService(worker, news, partners).process_pending()
    worker.close()
    return partners


async def _cards(facts: list[PartnerFact], tmp: Path, n: int) -> list[list[str]]:
    db = await Database.open(str(tmp / f"p{n}.sqlite3"))
    try:
        partners = await _registry(db, facts)
        return [names for _, names in await partners.names()]
    finally:
        await db.close()


def _has(names: list[str], name: str) -> bool:
    return tidy(name) in {tidy(n) for n in names}


async def main(verbose: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        n = 0
        results = {}
        for label, pairs, want in (("meet", MEET, 1), ("apart", APART, 2)):
            good = 0
            for a, b in pairs:
                n += 1
                cards = await _cards([a, b], tmp, n)
                if want == 1:
                    ok = len(cards) == 1
                else:  # a merge is one card with both names; a fact dropped is no merge
                    ok = not any(_has(c, a.name) and _has(c, b.name) for c in cards)
                good += ok
                if verbose and not ok:
                    print(f"  {label} WRONG: {a.name!r} / {b.name!r}: {cards}")
            results[label] = (good, len(pairs))
        n += 1
        db = await Database.open(str(tmp / "lookup.sqlite3"))
        try:
            partners = await _registry(db, LOOKUP_CARDS)
            lookup = PartnerLookup(partners)
            cards = await partners.names()
            found_ok = 0
            for query, want_name in LOOKUPS:
                found = await lookup.find(query)
                want = next(pid for pid, names in cards if _has(names, want_name))
                named, offered = found.named, found.candidates
                ok = named == want or (offered == [want])
                found_ok += ok
                if verbose and not ok:
                    print(f"  lookup WRONG: {query!r}: named {named!r}, offered {offered}")
            same_ok = 0
            for q1, q2 in SAME_ANSWER:
                a1 = sorted((await lookup.find(q1)).candidates)
                a2 = sorted((await lookup.find(q2)).candidates)
                ok = a1 == a2 and bool(a1)
                same_ok += ok
                if verbose and not ok:
                    print(f"  same-answer WRONG: {q1!r} {a1} / {q2!r} {a2}")
        finally:
            await db.close()
    for label, (good, total) in results.items():
        print(f"{label}: {good}/{total}")
    print(f"lookup: {found_ok}/{len(LOOKUPS)}")
    print(f"same answer in both scripts: {same_ok}/{len(SAME_ANSWER)}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verbose", action="store_true")
    asyncio.run(main(parser.parse_args().verbose))
