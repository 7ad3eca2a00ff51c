"""Last router: unknown commands get a pointer to /help in private chats, free text there a
short answer with a search button (a sticker, photo or file the short answer alone); unknown
buttons get a short note; the rest is ignored."""

from __future__ import annotations

import asyncio
import difflib
import re

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.facts.lookup import NAMED, SAME, PartnerLookup
from bot.text.countries import country_among_words, country_name, flag, resolve_country_query
from bot.text.formatting import cut, esc, one_script, other_layout
from bot.text.i18n import COMMANDS, t
from bot.text.stems import function_word, says_something, whole_words, words
from handlers.agreements import Years, read_year
from handlers.common import meant_layout, user_language
from handlers.keyboards import (
    AgreementsPage,
    PartnerCard,
    PartnersPage,
    SearchCallback,
    pack_words,
    unpack_words,
)
from handlers.news import LATEST_DEFAULT, latest_text
from handlers.partners import NO_PREVIEW, display_name
from handlers.subscriptions import basic_buttons
from storage.news import NewsRepository
from storage.partners import PartnerRepository

# Callback data is 64 bytes; "sq:" takes three.
SEARCH_BUDGET = 60
# Words asking about signed documents: a question naming a country gets its agreements first.
# Not «подписаться» (to subscribe), "designed", a "mountain".
_ABOUT_AGREEMENTS = re.compile(
    r"соглашени|меморандум|договор|(?<!\w)подпис(?:ан|ал|ыва)\w*+(?<!ся)(?<!сь)|agreement|"
    r"memorand|\bmous?\b|treat(?:y|ies)|\bsigned\b|\bsigning",
    re.IGNORECASE,
)
_ABOUT_PARTNERS = re.compile(r"партн[её]р|partner", re.IGNORECASE)
# What a question for a country's partners says around them («кто наши партнёры в Китае?»).
_AROUND_PARTNERS = frozenset({
    "кто", "наши", "наш", "какие", "у", "нас", "в", "во", "из", "с", "со", "есть", "а", "все",
    "who", "are", "our", "what", "which", "in", "from", "with", "do", "we", "have", "the", "all",
    "s", "whats",
})  # fmt: skip


def _only_partners_of(query: str, country: str) -> bool:
    """The question asks for the country's partners and nothing more («партнёры в Китае»,
    "who are our partners in China?"); «партнёры по гидроэнергетике в Китае» asks more."""
    if not _ABOUT_PARTNERS.search(query):
        return False
    rest = [
        w for w in query.split()
        if w.lower() not in _AROUND_PARTNERS and not _ABOUT_PARTNERS.match(w)
        and country_among_words(w) != country
    ]  # fmt: skip
    return not rest


MAX_QUESTION = 500
_LINK = re.compile(r"(?:https?://|www\.)\S*|\b[\w.-]+\.(?:ru|com|org|net|edu|cn)(?:/\S*)?", re.I)


async def unknown_command(message: Message, bot: Bot) -> None:
    text = message.text or ""
    head = text.split(maxsplit=1)[0]
    _, _, mention = head.partition("@")
    if mention:
        me = await bot.me()
        if not me.username or mention.lower() != me.username.lower():
            return  # addressed to another bot in the same group
    elif message.chat.type != ChatType.PRIVATE:
        return  # groups: a bare unknown command may be meant for another bot
    lang = user_language(message.from_user)
    name = head.partition("@")[0].removeprefix("/").lower()
    if name in _LANGUAGE:
        await message.answer(t(lang, "language_is_telegrams"))
        return
    like = _ALIASES.get(name) or close_command(name)
    if like:
        await message.answer(t(lang, "unknown_command_like", command=like))
        return
    await message.answer(t(lang, "unknown_command"))


# Commands other bots have for what ours are named otherwise: "/stop" was "I don't know that
# command" to someone who wanted no more messages.
_ALIASES = {
    "stop": "unsubscribe", "unsub": "unsubscribe", "mysubs": "subscriptions",
    "subs": "subscriptions", "settings": "subscriptions", "news": "latest", "find": "search",
}  # fmt: skip
# Asking to switch the language: the bot follows Telegram's, and says so.
_LANGUAGE = frozenset({"lang", "language", "english", "russian", "en", "ru"})


def close_command(name: str) -> str | None:
    """The command a typo most likely meant (`subcribe` → `subscribe`), if one is close."""
    names = [command for command, _, _ in COMMANDS]
    found = difflib.get_close_matches(name.lower(), names, n=1, cutoff=0.75)
    return found[0] if found else None


