"""Partnership extraction: partners, agreements, countries from university news articles."""

from __future__ import annotations

from .extractor import Extractor
from .model import AgreementFact, ArticleInput, Extraction, PartnerFact
from .names import canonical_key, names_match, same_partner

__all__ = [
    "AgreementFact",
    "ArticleInput",
    "Extraction",
    "Extractor",
    "PartnerFact",
    "canonical_key",
    "names_match",
    "same_partner",
]
