"""Operators' corrections of the registry: rules by name, applied at every extraction.

A correction names organisations, not row ids, so it can live in a curation file under version
control (CURATION_PATH, one JSON object a line) as well as come from Telegram, and it survives
`reextract`. Actions:
  {"action": "merge",   "name": "A", "into": "B"}          facts named A land on B's card
  {"action": "split",   "name": "A", "alias": "X"}         the form X is not A: its own card
  {"action": "rename",  "name": "A", "to": "...", "to_en": "..."}
  {"action": "hide",    "name": "A"}                        A is no partner (nor an alias)
  {"action": "show",    "name": "A"}                        A is a partner again (undoes hide)
  {"action": "country", "name": "A", "country": "DE"}
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from bot.facts.extraction import PartnerFact
from bot.facts.matching import Candidate, match_key
from bot.text.formatting import esc
from bot.text.i18n import t
from storage.chats import ChatRepository
from storage.partners import Correction, Partner, PartnerRepository

ACTIONS = ("merge", "split", "rename", "hide", "show", "country")
_VALUE_FIELD = {"merge": "into", "split": "alias", "rename": "to", "country": "country"}


class CurationError(ValueError):
    """A curation file line that cannot be applied; the message names the line."""


@dataclass(frozen=True, slots=True)
class FileCorrection:
    action: str
    name: str
    name_key: str
    value: str | None
    value_en: str | None


def parse_line(line: str, where: str) -> FileCorrection | None:
    """One curation file line (blank lines and lines starting with # are skipped)."""
    line = line.strip()
    if not line or line.startswith("#"):
        return None
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise CurationError(f"{where}: not JSON: {exc.msg}") from None
    if not isinstance(raw, dict):
        raise CurationError(f"{where}: not a JSON object")
    action, name = raw.get("action"), raw.get("name")
    if action not in ACTIONS:
        raise CurationError(f"{where}: action must be one of {', '.join(ACTIONS)}")
    if not isinstance(name, str) or not match_key(name):
        raise CurationError(f"{where}: 'name' must be an organisation's name")
    value = raw.get(_VALUE_FIELD[action]) if action in _VALUE_FIELD else None
    if action in _VALUE_FIELD and not (isinstance(value, str) and value.strip()):
        raise CurationError(f"{where}: {action} needs '{_VALUE_FIELD[action]}'")
    if action == "country":
        assert isinstance(value, str)
        value = value.strip().upper()
        if len(value) != 2 or not value.isalpha():
            raise CurationError(f"{where}: country must be an ISO 3166-1 alpha-2 code")
    value_en = raw.get("to_en") if action == "rename" else None
    return FileCorrection(
        action, name.strip(), match_key(name), value.strip() if isinstance(value, str) else None,
        value_en.strip() if isinstance(value_en, str) and value_en.strip() else None,
    )  # fmt: skip


def read_file(path: Path) -> list[FileCorrection]:
    """Every correction of the curation file; a missing file holds none."""
    if not path.exists():
        return []
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        parsed = parse_line(line, f"{path}:{n}")
        if parsed is not None:
            out.append(parsed)
    return out


@dataclass(slots=True)
class Rules:
    """The corrections in force, indexed by the keys they are about."""

    hidden: set[str] = field(default_factory=set)
    merges: dict[str, str] = field(default_factory=dict)  # key -> key of the name merged into
    splits: dict[str, set[str]] = field(default_factory=dict)  # split-off key -> keys of the old
    renames: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    # When each rename and country was made (its place in the order of corrections): of two
    # made under different name forms of one organisation, the later one stands.
    made: dict[tuple[str, str], int] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, corrections: Iterable[Correction | FileCorrection]) -> Rules:
        """Later corrections win over earlier ones (the file's rows come first; see
        PartnerRepository.corrections)."""
        rules = cls()
        for n, c in enumerate(corrections):
            if not c.name_key:
                continue
            if c.action == "hide":
                rules.hidden.add(c.name_key)
            elif c.action == "show":
                rules.hidden.discard(c.name_key)
            elif c.action == "merge" and c.value and match_key(c.value):
                rules.merges[c.name_key] = match_key(c.value)
            elif c.action == "split" and c.value and match_key(c.value):
                rules.splits.setdefault(match_key(c.value), set()).add(c.name_key)
            elif c.action == "rename" and c.value:
                rules.renames[c.name_key] = (c.value, c.value_en)
                rules.made["rename", c.name_key] = n
            elif c.action == "country" and c.value:
                rules.countries[c.name_key] = c.value
                rules.made["country", c.name_key] = n
        return rules

    def keys_of(self, fact: PartnerFact, keys: dict[str, str]) -> dict[str, str] | None:
        """The fact's keys less hidden and split-off forms; None when the fact itself is hidden."""
        main = match_key(fact.name)
        if main in self.hidden or match_key(fact.name_en or "") in self.hidden:
            return None
        out = {}
        for key, form in keys.items():
            name_key = match_key(form)  # a cross-script key goes with the form it came from
            if {key, name_key} & self.hidden:
                continue
            if (key in self.splits or name_key in self.splits) and name_key != main:
                continue
            out[key] = form
        return out

    def allows(self, fact: PartnerFact, row_keys: frozenset[str]) -> bool:
        """A split-off form never lands on the row it was split from."""
        olds = self.splits.get(match_key(fact.name))
        return not (olds and olds & row_keys)

    def forced(self, fact: PartnerFact, keys: Iterable[str], rows: list[Candidate]) -> int | None:
        """The row an operator's merge sends this fact to, when its target is known."""
        for key in keys:
            target = self.merges.get(key)
            if target is None:
                continue
            held = [r for r in rows if target in r.keys and r.id > 0]
            if held:
                return max(held, key=lambda r: (r.mentions, -r.id)).id
        return None

    def override_for(self, keys: Iterable[str]) -> dict[str, str | None]:
        """Name and country an operator set for the organisation under one of these keys (the
        latest made, when it was renamed under two of its names)."""
        out: dict[str, str | None] = {}
        keys = list(keys)
        renamed = [k for k in keys if k in self.renames]
        if renamed:
            latest = max(renamed, key=lambda k: self.made.get(("rename", k), -1))
            out["name"], out["name_en"] = self.renames[latest]
        placed = [k for k in keys if k in self.countries]
        if placed:
            out["country"] = self.countries[
                max(placed, key=lambda k: self.made.get(("country", k), -1))
            ]
        return out


