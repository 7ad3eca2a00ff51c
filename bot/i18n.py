"""User-facing texts in Russian and English; HTML-safe templates, values escaped by callers."""

from __future__ import annotations

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
    ("unsubscribe", "Отписаться от всего", "Unsubscribe from everything"),
    ("digest", "Дайджест: /digest off | daily | weekly", "Digest: /digest off | daily | weekly"),
    ("latest", "Последние новости: /latest [n]", "Latest news: /latest [n]"),
    ("search", "Поиск по новостям: /search слова", "Search the news: /search words"),
    (
        "partners",
        "Партнёры: /partners [название или страна]",
        "Partners: /partners [name or country]",
    ),
    ("countries", "Партнёры по странам", "Partners by country"),
    ("agreements", "Соглашения: /agreements [запрос]", "Agreements: /agreements [query]"),
    ("map", "Карта партнёров: /map [вид]", "Map of partners: /map [kind]"),
    ("chart", "Графики: /chart [партнёр]", "Charts: /chart [partner]"),
    ("export", "Выгрузка CSV и XLSX: /export [запрос]", "CSV and XLSX export: /export [query]"),
)

# Shown in /help and the menu of operators (ADMIN_IDS) only.
ADMIN_COMMANDS: Final[tuple[tuple[str, str, str], ...]] = (
    ("stats", "Состояние бота (операторы)", "Bot status (operators)"),
    ("pollnow", "Опросить ленты сейчас (операторы)", "Poll the feeds now (operators)"),
)

PARTNER_KINDS: Final[dict[str, tuple[str, str]]] = {
    "university": ("университет", "university"),
    "research": ("научная организация", "research body"),
    "company": ("компания", "company"),
    "government": ("орган власти", "government body"),
    "other": ("организация", "organisation"),
}
AGREEMENT_KINDS: Final[dict[str, tuple[str, str]]] = {
    "agreement": ("Соглашение", "Agreement"),
    "memorandum": ("Меморандум", "Memorandum"),
    "contract": ("Договор", "Contract"),
    "roadmap": ("Дорожная карта", "Roadmap"),
    "other": ("Документ", "Document"),
}


