"""`make demo`: the real bot in a conversation, with no Telegram and no internet.

Starts the in-repo fake Bot API and fake news site on 127.0.0.1, runs `python -m bot run` against
them, plays people in a private chat in Russian, one in English, a group (an admin and not) and a
forum topic, publishes news on the fake site, and prints what each person reads: rendered text,
buttons as [label], pop-up notes, and the image of a link preview.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.fakes.bot_api import CallRecord, FakeBotAPI
from tests.fakes.news_site import FakeNewsSite

REPO = Path(__file__).resolve().parents[1]
TOKEN = "424242:DEMO-token-0123456789abcdefghijklmn"  # shaped like a real one
SHOWN = ("sendMessage", "editMessageText", "answerCallbackQuery", "sendPhoto")
# After the calls an action is known to cause, how long the bot must stay quiet for the action to
# be over: anything more it sends (a repeat, an error) is written down with the action.
QUIET = 0.3


@dataclass(frozen=True)
class Person:
    name: str
    user_id: int
    lang: str


@dataclass(frozen=True)
class Place:
    title: str
    chat_id: int
    chat_type: str = "private"
    thread_id: int | None = None


ANNA = Person("Анна", 1001, "ru")  # also the bot's operator (ADMIN_IDS)
JOHN = Person("John", 1002, "en")
OLGA = Person("Ольга", 2001, "ru")  # the group's administrator
PETR = Person("Пётр", 2002, "ru")  # a member of the group
IRINA = Person("Ирина", 3001, "ru")  # administrator of the forum
ANNA_CHAT = Place("личный чат Анны", ANNA.user_id)
JOHN_CHAT = Place("John's private chat", JOHN.user_id)
GROUP = Place("группа «Международный отдел»", -1001200, "supergroup")
TOPIC = Place("форум «Политех», тема «Партнёры»", -1001300, "supergroup", thread_id=7)


def _buttons(markup: Any) -> list[str]:
    if not isinstance(markup, dict):
        return []
    return [" ".join(f"[{b['text']}]" for b in row) for row in markup.get("inline_keyboard", [])]


def _indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line if line else "" for line in text.split("\n"))


class Conversation:
    """Pushes what people do to the fake Bot API and writes down what they then read."""

    def __init__(self, api: FakeBotAPI, bot_alive: Callable[[], None]) -> None:
        self.api = api
        self.lines: list[str] = []
        self.seen = len(api.calls)
        self.places = {p.chat_id: p for p in (ANNA_CHAT, JOHN_CHAT, GROUP, TOPIC)}
        self.bot_alive = bot_alive
        self._pressed: dict[tuple[int, int, str], str] = {}  # button data, for a second press

    def section(self, title: str) -> None:
        self.lines += ["", f"══ {title} ══"]

    def note(self, text: str) -> None:
        self.lines.append(f"({text})")

    async def say(self, person: Person, place: Place, text: str, replies: int = 1) -> None:
        """Write `text` as `person`; wait for the bot's `replies` calls and for it to fall quiet."""
        self.lines.append(f"{person.name} → {place.title}: {text}")
        self.api.push_message(
            text,
            chat_id=place.chat_id,
            user_id=person.user_id,
            chat_type=place.chat_type,
            language_code=person.lang,
            title=None if place.chat_type == "private" else place.title,
            message_thread_id=place.thread_id,
            is_topic_message=place.thread_id is not None,
        )
        await self.settle(replies)

    async def press(
        self,
        person: Person,
        place: Place,
        label: str,
        message_id: int | None = None,
        replies: int = 2,
    ) -> int:
        """Press the button `label` under the bot's latest message that has it; returns the
        message's id (to press an old button again). `replies`: the calls it causes (the
        answer to the press and what it shows)."""
        if message_id is None:
            message_id = self._message_with(place, label)
        message = self.api.message(place.chat_id, message_id) or {}
        data = ""
        for b in (b for row in _keyboard(message) for b in row):
            if b["text"] == label:
                data = b.get("callback_data", "")
        if not data:  # an old button pressed again: the data it had when it was there
            data = self._pressed[(place.chat_id, message_id, label)]
        self._pressed[(place.chat_id, message_id, label)] = data
        self.lines.append(f"{person.name} нажимает [{label}]")
        self.api.push_callback_query(
            data,
            chat_id=place.chat_id,
            user_id=person.user_id,
            message_id=message_id,
            language_code=person.lang,
        )
        await self.settle(replies)
        return message_id

    def _message_with(self, place: Place, label: str) -> int:
        for call in reversed(self.api.sent_messages(place.chat_id)):
            if call.ok and label in " ".join(_buttons(call.params.get("reply_markup"))):
                return int(call.result["message_id"])
        raise AssertionError(f"no button [{label}] in {place.title}")

    async def added_to_group(self, by: Person, place: Place) -> None:
        self.lines.append(f"{by.name} добавляет бота: {place.title}")
        self.api.push_my_chat_member(
            place.chat_id,
            new_status="member",
            old_status="left",
            chat_type=place.chat_type,
            user_id=by.user_id,
            title=place.title,
            language_code=by.lang,
        )
        await self.settle()

    async def settle(self, at_least: int = 1, quiet: float = QUIET, within: float = 60.0) -> None:
        """Wait for `at_least` visible calls, then for the bot to fall quiet; write them down."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        start = self.seen
        last_count, last_change = -1, loop.time()
        while True:
            self.bot_alive()
            count = sum(1 for c in self.api.calls[start:] if c.method in SHOWN and c.status)
            now = loop.time()
            if count != last_count:
                last_count, last_change = count, now
            if count >= at_least and now - last_change >= quiet:
                break
            if now > deadline:
                raise AssertionError(
                    f"the bot made {count} of {at_least} calls in {within:.0f} s:\n{self.text()}"
                )
            await asyncio.sleep(0.05)
        self.drain()

    async def until(self, check: Callable[[], bool], within: float = 90.0) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        while not check():
            self.bot_alive()
            if loop.time() > deadline:
                raise AssertionError("the bot did not get there in time")
            await asyncio.sleep(0.1)
        await self.settle(at_least=0)

    def drain(self) -> None:
        calls, self.seen = self.api.calls[self.seen :], len(self.api.calls)
        for call in calls:
            if call.method in SHOWN:
                self.lines.append(self._show(call))

    def _show(self, call: CallRecord) -> str:
        place = self.places.get(int(call.chat_id or 0)) if call.chat_id else None
        where = place.title if place else str(call.chat_id)
        if call.method == "answerCallbackQuery":
            text = call.params.get("text")
            return f"    (подсказка на экране: {text})" if text else "    (кнопка нажата)"
        if not call.ok:
            return f"!!  {call.method} в {where} отклонён: {call.error}"
        verb = "бот изменил сообщение" if call.method == "editMessageText" else "бот"
        if call.method == "sendPhoto":
            verb = "бот прислал картинку"
        lines = [f"{verb} → {where}:", _indent(call.rendered or "")]
        lines += [_indent(row) for row in _buttons(call.params.get("reply_markup"))]
        preview = call.params.get("link_preview_options") or {}
        if isinstance(preview, dict) and preview.get("url"):
            lines.append(f"    🖼 превью: {preview['url']}")
        return "\n".join(lines)

    def text(self) -> str:
        return "\n".join(self.lines).strip() + "\n"


def _keyboard(message: dict[str, Any]) -> list[list[dict[str, Any]]]:
    markup = message.get("reply_markup") or {}
    rows = markup.get("inline_keyboard", []) if isinstance(markup, dict) else []
    return list(rows)


async def play(workdir: Path, database_url: str | None = None) -> str:
    """The whole demo; returns the transcript. SQLite in `workdir`, or PostgreSQL at the URL."""
    admins = {GROUP.chat_id: [OLGA.user_id], TOPIC.chat_id: [IRINA.user_id]}
    async with (
        FakeBotAPI(token=TOKEN, admins=admins) as api,
        FakeNewsSite(seed=True) as site,
    ):
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("BOT_", "TELEGRAM_", "DATABASE_"))
        }
        if database_url is not None:
            env["DATABASE_URL"] = database_url
        env.update(
            BOT_TOKEN=TOKEN,
            TELEGRAM_API_URL=api.base_url,
            FEED_URLS=site.feed_url,
            DATABASE_PATH=str(workdir / "bot.sqlite3"),
            POLL_INTERVAL_SECONDS="2",
            ADMIN_IDS=str(ANNA.user_id),
            PYTHONPATH=str(REPO),
        )
        log_path = workdir / "bot.log"
        with log_path.open("wb") as log:
            proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "run", cwd=workdir, env=env, stdout=log, stderr=log
            )

        def alive() -> None:
            if proc.returncode is not None:
                raise AssertionError("the bot exited:\n" + log_path.read_text(errors="replace"))

        talk = Conversation(api, alive)
        try:
            await talk.until(lambda: bool(site.requests_to("/media/news/rss/")))
            await _scenario(talk, site)
        finally:
            if proc.returncode is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    await asyncio.wait_for(proc.wait(), 20)
                except TimeoutError:
                    proc.kill()
                    await proc.wait()
        errors = [
            line
            for line in log_path.read_text(errors="replace").splitlines()
            if " ERROR " in line or "Traceback" in line
        ]
        if errors:
            talk.section("ошибки в журнале бота")
            talk.lines += errors
        return talk.text()


async def _scenario(talk: Conversation, site: FakeNewsSite) -> None:
    talk.section("1. Личный чат, по-русски")
    await talk.say(ANNA, ANNA_CHAT, "/start")
    await talk.press(ANNA, ANNA_CHAT, "🤝 Только о партнёрстве")
    await talk.say(ANNA, ANNA_CHAT, "что ты умеешь?")

    talk.section("2. A private chat in English")
    await talk.say(JOHN, JOHN_CHAT, "/start")
    await talk.press(JOHN, JOHN_CHAT, "📰 All news")

    talk.section("3. Группа: администратор и участник")
    await talk.added_to_group(OLGA, GROUP)
    await talk.say(PETR, GROUP, "/subscribe")
    await talk.say(OLGA, GROUP, "/subscribe partnerships")
    await talk.say(OLGA, GROUP, "/subscribe")

    talk.section("4. Тема форума")
    await talk.say(IRINA, TOPIC, "/subscribe partnerships")

    talk.section("5. На сайте выходят новости")
    first = site.publish(
        "Политех подписал соглашение с Университетом Цинхуа",
        [
            "Стороны договорились о совместных исследованиях в области гидроэнергетики и обмене "
            "аспирантами. Первая совместная экспедиция отправится на Алтай.",
            "Соглашение рассчитано на пять лет и предусматривает ежегодные конференции.",
        ],
    )
    site.publish(
        "Делегация Казахского национального университета посетила Политех",
        [
            "Гости обсудили создание сетевой магистратуры по цифровой логистике и посетили "
            "лаборатории Института компьютерных наук и технологий.",
            "Первые студенты сетевой программы начнут обучение в сентябре следующего года, "
            "занятия пройдут в Санкт-Петербурге и Алматы.",
        ],
        category="Партнёрство/",
    )
    site.publish(
        "Команда Политеха выиграла турнир по волейболу",
        [
            "Финал прошёл в спорткомплексе университета при полных трибунах. Команда Политеха "
            "уступила в первой партии, но выиграла три следующие.",
            "Лучшим игроком турнира признан студент Института энергетики.",
        ],
        category="Спорт/",
    )
    talk.note(f"опубликованы 3 новости, первая — {first.link}")
    await talk.until(
        lambda: (
            _announced(talk.api, ANNA_CHAT) >= 2
            and _announced(talk.api, JOHN_CHAT) >= 3
            and _announced(talk.api, GROUP) >= 2
            and _announced(talk.api, TOPIC) >= 2
        )
    )

    talk.section("6. Вопросы")
    await talk.say(ANNA, ANNA_CHAT, "/partners")
    await talk.say(ANNA, ANNA_CHAT, "/partners университет")
    await talk.say(ANNA, ANNA_CHAT, "/agreements Китай")
    await talk.say(ANNA, ANNA_CHAT, "/search Цинхуа")
    await talk.say(JOHN, JOHN_CHAT, "/search Harbin")
    await talk.say(ANNA, ANNA_CHAT, "/search сотрудничесто")
    suggested = [label for label in _labels(talk.api, ANNA_CHAT) if label.startswith("🔎")]
    if suggested:
        await talk.press(ANNA, ANNA_CHAT, suggested[0])
    await talk.say(ANNA, ANNA_CHAT, "/chart университет")
    await talk.press(ANNA, ANNA_CHAT, _labels(talk.api, ANNA_CHAT)[0])  # drawing takes a while
    await talk.say(ANNA, ANNA_CHAT, "экспедиция на Алтай")
    await talk.press(ANNA, ANNA_CHAT, "🔎 Искать «экспедиция на Алтай»")
    await talk.say(JOHN, JOHN_CHAT, "/partners Tsinghua")
    await talk.say(JOHN, JOHN_CHAT, "/agreements")
    await talk.say(PETR, GROUP, "/partners")

    talk.section("7. Подписки: выбор партнёра, лишняя кнопка")
    await talk.say(ANNA, ANNA_CHAT, "/subscribe partner университет")
    labels = [b["text"] for row in _last_keyboard(talk.api, ANNA_CHAT) for b in row]
    await talk.press(ANNA, ANNA_CHAT, labels[0])
    await talk.say(ANNA, ANNA_CHAT, "/subscriptions")
    remove = [label for label in _labels(talk.api, ANNA_CHAT) if label.startswith("✖ партнёр")][0]
    pressed = await talk.press(ANNA, ANNA_CHAT, remove)
    await talk.press(ANNA, ANNA_CHAT, remove, message_id=pressed, replies=1)  # a double tap

    talk.section("8. Оператор")
    await talk.say(ANNA, ANNA_CHAT, "/stats")
    await talk.say(ANNA, ANNA_CHAT, "/pollnow", replies=2)  # started, then done
    await talk.settle(at_least=0, quiet=1.5)


def _announced(api: FakeBotAPI, place: Place) -> int:
    """Announcements in a chat: messages with a «read on the site» link button."""
    return sum(
        1
        for call in api.sent_messages(place.chat_id)
        if call.ok and any("url" in b for row in _keyboard(call.params) for b in row)
    )


def _last_keyboard(api: FakeBotAPI, place: Place) -> list[list[dict[str, Any]]]:
    return _keyboard(api.sent_messages(place.chat_id)[-1].params)


def _labels(api: FakeBotAPI, place: Place) -> list[str]:
    return [b["text"] for row in _last_keyboard(api, place) for b in row]


def main() -> int:
    """`python -m tests.demo [postgresql://…]`: SQLite in a temp folder, or that database."""
    url = sys.argv[1] if len(sys.argv) > 1 else None
    with tempfile.TemporaryDirectory(prefix="bot-demo-") as tmp:
        transcript = asyncio.run(play(Path(tmp), url))
    sys.stdout.write(transcript)
    return 0


if __name__ == "__main__":
    sys.exit(main())
