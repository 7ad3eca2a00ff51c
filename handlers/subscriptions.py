"""/subscribe [filter], /subscriptions, /unsubscribe, and the bot's own membership changes.

Filters: everything, partnership news, a country, a partner, or words; several per chat, and an
item matched by several of them is still sent once to a chat, or once to each forum topic that
matches (see bot.delivery.audience).
"""

from __future__ import annotations

import asyncio
import dataclasses
import html
import logging
import re

from aiogram import Bot, Router
from aiogram.filters import (
    JOIN_TRANSITION,
    KICKED,
    LEFT,
    ChatMemberUpdatedFilter,
    Command,
    CommandObject,
)
from aiogram.types import (
    CallbackQuery,
    Chat,
    ChatMemberUpdated,
    InaccessibleMessage,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    User,
)

from bot.config import Settings
from bot.delivery.digests import DigestService
from bot.facts.lookup import SAME, Choices, PartnerLookup
from bot.facts.matching import is_own
from bot.text.countries import country_alike, country_name, flag, resolve_country_query
from bot.text.formatting import cut, esc, typed_text
from bot.text.i18n import choice_prompt, is_cyrillic, t
from bot.text.kinds import kind_query
from bot.text.stems import says_something, whole_words, words
from handlers.common import (
    GROUP_TYPES,
    edit_page,
    may_manage,
    meant_layout,
    remember_chat,
    user_language,
)
from handlers.keyboards import SubscribeCallback, SubscribePartner, UnsubscribeOne
from handlers.partners import display_name
from storage.chats import ChatRepository, Subscription
from storage.digests import DigestRepository
from storage.partners import PartnerRepository

log = logging.getLogger(__name__)

MAX_SUBSCRIPTIONS = 20
MAX_KEYWORD_CHARS = 100
_PARTNERSHIPS = {"partnerships", "partnership", "партнерства", "партнёрства", "партнерство",
                 "партнёрство"}  # fmt: skip
# Words around the partnership choice as people say it («только о партнёрстве», as /start's
# button reads, "partnership news only"): with one of _PARTNERSHIPS they are that choice.
_AROUND_PARTNERSHIPS = {"только", "о", "об", "новости", "only", "news", "on", "about"}
_PARTNERSHIP_FORMS = _PARTNERSHIPS | {"партнерстве", "партнёрстве"}
_COUNTRY = {"country", "страна"}
# «/unsubscribe всё»: the whole chat, as the bare command.
_EVERYTHING = {"all", "everything", "все", "всё", "всех", "от всего"}
_PARTNER = {"partner", "партнер", "партнёр"}
_WORD = {"word", "words", "keyword", "keywords", "слово", "слова"}
_BASIC = ("all", "partnerships")  # the two choices /start offers; a chat has at most one of them

Reply = tuple[str, InlineKeyboardMarkup | None]


async def describe(sub: Subscription, lang: str, partners: PartnerRepository) -> str:
    """A subscription in words, escaped for HTML."""
    if sub.kind == "all":
        return t(lang, "sub_all")
    if sub.kind == "partnerships":
        return t(lang, "sub_partnerships")
    if sub.kind == "country":
        name = f"{flag(sub.value)} {country_name(sub.value, lang)}"
        return t(lang, "sub_country", name=esc(name))
    if sub.kind == "partner":
        partner = await partners.get(int(sub.value)) if sub.value.isdigit() else None
        if partner is None and sub.value.isdigit():  # dormant while a re-extraction runs
            partner = await partners.dormant(int(sub.value))
        name = display_name(partner, lang) if partner else sub.value
        return t(lang, "sub_partner", name=esc(cut(name, 80)))
    key = "sub_keyword" if len(sub.value.split()) > 1 else "sub_keyword_one"
    return t(lang, key, name=esc(cut(sub.value, 80)))


_LIST = re.compile(r"\s*(?:[,;/&]|\s(?:и|and)\s)\s*", re.IGNORECASE)