# Greetings, thanks and questions about the bot itself: what the bot can do is the answer, not
# a search of the news for "thanks".
_SMALL_TALK = frozenset([
    "hi", "hello", "hey", "thanks", "thank", "thx", "ok", "okay", "bye", "good", "morning",
    "evening", "afternoon", "please", "bot", "привет", "здравствуйте", "здравствуй", "добрый",
    "день", "вечер", "утро", "спасибо", "благодарю", "пока", "ок", "окей", "пожалуйста", "бот",
    "бота", "боту", "ботом",
    # The same from readers of other languages (answered in English): "Danke!", "Merci".
    "danke", "dank", "vielen", "hallo", "bitte", "merci", "bonjour", "salut",
    "gracias", "hola", "grazie", "ciao",
    # "what can you do?", «что ты умеешь?», «кто вы?»: a question about the bot, not the news.
    "what", "who", "how", "can", "could", "you", "do", "does", "are", "is", "this", "it", "help",
    "что", "кто", "как", "ты", "вы", "умеешь", "умеете", "можешь", "можете", "помощь",
    "помоги", "помогите", "работаешь", "работает", "а",
])  # fmt: skip


def small_talk(text: str) -> bool:
    """The words only greet, thank or ask about the bot ("hi, what can this bot do?")."""
    found = [w.lower() for w in words(text)]
    return bool(found) and (
        all(w in _SMALL_TALK for w in found) or any(w in ("bot", "бот", "бота") for w in found)
    )


_GREETINGS = frozenset([
    "hi", "hello", "hey", "morning", "evening", "afternoon", "привет", "здравствуйте",
    "здравствуй", "добрый", "hallo", "bonjour", "salut", "hola", "ciao",
])  # fmt: skip
_THANKS = frozenset([
    "thanks", "thank", "thx", "спасибо", "благодарю", "danke", "dank", "merci", "gracias",
    "grazie",
])  # fmt: skip


def small_talk_reply(text: str, lang: str) -> str:
    """What the bot can do, after a greeting or thanks back when the words greet or thank
    («привет» got the list of commands alone, as if it were no word a person says)."""
    found = {w.lower() for w in words(text)}
    if found & _THANKS:
        return t(lang, "free_text_thanks")
    if found & _GREETINGS:
        return t(lang, "free_text_hello")
    return t(lang, "free_text")


# «как подписаться на новости?», "how do I subscribe?", «как отписаться»: a question the
# commands answer (it offered to search the news for «как подписаться на»). Not «подписан»
# (signed), which asks about documents.
_ABOUT_SUBSCRIBING = re.compile(
    r"(?<!\w)(?:подпи(?:саться|сываться|шусь|шите|ска|ски|ску|сок)|subscri(?:be|ption)s?"
    r"|(?:un)?follow)(?!\w)",
    re.IGNORECASE,
)
_ABOUT_UNSUBSCRIBING = re.compile(
    r"(?<!\w)(?:отпи(?:саться|сываться|шусь|шите)|unsubscribe|stop)(?!\w)", re.IGNORECASE
)


# «что нового?», «есть новости?», "what's new?", "latest news": a question /latest answers
# (it got a search of the news for «что нового»). One of _NEWS and the others alone.
_NEWS = frozenset({"нового", "новенького", "новости", "новостей", "new", "news", "latest"})
_ABOUT_NEWS = _NEWS | frozenset({
    "что", "есть", "какие", "последние", "свежие", "самые", "а", "у", "вас", "тебя", "там",
    "what", "s", "whats", "any", "is", "there", "the", "anything", "today", "сегодня",
})  # fmt: skip


def asks_for_news(query: str) -> bool:
    found = [w.lower() for w in words(query)]
    return any(w in _NEWS for w in found) and all(w in _ABOUT_NEWS for w in found)


# What a question for news says around the place or partner it is about («что нового в
# Китае?», «новости у Росатома», "what's new at Rosatom?").
_NEWS_LINKS = frozenset({
    "в", "во", "у", "из", "о", "об", "про", "по", "с", "со", "от", "in", "at", "from", "about",
    "on", "with", "for", "of", "by",
})  # fmt: skip


