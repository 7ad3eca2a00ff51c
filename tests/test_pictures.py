"""/map and /chart through the fake Bot API: uploads, captions, file_id reuse, rendering."""

from __future__ import annotations

import asyncio
import io
from typing import Any

import pytest

from bot.facts.service import PartnerInput
from bot.reports.pictures.service import PictureService, parse_kind
from storage.db import Database
from storage.feeds import FeedRepository
from storage.news import NewsRepository
from storage.partners import PartnerRepository
from storage.reports import ReportRepository
from tests.conftest import App, draft
from tests.fakes.bot_api import CallRecord
from tests.registry_data import fill
from tests.test_partner_commands import chinese_and_other_partners

pytestmark = pytest.mark.both_engines


async def photo_reply(app: App, text: str, chat_id: int = 42, **kwargs: Any) -> CallRecord:
    """Send a command; return the sendPhoto call the bot answered with (it must have succeeded)."""
    before = len(app.api.calls_of("sendPhoto"))
    app.api.push_message(text, chat_id=chat_id, **kwargs)
    for _ in range(400):
        calls = app.api.calls_of("sendPhoto")
        if len(calls) > before and calls[before].status:
            call = calls[before]
            assert call.ok, f"the fake Bot API refused the photo: {call.error}"
            return call
        await asyncio.sleep(0.025)
    raise AssertionError(f"no photo for {text!r}")


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


async def registry(app: App, partners: int, countries: int) -> None:
    s = app.services
    await fill(s.feeds, s.news, s.partners, partners_count=partners, countries_count=countries)


@pytest.mark.parametrize(("partners", "countries"), [(0, 0), (1, 1), (200, 60)])
async def test_pictures_render_for_any_registry(
    db: Database, partners: int, countries: int
) -> None:
    await fill(
        FeedRepository(db), NewsRepository(db), PartnerRepository(db),
        partners_count=partners, countries_count=countries,
    )  # fmt: skip
    reports = ReportRepository(db)
    assert len(await reports.country_counts()) == countries
    service = PictureService(reports)
    for lang in ("ru", "en"):
        for make in (
            service.world_map(lang),
            service.world_map(lang, "company"),
            service.overview(lang),
        ):
            picture = await make
            assert picture.png is not None and picture.file_id is None
            width, height = png_size(picture.png)
            assert 1000 <= width <= 1300 and 600 <= height <= 1300
            assert len(picture.png) < 1_000_000
    if partners:
        first = (await reports.partners(country="CN"))[0]
        timeline = await service.timeline(first.id, "ru")
        assert timeline is not None and timeline.png is not None
    assert await service.timeline(10**9, "ru") is None


async def test_map_uploads_once_then_resends_the_file_id(app: App) -> None:
    await registry(app, 30, 12)
    first = await photo_reply(app, "/map")
    assert first.rendered is not None
    assert first.rendered.startswith("Партнёры Политеха по странам\nпартнёров: 30, стран: 12")
    assert "Больше всего: Китай" in first.rendered and "Данные на " in first.rendered
    assert first.result["caption_entities"][0]["type"] == "bold"
    assert str(first.params["photo"]).startswith("attach://")  # an upload
    file_id = first.result["photo"][-1]["file_id"]
    width, height = png_size(app.api.file_content(file_id))
    assert (width, height) == (1200, 720)

    again = await photo_reply(app, "/map", chat_id=43)
    assert again.params["photo"] == file_id  # no second upload
    assert again.rendered == first.rendered

    english = await photo_reply(app, "/map", language_code="en")
    assert english.rendered is not None and english.rendered.startswith("SPbPU partners by country")
    assert str(english.params["photo"]).startswith("attach://")  # another language, another picture

    await fill(
        app.services.feeds, app.services.news, app.services.partners,
        partners_count=31, countries_count=12,
    )  # fmt: skip
    changed = await photo_reply(app, "/map")
    assert str(changed.params["photo"]).startswith("attach://")  # the data changed: a new picture
    assert "партнёров: 31" in (changed.rendered or "")