def countries_listed(text: str) -> list[str]:
    """The countries of a list of two or more («Китай, Германия», "China and India"), in its
    order, each once; [] unless every part is one."""
    parts = [p for p in _LIST.split(text) if p.strip()]
    if len(parts) < 2:
        return _countries_spaced(text)
    codes = [resolve_country_query(p) for p in parts]
    return list(dict.fromkeys(c for c in codes if c)) if all(codes) else []


_LONGEST_NAME = 3  # words of a country's name: «Южная Корея», "United Arab Emirates"


def _countries_spaced(text: str) -> list[str]:
    """Countries named one after another with spaces alone («Китай Германия», "China India
    Vietnam"), longer names first; [] unless every word is in one and there are two or more.
    «/subscribe Китай Германия» followed news with both words only."""
    words = text.split()
    codes: list[str] = []
    at = 0
    while at < len(words):
        for size in range(min(_LONGEST_NAME, len(words) - at), 0, -1):
            code = resolve_country_query(" ".join(words[at : at + size]))
            if code is not None:
                codes.append(code)
                at += size
                break
        else:
            return []
    return list(dict.fromkeys(codes)) if len(codes) > 1 else []


def countries_among(text: str) -> list[str]:
    """The countries a word subscription's words name, longer names first («Южная Корея»),
    each once; the words themselves all being countries are a list, not this. A short Latin
    word is a word ('in', 'to', 'IT' read as India, Tonga, Italy)."""
    words_ = text.split()
    codes: list[str] = []
    at = 0
    while at < len(words_):
        for size in range(min(_LONGEST_NAME, len(words_) - at), 0, -1):
            part = " ".join(words_[at : at + size])
            code = resolve_country_query(part) if len(part) > 3 or is_cyrillic(part) else None
            if code is not None:
                codes.append(code)
                at += size
                break
        else:
            at += 1
    return list(dict.fromkeys(codes))


async def parse_filter(
    args: str, lang: str, lookup: PartnerLookup
) -> tuple[str, str] | list[tuple[str, str]] | Choices | str:
    """(kind, value) for /subscribe's arguments (several for a list of countries), partners to
    choose from when several match, or a reply explaining what is wrong."""
    text = " ".join(args.split())
    if not text:
        return "all", ""
    head, _, rest = text.partition(" ")
    head = head.lower()
    if head in _PARTNERSHIPS and not rest:
        return "partnerships", ""
    said = [w for w in text.lower().split() if w not in _AROUND_PARTNERSHIPS]
    if len(said) == 1 and said[0] in _PARTNERSHIP_FORMS:
        return "partnerships", ""  # «только партнёрство» was a keyword subscription
    if head in _WORD and rest:  # «/subscribe word водород», «слово Китай»: the words alone
        return await _keyword(rest, lang)  # (it followed «word водород»)
    if not quoted(text) and (listed := countries_listed(rest if head in _COUNTRY else text)):
        return [("country", code) for code in listed]  # «Китай, Германия» were the words
    if head in _COUNTRY:
        if not rest:
            return t(lang, "sub_need_value")
        code = resolve_country_query(rest) or resolve_country_query(
            await meant_layout(rest, lookup)  # «Rbnfq»: Китай on the other keyboard layout
        )
        if code is None and (alike := country_alike(rest)) is not None:
            name = country_name(alike, lang)
            where = esc(f"{flag(alike)} {name}")
            return t(lang, "sub_country_alike", query=esc(cut(rest, 60)), country=where,
                     name=esc(name))  # fmt: skip
        if code is None:
            return t(lang, "sub_unknown_country", query=esc(cut(rest, 60)))
        return "country", code
    if head in _PARTNER:
        if not rest:
            return t(lang, "sub_need_value")
        rest = await meant_layout(rest, lookup)  # «Ufpghjv»: Газпром, as /partners reads it
        found = await lookup.find(rest)
        if not found:
            return t(lang, "sub_unknown_partner", query=esc(cut(rest, 60)))
        opened = await lookup.opening(rest, found)
        if opened.card is not None:
            return "partner", str(opened.card)
        choices = await lookup.choices(found)
        # A relative of the company asked for is offered as what it is: not named so exactly.
        return dataclasses.replace(choices, alike=True) if opened.relative else choices
    if not quoted(text) and (code := resolve_country_query(text)) is not None:
        return "country", code  # «/subscribe Китай», as «/unsubscribe Китай» and /partners read it
    if not quoted(text) and (asked := kind_query(text)) is not None:
        # «компании», «вузы Китая», "Chinese companies": /partners lists that kind, but no
        # subscription follows one (it made a keyword subscription to «вузы китая»); a country
        # with it is the country, said so below. A card named so exactly is still its words.
        found = await lookup.find(text)
        if not (found.named is not None and found.ranked[0][1] >= SAME):
            if asked.country:
                return "country", asked.country
            return t(lang, "sub_kind_alone", query=esc(cut(text, 60)))
    return await _keyword(text, lang)