def current(corrections: Iterable[Correction]) -> list[Correction]:
    """The corrections with their keys by the key rules of now (a correction names a form;
    its stored key was made by the rules of its day)."""
    return [replace(c, name_key=match_key(c.name) or c.name_key) for c in corrections]


def file_says(
    corrections: Iterable[Correction], actions: set[str], *names: str | None
) -> str | None:
    """The curation file's last correction of one of `actions` about one of `names`, or None
    (`corrections` as `current` gives them)."""
    keys = {match_key(n) for n in names if n} - {""}
    said = None
    for c in corrections:
        if c.source == "file" and c.action in actions and c.name_key in keys:
            said = c.action
    return said


class Reprocessor(Protocol):
    """What the curator needs of the facts service: extract some stored articles again, in
    the turn the service's own extraction takes (`turn`, held by the curator meanwhile)."""

    @property
    def turn(self) -> AbstractAsyncContextManager[None]: ...

    async def reprocess(self, news_ids: list[int]) -> int: ...

    async def naming(self, names: list[str]) -> list[int]: ...


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a correction did: the rows touched and the subscriptions moved, retired or brought
    back (those a hide retired, when the partner is shown again)."""

    partners: tuple[int, ...]
    moved: int
    retired: int
    restored: int = 0


class Curator:
    """Applies operators' corrections now and keeps subscriptions pointing at live partners.

    Corrections are stored (so every later extraction re-applies them) and applied at once:
    merge moves mentions and agreements to the target and leaves the source row as a pointer;
    hide, rename and country change the row; split extracts the row's articles again. Each is
    made in the facts' turn (the facts service's lock): the poll job's extraction neither
    writes beside it nor files an article under rules half changed.
    """

    def __init__(
        self, partners: PartnerRepository, chats: ChatRepository, facts: Reprocessor
    ) -> None:
        self.partners = partners
        self.chats = chats
        self.facts = facts

    async def _record(
        self, action: str, row: Partner, value: str | None, value_en: str | None, by: int | None
    ) -> None:
        # Under the name form that made the card (its identity): the card's shown name may be
        # an earlier rename no article gives, which a later extraction would not meet. A show
        # also goes under the shown name, which a hide of an older version was made under.
        forms = [await self.partners.identity_form(row.id) or row.name]
        if action == "show":
            forms.append(row.name)
        for name in dict.fromkeys(forms):
            key = match_key(name) or match_key(row.name_en or "")
            await self.partners.add_correction(
                action, name, key, value, value_en, source="telegram", created_by=by
            )

    async def merge(self, source: Partner, target: Partner, by: int | None = None) -> Outcome:
        async with self.facts.turn:
            await self._record("merge", source, target.name, None, by)
            await self.partners.merge(source.id, target.id)
            return await self.settle((source.id, target.id))

    async def hide(self, row: Partner, by: int | None = None) -> Outcome:
        async with self.facts.turn:
            await self._record("hide", row, None, None, by)
            await self.partners.set_hidden(row.id, True)
            return await self.settle((row.id,))

    async def show(self, row: Partner, by: int | None = None) -> Outcome:
        """Undo a hide: the organisation is a partner again. The articles that name it are
        extracted again: those stored, or extracted again, while it was hidden lack it."""
        async with self.facts.turn:
            await self._record("show", row, None, None, by)
            await self.partners.set_hidden(row.id, False)
            names = [n for n in (row.name, row.name_en, *row.aliases) if n]
            news_ids = set(await self.partners.news_ids_of([row.id]))
            news_ids.update(await self.facts.naming(names))
            await self.facts.reprocess(sorted(news_ids))
            return await self.settle((row.id,))

    async def rename(
        self, row: Partner, name: str, name_en: str | None, by: int | None = None
    ) -> Outcome:
        async with self.facts.turn:
            await self._record("rename", row, name, name_en, by)
            keys = {match_key(n): n for n in (name, name_en) if n and match_key(n)}
            await self.partners.override(row.id, name=name, name_en=name_en, keys=keys)
            return Outcome((row.id,), 0, 0)

    async def set_country(self, row: Partner, country: str, by: int | None = None) -> Outcome:
        async with self.facts.turn:
            await self._record("country", row, country, None, by)
            await self.partners.override(row.id, country=country)
            return Outcome((row.id,), 0, 0)

    async def split(self, row: Partner, alias: str, by: int | None = None) -> Outcome:
        async with self.facts.turn:
            await self._record("split", row, alias, None, by)
            news_ids = await self.partners.news_ids_of([row.id])
            await self.partners.drop_alias(row.id, match_key(alias), alias)
            await self.facts.reprocess(news_ids)
            return await self.settle((row.id,))

    async def _followed(self, partner_id: int) -> tuple[int, bool | None]:
        """The row a partner row leads to through merges, and whether that row is live (None:
        no such row)."""
        status = await self.partners.status(partner_id)
        target = partner_id
        seen: set[int] = set()
        while status is not None and status[1] is not None and target not in seen:
            seen.add(target)
            target = status[1]
            status = await self.partners.status(target)
        return target, None if status is None else status[0]

    async def settle(self, touched: tuple[int, ...] = ()) -> Outcome:
        """Re-point subscriptions of merged partners, retire those of partners gone (kept, when
        the partner was hidden, to come back when it is shown), bring back those of partners
        shown again, and tell each chat. Rows nobody mentions any more whose identity key now
        lives on another row were merged by the extractor: they point there from now on."""
        await self.partners.link_dormant()
        moved = retired = restored = 0
        for sub, lang in await self.chats.partner_subscriptions():
            if not sub.value.isdigit():
                continue
            old = int(sub.value)
            target, live = await self._followed(old)
            if live and target == old:
                continue
            name = await self.partners.name_of(old) or sub.value
            if live:
                new_name = await self.partners.name_of(target) or str(target)
                await self.chats.repoint_partner(sub.id, target)
                text = t(lang, "curate_sub_moved", old=esc(name), new=esc(new_name))
                moved += 1
            else:
                if live is not None and await self.partners.is_hidden(target):
                    await self.chats.retire_partner(sub.id, target)
                else:
                    await self.chats.repoint_partner(sub.id, None)
                text = t(lang, "curate_sub_retired", old=esc(name))
                retired += 1
            await self.chats.queue_notice(
                sub.chat_id, sub.thread_id, text, f"partner-{sub.id}-{old}-{target}"
            )
        for retired_id, sub, lang in await self.chats.retired_partner_subscriptions():
            target, live = await self._followed(int(sub.value))
            if not live:
                continue  # still hidden, or not in any article yet: it waits
            if await self.chats.restore_partner(retired_id, target):
                name = await self.partners.name_of(target) or str(target)
                await self.chats.queue_notice(
                    sub.chat_id,
                    sub.thread_id,
                    t(lang, "curate_sub_restored", name=esc(name)),
                    f"restored-{retired_id}-{target}",
                )
                restored += 1
        return Outcome(touched, moved, retired, restored)