async def test_map_of_one_kind_and_an_unknown_kind(app: App) -> None:
    await registry(app, 20, 5)
    companies = await photo_reply(app, "/map компании")
    assert (companies.rendered or "").startswith("Партнёры Политеха по странам: компания")
    assert "партнёров: 4" in (companies.rendered or "")
    universities = await photo_reply(app, "/map university", language_code="en")
    assert (universities.rendered or "").startswith("SPbPU partners by country: university")
    reply = await app.ask("/map драконы")
    assert reply.startswith("Не знаю такого вида партнёров: «драконы»")
    assert parse_kind("вузы") == "university" and parse_kind("") is None


async def test_map_and_chart_of_an_empty_registry_say_so_in_words(app: App) -> None:
    """No partners yet: a blank map or empty axes captioned «партнёров: 0» was sent before;
    now the words /partners says, and no picture."""
    for command in ("/map", "/chart"):
        assert await app.ask(command) == (
            "Партнёров пока нет: они появятся, когда выйдут новости о сотрудничестве."
        )
    assert await app.ask("/map", language_code="en") == (
        "No partners yet: they appear as cooperation news comes in."
    )
    assert app.api.calls_of("sendPhoto") == []
    await registry(app, 1, 1)
    call = await photo_reply(app, "/map")
    assert "партнёров: 1, стран: 1" in (call.rendered or "")


async def test_chart_and_a_partner_timeline(app: App) -> None:
    await registry(app, 40, 10)
    chart = await photo_reply(app, "/chart")
    assert (chart.rendered or "").startswith("Партнёрства Политеха\nСоглашения по годам")
    assert "соглашений: 40, стран: 10" in (chart.rendered or "")
    file_id = chart.result["photo"][-1]["file_id"]
    assert png_size(app.api.file_content(file_id)) == (1000, 1200)
    assert (await photo_reply(app, "/chart")).params["photo"] == file_id

    timeline = await photo_reply(app, "/chart Partner 7 University", language_code="en")
    assert (timeline.rendered or "").startswith("Partner 7 University\nArticles about the partner")
    assert "articles: 1, documents: 1" in (timeline.rendered or "")
    reply = await app.ask("/chart Гарвард")
    assert reply.startswith("Не нашёл партнёра по запросу «Гарвард»")
    # The university's own name: its own chart, not other polytechnics or no partner at all.
    own = await photo_reply(app, "/chart Политех")
    assert (own.rendered or "").startswith("Партнёрства Политеха\nСоглашения по годам"), own


async def test_a_refused_file_id_is_uploaded_again(app: App) -> None:
    await registry(app, 3, 3)
    first = await photo_reply(app, "/map")
    app.api.files.clear()  # Telegram no longer knows the file (another bot, or expired)
    before = len(app.api.calls_of("sendPhoto"))
    app.api.push_message("/map", chat_id=42)
    for _ in range(400):
        calls = app.api.calls_of("sendPhoto")[before:]
        if len(calls) == 2 and calls[1].status:
            break
        await asyncio.sleep(0.025)
    refused, second = app.api.calls_of("sendPhoto")[before:]
    assert refused.params["photo"] == first.result["photo"][-1]["file_id"] and not refused.ok
    assert second.ok and str(second.params["photo"]).startswith("attach://")


async def test_fake_refuses_what_telegram_refuses(app: App) -> None:
    from aiogram.exceptions import TelegramBadRequest, TelegramEntityTooLarge
    from aiogram.types import BufferedInputFile

    bot = app.bot
    with pytest.raises(TelegramBadRequest, match="caption is too long"):
        png = await PictureService(ReportRepository(app.services.news.db)).world_map("ru")
        assert png.png is not None
        await bot.send_photo(42, BufferedInputFile(png.png, "m.png"), caption="я" * 1025)
    with pytest.raises(TelegramBadRequest, match="IMAGE_PROCESS_FAILED"):
        await bot.send_photo(42, BufferedInputFile(b"not a picture", "m.png"))
    with pytest.raises(TelegramBadRequest, match="wrong file identifier"):
        await bot.send_photo(42, "AgADunknown")
    with pytest.raises((TelegramEntityTooLarge, TelegramBadRequest)):
        await bot.send_photo(42, BufferedInputFile(b"\x89PNG\r\n\x1a\n" + bytes(11 << 20), "b.png"))
    sent = await bot.send_document(42, BufferedInputFile(io.BytesIO(b"a;b\n").read(), "x.csv"))
    assert sent.document is not None and sent.document.file_name == "x.csv"
    with pytest.raises(TelegramBadRequest, match="wrong file identifier"):
        await bot.send_photo(42, sent.document.file_id)  # a document is no photo