async def _keyword(text: str, lang: str) -> tuple[str, str] | str:
    """A word subscription to `text`, or why there is none."""
    # As typed («Hangzhou»): shown back so; matching reads any case (bot.delivery.audience).
    keyword = " ".join(whole_words(text))[:MAX_KEYWORD_CHARS]
    if not words(keyword):  # only emoji or signs: no word to follow
        return t(lang, "sub_need_word")
    if not await asyncio.to_thread(says_something, keyword):
        return t(lang, "sub_too_general", query=esc(cut(keyword, 60)))
    return "keyword", keyword


_QUOTES = "\"'«»“”„‘’"


def own_name(args: str) -> str:
    """The university's own name, as /subscribe's words or partner («Политех», "partner
    SPbPU"), else ""; in quote marks it is the word."""
    text = " ".join(args.split())
    head, _, rest = text.partition(" ")
    if head.lower() in _PARTNER:
        text = rest
    return text if text and not quoted(text) and is_own(text) else ""


def quoted(text: str) -> bool:
    """Words in quote marks: the words themselves, whatever else they could name."""
    return len(text) > 2 and text[0] in _QUOTES and text[-1] in _QUOTES


def basic_buttons(lang: str) -> list[list[InlineKeyboardButton]]:
    """The choice that matters first: partnership news only, or everything."""
    return [
        [
            InlineKeyboardButton(
                text=t(lang, "button_partnerships"),
                callback_data=SubscribeCallback(action="partnerships").pack(),
            )
        ],
        [
            InlineKeyboardButton(
                text=t(lang, "button_all"), callback_data=SubscribeCallback(action="all").pack()
            )
        ],
    ]


def _same(sub: Subscription, kind: str, value: str, thread_id: int | None) -> bool:
    """`sub` is this subscription in this topic (another topic's is another feed's); words
    in other letters («hangzhou», «Hangzhou») are the same words."""
    said = sub.value.casefold() == value.casefold() if kind == "keyword" else sub.value == value
    return sub.kind == kind and said and sub.thread_id == thread_id


def _where(sub: Subscription, subs: list[Subscription], here: int | None, lang: str) -> str:
    """In a forum whose subscriptions go to several topics: which topic this one goes to, as
    seen from the topic `here` the list is shown in; elsewhere nothing. Two other topics are
    numbered (the bot is not told topics' names), so their lines and buttons differ. Seen
    from a topic with none of its own, even one other topic's are said to go there."""
    if len({s.thread_id for s in subs} | {here}) < 2:
        return ""
    if sub.thread_id == here:
        return t(lang, "sub_topic_here")
    if sub.thread_id is None:
        return t(lang, "sub_topic_general")
    others = sorted({s.thread_id for s in subs if s.thread_id not in (here, None)})
    number = f" {others.index(sub.thread_id) + 1}" if len(others) > 1 else ""
    return t(lang, "sub_topic_other") + number


async def current_view(
    chat_id: int,
    lang: str,
    chats: ChatRepository,
    partners: PartnerRepository,
    here: int | None = None,
) -> Reply:
    """What the chat is subscribed to, with buttons to change it."""
    subs = await chats.subscriptions(chat_id)
    lines, removes = await _listed(subs, lang, partners, here)
    kinds = {sub.kind for sub in subs if sub.thread_id == here}  # the switch is per topic
    buttons = [row for row in basic_buttons(lang) if _action_of(row) not in kinds]
    markup = InlineKeyboardMarkup(inline_keyboard=buttons + removes)
    return t(lang, "already_has", items="\n".join(lines)), markup


