"""User-facing texts in Russian and English; HTML-safe templates, values escaped by callers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

RU: Final = "ru"
EN: Final = "en"


def language_of(code: str | None) -> str:
    """Russian for users whose Telegram language is Russian (or close to it), English otherwise."""
    if code and code.lower().split("-")[0] in {"ru", "uk", "be", "kk"}:
        return RU
    return EN


# (command, Russian description, English description): the menu and /help both come from here.
COMMANDS: Final[tuple[tuple[str, str, str], ...]] = (
    ("start", "Что умеет бот", "What this bot does"),
    ("help", "Список команд", "List of commands"),
    (
        "subscribe",
        "Подписаться: /subscribe [partnerships | country X | partner X | слово]",
        "Subscribe: /subscribe [partnerships | country X | partner X | word]",
    ),
    ("subscriptions", "Подписки этого чата", "This chat's subscriptions"),
    (
        "unsubscribe",
        "Отписаться: /unsubscribe — от всего, /unsubscribe Китай — от одной подписки",
        "Unsubscribe: /unsubscribe from everything, /unsubscribe China from one subscription",
    ),
    ("digest", "Дайджест: /digest off | daily | weekly", "Digest: /digest off | daily | weekly"),
    ("latest", "Последние новости: /latest [n]", "Latest news: /latest [n]"),
    ("search", "Поиск по новостям: /search слова", "Search the news: /search words"),
    (
        "partners",
        "Партнёры: /partners [название, страна или вид: компании Китая]",
        "Partners: /partners [name, country or kind: Chinese companies]",
    ),
    ("countries", "Партнёры по странам", "Partners by country"),
    (
        "agreements",
        "Соглашения: /agreements [вид документа] [запрос] [год или 2020-2022]",
        "Agreements: /agreements [kind of document] [query] [year or 2020-2022]",
    ),
    ("map", "Карта партнёров: /map [вид]", "Map of partners: /map [kind]"),
    ("chart", "Графики: /chart [партнёр]", "Charts: /chart [partner]"),
    (
        "export",
        "Выгрузка CSV и XLSX: /export [вид документа] [запрос] [год или 2020-2022]",
        "CSV and XLSX export: /export [kind of document] [query] [year or 2020-2022]",
    ),
)

# Shown in /help and the menu of operators (ADMIN_IDS) only.
ADMIN_COMMANDS: Final[tuple[tuple[str, str, str], ...]] = (
    ("stats", "Состояние бота (операторы)", "Bot status (operators)"),
    ("pollnow", "Опросить ленты сейчас (операторы)", "Poll the feeds now (operators)"),
    (
        "curate",
        "Правка реестра: merge | split | rename | hide | show | country (операторы)",
        "Fix the registry: merge | split | rename | hide | show | country (operators)",
    ),
)

PARTNER_KINDS: Final[dict[str, tuple[str, str]]] = {
    "university": ("университет", "university"),
    "research": ("научная организация", "research body"),
    "company": ("компания", "company"),
    "government": ("орган власти", "government body"),
    "other": ("организация", "organisation"),
}
# Kinds of partner as a list's heading (Russian plural), as what is absent (Russian genitive
# plural) and in English: «Компании …», «Партнёров среди компаний … нет».
PARTNER_KINDS_PLURAL: Final[dict[str, tuple[str, str, str]]] = {
    "university": ("Университеты", "университетов", "universities"),
    "research": ("Научные организации", "научных организаций", "research bodies"),
    "company": ("Компании", "компаний", "companies"),
    "government": ("Органы власти", "органов власти", "government bodies"),
    "other": ("Другие организации", "других организаций", "other organisations"),
}
AGREEMENT_KINDS: Final[dict[str, tuple[str, str]]] = {
    "agreement": ("Соглашение", "Agreement"),
    "memorandum": ("Меморандум", "Memorandum"),
    "contract": ("Договор", "Contract"),
    "roadmap": ("Дорожная карта", "Roadmap"),
    "other": ("Документ", "Document"),
}
# Kinds as a list's heading (Russian and English plural) and as what was not found (Russian
# genitive plural): «Меморандумы …», «Не нашёл меморандумов …».
AGREEMENT_KINDS_PLURAL: Final[dict[str, tuple[str, str, str]]] = {
    "agreement": ("соглашения", "соглашений", "agreements"),
    "memorandum": ("меморандумы", "меморандумов", "memoranda"),
    "contract": ("договоры", "договоров", "contracts"),
    "roadmap": ("дорожные карты", "дорожных карт", "roadmaps"),
    "other": ("прочие документы", "прочих документов", "other documents"),
}


def kinds_words(kinds: Sequence[str], lang: str, *, found: bool = True) -> str:
    """Documents of `kinds` (all when none), lower case: "меморандумы и дорожные карты" as a
    heading (`found`), "меморандумов или дорожных карт" as what was not; agreements alone are
    "только соглашения", since "соглашения" heads the list of every kind."""
    if not kinds:
        return ("соглашения" if found else "соглашений") if lang == RU else "agreements"
    if tuple(kinds) == ("agreement",) and found:
        return "только соглашения" if lang == RU else "only agreements"
    column = (0 if found else 1) if lang == RU else 2
    names = [AGREEMENT_KINDS_PLURAL[k][column] for k in kinds]
    joint = (" и " if found else " или ") if lang == RU else (" and " if found else " or ")
    return joint.join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]


# The SPbPU feed's categories, for English readers; a category not listed here is shown to
# Russian readers only (an English reader gets no half-translated line).
CATEGORIES_EN: Final[dict[str, str]] = {
    "Международная деятельность": "International affairs",
    "Партнёрство": "Partnership",
    "Партнерство": "Partnership",
    "Наука": "Science",
    "Наука и инновации": "Science and innovation",
    "Образование": "Education",
    "Университет": "University",
    "Студентам": "Students",
    "Абитуриентам": "Applicants",
    "События": "Events",
    "Новости": "News",
    "Спорт": "Sport",
    "Культура": "Culture",
}


# The subjects documents are most often signed «о …», for English readers; another Russian
# subject is not shown to them (no half-translated line), while Russian readers see every one.
SUBJECTS_EN: Final[dict[str, str]] = {
    "о сотрудничестве": "on cooperation",
    "о взаимодействии": "on cooperation",
    "о партнерстве": "on partnership",
    "о стратегическом партнерстве": "on strategic partnership",
    "о стратегическом сотрудничестве": "on strategic cooperation",
    "о научном сотрудничестве": "on scientific cooperation",
    "о научно-техническом сотрудничестве": "on scientific and technical cooperation",
    "о научном и образовательном сотрудничестве": "on scientific and educational cooperation",
    "о научно-образовательном сотрудничестве": "on scientific and educational cooperation",
    "о сотрудничестве в области образования": "on cooperation in education",
    "о сотрудничестве в области науки и образования": "on cooperation in science and education",
    "об академическом обмене": "on academic exchange",
    "об обмене студентами": "on student exchange",
    "о намерениях": "of intent",
}


# ... and the common English ones in Russian, for Russian readers (the first Russian form
# of each English one, and a few English wordings with no Russian key above).
SUBJECTS_RU: Final[dict[str, str]] = {
    **{en: ru for ru, en in reversed(SUBJECTS_EN.items())},
    "on partnership": "о партнёрстве",
    "on strategic partnership": "о стратегическом партнёрстве",
    "of strategic partnership": "о стратегическом партнёрстве",
    "on academic cooperation": "об академическом сотрудничестве",
    "on scientific and technical cooperation": "о научно-техническом сотрудничестве",
    "on scientific and technological cooperation": "о научно-техническом сотрудничестве",
    "on educational cooperation": "о сотрудничестве в области образования",
    "on academic mobility": "об академической мобильности",
    "on students exchange": "об обмене студентами",
    "on interuniversity cooperation": "о межвузовском сотрудничестве",
    "on mutual understanding": "о взаимопонимании",
}


def subject_en(subject: str) -> str:
    """A Russian subject in English when it is one of the common ones, else ""."""
    key = " ".join(subject.casefold().replace("ё", "е").split())
    return SUBJECTS_EN.get(key, "")


def subject_ru(subject: str) -> str:
    """An English subject in Russian when it is one of the common ones, else ""."""
    return SUBJECTS_RU.get(" ".join(subject.casefold().split()), "")


def is_cyrillic(text: str) -> bool:
    return any("а" <= ch.lower() <= "я" or ch in "ёЁ" for ch in text)


def in_language(text: str, lang: str) -> bool:
    """True when `text` is written in `lang` (Cyrillic for Russian, anything else for English)."""
    return is_cyrillic(text) == (lang == RU)


def written_in(title: str, lang: str) -> str:
    """ "in Russian" for an English reader of a Russian article («на английском» the other way),
    judged by its title; "" when the article is in the reader's language."""
    letters = [ch for ch in title if ch.isalpha()]
    if not letters:
        return ""
    cyrillic = sum(1 for ch in letters if is_cyrillic(ch)) * 2 > len(letters)
    if lang == RU:
        return "" if cyrillic else t(lang, "written_in_other")
    return t(lang, "written_in_other") if cyrillic else ""


