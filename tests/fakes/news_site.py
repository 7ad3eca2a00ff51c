"""In-process imitation of www.spbstu.ru: the news RSS feed, article pages and feed fixtures.

The feed follows the SPbPU CMS format (double-escaped typographic entities in descriptions,
categories with a trailing slash, ``+0300`` dates); article pages carry the real site's layout
noise so extraction tests can prove it is left out. Faults are scripted per request.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import itertools
import re
from collections import deque
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime, parsedate_to_datetime
from html import escape
from pathlib import Path
from types import TracebackType
from typing import Literal, NamedTuple, Self, get_args
from xml.sax.saxutils import escape as xml_escape

from aiohttp import web

__all__ = [
    "FIXTURES",
    "FakeNewsSite",
    "FaultKind",
    "NewsItem",
    "RequestLog",
    "render_article",
    "render_rss",
    "sample_news",
]

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "site"
MSK = timezone(timedelta(hours=3), "MSK")
FEED_PATH = "/media/news/rss/"
USER_AGENT_HEADERS = ("User-Agent", "If-None-Match", "If-Modified-Since", "Accept", "Range")

FaultKind = Literal["500", "503", "timeout", "malformed", "html", "huge", "redirect_loop", "empty"]
_FAULT_KINDS: frozenset[str] = frozenset(get_args(FaultKind))

# Category (as the CMS writes it) -> URL section.
SECTIONS = {
    "Международная деятельность/": "international_activities",
    "Партнёрство/": "partnership",
    "Наука/": "science",
    "Образование/": "education",
}

# Fixture feeds served verbatim: path -> (file, content type).
FIXTURE_FEEDS = {
    "/feeds/atom.xml": ("atom.xml", "application/atom+xml; charset=utf-8"),
    "/feeds/rdf.xml": ("rdf.xml", "application/rdf+xml; charset=utf-8"),
    "/feeds/rss091.xml": ("rss091.xml", "application/rss+xml; charset=utf-8"),
    # No charset in the header: the XML prolog's windows-1251 must win.
    "/feeds/cp1251.xml": ("cp1251.xml", "application/xml"),
    "/feeds/no-guid.xml": ("no-guid.xml", "application/rss+xml; charset=utf-8"),
    "/feeds/markup-titles.xml": ("markup-titles.xml", "application/rss+xml; charset=utf-8"),
    "/feeds/spbpu.xml": ("spbpu_rss.xml", "application/rss+xml; charset=utf-8"),
}

_LATIN = "a b v g d e e zh z i y k l m n o p r s t u f h ts ch sh sch - y - e yu ya"
_TRANSLIT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        _LATIN.split(),
        strict=True,
    )
)
_NBSP_AFTER = re.compile(r"(?<![\w-])([ВвСсКкОоУуИиАа]|на|На|по|По|из|Из|за|За|от|От|до|До) ")


_Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class RequestLog(NamedTuple):
    """One request the site answered: path (with query), status, selected request headers."""

    path: str
    status: int
    headers: dict[str, str]


@dataclass(slots=True)
class NewsItem:
    """A published news item: one feed entry plus its article page."""

    title: str
    paragraphs: list[str]
    category: str
    published: datetime
    slug: str
    guid: bool = True
    base_url: str = ""

    @property
    def section(self) -> str:
        """URL section derived from the category, as on the real site."""
        return SECTIONS.get(self.category, "news")

    @property
    def path(self) -> str:
        """Site-relative article path, ``/media/news/<section>/<slug>/``."""
        return f"/media/news/{self.section}/{self.slug}/"

    @property
    def link(self) -> str:
        """Absolute article URL."""
        return f"{self.base_url}{self.path}"

    @property
    def image_url(self) -> str:
        """Absolute enclosure URL (served as a tiny JPEG)."""
        digest = hashlib.md5(self.slug.encode(), usedforsecurity=False).hexdigest()
        return f"{self.base_url}/upload/iblock/{digest[:3]}/{self.slug}.jpg"

    @property
    def image_length(self) -> int:
        """Declared enclosure size in bytes; stable per slug."""
        return 40_000 + int(hashlib.sha1(self.slug.encode()).hexdigest()[:4], 16)

    @property
    def text(self) -> str:
        """Plain article text, paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)

    @property
    def teaser_html(self) -> str:
        """~100-character HTML teaser with CMS typography entities, ending in ``...``."""
        return teaser_html(" ".join(self.paragraphs))