async def _listed(
    subs: list[Subscription], lang: str, partners: PartnerRepository, here: int | None
) -> tuple[list[str], list[list[InlineKeyboardButton]]]:
    """Each subscription as a line of the list and a button that removes it."""
    lines, buttons = [], []
    for sub in subs:
        text = await describe(sub, lang, partners)
        where = _where(sub, subs, here, lang)
        lines.append(f"• {text}{where}")
        buttons.append(_remove_button(sub, text, where))
    return lines, buttons


def _action_of(row: list[InlineKeyboardButton]) -> str:
    data = row[0].callback_data or ""
    return SubscribeCallback.unpack(data).action if data.startswith("sub:") else ""


def _remove_button(sub: Subscription, text: str, where: str = "") -> list[InlineKeyboardButton]:
    """✖ and the subscription; in a forum also its topic (two topics' alike buttons differ)."""
    return [
        InlineKeyboardButton(
            text=f"✖ {cut(_plain(text), 50)}{where}", callback_data=UnsubscribeOne(id=sub.id).pack()
        )
    ]


async def subscribe_chat(
    bot: Bot,
    chats: ChatRepository,
    partners: PartnerRepository,
    lookup: PartnerLookup,
    chat: Chat,
    user: User | None,
    sender_chat: Chat | None,
    thread_id: int | None,
    args: str,
) -> Reply:
    lang = user_language(user)
    if not await may_manage(bot, chat, user, sender_chat):
        return t(lang, "admins_only"), None
    own = own_name(args)
    if own:  # «/subscribe Политех» followed the word every item has: all news, said so
        choice = InlineKeyboardMarkup(inline_keyboard=basic_buttons(lang))
        return t(lang, "sub_own", query=esc(cut(own, 60))), choice
    parsed = await parse_filter(args, lang, lookup)
    if isinstance(parsed, str):
        return parsed, None
    if isinstance(parsed, Choices):
        rows = [
            [
                InlineKeyboardButton(
                    text=cut(display_name(p, lang), 60),
                    callback_data=SubscribePartner(id=p.id).pack(),
                )
            ]
            for p in parsed.shown
        ]
        query = esc(cut(args.split(maxsplit=1)[-1], 60))
        prompt = choice_prompt(
            lang, query, len(parsed.shown), parsed.total, parsed.alike, follow=True
        )
        return prompt, InlineKeyboardMarkup(inline_keyboard=rows)
    if isinstance(parsed, list):  # countries, one subscription each
        await remember_chat(chats, chat, user)
        replies = [
            (await add_subscription(chats, partners, chat.id, lang, kind, value, thread_id))[0]
            for kind, value in parsed
        ]
        return with_all_news_note("\n".join(replies), None, await chats.subscriptions(chat.id),
                                  thread_id, lang)  # fmt: skip
    kind, value = parsed
    await remember_chat(chats, chat, user)
    existing = await chats.subscriptions(chat.id)
    # In a forum a topic with no subscription of its own is a new feed, as a new chat is.
    bare = not args.strip() and any(s.thread_id == thread_id for s in existing)
    if bare or any(_same(s, kind, value, thread_id) for s in existing):
        return await current_view(chat.id, lang, chats, partners, thread_id)
    text, markup = await add_subscription(chats, partners, chat.id, lang, kind, value, thread_id)
    said = " ".join(args.split())
    if not any(_same(s, kind, value, thread_id) for s in await chats.subscriptions(chat.id)):
        return text, markup  # not added (too many): nothing more to say about it
    if kind == "country" and not quoted(said) and kind_query(said) is not None:
        text += "\n" + t(lang, "sub_kind_country", query=esc(cut(said, 60)))
    elif kind == "country" and said.split()[0].lower() not in _COUNTRY:
        # A country's name alone: what that follows, and how to follow the word instead.
        text += "\n" + t(lang, "sub_country_not_word", word=esc(cut(said, 60)))
    elif (
        kind == "keyword"
        and not quoted(said)
        and said.split()[0].lower() not in _WORD
        and (among := countries_among(value))
    ):
        # «/subscribe Китай Германия водород» follows news with all three words: rarely what
        # is meant; say so, and how to follow the countries' partners.
        where = ", ".join(country_name(code, lang) for code in among)
        text += "\n" + t(lang, "sub_words_with_countries", countries=esc(where))
    elif kind == "keyword" and markup is None and not quoted(said):
        # «/subscribe Цинхуа»: the word is followed in its own language only; the partner it
        # names, in news of both, is a tap away.
        named = (await lookup.opening(said)).card
        partner = await partners.get(named) if named is not None else None
        if partner is not None and not any(
            _same(s, "partner", str(partner.id), thread_id) for s in existing
        ):
            name = cut(display_name(partner, lang), 50)
            text += "\n" + t(lang, "sub_word_is_partner", name=esc(name))
            label = t(lang, "sub_partner_button", name=name)
            button = InlineKeyboardButton(
                text=label, callback_data=SubscribePartner(id=partner.id).pack()
            )
            markup = InlineKeyboardMarkup(inline_keyboard=[[button]])
    if kind in _BASIC:
        return text, markup
    return with_all_news_note(text, markup, await chats.subscriptions(chat.id), thread_id, lang)


