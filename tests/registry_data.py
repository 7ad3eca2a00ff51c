"""A registry of partners and agreements stored through the real repositories, for tests and
benchmarks of pictures, inline answers and exports."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pycountry

from storage.feeds import FeedRepository
from storage.news import NewsDraft, NewsRepository
from storage.partners import AgreementInput, PartnerInput, PartnerRepository

KINDS = ("university", "research", "company", "government", "other")
AGREEMENT_KINDS = ("agreement", "memorandum", "contract", "roadmap", "other")
# Countries the university works with most, then the rest of ISO 3166 in order.
FAVOURITES = ("CN", "KZ", "BY", "UZ", "IN", "VN", "DE", "FR", "IT", "EG", "TR", "IR", "RS", "MN")


def countries(n: int) -> list[str]:
    rest = [c.alpha_2 for c in pycountry.countries if c.alpha_2 not in FAVOURITES]
    return [*FAVOURITES, *rest][:n]


async def fill(
    feeds: FeedRepository,
    news: NewsRepository,
    partners: PartnerRepository,
    *,
    partners_count: int,
    countries_count: int,
    articles_per_partner: int = 1,
    extra_articles: int = 0,
) -> None:
    """`partners_count` partners spread over `countries_count` countries (skewed: the first
    countries get most), each in its own articles with one agreement in the first; then
    `extra_articles` articles that name no partner."""
    [feed] = await feeds.ensure(["http://site.test/rss"])
    codes = countries(countries_count)
    start = datetime(2015, 1, 10, 9, tzinfo=UTC)
    drafts: list[NewsDraft] = []
    plan: list[tuple[int, int]] = []  # (partner index, article index)
    for i in range(partners_count):
        for j in range(articles_per_partner):
            k = len(drafts)
            when = start + timedelta(days=(k * 37) % 4000)
            title = f"Соглашение с партнёром {i} ({j}) — Agreement with partner {i}"
            drafts.append(
                NewsDraft(
                    key=f"p{i}-{j}",
                    link_key=f"https://site.test/p{i}-{j}",
                    guid=None,
                    link=f"https://site.test/p{i}-{j}",
                    title=title,
                    teaser=f"Политех и партнёр {i} подписали соглашение о сотрудничестве.",
                    body=None,
                    category="Международная деятельность",
                    image_url=None,
                    published_at=when,
                    needs_page=False,
                )  # fmt: skip
            )
            plan.append((i, j))
    drafts.extend(
        NewsDraft(
            key=f"x{k}",
            link_key=f"https://site.test/x{k}",
            guid=None,
            link=f"https://site.test/x{k}",
            title=f"Новость кампуса номер {k}",
            teaser="Студенты Политеха провели фестиваль.",
            body=None,
            category=None,
            image_url=None,
            published_at=start + timedelta(hours=k),
            needs_page=False,
        )  # fmt: skip
        for k in range(extra_articles)
    )
    ids: list[int] = []
    for at in range(0, len(drafts), 500):
        ids += await news.add_new(feed.id, drafts[at : at + 500], announce=False)
    known: dict[int, int] = {}
    for news_id, (i, j) in zip(ids, plan, strict=False):
        # Every country gets one partner, then the rest go mostly to the first countries.
        skew = ((i * 0.618034) % 1) ** 3  # deterministic, most partners in the first countries
        code = codes[i] if i < len(codes) else codes[int(len(codes) * skew)]
        name = f"Университет партнёр {i}" if i % 5 != 2 else f"Компания партнёр {i}"
        fact = PartnerInput(
            name, f"Partner {i} University", (f"P{i}",), code, KINDS[i % 5 if i % 5 != 2 else 2],
            {f"partner{i}": name, f"partner{i}en": f"Partner {i} University"},
        )  # fmt: skip
        agreements = (
            [AgreementInput(AGREEMENT_KINDS[i % 5], f"о сотрудничестве {i}", None, (0,))]
            if j == 0
            else []
        )
        if j == 0 and i % 3 == 0:
            agreements = [
                AgreementInput(AGREEMENT_KINDS[i % 5], f"о сотрудничестве {i}", "2021-05-12", (0,))
            ]
        [pid] = await partners.replace_facts(news_id, True, [(known.get(i), fact)], agreements)
        known[i] = pid
