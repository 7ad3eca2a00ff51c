"""/curate: operators (ADMIN_IDS) correct the partner registry, each change confirmed by a button.

/curate merge A => B      /curate split A => X      /curate rename A => Name [| English]
/curate hide A            /curate show A (a hidden one back; alone: the hidden ones)
/curate country A => DE
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.types import (
    CallbackQuery,
    InaccessibleMessage,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)

from bot.config import Settings
from bot.facts.curation import ACTIONS, Curator, Outcome, current, file_says
from bot.facts.lookup import Choices, PartnerLookup
from bot.facts.matching import match_key
from bot.text.countries import country_name, flag, resolve_country
from bot.text.formatting import cut, esc
from bot.text.i18n import t
from handlers.common import user_language
from storage.partners import Partner, PartnerRepository

_NEEDS_VALUE = {"merge", "split", "rename", "country"}
MAX_PENDING = 100


class CurateConfirm(CallbackData, prefix="cur"):
    token: int
    yes: bool


@dataclass(frozen=True, slots=True)
class Pending:
    user_id: int
    action: str
    partner: Partner
    target: Partner | None
    value: str | None
    value_en: str | None


class PendingCorrections:
    """Corrections waiting for their operator's button; a bounded, in-memory table (after a
    restart a button answers that it has expired)."""

    def __init__(self) -> None:
        self._next = itertools.count(1)
        self._items: dict[int, Pending] = {}
        self._answered: dict[int, bool] = {}

    def add(self, pending: Pending) -> int:
        token = next(self._next)
        self._items[token] = pending
        while len(self._items) > MAX_PENDING:
            del self._items[min(self._items)]
        return token

    def take(self, token: int, user_id: int, yes: bool) -> Pending | None:
        pending = self._items.get(token)
        if pending is None or pending.user_id != user_id:
            return None
        self._answered[token] = yes
        while len(self._answered) > MAX_PENDING:
            del self._answered[min(self._answered)]
        return self._items.pop(token)

    def answered(self, token: int) -> bool | None:
        """How the correction was answered (True: applied), None while it waits or is
        unknown: a second tap on its buttons, or a tap on the other one, is then no news."""
        return self._answered.get(token)


_ARROW = re.compile(r"\s*(?:-+>|[—–]>|→|⇒|⟹|➔)\s*")


async def _one(
    partners: PartnerRepository, lookup: PartnerLookup, query: str
) -> Partner | Choices | None:
    """The partner `#id` or a name names; the choices when a name fits several or only
    alike (an operator's change never goes to a guess); None when nothing fits."""
    query = query.strip()
    if query.startswith("#") and query[1:].isdigit():
        return await partners.get(int(query[1:]))
    found = await lookup.find(query)
    if (named := (await lookup.opening(query, found)).card) is not None:
        return await partners.get(named)  # not a company's relative («Торвальд Нефть»)
    if not found:
        return None
    choices = await lookup.choices(found, limit=1000)
    # A name of generic words alone ("Association of Technical Universities") names no card to
    # the lookup, but typed as one card has it, it is that card: no guess.
    typed = " ".join(query.casefold().split())
    exact = [
        p
        for p in choices.shown
        if typed in {" ".join(n.casefold().split()) for n in (p.name, p.name_en, *p.aliases) if n}
    ]
    if len(exact) == 1:
        return exact[0]
    return Choices(choices.shown[:8], choices.total, choices.alike)


async def _hidden_one(
    partners: PartnerRepository, query: str, partial: bool = False
) -> Partner | list[Partner]:
    """The hidden partner `#id` or a name (any of its forms) names; else the hidden partners
    the query fits (all of them when it is empty); `partial` (for show): else those with the
    query in their name."""
    query = query.strip()
    hidden = await partners.hidden_partners(limit=1000)
    if query.startswith("#") and query[1:].isdigit():
        return next((p for p in hidden if p.id == int(query[1:])), [])
    key = match_key(query)
    if not key:
        return hidden
    fits = [
        p for p in hidden if key in {match_key(n) for n in (p.name, p.name_en, *p.aliases) if n}
    ]
    if not fits and partial:  # a part of the name, as hide took one ("Japan")
        typed = query.casefold()
        fits = [p for p in hidden if any(typed in n.casefold() for n in (p.name, p.name_en) if n)]
    return fits[0] if len(fits) == 1 else fits


def _not_one(lang: str, query: str, choices: Choices | None, example: str = "{id}") -> str:
    """Nothing or several fit `query`: which ones, and the command that names one by its number
    (`example` with {id} for the first one's); «Укажите номер» alone left the form to guess."""
    query = esc(cut(query.strip(), 60))
    if choices is None:
        return t(lang, "curate_unknown", query=query)
    names = "\n".join(f"#{p.id} {esc(cut(p.name_for(lang), 80))}" for p in choices.shown)
    more = "\n…" if choices.total > len(choices.shown) else ""
    command = esc(cut(example.replace("{id}", f"#{choices.shown[0].id}"), 200))
    return t(lang, "curate_which", query=query, names=names + more, example=command)


def _shape(lang: str, action: str) -> str:
    """What a known correction needs, when its name or value is missing ("/curate rename
    Цинхуа =>"): its own line of the usage, not the whole list."""
    line = next(
        (x for x in t(lang, "curate_usage").splitlines() if x.startswith(f"/curate {action} ")),
        None,
    )
    return t(lang, "curate_shape", line=line) if line else t(lang, "curate_usage")


async def curate(
    message: Message,
    command: CommandObject,
    settings: Settings,
    partners: PartnerRepository,
    lookup: PartnerLookup,
    curation_pending: PendingCorrections,
) -> None:
    lang = user_language(message.from_user)
    user = message.from_user
    if user is None or user.id not in settings.admin_ids:
        await message.answer(t(lang, "admin_only"))
        return
    action, _, rest = (command.args or "").strip().partition(" ")
    action = action.lower()
    if "=>" not in rest:  # "A -> B", «A → B»: the arrow as people and phones type it
        rest = _ARROW.sub(" => ", rest, count=1)
    left, arrow, right = rest.partition("=>")
    if action == "show" and not arrow:
        await _show(message, lang, partners, curation_pending, user.id, left)
        return
    if action not in ACTIONS:
        usage = t(lang, "curate_usage")
        if action:  # a word that is no action ("/curate frobnicate X"): say so first
            usage = t(lang, "curate_no_action", action=esc(cut(action, 30))) + "\n\n" + usage
        await message.answer(usage)
        return
    needs = action in _NEEDS_VALUE
    if not left.strip() or needs != bool(arrow) or (needs and not right.strip()):
        await message.answer(_shape(lang, action))
        return
    # A hidden partner's own name names it, not a look-alike the lookup would offer instead
    # ("Росатом" hidden: not "Rosatom Emergency Response Center").
    hidden = await _hidden_one(partners, left) if not left.strip().startswith("#") else []
    if isinstance(hidden, Partner):
        await message.answer(
            t(lang, "curate_is_hidden", a=esc(cut(hidden.name_for(lang), 100)), a_id=str(hidden.id))
        )
        return
    partner = await _one(partners, lookup, left)
    if not isinstance(partner, Partner):
        tail = f" => {right.strip()}" if arrow else ""
        await message.answer(_not_one(lang, left, partner, f"/curate {action} {{id}}{tail}"))
        return
    target: Partner | None = None
    value: str | None = right.strip() or None
    value_en: str | None = None
    if action == "merge":
        assert value is not None
        found = await _one(partners, lookup, value)
        if not isinstance(found, Partner):
            example = f"/curate merge {left.strip()} => {{id}}"
            await message.answer(_not_one(lang, value, found, example))
            return
        target = found
        if target.id == partner.id:
            await message.answer(t(lang, "curate_same"))
            return
        value = target.name
    elif action == "country":
        assert value is not None
        code = resolve_country(value)
        if code is None:
            await message.answer(t(lang, "curate_bad_country", query=esc(cut(value, 60))))
            return
        if code == partner.country:  # nothing to change: no button to confirm nothing
            where = esc(f"{flag(code)} {country_name(code, lang)}")
            a = esc(cut(partner.name_for(lang), 100))
            await message.answer(t(lang, "curate_country_same", a=a, a_id=str(partner.id),
                                   value=where))  # fmt: skip
            return
        value = code
    elif action == "split":
        assert value is not None
        refusal = _not_to_split(lang, partner, value)
        if refusal is not None:
            await message.answer(refusal)
            return
    elif action == "rename":
        assert value is not None
        name, _, english = value.partition("|")
        value, value_en = cut(name.strip(), 200), cut(english.strip(), 200) or None
        if value == partner.name and value_en in (None, partner.name_en):
            # Nothing to change: no button to confirm nothing (as a country it has already).
            a = esc(cut(partner.name, 100))
            await message.answer(t(lang, "curate_rename_same", a=a, a_id=str(partner.id)))
            return
    said = await _file_says(partners, {"hide", "show"}, partner.name, partner.name_en)
    if action == "hide" and said == "show":
        shown = esc(cut(partner.name_for(lang), 100))
        await message.answer(t(lang, "curate_shown_by_file", a=shown))
        return
    names = (partner.name, partner.name_en, *partner.aliases)
    if action in ("rename", "country") and await _file_says(partners, {action}, *names):
        # The file wins over the bot on what it states: a change here would not last.
        shown = esc(cut(partner.name_for(lang), 100))
        await message.answer(t(lang, f"curate_{action}_by_file", a=shown))
        return
    await _ask(
        message, lang, curation_pending, Pending(user.id, action, partner, target, value, value_en)
    )


def _not_to_split(lang: str, partner: Partner, value: str) -> str | None:
    """Why the name `value` cannot be split off `partner`, or None when it can: the card's
    own name (to the registry «ЛСР» is «Группа ЛСР»: every extraction puts it back), or no
    name of the card at all (a typo). Either way a split changed nothing and said "done"."""
    key = match_key(value)
    own = {match_key(partner.name)} - {""}  # its English name may be another's, split off
    a, a_id = esc(cut(partner.name_for(lang), 100)), str(partner.id)
    if key in own:
        return t(lang, "curate_split_own", value=esc(cut(value, 100)), a=a, a_id=a_id)
    names = [partner.name, partner.name_en or "", *partner.aliases]
    if key in {match_key(n) for n in names if n} or value.strip().casefold() in {
        n.casefold() for n in names
    }:
        return None
    listed = esc(cut(", ".join(dict.fromkeys(n for n in names if n)), 400))
    return t(lang, "curate_split_unknown", value=esc(cut(value, 100)), a=a, a_id=a_id,
             names=listed)  # fmt: skip


async def _file_says(
    partners: PartnerRepository, actions: set[str], *names: str | None
) -> str | None:
    """The curation file's last correction of one of `actions` about one of `names`. The file
    wins over the bot on what it states (see PartnerRepository.corrections)."""
    return file_says(current(await partners.corrections()), actions, *names)


async def _show(
    message: Message,
    lang: str,
    partners: PartnerRepository,
    curation_pending: PendingCorrections,
    user_id: int,
    query: str,
) -> None:
    """`/curate show`: the hidden partners; `/curate show A`: bring A back, once confirmed."""
    found = await _hidden_one(partners, query, partial=True)
    named = [found.name, found.name_en] if isinstance(found, Partner) else [query.strip()]
    # A file hide keeps the partner out of every extraction without marking its row hidden.
    if await _file_says(partners, {"hide", "show"}, *named) == "hide":
        shown = found.name_for(lang) if isinstance(found, Partner) else named[0] or ""
        await message.answer(t(lang, "curate_hidden_by_file", a=esc(cut(shown, 100))))
        return
    if isinstance(found, list):
        if not found:
            key = "curate_not_hidden" if query.strip() else "curate_hidden_none"
            await message.answer(t(lang, key, query=esc(cut(query.strip(), 60))))
            return
        names = "\n".join(f"#{p.id} {esc(cut(p.name_for(lang), 80))}" for p in found[:30])
        more = "\n…" if len(found) > 30 else ""
        await message.answer(t(lang, "curate_hidden_list", names=names + more))
        return
    await _ask(message, lang, curation_pending, Pending(user_id, "show", found, None, None, None))


async def _ask(
    message: Message, lang: str, curation_pending: PendingCorrections, pending: Pending
) -> None:
    """The correction in words, with its two buttons."""
    token = curation_pending.add(pending)
    text = _described(lang, "curate_confirm", pending)
    markup = InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(
                    text=t(lang, "curate_yes"),
                    callback_data=CurateConfirm(token=token, yes=True).pack(),
                ),
                InlineKeyboardButton(
                    text=t(lang, "curate_no"),
                    callback_data=CurateConfirm(token=token, yes=False).pack(),
                ),
            ]
        ]
    )
    await message.answer(text, reply_markup=markup)