async def test_a_partner_with_a_very_long_name_gets_a_caption_within_the_limit(app: App) -> None:
    from storage.partners import PartnerInput
    from tests.conftest import draft

    s = app.services
    [feed] = await s.feeds.ensure(["http://site.test/rss"])
    [nid] = await s.news.add_new(feed.id, [draft("long", "Визит")], announce=False)
    name = "Институт " + "очень длинного названия " * 90
    fact = PartnerInput(name.strip(), None, (), "BY", "research", {"long": name.strip()})
    await s.partners.replace_facts(nid, True, [(None, fact)], [])
    call = await photo_reply(app, "/chart Институт очень длинного названия")
    assert call.rendered is not None and len(call.rendered) <= 1024
    assert call.rendered.startswith("Институт очень длинного названия")


async def test_chart_of_a_country_lists_its_partners_as_partners_does(app: App) -> None:
    """«/chart Китай» drew the timeline of the one partner with "China" in its name, as if the
    reader had asked for it; now it answers as «/partners Китай» does, the country's partners
    as buttons to their cards."""
    await chinese_and_other_partners(app)
    for query in ("Китай", "China", "🇨🇳"):
        reply = await app.ask(f"/chart {query}")
        assert reply.startswith("Партнёры: 🇨🇳 Китай (всего 2)"), reply
        assert "China Association of Lantern Makers" in reply and "Воздушных Змеев" in reply
    buttons = app.api.sent_messages(42)[-1].params["reply_markup"]["inline_keyboard"]
    assert len(buttons) == 2
    assert app.api.calls_of("sendPhoto") == []
    # A partner is still drawn, whatever its name says.
    timeline = await photo_reply(app, "/chart Lantern Makers")
    assert (timeline.rendered or "").startswith("China Association of Lantern Makers\n")


async def test_chart_of_a_word_many_partners_share_offers_each_ones_chart(app: App) -> None:
    """«/chart университет» answered "name one more exactly" with no buttons, where «/partners
    университет» offers the partners to choose from; now each button draws that one's chart."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    for i, name in enumerate(("Университет Бумажных Фонариков", "Университет Воздушных Змеев")):
        [news_id] = await app.services.news.add_new(
            feed.id, [draft(f"u{i}", f"Новость {i}", link=f"https://site.test/u{i}")],
            announce=True,
        )  # fmt: skip
        fact = PartnerInput(name, None, (), "CN", "university", {f"u{i}": name})
        await app.services.partners.replace_facts(news_id, True, [(None, fact)], [])
    reply = await app.ask("/chart университет")
    assert reply == "Уточните, кого вы имели в виду:", reply
    rows = app.api.sent_messages(42)[-1].params["reply_markup"]["inline_keyboard"]
    names = [row[0]["text"] for row in rows]
    assert sorted(names) == ["Университет Бумажных Фонариков", "Университет Воздушных Змеев"]
    message_id = app.api.sent_messages(42)[-1].result["message_id"]
    chosen = names.index("Университет Воздушных Змеев")
    app.api.push_callback_query(
        rows[chosen][0]["callback_data"], chat_id=42, user_id=42, message_id=message_id
    )
    for _ in range(400):
        calls = app.api.calls_of("sendPhoto")
        if calls and calls[-1].status:
            break
        await asyncio.sleep(0.025)
    [photo] = app.api.calls_of("sendPhoto")
    assert photo.ok, photo.error
    assert (photo.rendered or "").startswith("Университет Воздушных Змеев\n"), photo.rendered
