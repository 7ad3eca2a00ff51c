"""Value types passed between the extractor, the CLI and the rest of the bot."""

from __future__ import annotations

from dataclasses import dataclass

PARTNER_KINDS = ("university", "research", "company", "government", "other")
AGREEMENT_KINDS = ("agreement", "memorandum", "contract", "roadmap", "other")


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """One article as the extractor sees it; `category` and `lang` are optional hints."""

    id: str
    title: str
    text: str
    category: str | None = None
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class PartnerFact:
    """An outside organisation shown cooperating with the university (name in the nominative)."""

    name: str
    name_en: str | None
    aliases: tuple[str, ...]
    country: str | None
    kind: str
    # No word of the text placed it: `country` is the default an unplaced name gets (Russia),
    # which any country an article reads outweighs on the registry's card.
    country_guessed: bool = False


@dataclass(frozen=True, slots=True)
class AgreementFact:
    """A document the text says was signed; `parties` are partners, never the university, each
    by its name or, when the text calls it only by an abbreviation, by that alias.

    `signed_on` is the signing date the text states (ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY`), else
    None; `date` is the same value under its older name, kept for existing callers.
    """

    kind: str
    parties: tuple[str, ...]
    title: str | None
    date: str | None
    signed_on: str | None = None  # ISO YYYY-MM-DD, YYYY-MM or YYYY, when the text says it


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article; `to_dict` is the JSONL shape the scorer reads."""

    id: str
    partnership: bool
    partners: tuple[PartnerFact, ...]
    agreements: tuple[AgreementFact, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "partnership": self.partnership,
            "partners": [
                {
                    "name": p.name,
                    "name_en": p.name_en,
                    "aliases": list(p.aliases),
                    "country": p.country,
                    "kind": p.kind,
                }
                for p in self.partners
            ],
            "agreements": [
                {
                    "kind": a.kind,
                    "parties": list(a.parties),
                    "title": a.title,
                    "date": a.date,
                    "signed_on": a.signed_on,
                }
                for a in self.agreements
            ],
        }