@dataclass(slots=True)
class _Fault:
    kind: str
    times: int
    size_mb: float


@dataclass(slots=True)
class _FeedState:
    items: list[NewsItem] = field(default_factory=list)
    changed_at: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0))


def slugify(title: str) -> str:
    """Latin slug from a Russian title, the way the CMS builds article URLs."""
    out: list[str] = []
    for ch in title.lower():
        if ch in _TRANSLIT:
            out.append(_TRANSLIT[ch].strip("-"))
        elif ch.isascii() and ch.isalnum():
            out.append(ch)
        else:
            out.append("-")
    slug = re.sub(r"-+", "-", "".join(out)).strip("-")
    return slug[:60].rstrip("-") or "news"


def cms_typography(text: str) -> str:
    """HTML-escape and apply the CMS's typography: «» as named entities, nbsp after short words."""
    html = escape(text, quote=False)
    html = html.replace("«", "&laquo;").replace("»", "&raquo;").replace("—", "&mdash;")
    return _NBSP_AFTER.sub(r"\1&nbsp;", html)


def teaser_html(body: str, limit: int = 100) -> str:
    """First ~``limit`` characters of ``body`` cut at a word boundary, typographed, plus ``...``."""
    if len(body) > limit:
        cut = body[:limit]
        body = cut[: cut.rfind(" ")] if " " in cut else cut
        body = body.rstrip(" ,.;:—-")
    return cms_typography(body) + "..."


def rfc822(moment: datetime) -> str:
    """``Tue, 01 Dec 2026 14:30:00 +0300``: the feed's date format, always Moscow time."""
    return format_datetime(moment.astimezone(MSK))


def http_date(moment: datetime) -> str:
    """IMF-fixdate for Last-Modified."""
    return format_datetime(moment.astimezone(UTC), usegmt=True)


def render_rss(items: Sequence[NewsItem], base_url: str, *, build_date: datetime) -> bytes:
    """The SPbPU RSS 2.0 document for ``items`` (already newest first), UTF-8 encoded."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        '<rss version="2.0">\n<channel>\n',
        "<title>Новости СПбПУ</title>\n",
        f"<link>{xml_escape(base_url)}/media/news/</link>\n",
        "<description>Новости Санкт-Петербургского политехнического университета "
        "Петра Великого</description>\n",
        "<language>ru</language>\n",
        f"<lastBuildDate>{rfc822(build_date)}</lastBuildDate>\n",
    ]
    for item in items:
        parts.append("<item>\n")
        parts.append(f"\t<title>{xml_escape(item.title)}</title>\n")
        parts.append(f"\t<link>{xml_escape(item.link)}</link>\n")
        if item.guid:
            parts.append(f"\t<guid>{xml_escape(item.link)}</guid>\n")
        # The CMS stores the teaser as HTML and XML-escapes it again: &amp;nbsp; in the XML.
        parts.append(f"\t<description>{xml_escape(item.teaser_html)}</description>\n")
        parts.append(
            f'\t<enclosure url="{xml_escape(item.image_url)}" length="{item.image_length}"'
            ' type="image/jpeg"/>\n'
        )
        parts.append(f"\t<category>{xml_escape(item.category)}</category>\n")
        parts.append(f"\t<pubDate>{rfc822(item.published)}</pubDate>\n")
        parts.append("</item>\n")
    parts.append("</channel>\n</rss>\n")
    return "".join(parts).encode("utf-8")


_MENU = [
    ("Университет", "/university/"),
    ("Абитуриентам", "/abit/"),
    ("Студентам", "/students/"),
    ("Аспирантам", "/graduate/"),
    ("Наука и инновации", "/science/"),
    ("Международная деятельность", "/international/"),
    ("Партнёрам", "/partners/"),
    ("Выпускникам", "/alumni/"),
    ("Сотрудникам", "/staff/"),
    ("Медиа", "/media/"),
    ("Контакты", "/contacts/"),
    ("English", "https://english.spbstu.ru/"),
]

_RELATED = [
    (
        "Политехники завоевали кубок регаты «Белые ночи»",
        "Сборная яхт-клуба университета обошла двенадцать экипажей на Финском заливе...",
    ),
    (
        "В Белом зале прошёл концерт камерного оркестра",
        "Музыканты исполнили произведения Чайковского и Глинки для первокурсников...",
    ),
    (
        "Открыта запись в летнюю школу программирования",
        "Занятия для школьников пройдут в учебном корпусе на Гражданском проспекте...",
    ),
]


def render_article(item: NewsItem) -> str:
    """Full article page with header menu, breadcrumbs, share block, related news and footer."""
    menu = "\n".join(
        f'          <li class="main-menu__item"><a href="{href}">{escape(name)}</a></li>'
        for name, href in _MENU
    )
    related = "\n".join(
        f'        <div class="related-news__item"><a href="/media/news/other/{n}/">'
        f'<span class="related-news__title">{escape(t)}</span></a>'
        f'<p class="related-news__teaser">{escape(s)}</p></div>'
        for n, (t, s) in enumerate(_RELATED, 1)
    )
    body = "\n".join(f"        <p>{cms_typography(p)}</p>" for p in item.paragraphs)
    date = item.published.astimezone(MSK)
    return f"""<!DOCTYPE html>