def label(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    ru, en = table.get(key, table["other"])
    return ru if lang == RU else en


_TEXTS: Final[dict[str, tuple[str, str]]] = {
    "greeting": (
        "Здравствуйте! Я слежу за новостями Политеха (СПбПУ) о партнёрстве: соглашения, "
        "меморандумы, делегации, совместные центры. Подпишитесь, и я буду присылать новые "
        "публикации.\n\nКоманды: /help",
        "Hello! I follow news of Peter the Great St. Petersburg Polytechnic University (SPbPU) "
        "about its partnerships: agreements, memoranda, delegations, joint centres. Subscribe "
        "and I will send you new items.\n\nCommands: /help",
    ),
    "subscribe_button": ("Подписаться", "Subscribe"),
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
    "sub_partnerships": ("новости о партнёрстве", "partnership news"),
    "sub_country": ("страна {name}", "country {name}"),
    "sub_partner": ("партнёр «{name}»", "partner “{name}”"),
    "sub_keyword": ("слова «{name}»", "words “{name}”"),
    "sub_unknown_country": (
        "Не знаю такой страны: «{query}». Пример: /subscribe country Китай",
        "I don't know the country “{query}”. Example: /subscribe country China",
    ),
    "sub_unknown_partner": (
        "Не нашёл партнёра «{query}». Список: /partners",
        "No partner matches “{query}”. See /partners",
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
    "subscriptions_empty": (
        "Подписок нет. Подписаться: /subscribe",
        "No subscriptions. Subscribe: /subscribe",
    ),
    "subscription_removed": ("Подписка удалена.", "Subscription removed."),
    "already_subscribed": (
        "Этот чат уже подписан.",
        "This chat is already subscribed.",
    ),
    "unsubscribed": ("Подписка отменена.", "Unsubscribed."),
    "not_subscribed": ("Этот чат не был подписан.", "This chat was not subscribed."),
    "admins_only": (
        "Подписку группы могут менять только администраторы чата.",
        "Only chat administrators can change this group's subscription.",
    ),
    "latest_empty": ("Новостей пока нет.", "No news yet."),
    "latest_bad_n": (
        "Укажите число от 1 до 20, например: /latest 5",
        "Give a number from 1 to 20, for example: /latest 5",
    ),
    "search_usage": (
        "Что искать? Например: /search соглашение Китай",
        "What should I look for? For example: /search agreement China",
    ),
    "search_none": ("Ничего не нашлось по запросу «{query}».", "Nothing found for “{query}”."),
    "search_title": ("Найдено по запросу «{query}»:", "Results for “{query}”:"),
    "latest_title": ("Последние новости:", "Latest news:"),
    "unknown_command": (
        "Не знаю такой команды. Список команд: /help",
        "I don't know that command. See /help",
    ),
    "partners_title": ("<b>Партнёры</b> (всего {total}):", "<b>Partners</b> ({total} in all):"),
    "partners_country_title": (
        "<b>Партнёры: {country}</b> (всего {total}):",
        "<b>Partners in {country}</b> ({total}):",
    ),
    "partners_empty": (
        "Партнёров пока нет: они появятся, когда выйдут новости о сотрудничестве.",
        "No partners yet: they appear as cooperation news comes in.",
    ),
    "partners_none": (
        "Не нашёл партнёра по запросу «{query}». Список: /partners",
        "No partner matches “{query}”. All partners: /partners",
    ),
    "partners_choose": ("Уточните, кого вы имели в виду:", "Which one do you mean?"),
    "mentions": ("упоминаний: {count}, последнее: {date}", "mentions: {count}, latest: {date}"),
    "also_known": ("Также: {names}", "Also: {names}"),
    "card_agreements": ("<b>Соглашения</b>", "<b>Agreements</b>"),
    "card_news": ("<b>Новости</b>", "<b>News</b>"),
    "countries_title": ("<b>Партнёры по странам</b>", "<b>Partners by country</b>"),
    "country_unknown": ("страна не указана", "country unknown"),
    "agreements_title": (
        "<b>Соглашения</b> (всего {total}):",
        "<b>Agreements</b> ({total} in all):",
    ),
    "agreements_query_title": (
        "<b>Соглашения по запросу «{query}»</b> (всего {total}):",
        "<b>Agreements for “{query}”</b> ({total}):",
    ),
    "agreements_empty": ("Соглашений пока нет.", "No agreements yet."),
    "agreements_none": (
        "Не нашёл соглашений по запросу «{query}».",
        "No agreements found for “{query}”.",
    ),
    "source": ("источник", "source"),
    "partners_line": ("🤝 Партнёры", "🤝 Partners"),
    "digest_title": ("<b>Дайджест: {period}</b>", "<b>Digest: {period}</b>"),
    "digest_items": ("Публикации ({count}):", "Items ({count}):"),
    "digest_new_partners": ("<b>Новые партнёры:</b>", "<b>New partners:</b>"),
    "digest_agreements": ("<b>Подписанные документы:</b>", "<b>Documents signed:</b>"),
    "digest_countries": ("<b>Страны:</b>", "<b>Countries:</b>"),
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
    "inline_latest_agreement": ("📄 Последнее: {what} — {date}", "📄 Latest: {what} — {date}"),
    "error": (
        "Что-то пошло не так. Попробуйте ещё раз чуть позже.",
        "Something went wrong. Please try again a bit later.",
    ),
}


def t(lang: str, key: str, **values: str) -> str:
    """The text `key` in `lang`; `values` must already be HTML-escaped."""
    ru, en = _TEXTS[key]
    template = ru if lang == RU else en
    return template.format(**values) if values else template