def category_label(category: str | None, lang: str) -> str:
    """The feed's category in the reader's language, or "" when there is none in it."""
    if not category:
        return ""
    if lang == RU:
        return category
    return CATEGORIES_EN.get(category.strip(), "" if is_cyrillic(category) else category)


def label(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    ru, en = table.get(key, table["other"])
    return ru if lang == RU else en


_TEXTS: Final[dict[str, tuple[str, str]]] = {
    "greeting": (
        "Здравствуйте! Я слежу за новостями Политеха (СПбПУ) о партнёрстве: соглашения, "
        "меморандумы, делегации, совместные центры. Что присылать — только новости о "
        "партнёрстве или все новости?\n\nКоманды: /help",
        "Hello! I follow news of Peter the Great St. Petersburg Polytechnic University (SPbPU) "
        "about its partnerships: agreements, memoranda, delegations, joint centres. What should "
        "I send you: partnership news only, or all news?\n\nCommands: /help",
    ),
    "button_partnerships": ("🤝 Только о партнёрстве", "🤝 Partnership news only"),
    "button_all": ("📰 Все новости", "📰 All news"),
    "read_on_site": ("Читать на сайте", "Read on the site"),
    "search_button": ("🔎 Искать «{query}»", "🔎 Search “{query}”"),
    "free_text": (
        "Я понимаю команды: /subscribe — подписаться, /partners — партнёры, "
        "/agreements — соглашения, /search — поиск по новостям. Все команды: /help",
        "I understand commands: /subscribe to get news, /partners, /agreements, /search the "
        "news. All commands: /help",
    ),
    "partner_card_button": ("🤝 {name}", "🤝 {name}"),
    "free_text_hello": (
        "Здравствуйте! Я слежу за новостями Политеха о партнёрстве. Я понимаю команды: "
        "/subscribe — подписаться, /partners — партнёры, /agreements — соглашения, /search — "
        "поиск по новостям. Все команды: /help",
        "Hello! I follow SPbPU's partnership news. I understand commands: /subscribe to get "
        "news, /partners, /agreements, /search the news. All commands: /help",
    ),
    "free_text_thanks": (
        "Пожалуйста! Я понимаю команды: /subscribe — подписаться, /partners — партнёры, "
        "/agreements — соглашения, /search — поиск по новостям. Все команды: /help",
        "You're welcome! I understand commands: /subscribe to get news, /partners, "
        "/agreements, /search the news. All commands: /help",
    ),
    "free_text_subscribe": (
        "Подписаться: кнопками ниже — только новости о партнёрстве или все; или на страну, "
        "партнёра, слово: /subscribe country Китай, /subscribe partner Цинхуа, /subscribe "
        "водород. Ваши подписки: /subscriptions",
        "To subscribe: the buttons below, partnership news only or all news; or a country, a "
        "partner, a word: /subscribe country China, /subscribe partner Tsinghua, /subscribe "
        "hydrogen. Your subscriptions: /subscriptions",
    ),
    "free_text_unsubscribe": (
        "Отписаться от всего: /unsubscribe; от одной подписки — кнопкой в /subscriptions или "
        "/unsubscribe Китай.",
        "To unsubscribe from everything: /unsubscribe; from one subscription: its button in "
        "/subscriptions, or /unsubscribe China.",
    ),
    "free_text_partner": (
        "Карточка партнёра «{name}» — первой кнопкой ниже. Или поискать «{query}» в новостях?",
        "{name}: its card is the first button below. Or search the news for “{query}”?",
    ),
    "free_text_agreements": (
        "Соглашения с партнёрами из страны {country} — первой кнопкой ниже. "
        "Или поискать «{query}» в новостях?",
        "Agreements with partners in {country}: the first button below. "
        "Or search the news for “{query}”?",
    ),
    "free_text_partner_agreements": (
        "Соглашения партнёра «{name}» — первой кнопкой ниже. Или поискать «{query}» в новостях?",
        "Agreements with {name}: the first button below. Or search the news for “{query}”?",
    ),
    "free_text_years_agreements": (
        "Соглашения {years} — первой кнопкой ниже. Или поискать «{query}» в новостях?",
        "Agreements {years}: the first button below. Or search the news for “{query}”?",
    ),
    "free_text_partners": (
        "Партнёры из страны {country} — первой кнопкой ниже. Или поискать «{query}» в новостях?",
        "Partners in {country}: the first button below. Or search the news for “{query}”?",
    ),
    "free_text_search": (
        "Поискать «{query}» в новостях?",
        "Search the news for “{query}”?",
    ),
    "group_greeting_forum": (
        "Это форум: новости приходят в ту тему, где администратор напишет /subscribe, и у "
        "каждой темы свои подписки.",
        "This is a forum: news go to the topic where an administrator sends /subscribe, and "
        "each topic has its own subscriptions.",
    ),
    "group_greeting": (
        "Здравствуйте! Я присылаю новости Политеха (СПбПУ) о партнёрстве. Настраивать меня "
        "в этой группе могут только администраторы: /subscribe — все новости, "
        "/subscribe partnerships — только о партнёрстве, /digest daily — раз в день. "
        "Остальные могут спрашивать: /partners, /agreements, /search.",
        "Hello! I post news of Peter the Great St. Petersburg Polytechnic University (SPbPU) "
        "about its partnerships. Only this group's administrators can set me up: /subscribe for "
        "all news, /subscribe partnerships for partnership news only, /digest daily for a daily "
        "digest. Everyone can ask: /partners, /agreements, /search.",
    ),
    "already_has": (
        "Этот чат уже подписан:\n{items}\n\nИзменить: кнопки ниже, или /subscribe partner X, "
        "/subscribe country X.",
        "This chat is already subscribed to:\n{items}\n\nChange it with the buttons below, or "
        "/subscribe partner X, /subscribe country X.",
    ),
    "switched_to": ("Готово, теперь: {what}.", "Done, now: {what}."),
    "choose_partner": (
        "Под «{query}» подходят несколько партнёров. На кого подписаться?",
        "Several partners match “{query}”. Which one should I follow?",
    ),
    "choose_partner_one": (
        "По запросу «{query}» подходит один партнёр. Подписаться на него?",
        "One partner matches “{query}”. Follow it?",
    ),
    "choose_partner_alike": (
        "Точно «{query}» никто не называется. Подписаться на кого-то из этих?",
        "Nothing is named exactly “{query}”. Follow one of these?",
    ),
    "choose_partner_many": (
        "По запросу «{query}» подходящих партнёров: {total}. Вот {shown} самых упоминаемых — "
        "на кого подписаться? Если нужного нет, уточните: /subscribe partner и полное название.",
        "{total} partners match “{query}”. Here are the {shown} mentioned most; which one "
        "should I follow? If yours is not here, narrow it: /subscribe partner and the full name.",
    ),
    "already_removed": ("Эта подписка уже удалена.", "That subscription is already removed."),
    "stale_button": (
        "Это сообщение устарело — вот актуальное.",
        "That message is out of date; here is the current one.",
    ),
    "old_button": (
        "Эта кнопка устарела — повторите команду.",
        "This button is out of date: please repeat the command.",
    ),
    "partner_gone": ("Этого партнёра больше нет в списке.", "That partner is no longer listed."),
    "partners_rebuilding": (
        "Бот обновился и сейчас заново читает новости: партнёры и соглашения соберутся "
        "через минуту-другую. Повторите запрос чуть позже.",
        "The bot has been updated and is reading the news again: the partners and agreements "
        "will be back in a minute or two. Please ask again shortly.",
    ),
    "help_title": ("<b>Команды</b>", "<b>Commands</b>"),
    "subscribed": (
        "Готово: новые публикации будут приходить сюда.",
        "Done: new items will be sent here.",
    ),
    "subscribed_to": (
        "Готово, подписка добавлена: {what}.",
        "Done, subscribed: {what}.",
    ),
    "sub_all": ("все новости", "all news"),
    "sub_within_all": (
        "Этот чат получает и все новости — эти в них уже есть. Чтобы получать только "
        "выбранное, уберите «все новости» кнопкой ниже.",
        "This chat also gets all news, these among them. To get only what you chose, remove "
        "“all news” with the button below.",
    ),
    "sub_partnerships": ("новости о партнёрстве", "partnership news"),
    "sub_country": ("страна {name}", "country {name}"),
    "sub_word_is_partner": (
        "Слово ловит только новости, где оно написано; новости партнёра «{name}» на русском и "
        "английском — кнопкой ниже.",
        "The word catches only news that spell it; news of the partner “{name}” in English and "
        "Russian: the button below.",
    ),
    "card_follow": ("🤝 Подписаться на новости партнёра", "🤝 Follow this partner's news"),
    "sub_partner_button": ("🤝 Подписаться: {name}", "🤝 Follow: {name}"),
    "sub_kind_alone": (
        "Подписки на вид партнёров («{query}») нет: можно на страну (/subscribe Китай), "
        "партнёра (/subscribe partner Цинхуа) или все новости о партнёрстве "
        "(/subscribe partnerships). Их список: /partners {query}. Следить за самим словом "
        "в любых новостях: /subscribe «{query}»",
        "There is no subscription to a kind of partner (“{query}”): to a country "
        "(/subscribe China), a partner (/subscribe partner Tsinghua) or all partnership news "
        "(/subscribe partnerships). Their list: /partners {query}. To follow the word in any "
        "news: /subscribe “{query}”",
    ),
    "sub_kind_country": (
        "Отдельной подписки на вид партнёров нет: это новости обо всех партнёрах из этой "
        "страны. Только «{query}»: /partners {query}. Следить за самими словами: "
        "/subscribe «{query}»",
        "There is no subscription to a kind of partner alone: that is news of every partner "
        "from this country. Just “{query}”: /partners {query}. To follow the words themselves: "
        "/subscribe “{query}”",
    ),
    "sub_words_with_countries": (
        "Слова ловят только новости, где написаны все они сразу. Новости о партнёрах из стран "
        "(каждой): /subscribe {countries}",
        "Words catch only news that have all of them. News of partners from each country: "
        "/subscribe {countries}",
    ),
    "sub_country_not_word": (
        "Это новости о партнёрах из этой страны. Следить за самим словом «{word}» в любых "
        "новостях: /subscribe «{word}»",
        "That is news of partners from this country. To follow the word “{word}” in any news: "
        "/subscribe “{word}”",
    ),
    "sub_partner": ("партнёр «{name}»", "partner “{name}”"),
    "sub_keyword": ("слова «{name}»", "words “{name}”"),
    "sub_keyword_one": ("слово «{name}»", "word “{name}”"),
    "sub_country_alike": (
        "Не знаю такой страны: «{query}». Может быть, {country}? /subscribe country {name}",
        "I don't know the country “{query}”. Did you mean {country}? /subscribe country {name}",
    ),
    "sub_unknown_country": (
        "Не знаю такой страны: «{query}». Пример: /subscribe country Китай",
        "I don't know the country “{query}”. Example: /subscribe country China",
    ),
    "sub_too_general": (
        "«{query}» — только служебные слова, под них подошла бы почти любая новость. "
        "Укажите слово по теме, например: /subscribe соглашение",
        "“{query}” has only words like “and” or “the”, which nearly every article has. "
        "Give a word about the topic, for example: /subscribe agreement",
    ),
    "sub_unknown_partner": (
        "Не нашёл партнёра «{query}». Список: /partners",
        "No partner matches “{query}”. See /partners",
    ),
    "sub_need_word": (
        "Здесь нет слов для подписки. Подписаться можно на слова (/subscribe соглашение), страну "
        "(/subscribe country Китай) или партнёра (/subscribe partner Цинхуа).",
        "There are no words here to follow. Subscribe to words (/subscribe agreement), a country "
        "(/subscribe country China) or a partner (/subscribe partner Tsinghua).",
    ),
    "sub_need_value": (
        "Укажите, что именно: /subscribe country Китай, /subscribe partner Цинхуа",
        "Say which one: /subscribe country China, /subscribe partner Tsinghua",
    ),
    "sub_too_many": (
        "В чате уже {limit} подписок — удалите лишние через /subscriptions.",
        "This chat has {limit} subscriptions already: remove some with /subscriptions.",
    ),
    "subscriptions_title": ("<b>Подписки этого чата</b>:", "<b>This chat's subscriptions</b>:"),
    "subscriptions_digest": (
        "Доставка: {mode} (каждая новость сразу: /digest off).",
        "Delivery: {mode} (each item at once: /digest off).",
    ),
    "subscriptions_empty": (
        "Подписок нет. Подписаться: /subscribe",
        "No subscriptions. Subscribe: /subscribe",
    ),
    "subscription_removed": ("Подписка удалена.", "Subscription removed."),
    "already_subscribed": (
        "Этот чат уже подписан: {what}.",
        "This chat is already subscribed to {what}.",
    ),
    "unsubscribed": ("Подписка отменена.", "Unsubscribed."),
    "unsubscribed_all": (
        "Отменены все подписки этого чата: {count}.",
        "Removed all {count} subscriptions of this chat.",
    ),
    "unsubscribed_one": ("Подписка отменена: {what}.", "Unsubscribed: {what}."),
    "unsubscribe_which": (
        "Подписок по запросу «{query}» несколько. Какую отменить?",
        "Several subscriptions match “{query}”. Which one should go?",
    ),
    "unsubscribe_none": (
        "В этом чате нет подписки «{query}». Подписки чата (нажмите, чтобы отменить одну; "
        "отписаться от всего: /unsubscribe без слов):",
        "This chat has no subscription “{query}”. Its subscriptions (tap one to remove it; "
        "to remove them all: /unsubscribe alone):",
    ),
    "not_subscribed": ("Этот чат не был подписан.", "This chat was not subscribed."),
    "sub_topic_here": (" — в эту тему", " — to this topic"),
    "sub_topic_other": (" — в другую тему", " — to another topic"),
    "sub_topic_general": (" — в общий чат", " — to the general chat"),
    "group_back": (
        "Подписки этой группы, сохранённые с прошлого раза, снова действуют:\n{items}\n"
        "Изменить или снять: /subscriptions, /unsubscribe.",
        "This group's subscriptions, kept from last time, are active again:\n{items}\n"
        "To change or remove them: /subscriptions, /unsubscribe.",
    ),
    "admins_only": (
        "Подписки и дайджест группы могут менять только администраторы чата.",
        "Only chat administrators can change this group's subscriptions and digest.",
    ),
    "written_in_other": ("на английском", "in Russian"),
    "latest_empty": ("Новостей пока нет.", "No news yet."),
    "latest_bad_n": (
        "Укажите число от 1 до 20, например: /latest 5",
        "Give a number from 1 to 20, for example: /latest 5",
    ),
    "latest_kinds": (
        "Подписанные документы, новые первыми: /agreements {query}",
        "Signed documents, newest first: /agreements {query}",
    ),
    "search_usage": (
        "Что искать? Например: /search соглашение Китай",
        "What should I look for? For example: /search agreement China",
    ),
    "search_too_general": (
        "В запросе «{query}» только служебные слова, они есть почти в каждой новости. "
        "Добавьте слово по теме, например: /search соглашение Китай",
        "“{query}” has only words like “and” or “the”, which nearly every article has. "
        "Add a word about the topic, for example: /search agreement China",
    ),
    # {years}: "" or search_within, the years a search was narrowed to.
    "search_none": (
        "Ничего не нашлось по запросу «{query}»{years}.",
        "Nothing found for “{query}”{years}.",
    ),
    "search_within": (" среди новостей {years}", " among the news {years}"),
    "search_title": ("Найдено по запросу «{query}»:", "Results for “{query}”:"),
    # After a title, in brackets: «(новости 2019–2021 годов)», "(news of 2019–2021)".
    "search_years": ("новости {years}", "news {years}"),
    "search_all_years_button": ("🔎 За все годы ({total})", "🔎 In all years ({total})"),
    "search_title_partner": (
        "Найдено по запросу «{query}» и другим названиям партнёра «{partner}», "
        "на русском и английском:",
        "Results for “{query}” and the other names of the partner “{partner}”, "
        "in English and Russian:",
    ),
    "search_none_apart": (
        "Ничего не нашлось по запросу «{query}»{years}: ни в одной новости нет всех этих слов "
        "сразу. Поищите по одному:",
        "Nothing found for “{query}”{years}: no article has all of these words. Try one of them:",
    ),
    "search_none_phrase": (
        "Ничего не нашлось по запросу «{query}»{years}: слов в кавычках подряд нет ни в одной "
        "новости. Порознь они есть:",
        "Nothing found for “{query}”{years}: no article has the quoted words side by side. Some "
        "have them apart:",
    ),
    "search_unquoted_button": ("🔎 Без кавычек ({total})", "🔎 Without quote marks ({total})"),
    # A count's label, not a noun after a number: «1 articles» / "50+ articles" need none.
    "search_word_button": ("🔎 {word} — новостей: {count}", "🔎 {word} — articles: {count}"),
    "search_none_suggest": (
        "Ничего не нашлось по запросу «{query}»{years}. Возможно, вы имели в виду «{suggestion}»?",
        "Nothing found for “{query}”{years}. Did you mean “{suggestion}”?",
    ),
    "latest_title": ("Последние новости:", "Latest news:"),
    "latest_title_capped": (
        "Последние {count} новостей (больше за раз не показываю; искать старые: /search):",
        "The latest {count} news items (no more at once; older ones: /search):",
    ),
    "unknown_command": (
        "Не знаю такой команды. Список команд: /help",
        "I don't know that command. See /help",
    ),
    "language_is_telegrams": (
        "Я пишу на языке вашего Telegram: сейчас по-русски, и новости тоже. Чтобы читать "
        "по-английски, выберите английский в настройках Telegram (Настройки → Язык).",
        "I write in your Telegram's language: English now, news too. To read in Russian, choose "
        "Russian in Telegram's settings (Settings → Language).",
    ),
    "unknown_command_like": (
        "Не знаю такой команды. Может быть, /{command}? Список команд: /help",
        "I don't know that command. Did you mean /{command}? See /help",
    ),
    "partners_title": (
        "<b>Партнёры</b> (всего {total}), чаще упоминаемые в новостях — выше; число — упоминания:",
        "<b>Partners</b> ({total} in all), most mentioned in the news first; the number is "
        "mentions:",
    ),
    "partners_country_title": (
        "<b>Партнёры: {country}</b> (всего {total}); число — упоминания в новостях:",
        "<b>Partners in {country}</b> ({total}); the number is mentions in the news:",
    ),
    "partners_kind_title": (
        "<b>{kind}</b> (всего {total}), чаще упоминаемые в новостях — выше; число — упоминания:",
        "<b>{kind}</b> ({total} in all), most mentioned in the news first; the number is mentions:",
    ),
    "partners_kind_country_title": (
        "<b>{kind}: {country}</b> (всего {total}); число — упоминания в новостях:",
        "<b>{kind} in {country}</b> ({total}); the number is mentions in the news:",
    ),
    "partners_kind_none": (
        "Партнёров среди {kind}{where} в новостях пока нет. Все партнёры: /partners",
        "No {kind}{where} among the partners in the news yet. All partners: /partners",
    ),
    "partners_kind_where": (" из страны {country}", " in {country}"),
    "partners_kin": (
        "Другие организации, в названии которых есть часть запроса «{query}»:",
        "Other organisations with part of “{query}” in their names:",
    ),
    "partners_empty": (
        "Партнёров пока нет: они появятся, когда выйдут новости о сотрудничестве.",
        "No partners yet: they appear as cooperation news comes in.",
    ),
    "partners_known_none": (
        "«{query}»{name} в новостях о партнёрстве пока не встречается. Все партнёры: /partners",
        "“{query}”{name} is in no partnership news yet. All partners: /partners",
    ),
    "partners_country_in_names": (
        "В названиях партнёров «{query}» встречается:",
        "Partners with “{query}” in their names:",
    ),
    "partners_country_none": (
        "Партнёров из страны {country} в новостях пока нет. Все страны: /countries",
        "No partners in {country} in the news yet. All countries: /countries",
    ),
    "partners_none": (
        "Не нашёл партнёра по запросу «{query}». Список: /partners",
        "No partner matches “{query}”. All partners: /partners",
    ),
    "partners_own": (
        "«{query}» — это сам университет, СПбПУ: бот собирает его партнёров. "
        "Все партнёры: /partners, по странам: /countries",
        "“{query}” is the Polytechnic University (SPbPU) itself: the bot lists its partners. "
        "All partners: /partners, by country: /countries",
    ),
    "sub_own": (
        "«{query}» — это сам университет, СПбПУ: о нём все новости, которые присылает бот. "
        "Что присылать — только новости о партнёрстве или все новости?",
        "“{query}” is the Polytechnic University (SPbPU) itself: every item the bot sends is "
        "its news. What should I send: partnership news only, or all news?",
    ),
    "partners_choose": ("Уточните, кого вы имели в виду:", "Which one do you mean?"),
    # A button's text (plain, not HTML): the partners of a country the query is alike.
    "agreements_country_button": (
        "📄 {country}: соглашения ({total})",
        "📄 {country}: agreements ({total})",
    ),
    "agreements_partner_button": (
        "📄 {name}: соглашения ({total})",
        "📄 {name}: agreements ({total})",
    ),
    "agreements_years_button": (
        "📄 Соглашения {years} ({total})",
        "📄 Agreements {years} ({total})",
    ),
    "agreements_country_button_years": (
        "📄 {country}: соглашения {years} ({total})",
        "📄 {country}: agreements {years} ({total})",
    ),
    "agreements_partner_button_years": (
        "📄 {name}: соглашения {years} ({total})",
        "📄 {name}: agreements {years} ({total})",
    ),
    "partners_country_button": (
        "{country}: все партнёры ({total})",
        "{country}: all partners ({total})",
    ),
    "partners_alike": (
        "Точно «{query}» никто не называется. Может быть, вы имели в виду:",
        "Nothing is named exactly “{query}”. Did you mean:",
    ),
    "partners_one": (
        "По запросу «{query}» нашёлся один партнёр:",
        "One partner matches “{query}”:",
    ),
    "partners_too_many": (
        "По запросу «{query}» подходящих партнёров: {total}. Вот {shown} самых упоминаемых; "
        "чтобы найти другого, уточните запрос — добавьте слово из названия, город или страну.",
        "{total} partners match “{query}”. Here are the {shown} mentioned most; to find "
        "another, narrow the query: add a word of the name, a city or a country.",
    ),
    "mentions": ("упоминаний: {count}, последнее: {date}", "mentions: {count}, latest: {date}"),
    "also_known": ("Также: {names}", "Also: {names}"),
    # Under a name the bot rendered from the other language's (none in the reader's is known).
    "rendered_from": (
        "{name} (так в новостях; русское название выше — перевод бота)",
        "{name} (in Russian; the English above is the bot's rendering)",
    ),
    "card_agreements": ("<b>Соглашения</b>", "<b>Agreements</b>"),
    "card_news": ("<b>Новости</b>", "<b>News</b>"),
    "countries_title": ("<b>Партнёры по странам</b>", "<b>Partners by country</b>"),
    "country_unknown": ("страна не указана", "country unknown"),
    "agreements_title": (
        "<b>{What}</b> (всего {total}):",
        "<b>{What}</b> ({total} in all):",
    ),
    "agreements_query_title": (
        "<b>{What} по запросу «{query}»</b> (всего {total}):",
        "<b>{What} for “{query}”</b> ({total}):",
    ),
    "agreements_year_title": (
        "<b>{What} {years}</b> (всего {total}):",
        "<b>{What} {years}</b> ({total}):",
    ),
    "agreements_query_year_title": (
        "<b>{What} {years} по запросу «{query}»</b> (всего {total}):",
        "<b>{What} {years} for “{query}”</b> ({total}):",
    ),
    "agreements_empty": ("{What} пока нет.", "No {what} yet."),
    "agreements_year_none": (
        "{What} {years} не нашёл.",
        "No {what} {years}.",
    ),
    "agreements_year_not_yet": (
        "{What} {year} года пока нет: этот год ещё не наступил. Все соглашения: /agreements",
        "No {what} of {year} yet: that year is still to come. All agreements: /agreements",
    ),
    "agreements_year_too_early": (
        "{What} {year} года нет: новости, которые читает бот, так далеко не уходят. "
        "Все соглашения: /agreements",
        "No {what} of {year}: the news the bot reads do not go back that far. "
        "All agreements: /agreements",
    ),
    "agreements_query_year_none": (
        "Не нашёл {what} {years} по запросу «{query}».",
        "No {what} {years} found for “{query}”.",
    ),
    "agreements_none": (
        "Не нашёл {what} по запросу «{query}».",
        "No {what} found for “{query}”.",
    ),
    "agreements_all_years_button": (
        "📄 За все годы ({total})",
        "📄 In every year ({total})",
    ),
    "agreements_other_kinds": (
        "Документов других видов: {total}. Все виды: {command}",
        "Documents of other kinds: {total}. Every kind: {command}",
    ),
    "source": ("источник", "source"),
    # An agreement whose article names no partner the extractor could tell: said, not left out.
    "party_unstated": ("партнёр не указан", "partner not stated"),
    "partners_line": ("🤝 Партнёры", "🤝 Partners"),
    "digest_title": ("<b>Дайджест: {period}</b>", "<b>Digest: {period}</b>"),
    "digest_items": ("Публикации ({count}):", "Items ({count}):"),
    "digest_new_partners": ("<b>Новые партнёры:</b>", "<b>New partners:</b>"),
    "digest_agreements": ("<b>Подписанные документы:</b>", "<b>Documents signed:</b>"),
    "agreements_whole_span": (
        "Весь период: /agreements {years}",
        "The whole span: /agreements {years}",
    ),
    "digest_countries": (
        "<b>Публикации по странам партнёров:</b>",
        "<b>Items by partner country:</b>",
    ),
    "digest_unknown_mode": (
        "Не знаю режима «{mode}». ",
        "I don't know the mode “{mode}”. ",
    ),
    "digest_usage": (
        "Сейчас: {mode}. Дайджест вместо отдельных сообщений: /digest daily (каждый день в "
        "{hour}:00 по Москве), /digest weekly (по понедельникам), /digest off (каждая новость "
        "сразу).",
        "Now: {mode}. A digest instead of one message per item: /digest daily (every day at "
        "{hour}:00 Moscow time), /digest weekly (on Mondays), /digest off (each item at once).",
    ),
    "digest_set": ("Готово: {mode}.", "Done: {mode}."),
    "digest_off": ("каждая новость сразу", "each item at once"),
    "digest_daily": ("дайджест раз в день", "a daily digest"),
    "digest_weekly": ("дайджест раз в неделю", "a weekly digest"),
    "digest_needs_subscription": (
        " Подписок пока нет: добавьте их через /subscribe.",
        " There are no subscriptions yet: add some with /subscribe.",
    ),
    "admin_only": (
        "Эта команда только для операторов бота.",
        "This command is for the bot's operators only.",
    ),
    "polling": ("Опрашиваю ленты…", "Polling the feeds…"),
    "poll_asked_of_leader": (
        "Опрос лент запрошен у ведущего экземпляра бота (этот экземпляр только отвечает на "
        "команды). Новые публикации придут как обычно; время опроса покажет /stats.",
        "The poll was asked of the leading instance of the bot (this one only answers "
        "commands). New items will arrive as usual; /stats shows when the feeds were polled.",
    ),
    "stats_title": ("<b>Состояние бота</b>", "<b>Bot status</b>"),
    "stats_subscribers": (
        "Подписчики: {active} активных, {inactive} неактивных",
        "Subscribers: {active} active, {inactive} inactive",
    ),
    "stats_items": ("Новостей в базе: {count}", "Items stored: {count}"),
    "stats_outbox": ("Очередь рассылки: {states}", "Outbox: {states}"),
    "outbox_pending": ("ждут {n}", "{n} waiting"),
    "outbox_sending": ("отправляются {n}", "{n} sending"),
    "outbox_sent": ("отправлено {n}", "{n} sent"),
    "outbox_failed": ("не доставлено {n}", "{n} failed"),
    "outbox_dropped": ("отменено {n}", "{n} dropped"),
    "stats_sent": (
        "Отправлено: {minute} за минуту, {hour} за час",
        "Sent: {minute} in the last minute, {hour} in the last hour",
    ),
    "stats_success": (
        "Последний успешный опрос: {when}; ошибок: {errors} (подряд: {streak})",
        "Last success: {when}; errors: {errors} ({streak} in a row)",
    ),
    "stats_error": ("Последняя ошибка: {error} ({when})", "Last error: {error} ({when})"),
    "stats_next": ("Следующая проверка: {when}", "Next check: {when}"),
    "poll_done": ("<b>Опрос завершён</b>", "<b>Poll finished</b>"),
    "poll_feed_ok": (
        "новых: {new}, уже известных: {seen}",
        "{new} new, {seen} already known",
    ),
    "poll_feed_not_modified": ("без изменений", "not modified"),
    "poll_feed_skipped": ("пропущена", "skipped"),
    "poll_feed_error": ("ошибка", "error"),
    "poll_totals": (
        "Статей загружено: {fetched} (не удалось: {failed}); объявлено: {announced}, "
        "в очереди на отправку: {deliveries}",
        "Article pages fetched: {fetched} ({failed} failed); announced: {announced}, "
        "deliveries queued: {deliveries}",
    ),
    "first_reported": ("о документе впервые сообщалось {date}", "first reported on {date}"),
    "curate_no_action": (
        "Не знаю правки «{action}».",
        "I don't know the correction “{action}”.",
    ),
    "curate_shape": (
        "Не хватает названия или значения. Так: {line}",
        "Something is missing. Like this: {line}",
    ),
    "curate_usage": (
        "<b>Правка реестра партнёров</b>\n"
        "/curate merge A => B — A и B одна организация (A войдёт в B)\n"
        "/curate split A => X — название X не относится к A\n"
        "/curate rename A => Название [| English name]\n"
        "/curate hide A — A не партнёр\n"
        "/curate show A — вернуть скрытого (/curate show — список скрытых)\n"
        "/curate country A => DE\n"
        "Правки сохраняются и применяются после каждого извлечения (в том числе reextract).",
        "<b>Fixing the partner registry</b>\n"
        "/curate merge A => B — A and B are one organisation (A goes into B)\n"
        "/curate split A => X — the name X is not A\n"
        "/curate rename A => Name [| English name]\n"
        "/curate hide A — A is no partner\n"
        "/curate show A — bring a hidden one back (/curate show lists them)\n"
        "/curate country A => DE\n"
        "Corrections are stored and re-applied after every extraction (reextract too).",
    ),
    "curate_which": (
        "«{query}» точно не называет одного партнёра. Укажите номер, например: {example}\n{names}",
        "“{query}” does not name one partner for sure. Give the number, for example: "
        "{example}\n{names}",
    ),
    "curate_unknown": (
        "Не нашёл партнёра «{query}». Список: /partners",
        "No partner matches “{query}”. See /partners",
    ),
    "curate_rename_same": (
        "«{a}» (#{a_id}) уже так называется.",
        "“{a}” (#{a_id}) is already named so.",
    ),
    "curate_same": ("Это один и тот же партнёр.", "That is the same partner."),
    "curate_bad_country": (
        "Не знаю такой страны: «{query}».",
        "I don't know the country “{query}”.",
    ),
    "curate_confirm_merge": (
        "Объединить «{a}» (#{a_id}) с «{b}» (#{b_id})? Упоминания и подписки перейдут к «{b}».",
        "Merge “{a}” (#{a_id}) into “{b}” (#{b_id})? Mentions and subscriptions move to “{b}”.",
    ),
    "curate_confirm_split": (
        "Отделить название «{value}» от «{a}» (#{a_id})? Статьи партнёра будут разобраны заново.",
        "Split the name “{value}” off “{a}” (#{a_id})? The partner's articles are read again.",
    ),
    "curate_split_own": (
        "«{value}» для реестра — то же название, что «{a}» (#{a_id}): отделить его нельзя, "
        "при каждом разборе статей оно вернётся. Если это не партнёр: /curate hide; "
        "другое название: /curate rename.",
        "To the registry “{value}” is the same name as “{a}” (#{a_id}): it cannot be split "
        "off, every extraction would bring it back. If it is no partner: /curate hide; for "
        "another name: /curate rename.",
    ),
    "curate_split_unknown": (
        "У «{a}» (#{a_id}) нет названия «{value}». Его названия: {names}.",
        "“{a}” (#{a_id}) has no name “{value}”. Its names: {names}.",
    ),
    "curate_confirm_rename": (
        "Переименовать «{a}» (#{a_id}) в «{value}»?",
        "Rename “{a}” (#{a_id}) to “{value}”?",
    ),
    "curate_confirm_hide": (
        "Скрыть «{a}» (#{a_id}) — это не партнёр? Подписки на него будут сняты.",
        "Hide “{a}” (#{a_id}) as no partner? Subscriptions to it are removed.",
    ),
    "curate_confirm_show": (
        "Вернуть «{a}» (#{a_id}) в реестр — это партнёр? Статьи, где он назван, будут "
        "разобраны заново.",
        "Bring “{a}” (#{a_id}) back as a partner? The articles naming it are read again.",
    ),
    "curate_country_same": (
        "Страна «{a}» (#{a_id}) уже {value}.",
        "The country of “{a}” (#{a_id}) is {value} already.",
    ),
    "curate_confirm_country": (
        "Указать страну {value} для «{a}» (#{a_id})?",
        "Set the country of “{a}” (#{a_id}) to {value}?",
    ),
    "curate_yes": ("Да, применить", "Yes, apply"),
    "curate_no": ("Отмена", "Cancel"),
    "curate_done_merge": (
        "Готово: «{a}» (#{a_id}) объединён с «{b}» (#{b_id}).",
        "Done: “{a}” (#{a_id}) is merged into “{b}” (#{b_id}).",
    ),
    "curate_done_split": (
        "Готово: название «{value}» отделено от «{a}» (#{a_id}).",
        "Done: the name “{value}” is split off “{a}” (#{a_id}).",
    ),
    "curate_done_rename": (
        "Готово: «{a}» (#{a_id}) теперь называется «{value}».",
        "Done: “{a}” (#{a_id}) is now called “{value}”.",
    ),
    "curate_done_hide": (
        "Готово: «{a}» (#{a_id}) скрыт, это не партнёр.",
        "Done: “{a}” (#{a_id}) is hidden as no partner.",
    ),
    "curate_done_show": (
        "Готово: «{a}» (#{a_id}) снова в реестре партнёров.",
        "Done: “{a}” (#{a_id}) is a partner again.",
    ),
    "curate_hidden_list": (
        "<b>Скрытые партнёры</b> (вернуть: /curate show #номер)\n{names}",
        "<b>Hidden partners</b> (bring one back: /curate show #number)\n{names}",
    ),
    "curate_is_hidden": (
        "«{a}» (#{a_id}) скрыт как не партнёр. Вернуть: /curate show #{a_id}",
        "“{a}” (#{a_id}) is hidden as no partner. Bring it back: /curate show #{a_id}",
    ),
    "curate_hidden_none": ("Скрытых партнёров нет.", "No partner is hidden."),
    "curate_not_hidden": (
        "Среди скрытых нет «{query}». Список скрытых: /curate show",
        "No hidden partner matches “{query}”. Hidden ones: /curate show",
    ),
    "curate_hidden_by_file": (
        "«{a}» скрыт файлом правок (CURATION_PATH): уберите там его строку и перезапустите бота.",
        "“{a}” is hidden by the curation file (CURATION_PATH): remove its line there and "
        "restart the bot.",
    ),
    "curate_rename_by_file": (
        "Название «{a}» задано файлом правок (CURATION_PATH): меняйте его там и перезапустите "
        "бота.",
        "The name of “{a}” is set by the curation file (CURATION_PATH): change it there and "
        "restart the bot.",
    ),
    "curate_country_by_file": (
        "Страна «{a}» задана файлом правок (CURATION_PATH): меняйте её там и перезапустите бота.",
        "The country of “{a}” is set by the curation file (CURATION_PATH): change it there and "
        "restart the bot.",
    ),
    "curate_shown_by_file": (
        "«{a}» возвращён файлом правок (CURATION_PATH): уберите там его строку show и "
        "перезапустите бота.",
        "“{a}” is shown by the curation file (CURATION_PATH): remove its show line there and "
        "restart the bot.",
    ),
    "curate_done_country": (
        "Готово: страна «{a}» (#{a_id}) — {value}.",
        "Done: the country of “{a}” (#{a_id}) is {value}.",
    ),
    "curate_done_subscriptions": (
        "Подписок перенесено: {moved}, снято: {retired}.",
        "Subscriptions moved: {moved}, removed: {retired}.",
    ),
    "curate_already_confirmed": (
        "Эта правка уже подтверждена.",
        "This correction is already confirmed.",
    ),
    "curate_cancelled": ("Отменено.", "Cancelled."),
    "curate_expired": (
        "Это подтверждение устарело — повторите команду.",
        "This confirmation has expired: send the command again.",
    ),
    "curate_unavailable": (
        "Правка реестра сейчас недоступна.",
        "Registry corrections are not available now.",
    ),
    "curate_sub_moved": (
        "Партнёр «{old}» объединён с «{new}»: подписка теперь следит за «{new}».",
        "Partner “{old}” was merged into “{new}”: the subscription now follows “{new}”.",
    ),
    "curate_sub_restored": (
        "Партнёр «{name}» снова в реестре: подписка на него возвращена.",
        "Partner “{name}” is back in the registry: the subscription to it is restored.",
    ),
    "curate_done_restored": (
        "Подписок возвращено: {restored}.",
        "Subscriptions restored: {restored}.",
    ),
    "curate_sub_retired": (
        "Партнёра «{old}» больше нет в реестре: подписка на него снята.",
        "Partner “{old}” is no longer in the registry: the subscription to it was removed.",
    ),
    "map_title": ("Партнёры Политеха по странам", "SPbPU partners by country"),
    "map_title_kind": ("Партнёры Политеха по странам: {kind}", "SPbPU partners by country: {kind}"),
    "map_subtitle": (
        "партнёров: {partners}, стран: {countries}",
        "partners: {partners}, countries: {countries}",
    ),
    "map_legend": ("число партнёров", "number of partners"),
    "map_top": ("Больше всего: {top}", "Most: {top}"),
    "map_unknown_kind": (
        "Не знаю такого вида партнёров: «{query}». Виды: университет, научная организация, "
        "компания, орган власти, организация.",
        "I don't know the partner kind “{query}”. Kinds: university, research, company, "
        "government, other.",
    ),
    "picture_as_of": ("Данные на {date}.", "Data as of {date}."),
    "chart_title": ("Партнёрства Политеха", "SPbPU partnerships"),
    "chart_subtitle": (
        "соглашений: {agreements}, стран: {countries}",
        "agreements: {agreements}, countries: {countries}",
    ),
    "chart_caption": (
        "Соглашения по годам (по видам) и партнёры по странам (топ-{top}).",
        "Agreements per year (by kind) and partners by country (top {top}).",
    ),
    "chart_years": ("Соглашения по годам", "Agreements per year"),
    "chart_countries": ("Партнёры по странам (топ-{top})", "Partners by country (top {top})"),
    "chart_empty": ("Данных пока нет", "No data yet"),
    "timeline_caption": (
        "Публикации о партнёре по годам и подписанные документы (▼).",
        "Articles about the partner per year and documents signed (▼).",
    ),
    "timeline_subtitle": (
        "публикаций: {mentions}, документов: {agreements}",
        "articles: {mentions}, documents: {agreements}",
    ),
    "timeline_legend": ("публикации", "articles"),
    "share": ("Поделиться", "Share"),
    "export_caption": (
        "Партнёров: {partners}, соглашений: {agreements}. Данные на {date}. CSV (UTF-8) и XLSX: "
        "листы partners и agreements.",
        "Partners: {partners}, agreements: {agreements}. Data as of {date}. CSV (UTF-8) and "
        "XLSX: sheets partners and agreements.",
    ),
    "export_filter": ("Выгрузка по запросу «{query}»", "Export for “{query}”"),
    "export_admins_only": (
        "В группах выгрузку могут делать только администраторы чата.",
        "In groups only chat administrators can export.",
    ),
    "inline_counts": (
        "публикаций: {mentions}, соглашений: {agreements}",
        "articles: {mentions}, agreements: {agreements}",
    ),
    # Plain text (an inline result's grey line): {query} is not escaped.
    "inline_not_named": (
        "Точно «{query}» никто не называется",
        "Nothing is named exactly “{query}”",
    ),
    "inline_latest_agreement": ("📄 Последнее: {what} — {date}", "📄 Latest: {what} — {date}"),
    "error": (
        "Что-то пошло не так. Попробуйте ещё раз чуть позже.",
        "Something went wrong. Please try again a bit later.",
    ),
}


TEXT_KEYS: Final = frozenset(_TEXTS)


def choice_prompt(lang: str, query: str, shown: int, total: int, alike: bool, *,
                  follow: bool = False) -> str:  # fmt: skip
    """The question over partner buttons: which one (to follow), whether one that is only
    alike was meant, or -- when more match than are shown -- how many, and how to narrow.
    `query` must already be HTML-escaped."""
    if total > shown:
        key = "choose_partner_many" if follow else "partners_too_many"
        return t(lang, key, query=query, total=str(total), shown=str(shown))
    if alike:
        return t(lang, "choose_partner_alike" if follow else "partners_alike", query=query)
    if total == 1:  # a word only shared ("правительство"): one card has it, no choice to make
        return t(lang, "choose_partner_one" if follow else "partners_one", query=query)
    return t(lang, "choose_partner", query=query) if follow else t(lang, "partners_choose")


def sources_words(count: int, lang: str, *, first: bool = False) -> str:
    """How many articles reported one document: '2 источника' / '2 sources'; with `first`, the
    link to the first of them: 'первый из 2 источников' / 'first of 2 sources'."""
    if lang != RU:
        return f"first of {count} sources" if first else f"{count} source" + "s" * (count != 1)
    tens, ones = count % 100, count % 10
    if first:  # "из N": the genitive
        return f"первый из {count} " + ("источника" if ones == 1 and tens != 11 else "источников")
    if ones == 1 and tens != 11:
        return f"{count} источник"
    if 2 <= ones <= 4 and not 12 <= tens <= 14:
        return f"{count} источника"
    return f"{count} источников"


def t(lang: str, key: str, **values: str) -> str:
    """The text `key` in `lang`; `values` must already be HTML-escaped."""
    ru, en = _TEXTS[key]
    template = ru if lang == RU else en
    return template.format(**values) if values else template