<html lang="ru">
<head>
  <meta charset="utf-8">
  <title>{escape(item.title)} | СПбПУ</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta property="og:title" content="{escape(item.title)}">
  <meta property="og:image" content="{escape(item.image_url)}">
  <link rel="stylesheet" href="/local/templates/spbstu/css/main.css">
  <script src="/local/templates/spbstu/js/vendor.js"></script>
  <script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"page": "news"}});</script>
</head>
<body class="page page-news">
  <header class="header">
    <div class="header__top">
      <a class="header__logo" href="/"><img src="/local/templates/spbstu/img/logo.svg"
        alt="Санкт-Петербургский политехнический университет Петра Великого"></a>
      <form class="header__search" action="/search/"><input name="q" placeholder="Поиск по сайту">
        <button type="submit">Найти</button></form>
      <a class="header__lk" href="https://lk.spbstu.ru/">Личный кабинет</a>
    </div>
    <nav class="main-menu">
      <ul class="main-menu__list">
{menu}
      </ul>
    </nav>
  </header>
  <main class="content">
    <div class="breadcrumbs">
      <a href="/">Главная</a> / <a href="/media/">Медиа</a> / <a href="/media/news/">Новости</a>
      / <a href="/media/news/{item.section}/">{escape(item.category.rstrip("/"))}</a>
    </div>
    <div class="news-detail">
      <h1 class="news-detail__title">{escape(item.title)}</h1>
      <div class="news-detail__date">{date:%d.%m.%Y}</div>
      <div class="news-detail__image"><img src="{escape(item.image_url)}" alt=""></div>
      <div class="news-detail__text">
{body}
      </div>
      <div class="news-detail__tags">Теги: <a href="/media/news/?tag=partnership">партнёрство</a>
      </div>
    </div>
    <div class="share">
      <span class="share__title">Поделиться</span>
      <a class="share__link share__link--vk"
         href="https://vk.com/share.php?url={item.link}">ВКонтакте</a>
      <a class="share__link share__link--tg"
         href="https://t.me/share/url?url={item.link}">Telegram</a>
      <a class="share__link share__link--ok"
         href="https://connect.ok.ru/offer?url={item.link}">Одноклассники</a>
    </div>
    <section class="related-news">
      <h2 class="related-news__heading">Читайте также</h2>
{related}
    </section>
    <section class="subscribe">
      <h2>Подписка на рассылку новостей</h2>
      <form class="subscribe__form" action="/subscribe/" method="post">
        <input type="email" name="email" placeholder="Ваш e-mail">
        <label><input type="checkbox" name="agree">
          Согласен на обработку персональных данных</label>
        <button type="submit">Подписаться</button>
      </form>
    </section>
  </main>
  <footer class="footer">
    <div class="footer__address">195251, Санкт-Петербург, ул. Политехническая, 29</div>
    <div class="footer__contacts">Справочная: +7 (812) 297-20-95, office@spbstu.ru</div>
    <ul class="footer__links">
      <li><a href="/sveden/">Сведения об образовательной организации</a></li>
      <li><a href="/anticorruption/">Противодействие коррупции</a></li>
      <li><a href="/privacy/">Политика конфиденциальности</a></li>
    </ul>
    <div class="footer__copyright">© СПбПУ, 1899–2026. Все права защищены.</div>
  </footer>
  <script src="/local/templates/spbstu/js/main.js"></script>
  <script>(function(m,e,t,r,i,k,a){{m[i]=m[i]||function(){{}};}})(window,document);</script>