def news_about(query: str) -> str:
    """The words a question for news asks about («Китае» of «что нового в Китае»); the
    question itself when it asks no news or about nothing more. «Поискать «что нового в
    Китае»» searched the news for «что» and «нового» too, finding nothing."""
    said = query.split()
    if not any(w.lower() in _NEWS for w in said):
        return query
    rest = [w for w in said if w.lower() not in _ABOUT_NEWS and w.lower() not in _NEWS_LINKS]
    return " ".join(rest) or query


async def free_text(
    message: Message, partners: PartnerRepository, lookup: PartnerLookup, news: NewsRepository
) -> None:
    """Words in a private chat: what the bot can do, a button to search for them, and one to
    a country's partners when the words name a country that has some ("кто наши партнёры в
    Германии"), and first its agreements when they ask about documents («какие соглашения
    подписаны с Вьетнамом?»)."""
    lang = user_language(message.from_user)
    # A pasted link is no words to search («https www spbstu ru media news» was offered).
    said = _LINK.sub(" ", one_script(message.text or ""))
    query = " ".join(whole_words(said))[:MAX_QUESTION]
    # «Ghbdtn»: «привет» typed on the other keyboard layout, a greeting all the same (before any
    # look-up: a greeting needs no search).
    greeting = next((q for q in (query, other_layout(query) or "") if q and small_talk(q)), "")
    if greeting:
        await message.answer(small_talk_reply(greeting, lang))
        return
    if query:  # «Hjcfnjv»: Росатом typed on the other keyboard layout, as /partners reads it
        query = await meant_layout(query, lookup, news)
    if asks_for_news(query):  # «что нового?», "any news?": the latest, as /latest lists them
        await message.answer(
            await latest_text(news, partners, lang, LATEST_DEFAULT), link_preview_options=NO_PREVIEW
        )
        return
    # «что нового в Китае?» asks for news of China: its search stays first (not so «Китай»).
    subject = news_about(query)
    asked_news, query = subject != query, subject
    if _ABOUT_UNSUBSCRIBING.search(query):  # «как отписаться?»: the command that does it
        await message.answer(t(lang, "free_text_unsubscribe"))
        return
    if not query or not await asyncio.to_thread(says_something, query):
        await message.answer(t(lang, "free_text"))
        return
    packed = await asyncio.to_thread(searchable, query)
    if packed is None:
        await message.answer(t(lang, "free_text"))
        return
    shown = esc(cut(unpack_words(packed), 60))
    button = InlineKeyboardButton(
        text=cut(t(lang, "search_button", query=cut(unpack_words(packed), 30)), 60),
        callback_data=SearchCallback(q=packed).pack(),
    )
    rows = [[button]]
    # A country's name alone («Китай») is the country, as /partners reads it: not the card of
    # a body named after it (the Ministry of Science and Technology of China was offered).
    named = None if resolve_country_query(query) else (await lookup.opening(query)).card
    if named is None:  # «когда подписали соглашение с Цинхуа?»: a partner in a sentence
        named = await partner_in(query, lookup)
    partner = await partners.get(named) if named is not None else None
    about = _ABOUT_AGREEMENTS.search(query)  # «какие соглашения подписаны с …»
    # «… в 2023 году?», "… over the last two years?": the agreements of those years.
    years = (await read_year(query, lookup, partners, news))[0] if about else None
    partner_signed = False
    prompt = t(lang, "free_text_search", query=shown)
    if partner is not None:  # «Цинхуа»: the partner's card is the likelier answer
        name = cut(display_name(partner, lang), 50)
        label = t(lang, "partner_card_button", name=name)
        rows.insert(
            0, [InlineKeyboardButton(text=label, callback_data=PartnerCard(id=partner.id).pack())]
        )
        prompt = t(lang, "free_text_partner", name=esc(name), query=shown)
        signed, when = (
            await _signed(partners, years, partner_ids=[partner.id]) if about else (0, None)
        )
        if signed:  # asked about its documents: they come first
            partner_signed = True
            label = _agreements_label(
                lang, "agreements_partner_button", when, name=name, total=str(signed)
            )
            data = AgreementsPage(page=0, partner=partner.id, **_fields(when)).pack()
            rows.insert(0, [InlineKeyboardButton(text=label, callback_data=data)])
            prompt = t(lang, "free_text_partner_agreements", name=esc(name), query=shown)
    country = country_among_words(query)
    if country:
        where = f"{flag(country)} {country_name(country, lang)}"
        signed, when = await _signed(partners, years, country=country) if about else (0, None)
        if signed and not partner_signed:
            label = _agreements_label(
                lang, "agreements_country_button", when, country=where, total=str(signed)
            )
            data = AgreementsPage(page=0, country=country, **_fields(when)).pack()
            rows.insert(0, [InlineKeyboardButton(text=cut(label, 60), callback_data=data)])
            prompt = t(lang, "free_text_agreements", country=where, query=shown)
        total = await partners.count(country)
        if total:
            label = t(lang, "partners_country_button", country=where, total=str(total))
            data = PartnersPage(page=0, country=country).pack()
            button = InlineKeyboardButton(text=cut(label, 60), callback_data=data)
            alone = not asked_news and resolve_country_query(query) == country
            if not about and partner is None and (alone or _only_partners_of(query, country)):
                # «кто наши партнёры в Китае?»: the list is the answer, not a search for the
                # question's words (that came first). The country's name alone («Китай»,
                # "China") asks for them too, as a partner's name alone offers its card first.
                rows.insert(0, [button])
                prompt = t(lang, "free_text_partners", country=where, query=shown)
            else:
                rows.append([button])
    elif about and years is not None and partner is None:
        # «список соглашений за 2024 год», "how many agreements were signed in 2023?": every
        # partner's agreements of those years, as /agreements 2024 lists them (a word search
        # of the whole question was all it got).
        signed = (
            await partners.agreements(
                year=years.first, year_to=years.last, only_years=years.only, limit=0
            )
        )[1]
        if signed:
            label = t(lang, "agreements_years_button", years=years.words(lang, title=True),
                      total=str(signed))  # fmt: skip
            data = AgreementsPage(page=0, **years.packed()).pack()
            rows.insert(0, [InlineKeyboardButton(text=cut(label, 60), callback_data=data)])
            prompt = t(lang, "free_text_years_agreements",
                       years=years.words(lang, title=True), query=shown)  # fmt: skip
    if prompt == t(lang, "free_text_search", query=shown) and _ABOUT_SUBSCRIBING.search(query):
        # «как подписаться на новости?»: how, with the first choice as buttons; the search
        # stays below («… о Китае»: what the news say).
        rest = [
            w for w in query.split()
            if not _ABOUT_SUBSCRIBING.fullmatch(w) and not _asking(w) and w.lower() not in _NEWS
        ]  # fmt: skip
        if not rest:  # nothing more asked: the words would find news about subscribing
            rows, prompt = basic_buttons(lang), t(lang, "free_text_subscribe")
        else:
            rows = [*basic_buttons(lang), *rows]
            prompt = t(lang, "free_text_subscribe") + "\n\n" + prompt
    elif prompt == t(lang, "free_text_search", query=shown):
        # Only a search to offer: what the bot can do first («Я понимаю команды …»). A
        # question with an answer (a partner, a country, documents) gets that answer alone.
        prompt = t(lang, "free_text") + "\n\n" + prompt
    await message.answer(prompt, reply_markup=InlineKeyboardMarkup(inline_keyboard=rows))


