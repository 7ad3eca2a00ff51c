"""Partnership extraction: partners, agreements, countries from university news articles.

The taggers run small numpy models: a multi-threaded BLAS only adds contention on a busy host
(a worker thread next to the event loop), so BLAS is limited to one thread unless the
environment says otherwise. This takes effect only if numpy was not imported earlier.
"""

from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from .extractor import Extractor  # noqa: E402  # after the BLAS thread limit above
from .model import AgreementFact, ArticleInput, Extraction, PartnerFact  # noqa: E402
from .names import canonical_key, names_match, same_partner  # noqa: E402

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
