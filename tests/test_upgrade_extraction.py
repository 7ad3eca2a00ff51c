"""A bot upgraded over a database an older extractor filled: the cards a user browses are made
again by this version's extractor at the first poll, once, and subscriptions follow them."""

from __future__ import annotations

import pytest

from bot.facts.fingerprint import fingerprint
from bot.text.i18n import t
from storage.partners import PartnerInput
from tests.conftest import App, draft

pytestmark = pytest.mark.both_engines

TITLE = "Политех и Университет Цинхуа подписали соглашение о сотрудничестве"
TEXT = (
    "Санкт-Петербургский политехнический университет Петра Великого и Университет Цинхуа "
    "подписали соглашение о сотрудничестве в области энергетики. Делегацию китайского "
    "университета принял ректор СПбПУ. Стороны договорились об обмене студентами."
)
OLDER = "0000000000000000"


async def stored_by_an_older_extractor(app: App) -> int:
    """The article, with the card an older extractor made of it («Делегацию»); returns its id."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    [news_id] = await app.services.news.add_new(
        feed.id, [draft("up", TITLE, body=TEXT, link="https://site.test/up")], announce=False
    )
    junk = PartnerInput("Делегацию", None, (), "RU", "company", {"делегацию": "Делегацию"})
    await app.services.partners.replace_facts(news_id, True, [(None, junk)], [])
    return news_id


async def test_cards_an_older_extractor_made_are_made_again_at_the_first_poll(app: App) -> None:
    await stored_by_an_older_extractor(app)
    await app.services.partners.set_extraction_fingerprint(OLDER)
    assert "Делегацию" in await app.ask("/partners")
    assert "Делегацию" in await app.ask("/subscribe partner Делегацию")
    await app.services.ingestor.poll(force=True)  # the scheduled job, after the upgrade
    listing = await app.ask("/partners")
    assert "Цинхуа" in listing and "Делегацию" not in listing
    assert "Подписок нет" in await app.ask("/subscriptions")  # the card is gone: told below
    notice = await app.services.news.db.fetchval(
        "SELECT text FROM digests WHERE period LIKE 'notice:%'"
    )
    assert "Делегацию" in notice and "снята" in notice
    assert await app.services.partners.extraction_fingerprint() == fingerprint()


async def test_a_database_from_before_fingerprints_is_extracted_again(app: App) -> None:
    await stored_by_an_older_extractor(app)
    await app.services.news.db.execute("DELETE FROM extraction_state")
    await app.services.ingestor.poll(force=True)
    listing = await app.ask("/partners")
    assert "Цинхуа" in listing and "Делегацию" not in listing
    assert await app.services.partners.extraction_fingerprint() == fingerprint()


async def test_cards_this_extractor_made_are_not_made_again(app: App) -> None:
    """Only a different extraction re-extracts: the next polls leave stored facts alone (here
    a card stored directly, which re-extraction would drop)."""
    await stored_by_an_older_extractor(app)
    await app.services.partners.set_extraction_fingerprint(fingerprint())
    await app.services.ingestor.poll(force=True)
    await app.services.ingestor.poll(force=True)
    assert "Делегацию" in await app.ask("/partners")


async def test_an_empty_database_records_the_extraction_without_extracting(app: App) -> None:
    await app.services.news.db.execute("DELETE FROM extraction_state")
    await app.services.ingestor.poll(force=True)
    assert await app.services.partners.extraction_fingerprint() == fingerprint()
    assert await app.ask("/partners") == t("ru", "partners_empty")


async def test_a_user_asking_during_the_re_extraction_is_told_the_list_is_being_rebuilt(
    app: App,
) -> None:
    """Between the start of an upgraded bot's re-extraction and its end the cards are dormant
    (their facts forgotten, made again article by article): a user asking then read «—» for
    a card and «партнёр «42»» in /subscriptions (found in a user session)."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    [news_id] = await app.services.news.add_new(
        feed.id, [draft("up", TITLE, body=TEXT, link="https://site.test/up")], announce=False
    )
    name = "Университет Цинхуа"
    card = PartnerInput(name, "Tsinghua University", (), "CN", "university", {"цинхуа": name})
    await app.services.partners.replace_facts(news_id, True, [(None, card)], [])
    assert "Готово" in await app.ask("/subscribe partner Цинхуа")
    await app.services.partners.set_extraction_fingerprint(OLDER)
    await app.services.partners.clear_all()  # what the re-extraction does first
    subscriptions = await app.ask("/subscriptions")
    assert "партнёр «Университет Цинхуа»" in subscriptions
    assert "“Tsinghua University”" in await app.ask("/subscriptions", language_code="en")
    for asked in ("/partners Цинхуа", "/partners", "/countries", "/agreements"):
        assert "Бот обновился и сейчас заново читает новости" in await app.ask(asked)
    await app.services.facts.process_pending()  # the re-extraction over: the card is back
    assert "Tsinghua University" in await app.ask("/partners Цинхуа")
    assert "Бот обновился" not in await app.ask("/partners Нанкин")