async def _signed(
    partners: PartnerRepository,
    years: Years | None,
    *,
    partner_ids: list[int] | None = None,
    country: str | None = None,
) -> tuple[int, Years | None]:
    """How many agreements a question's button leads to, and their years: those the question
    names when it has some there, else every year (a button to none helps no one)."""
    if years is not None:
        total = (
            await partners.agreements(
                partner_ids=partner_ids, country=country, year=years.first,
                year_to=years.last, only_years=years.only, limit=0,
            )
        )[1]  # fmt: skip
        if total:
            return total, years
    total = (await partners.agreements(partner_ids=partner_ids, country=country, limit=0))[1]
    return total, None


def _fields(years: Years | None) -> dict[str, int | str]:
    return years.packed() if years is not None else {}


def _agreements_label(lang: str, key: str, years: Years | None, **values: str) -> str:
    """«📄 🇨🇳 Китай: соглашения (8)», with their years when they have some:
    «📄 🇨🇳 Китай: соглашения 2023 года (3)»."""
    if years is None:
        return t(lang, key, **values)
    return t(lang, f"{key}_years", years=years.words(lang, title=True), **values)


# Words of a question that name no partner however they match: the university itself, and
# what a question about partners says around a name.
_NOT_A_NAME = frozenset([
    "политех", "политеха", "политехе", "политехом", "спбпу", "polytech", "polytechnic", "spbpu",
    "партнёр", "партнер", "партнёры", "партнеры", "partner", "partners", "новости", "news",
])  # fmt: skip
_WINDOW = 4  # the most words a partner's name in a question is looked up by
_QUESTION_WORDS = 12  # the words of a question looked at