def _described(lang: str, stage: str, p: Pending) -> str:
    """The correction in words: asked before ("curate_confirm") and told after ("curate_done")."""
    value = p.value or ""
    if p.action == "country" and value:
        value = f"{flag(value)} {country_name(value, lang)}"
    elif p.action == "rename" and p.value_en:
        value = f"{value} / {p.value_en}"  # the English name asked for is said too
    return t(
        lang,
        f"{stage}_{p.action}",
        a=esc(cut(p.partner.name_for(lang), 100)),
        a_id=str(p.partner.id),
        b=esc(cut(p.target.name_for(lang), 100)) if p.target else "",
        b_id=str(p.target.id) if p.target else "",
        value=esc(cut(value, 200)),
    )


async def _apply(curator: Curator, p: Pending) -> Outcome:
    if p.action == "merge":
        assert p.target is not None
        return await curator.merge(p.partner, p.target, p.user_id)
    if p.action == "hide":
        return await curator.hide(p.partner, p.user_id)
    if p.action == "show":
        return await curator.show(p.partner, p.user_id)
    assert p.value is not None
    if p.action == "rename":
        return await curator.rename(p.partner, p.value, p.value_en, p.user_id)
    if p.action == "country":
        return await curator.set_country(p.partner, p.value, p.user_id)
    return await curator.split(p.partner, p.value, p.user_id)