def with_all_news_note(
    text: str,
    markup: InlineKeyboardMarkup | None,
    subs: list[Subscription],
    thread_id: int | None,
    lang: str,
) -> Reply:
    """A filter added where all news already come (the /start button's choice): it narrows
    nothing, so say so, with the button that leaves the filters alone. «Готово, подписка
    добавлена: страна Китай» let a reader of all news expect China's news only."""
    every = next((s for s in subs if s.kind == "all" and s.thread_id == thread_id), None)
    if every is None:
        return text, markup
    rows = list(markup.inline_keyboard) if markup is not None else []
    rows.append(_remove_button(every, t(lang, "sub_all")))
    text += "\n\n" + t(lang, "sub_within_all")
    return text, InlineKeyboardMarkup(inline_keyboard=rows)


async def add_subscription(
    chats: ChatRepository,
    partners: PartnerRepository,
    chat_id: int,
    lang: str,
    kind: str,
    value: str,
    thread_id: int | None,
) -> Reply:
    """Add one subscription; "all" and "partnerships" replace each other (a switch). A forum's
    topics are separate feeds: the same subscription may be in two topics, and the switch is
    the topic's own."""
    existing = await chats.subscriptions(chat_id)
    what = await describe(Subscription(0, chat_id, kind, value, thread_id), lang, partners)
    if same := next((s for s in existing if _same(s, kind, value, thread_id)), None):
        what = await describe(same, lang, partners)  # in the letters it was followed in
        return t(lang, "already_subscribed", what=what), None
    switched = False
    if kind in _BASIC:
        for sub in existing:
            if sub.kind in _BASIC and sub.thread_id == thread_id:
                switched = await chats.unsubscribe(chat_id, sub.id) or switched
        existing = [s for s in existing if s.kind not in _BASIC or s.thread_id != thread_id]
    if len(existing) >= MAX_SUBSCRIPTIONS:
        return t(lang, "sub_too_many", limit=str(MAX_SUBSCRIPTIONS)), None
    if not await chats.subscribe(chat_id, kind, value, thread_id):
        return t(lang, "already_subscribed", what=what), None  # a second tap raced the first
    if switched:
        return t(lang, "switched_to", what=what), None
    if kind == "all":
        return t(lang, "subscribed"), None
    return t(lang, "subscribed_to", what=what), None


async def subscribe(
    message: Message,
    command: CommandObject,
    bot: Bot,
    chats: ChatRepository,
    partners: PartnerRepository,
    lookup: PartnerLookup,
) -> None:
    thread_id = message.message_thread_id if message.is_topic_message else None
    text, markup = await subscribe_chat(
        bot, chats, partners, lookup, message.chat, message.from_user, message.sender_chat,
        thread_id, typed_text((command.args or "")[:500]),
    )  # fmt: skip
    await message.answer(text, reply_markup=markup)


def _thread_of(message: Message | InaccessibleMessage) -> int | None:
    """Pressed under a message in a forum topic: act on that topic and answer in it."""
    if isinstance(message, Message) and message.is_topic_message:
        return message.message_thread_id
    return None