async def partner_in(question: str, lookup: PartnerLookup) -> int | None:
    """The one partner a question names in so many words («… соглашение с Цинхуа?»): a run
    of its words that names a card exactly (`SAME` or better, not a country), longest runs
    first; None when no run does, or runs name different partners."""
    said = question.split()[:_QUESTION_WORDS]
    # A country («с Вьетнамом») is the country's question, not its embassy's: runs stop there.
    said = ["" if w.casefold() in _NOT_A_NAME or resolve_country_query(w) else w for w in said]
    for size in range(min(_WINDOW, len(said)), 0, -1):
        runs = [said[i : i + size] for i in range(len(said) - size + 1)]
        runs = [r for r in runs if all(r) and (size > 1 or len(r[0]) > 3)]
        # One word must be the name but for a kind word («Цинхуа»); several may miss a
        # descriptive one («Ташкентским техническим университетом»).
        least = SAME if size == 1 else NAMED
        named = {
            found.named
            for found in await lookup.find_each([" ".join(r) for r in runs])
            if found.named is not None and found.ranked[0][1] >= least
        }
        if len(named) == 1:
            return named.pop()
        if named:
            return None
    return None


# Words a request is made of rather than what it is about (besides function words, which
# `function_word` knows): a long question's search keeps them last.
_ASKING = frozenset([
    "расскажите", "расскажи", "подскажите", "подскажи", "скажите", "скажи", "пожалуйста",
    "какие", "какой", "какая", "какое", "каких", "каким", "какими", "каком", "есть", "туда",
    "сюда", "там", "тут", "здесь", "хочу", "хотел", "хотела", "хотим", "хотелось", "можно",
    "нужно", "надо", "узнать", "интересно", "please", "tell", "know", "want", "would", "like",
    "which", "there", "any", "some", "about", "could", "can", "may", "do", "does", "is", "are",
])  # fmt: skip


def _asking(word: str) -> bool:
    """A word of the request itself, the university's own name, or a function word."""
    low = word.casefold()
    return low in _ASKING or low in _NOT_A_NAME or function_word(word)


def searchable(query: str) -> str | None:
    """The words to search as callback data: every word the person wrote, packed if need be
    ("кто наши партнёры в Германии" lost «Германии» when cut from the right to fit the 64-byte
    callback data); a question too long even packed keeps its longest words that say what it
    is about, in their order, the short ones being mostly the question's grammar; None when
    not one word fits (a run of letters far too long to be a word: a search for «» helped no
    one)."""
    packed = pack_words(query, SEARCH_BUDGET)
    if packed is not None:
        return packed
    words = query.split()
    keep: set[int] = set()

    # The words that say what it is about first, names (capitalised inside the question)
    # before the rest: «Расскажите, пожалуйста, какие …» kept the request's words and left
    # out «Германии».
    def rank(k: int) -> tuple[bool, bool, int]:
        named = k > 0 and words[k][:1].isupper()
        return _asking(words[k]), not named, -len(words[k])

    for n in sorted(range(len(words)), key=rank):
        trial = " ".join(w for k, w in enumerate(words) if k in keep or k == n)
        if pack_words(trial, SEARCH_BUDGET) is not None:
            keep.add(n)
    if not keep:
        return None
    return pack_words(" ".join(w for k, w in enumerate(words) if k in keep), SEARCH_BUDGET)


async def not_text(message: Message) -> None:
    """A sticker, photo, voice or file in a private chat: what the bot can do (silence would
    read as a bot that is down)."""
    await message.answer(t(user_language(message.from_user), "free_text"))


_NOT_TEXT = (
    F.sticker | F.photo | F.video | F.animation | F.voice | F.video_note | F.audio | F.document
    | F.location | F.contact
)  # fmt: skip


async def unknown_button(query: CallbackQuery) -> None:
    """A button of an older version, or forged data: a short note, nothing else."""
    await query.answer(t(user_language(query.from_user), "old_button"))


def build_router() -> Router:
    router = Router(name="fallback")
    router.message.register(unknown_command, F.text.startswith("/"))
    router.message.register(free_text, F.text, F.chat.type == ChatType.PRIVATE)
    router.message.register(not_text, _NOT_TEXT, F.chat.type == ChatType.PRIVATE)
    router.callback_query.register(unknown_button)
    return router