async def confirm(
    query: CallbackQuery,
    callback_data: CurateConfirm,
    settings: Settings,
    curator: Curator | None,
    curation_pending: PendingCorrections,
) -> None:
    lang = user_language(query.from_user)
    message = query.message
    if query.from_user.id not in settings.admin_ids:
        await query.answer(t(lang, "admin_only"), show_alert=True)
        return
    if message is None or isinstance(message, InaccessibleMessage):
        await query.answer()
        return
    # Taken before any await: of two quick taps exactly one gets the correction.
    answered = curation_pending.answered(callback_data.token)
    pending = curation_pending.take(callback_data.token, query.from_user.id, callback_data.yes)
    if answered is not None:
        # A second tap: the first one answers in the message; this one must not overwrite it.
        await query.answer(t(lang, "curate_already_confirmed" if answered else "curate_cancelled"))
        return
    await query.answer()
    if pending is None:
        await message.edit_text(t(lang, "curate_expired"))
        return
    if not callback_data.yes:
        await message.edit_text(t(lang, "curate_cancelled"))
        return
    if curator is None:
        await message.edit_text(t(lang, "curate_unavailable"))
        return
    outcome = await _apply(curator, pending)
    done = _described(lang, "curate_done", pending)
    if outcome.moved or outcome.retired:
        moved, retired = str(outcome.moved), str(outcome.retired)
        done += " " + t(lang, "curate_done_subscriptions", moved=moved, retired=retired)
    if outcome.restored:
        done += " " + t(lang, "curate_done_restored", restored=str(outcome.restored))
    await message.edit_text(done)


def build_router() -> Router:
    router = Router(name="curation")
    router.message.register(curate, Command("curate", ignore_case=True))
    router.callback_query.register(confirm, CurateConfirm.filter())
    return router