async def subscribe_button(
    query: CallbackQuery,
    callback_data: SubscribeCallback,
    bot: Bot,
    chats: ChatRepository,
    partners: PartnerRepository,
) -> None:
    message = query.message
    lang = user_language(query.from_user)
    kind = "partnerships" if callback_data.action == "partnerships" else "all"
    if message is None:
        await query.answer()
        return
    if not await may_manage(bot, message.chat, query.from_user, None):
        await query.answer(t(lang, "admins_only"), show_alert=True)
        return
    await query.answer()
    thread_id = _thread_of(message)
    await remember_chat(chats, message.chat, query.from_user)
    text, markup = await add_subscription(
        chats, partners, message.chat.id, lang, kind, "", thread_id
    )
    await bot.send_message(message.chat.id, text, message_thread_id=thread_id, reply_markup=markup)


async def subscribe_partner_button(
    query: CallbackQuery,
    callback_data: SubscribePartner,
    bot: Bot,
    chats: ChatRepository,
    partners: PartnerRepository,
) -> None:
    message = query.message
    lang = user_language(query.from_user)
    if message is None:
        await query.answer()
        return
    if not await may_manage(bot, message.chat, query.from_user, None):
        await query.answer(t(lang, "admins_only"), show_alert=True)
        return
    if await partners.get(callback_data.id) is None:
        await query.answer(t(lang, "partner_gone"), show_alert=True)
        return
    await query.answer()
    thread_id = _thread_of(message)
    await remember_chat(chats, message.chat, query.from_user)
    value = str(callback_data.id)
    had = await chats.subscriptions(message.chat.id)
    text, markup = await add_subscription(
        chats, partners, message.chat.id, lang, "partner", value, thread_id
    )
    subs = await chats.subscriptions(message.chat.id)
    if not any(_same(s, "partner", value, thread_id) for s in had) and any(
        _same(s, "partner", value, thread_id) for s in subs
    ):
        text, markup = with_all_news_note(text, markup, subs, thread_id, lang)
    await bot.send_message(message.chat.id, text, message_thread_id=thread_id, reply_markup=markup)


async def subscriptions_view(
    chat_id: int,
    lang: str,
    chats: ChatRepository,
    partners: PartnerRepository,
    here: int | None = None,
    digests: DigestRepository | None = None,
) -> Reply:
    subs = await chats.subscriptions(chat_id)
    if not subs:
        return t(lang, "subscriptions_empty"), None
    listed, buttons = await _listed(subs, lang, partners, here)
    lines = [t(lang, "subscriptions_title"), *listed]
    mode = await digests.mode(chat_id) if digests is not None else "off"
    if mode != "off":  # else a reader waits for items that come once a day or a week
        lines += ["", t(lang, "subscriptions_digest", mode=t(lang, f"digest_{mode}"))]
    return "\n".join(lines), InlineKeyboardMarkup(inline_keyboard=buttons)


def _plain(html_text: str) -> str:
    return html.unescape(html_text)


async def subscriptions_command(
    message: Message,
    chats: ChatRepository,
    partners: PartnerRepository,
    digests: DigestRepository | None = None,
) -> None:
    lang = user_language(message.from_user)
    here = message.message_thread_id if message.is_topic_message else None
    text, markup = await subscriptions_view(message.chat.id, lang, chats, partners, here, digests)
    await message.answer(text, reply_markup=markup)


async def unsubscribe_one(
    query: CallbackQuery,
    callback_data: UnsubscribeOne,
    bot: Bot,
    chats: ChatRepository,
    partners: PartnerRepository,
    digests: DigestRepository | None = None,
) -> None:
    message = query.message
    lang = user_language(query.from_user)
    if message is None or isinstance(message, InaccessibleMessage):
        await query.answer()
        return
    if not await may_manage(bot, message.chat, query.from_user, None):
        await query.answer(t(lang, "admins_only"), show_alert=True)
        return
    if not await chats.unsubscribe(message.chat.id, callback_data.id):
        # A second tap on the same button: the message already shows the list without it.
        await query.answer(t(lang, "already_removed"))
        return
    text, markup = await subscriptions_view(
        message.chat.id, lang, chats, partners, _thread_of(message), digests
    )
    fresh = await edit_page(message, text, markup)
    await query.answer(t(lang, "subscription_removed" if fresh else "stale_button"))


