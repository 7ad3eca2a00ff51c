"""How often two forms of one word get different Snowball stems, and how many /search misses.

Over the Russian words of ../shared/corpus texts: the words are grouped by pymorphy's lemma
(first parse, dictionary words only); for every two forms of one lemma in the corpus, does a
query of one form find the other? Once with the plain Snowball stem (what search did before),
once with the stems of every form of the word (`word_variants`, bot.text.stems, as the search
OR-s them). Counted over distinct form pairs and weighted by how often each form occurs;
pronouns, prepositions and the like (whose "forms" are other words) are left out of the
weighted figure.

    .venv/bin/python bench/eval_word_forms.py
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.text.stems import _FUNCTION_POS, morph_vocab, stem_word, word_variants  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
_RU_WORD = re.compile(r"[а-яё]+", re.IGNORECASE)


def main() -> None:
    counts: Counter[str] = Counter()
    for path in sorted(CORPUS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            article = json.loads(line)
            text = f"{article.get('title') or ''} {article.get('text') or ''}"
            counts.update(w.lower().replace("ё", "е") for w in _RU_WORD.findall(text))
    morph = morph_vocab()
    forms: dict[str, set[str]] = defaultdict(set)
    content: set[str] = set()
    for word in counts:
        parse = morph.parse(word)[0]
        if parse.is_known:
            forms[parse.normal_form].add(word)
            if parse.tag.POS not in _FUNCTION_POS:
                content.add(parse.normal_form)
    lemmas = {lemma: f for lemma, f in forms.items() if len(f) > 1}
    split = sum(len({stem_word(w) for w in f}) > 1 for f in lemmas.values())
    pairs = before = after = 0
    weight = weight_before = weight_after = 0
    for lemma, group in lemmas.items():
        for query in group:
            found = {stem for stem, _ in word_variants(query)}
            for other in group:
                missed_before = stem_word(query) != stem_word(other)
                missed_after = stem_word(other) not in found
                if other != query:
                    pairs += 1
                    before += missed_before
                    after += missed_after
                if lemma in content:
                    w = counts[query] * counts[other]
                    weight += w
                    weight_before += w * missed_before
                    weight_after += w * missed_after
    print(f"Russian words in the corpus: {sum(counts.values()):,}, distinct {len(counts):,}")
    print(f"lemmas with 2+ forms in the corpus: {len(lemmas):,}; forms on 2+ stems: {split:,}")
    print(f"form pairs a query misses: {before / pairs:.1%} plain stems, {after / pairs:.1%} all")
    print(
        f"word occurrences missed (content words, by frequency): {weight_before / weight:.2%}"
        f" plain stems, {weight_after / weight:.2%} all"
    )


if __name__ == "__main__":
    main()