</body>
</html>
"""


_ERROR_PAGE = """<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>{title}</title></head>
<body><h1>{title}</h1><p>{text}</p><p><a href="/">На главную</a></p></body></html>
"""

# Smallest valid JPEG (1x1 px), so enclosure URLs resolve.
_TINY_JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b"
    "0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e3334"
    "32ffc0000b080001000101011100ffc4001f0000010501010101010100000000000000000102030405060708"
    "090a0bffc400b5100002010303020403050504040000017d01020300041105122131410613516107227114"
    "328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a43444546474849"
    "4a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4"
    "a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2"
    "f3f4f5f6f7f8f9faffda0008010100003f00fbd3ffd9"
)


class FakeNewsSite:
    """www.spbstu.ru look-alike on 127.0.0.1: RSS feed, article pages, fixture feeds, faults.

    ``seed=True`` publishes the three ``sample_news()`` items. ``timeout_seconds`` is how long a
    ``"timeout"`` fault stalls (cancelled when the client gives up or the site stops).
    """

    def __init__(
        self,
        *,
        seed: bool = False,
        timeout_seconds: float = 30.0,
        huge_mb: float = 20.0,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.host = host
        self.port = port
        self.timeout_seconds = timeout_seconds
        self.huge_mb = huge_mb
        self.requests: list[RequestLog] = []
        self._state = _FeedState()
        self._article_status: dict[str, int] = {}
        self._faults: deque[_Fault] = deque()
        self._runner: web.AppRunner | None = None
        self._clock_step = itertools.count()
        self._seed = seed

    # -- lifecycle -------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT`` (no trailing slash)."""
        if self._runner is None:
            raise RuntimeError("FakeNewsSite is not started")
        return f"http://{self.host}:{self.port}"

    @property
    def feed_url(self) -> str:
        """The news RSS URL, ``{base}/media/news/rss/``."""
        return f"{self.base_url}{FEED_PATH}"

    def fixture_url(self, name: str) -> str:
        """URL of a fixture feed, e.g. ``fixture_url("atom.xml")`` -> ``{base}/feeds/atom.xml``."""
        return f"{self.base_url}/feeds/{name}"

    async def start(self) -> None:
        """Bind a free port and start serving."""
        app = web.Application()
        app.middlewares.append(self._log_middleware)
        app.router.add_get(FEED_PATH, self._feed)
        app.router.add_get("/media/news/{section}/{slug}/", self._article)
        app.router.add_get("/feeds/{name}", self._fixture_feed)
        app.router.add_get("/redirect-loop/{step}", self._redirect_loop)
        app.router.add_get("/upload/iblock/{hash}/{name}", self._image)
        self._runner = web.AppRunner(
            app, access_log=None, shutdown_timeout=0.5, handler_cancellation=True
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        server = site._server
        assert server is not None
        sockets = getattr(server, "sockets", None) or []
        self.port = sockets[0].getsockname()[1]
        for item in self._state.items:
            item.base_url = self.base_url
        if self._seed:
            for news in sample_news():
                self.publish(
                    news.title,
                    news.paragraphs,
                    category=news.category,
                    published=news.published,
                    slug=news.slug,
                )

    async def stop(self) -> None:
        """Close the server, cancelling stalled responses."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    # -- content ---------------------------------------------------------------------------

    @property
    def items(self) -> list[NewsItem]:
        """Published items, newest first (the feed order)."""
        return sorted(self._state.items, key=lambda i: i.published, reverse=True)

    def publish(
        self,
        title: str,
        paragraphs: Iterable[str],
        *,
        category: str = "Международная деятельность/",
        published: datetime | None = None,
        slug: str | None = None,
        guid: bool = True,
    ) -> NewsItem:
        """Add a news item and its article page; returns it (``item.link`` is absolute)."""
        if published is None:
            # Distinct seconds so ordering is stable even for items published in one test.
            published = datetime.now(MSK).replace(microsecond=0) + timedelta(
                seconds=next(self._clock_step)
            )
        elif published.tzinfo is None:
            raise ValueError("published must be timezone-aware")
        slug = slug or slugify(title)
        taken = {i.slug for i in self._state.items}
        base, n = slug, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        item = NewsItem(
            title=title,
            paragraphs=list(paragraphs),
            category=category,
            published=published,
            slug=slug,
            guid=guid,
            base_url=self.base_url if self._runner is not None else "",
        )
        self._state.items.append(item)
        self._touch()
        return item

    def remove(self, slug: str) -> None:
        """Drop an item from the feed; its article page answers 404 from now on."""
        self._state.items = [i for i in self._state.items if i.slug != slug]
        self._touch()

    def set_article_status(self, slug: str, status: int) -> None:
        """Make an article page answer ``status`` (e.g. 404, 500) while the feed still lists it."""
        self._article_status[slug] = status

    def feed_fault(self, kind: FaultKind, times: int = 1, *, size_mb: float | None = None) -> None:
        """Serve the next ``times`` feed requests with a fault instead of the feed.

        Kinds: "500", "503", "timeout", "malformed", "html", "huge" (``size_mb`` MB streamed),
        "redirect_loop", "empty".
        """
        if kind not in _FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}")
        self._faults.append(_Fault(kind, times, self.huge_mb if size_mb is None else size_mb))

    def feed_bytes(self) -> bytes:
        """The current feed body exactly as served."""
        return render_rss(self.items, self.base_url, build_date=self._state.changed_at)

    @property
    def etag(self) -> str:
        """Strong ETag of the current feed body."""
        return f'"{hashlib.sha1(self.feed_bytes()).hexdigest()}"'

    @property
    def last_modified(self) -> str:
        """Last-Modified of the feed: the last publish/remove, as an HTTP date."""
        return http_date(self._state.changed_at)

    def requests_to(self, path: str) -> list[RequestLog]:
        """Logged requests whose path (without query) equals ``path``."""
        return [r for r in self.requests if r.path.split("?", 1)[0] == path]

    def _touch(self) -> None:
        now = datetime.now(UTC).replace(microsecond=0)
        # HTTP dates have one-second resolution: keep Last-Modified strictly increasing so a
        # client using only If-Modified-Since still sees two changes made within one second.
        self._state.changed_at = max(now, self._state.changed_at + timedelta(seconds=1))

    # -- HTTP ------------------------------------------------------------------------------

    @web.middleware
    async def _log_middleware(self, request: web.Request, handler: _Handler) -> web.StreamResponse:
        headers = {h: request.headers[h] for h in USER_AGENT_HEADERS if h in request.headers}
        try:
            response = await handler(request)
        except web.HTTPException as exc:
            self.requests.append(RequestLog(request.path_qs, exc.status, headers))
            raise
        except asyncio.CancelledError:
            self.requests.append(RequestLog(request.path_qs, 0, headers))
            raise
        self.requests.append(RequestLog(request.path_qs, response.status, headers))
        return response

    async def _feed(self, request: web.Request) -> web.StreamResponse:
        fault = self._take_fault()
        if fault is not None:
            return await self._serve_fault(request, fault)
        body = self.feed_bytes()
        etag = f'"{hashlib.sha1(body).hexdigest()}"'
        headers = {
            "ETag": etag,
            "Last-Modified": http_date(self._state.changed_at),
            "Cache-Control": "no-cache",
        }
        if _not_modified(request, etag, self._state.changed_at):
            return web.Response(status=304, headers=headers)
        return web.Response(
            body=body, headers=headers, content_type="application/rss+xml", charset="utf-8"
        )

    def _take_fault(self) -> _Fault | None:
        if not self._faults:
            return None
        fault = self._faults[0]
        fault.times -= 1
        if fault.times <= 0:
            self._faults.popleft()
        return fault

    async def _serve_fault(self, request: web.Request, fault: _Fault) -> web.StreamResponse:
        kind = fault.kind
        if kind in {"500", "503"}:
            title = "Внутренняя ошибка сервера" if kind == "500" else "Сервис временно недоступен"
            headers = {"Retry-After": "120"} if kind == "503" else {}
            return web.Response(
                status=int(kind),
                text=_ERROR_PAGE.format(title=title, text="Попробуйте обновить страницу позже."),
                content_type="text/html",
                headers=headers,
            )
        if kind == "timeout":
            await asyncio.sleep(self.timeout_seconds)
            return web.Response(body=self.feed_bytes(), content_type="application/rss+xml")
        if kind == "malformed":
            body = self.feed_bytes()
            # Cut just after the first item, mid-element, as a dropped connection would.
            cut = body.index(b"</item>") + 40 if b"</item>" in body else len(body) * 2 // 3
            return web.Response(body=body[:cut], content_type="application/rss+xml")
        if kind == "html":
            return web.Response(
                text=_ERROR_PAGE.format(
                    title="Технические работы",
                    text="Сайт временно недоступен: идут плановые технические работы.",
                ),
                content_type="text/html",
                charset="utf-8",
            )
        if kind == "huge":
            return await self._stream_huge(request, int(fault.size_mb * 1024 * 1024))
        if kind == "redirect_loop":
            raise web.HTTPFound("/redirect-loop/1")
        # "empty"
        return web.Response(body=b"", content_type="application/rss+xml")

    async def _stream_huge(self, request: web.Request, size: int) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        await response.prepare(request)
        head = b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n'
        chunk = (b"<!-- " + b"padding " * 8190 + b"-->\n")[: 64 * 1024]
        sent = 0
        with contextlib.suppress(ConnectionResetError, ConnectionError):
            await response.write(head)
            sent += len(head)
            while sent < size:
                piece = chunk[: size - sent]
                await response.write(piece)
                sent += len(piece)
            await response.write_eof()
        return response

    async def _redirect_loop(self, request: web.Request) -> web.StreamResponse:
        step = request.match_info["step"]
        raise web.HTTPFound("/redirect-loop/2" if step == "1" else "/redirect-loop/1")

    async def _article(self, request: web.Request) -> web.StreamResponse:
        slug = request.match_info["slug"]
        section = request.match_info["section"]
        item = next((i for i in self._state.items if i.slug == slug and i.section == section), None)
        status = self._article_status.get(slug, 200 if item is not None else 404)
        if item is None or status == 404:
            return web.Response(
                status=404,
                text=_ERROR_PAGE.format(
                    title="Страница не найдена", text="Запрашиваемая страница не существует."
                ),
                content_type="text/html",
            )
        if status != 200:
            return web.Response(
                status=status,
                text=_ERROR_PAGE.format(title=f"Ошибка {status}", text="Сервер не ответил."),
                content_type="text/html",
            )
        return web.Response(
            text=render_article(item),
            content_type="text/html",
            charset="utf-8",
            headers={"Last-Modified": http_date(item.published)},
        )

    async def _fixture_feed(self, request: web.Request) -> web.StreamResponse:
        entry = FIXTURE_FEEDS.get(request.path)
        if entry is None:
            raise web.HTTPNotFound()
        name, content_type = entry
        body = (FIXTURES / name).read_bytes()
        return web.Response(body=body, headers={"Content-Type": content_type})

    async def _image(self, request: web.Request) -> web.StreamResponse:
        return web.Response(body=_TINY_JPEG, content_type="image/jpeg")


def _not_modified(request: web.Request, etag: str, changed_at: datetime) -> bool:
    """RFC 9110: If-None-Match wins over If-Modified-Since when both are sent."""
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
        return etag in tags or "*" in tags
    if_modified_since = request.headers.get("If-Modified-Since")
    if if_modified_since:
        try:
            since = parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        return changed_at.replace(microsecond=0) <= since
    return False


def sample_news() -> list[NewsItem]:
    """Three partnership stories (a memorandum, a delegation, a joint lab), newest first."""
    return [
        NewsItem(
            title="СПбПУ и Харбинский политехнический университет подписали меморандум "
            "о сотрудничестве",
            paragraphs=[
                "В Санкт-Петербургском политехническом университете Петра Великого состоялось "
                "подписание меморандума о стратегическом партнёрстве с Харбинским политехническим "
                "университетом (Китай). Документ подписали ректор СПбПУ и проректор китайского "
                "вуза по международной работе.",
                "Меморандум предусматривает запуск двух совместных магистерских программ "
                "в области робототехники и материаловедения, ежегодный обмен студентами "
                "и академическую мобильность преподавателей.",
                "«Харбин — один из наших давних партнёров в КНР, и новый документ переводит "
                "сотрудничество на уровень общих образовательных программ», — отметил "
                "проректор по международной деятельности СПбПУ.",
                "Первые студенты приступят к обучению по совместным программам в сентябре "
                "следующего года. Занятия будут проходить на английском и русском языках.",
            ],
            category="Международная деятельность/",
            published=datetime(2026, 12, 1, 14, 30, tzinfo=MSK),
            slug="memorandum-harbin",
        ),
        NewsItem(
            title="Делегация Индийского технологического института Мадраса посетила Политех",
            paragraphs=[
                "На этой неделе Политехнический университет принял делегацию Индийского "
                "технологического института Мадраса (IIT Madras). Гости из Индии посетили "
                "Научно-технологический комплекс «Новые технологии и материалы» и лаборатории "
                "Института энергетики.",
                "Стороны обсудили подготовку соглашения о сетевой аспирантуре и проведение "
                "совместной летней школы по вычислительной гидродинамике в Ченнаи.",
                "По итогам встречи партнёры договорились подписать соглашение об академическом "
                "обмене до конца весеннего семестра.",
            ],
            category="Международная деятельность/",
            published=datetime(2026, 11, 27, 11, 5, tzinfo=MSK),
            slug="delegation-iit-madras",
        ),
        NewsItem(
            title="В Политехе открылась совместная лаборатория с компанией «Силовые машины»",
            paragraphs=[
                "В Институте энергетики СПбПУ открылась совместная научно-исследовательская "
                "лаборатория с компанией «Силовые машины». Лаборатория займётся цифровыми "
                "двойниками паровых турбин и испытаниями новых жаропрочных сплавов.",
                "Компания передала университету испытательный стенд и профинансирует "
                "стипендии для двадцати магистрантов. Соглашение о создании лаборатории "
                "рассчитано на пять лет.",
                "Студенты смогут проходить практику на производственных площадках партнёра "
                "и выполнять выпускные работы по заказу предприятия.",
            ],
            category="Партнёрство/",
            published=datetime(2026, 11, 20, 16, 45, tzinfo=MSK),
            slug="joint-lab-power-machines",
        ),
    ]


def write_fixtures(directory: Path = FIXTURES) -> None:
    """Regenerate the generated fixtures (``spbpu_rss.xml``, ``article_full.html``)."""
    items = sample_news()
    for item in items:
        item.base_url = "https://www.spbstu.ru"
    (directory / "spbpu_rss.xml").write_bytes(
        render_rss(items, "https://www.spbstu.ru", build_date=items[0].published)
    )
    (directory / "article_full.html").write_text(render_article(items[0]), encoding="utf-8")