def _words_of(sub: Subscription) -> str:
    """A keyword subscription's words as `matching` reads what is typed: lower case (they are
    kept as typed, «Hangzhou»)."""
    return sub.value.lower()


async def matching(
    args: str, subs: list[Subscription], lang: str, partners: PartnerRepository,
    lookup: PartnerLookup,
) -> list[Subscription]:  # fmt: skip
    """The chat's subscriptions the words of `/unsubscribe WORDS` name: written as /subscribe
    takes them («country Китай», «partner Газпром», a keyword), or just the country, partner or
    word («Китай»); none when they name none of them."""
    text = " ".join(whole_words(args)).lower()
    head, _, rest = text.partition(" ")
    bare = rest if head in _COUNTRY | _PARTNER and rest else text
    if head in _PARTNERSHIPS and not rest:
        return [s for s in subs if s.kind == "partnerships"]
    country = resolve_country_query(bare)
    named = (await lookup.find(bare)).named if head not in _COUNTRY else None
    found = []
    for sub in subs:
        if sub.kind == "country" and sub.value == country:
            found.append(sub)
        elif sub.kind == "partner" and head not in _COUNTRY:
            said = _plain(await describe(sub, lang, partners)).casefold()
            if sub.value == str(named) or f"«{bare}»" in said or f"“{bare}”" in said:
                found.append(sub)
        elif sub.kind == "keyword" and head not in _COUNTRY | _PARTNER and _words_of(sub) == bare:
            found.append(sub)
    return found


async def unsubscribe(
    message: Message,
    command: CommandObject,
    bot: Bot,
    chats: ChatRepository,
    partners: PartnerRepository,
    lookup: PartnerLookup,
) -> None:
    """`/unsubscribe`: every subscription of the chat; `/unsubscribe WORDS`: the one they name
    (several: which of them; none: the chat's list to choose from). It removed everything
    whatever the words said: «/unsubscribe Китай» dropped the partnership news too."""
    lang = user_language(message.from_user)
    if not await may_manage(bot, message.chat, message.from_user, message.sender_chat):
        await message.answer(t(lang, "admins_only"))
        return
    args = typed_text((command.args or "")[:500]).strip()
    if args and args.lower() not in _EVERYTHING:
        subs = await chats.subscriptions(message.chat.id)
        here = message.message_thread_id if message.is_topic_message else None
        if listed := countries_listed(args):  # «/unsubscribe Китай, Германия»: each of them
            chosen = [
                next((s for s in subs if s.kind == "country" and s.value == code), None)
                for code in listed
            ]
            if all(chosen):
                lines = [
                    t(lang, "unsubscribed_one", what=await describe(sub, lang, partners))
                    for sub in chosen
                    if sub is not None and await chats.unsubscribe(message.chat.id, sub.id)
                ]
                await message.answer("\n".join(lines) or t(lang, "not_subscribed"))
                return
        found = await matching(args, subs, lang, partners, lookup)
        shown = esc(cut(args, 60))
        if len(found) == 1 and await chats.unsubscribe(message.chat.id, found[0].id):
            what = await describe(found[0], lang, partners)
            await message.answer(t(lang, "unsubscribed_one", what=what))
            return
        if not subs:
            await message.answer(t(lang, "subscriptions_empty"))
            return
        lines, buttons = await _listed(found or subs, lang, partners, here)
        key = "unsubscribe_which" if found else "unsubscribe_none"
        text = "\n".join([t(lang, key, query=shown), *lines])
        await message.answer(text, reply_markup=InlineKeyboardMarkup(inline_keyboard=buttons))
        return
    removed = await chats.unsubscribe_all(message.chat.id)
    if removed > 1:  # in a forum, those of the other topics too: say it was all of them
        await message.answer(t(lang, "unsubscribed_all", count=str(removed)))
        return
    await message.answer(t(lang, "unsubscribed" if removed else "not_subscribed"))


async def bot_removed(event: ChatMemberUpdated, chats: ChatRepository) -> None:
    """Blocked in a private chat, or kicked/removed from a group: stop sending there."""
    dropped = await chats.deactivate(event.chat.id, f"bot {event.new_chat_member.status}")
    log.info("chat %s deactivated by my_chat_member, %d deliveries dropped", event.chat.id, dropped)


async def bot_added(
    event: ChatMemberUpdated, bot: Bot, chats: ChatRepository, partners: PartnerRepository
) -> None:
    """Added to a group: say what the bot does there and that only admins configure it; added
    back, also that the subscriptions it kept are delivered again."""
    if event.chat.type not in GROUP_TYPES:
        return
    await remember_chat(chats, event.chat, event.from_user)  # the greeting's language
    lang = user_language(event.from_user)
    text = t(lang, "group_greeting")
    if event.chat.is_forum:  # each topic its own feed: where news go was left to guess
        text += "\n\n" + t(lang, "group_greeting_forum")
    if subs := await chats.subscriptions(event.chat.id):
        items = "\n".join([f"• {await describe(sub, lang, partners)}" for sub in subs])
        text += "\n\n" + t(lang, "group_back", items=items)
    await bot.send_message(event.chat.id, text)


_DIGEST_MODES = {
    "off": "off", "выкл": "off", "нет": "off",
    "daily": "daily", "день": "daily", "ежедневно": "daily",
    "weekly": "weekly", "неделя": "weekly", "еженедельно": "weekly",
    # As people say it: «раз в неделю», "every day".
    "раз в день": "daily", "каждый день": "daily", "every day": "daily",
    "once a day": "daily", "раз в неделю": "weekly", "каждую неделю": "weekly",
    "every week": "weekly", "once a week": "weekly",
}  # fmt: skip


async def digest(
    message: Message,
    command: CommandObject,
    bot: Bot,
    chats: ChatRepository,
    digests: DigestRepository,
    settings: Settings,
    digest_service: DigestService | None = None,
) -> None:
    lang = user_language(message.from_user)
    arg = " ".join((command.args or "").lower().split())
    mode = _DIGEST_MODES.get(arg)
    if mode is None:
        current = t(lang, f"digest_{await digests.mode(message.chat.id)}")
        usage = t(lang, "digest_usage", mode=current, hour=str(settings.digest_hour))
        if arg:  # a typo or a mode there is none of: say so before the choices
            usage = t(lang, "digest_unknown_mode", mode=esc(cut(arg, 40))) + usage
        await message.answer(usage)
        return
    if not await may_manage(bot, message.chat, message.from_user, message.sender_chat):
        await message.answer(t(lang, "admins_only"))
        return
    await remember_chat(chats, message.chat, message.from_user)
    thread_id = message.message_thread_id if message.is_topic_message else None
    if mode == "off" and digest_service is not None:
        await digest_service.flush(message.chat.id)  # what was collected is not lost
    await digests.set_mode(message.chat.id, mode, thread_id)
    reply = t(lang, "digest_set", mode=t(lang, f"digest_{mode}"))
    if mode != "off" and not await chats.subscriptions(message.chat.id):
        reply += t(lang, "digest_needs_subscription")
    await message.answer(reply)


def build_router() -> Router:
    router = Router(name="subscriptions")
    router.message.register(subscribe, Command("subscribe", ignore_case=True))
    router.message.register(subscriptions_command, Command("subscriptions", ignore_case=True))
    router.message.register(unsubscribe, Command("unsubscribe", ignore_case=True))
    router.message.register(digest, Command("digest", ignore_case=True))
    router.callback_query.register(subscribe_button, SubscribeCallback.filter())
    router.callback_query.register(subscribe_partner_button, SubscribePartner.filter())
    router.callback_query.register(unsubscribe_one, UnsubscribeOne.filter())
    router.my_chat_member.register(
        bot_added, ChatMemberUpdatedFilter(member_status_changed=JOIN_TRANSITION)
    )
    router.my_chat_member.register(
        bot_removed, ChatMemberUpdatedFilter(member_status_changed=KICKED | LEFT)
    )
    return router
