"""Hybrid retrieval: dense (embeddings) and lexical (BM25) scores fused.

The dense side finds paraphrases; the lexical side finds rare names ("Darville")
that a small embedder blurs. Fusion is by relative score (each side scaled 0..1,
then summed) by default, or by reciprocal rank. Rank fusion discards margins: on
the development set it let passages that were middling on both sides outrank the
only passage naming "Malcolm" (hit@5 0.976 against 1.0 for relative scores).
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rag.config import FUSIONS
from rag.embeddings import Embedder
from rag.store import Collection, StoredPassage
from rag.types import Passage

RRF_K = 60  # the constant from Cormack et al.; damps the weight of the very top ranks
DENSE_CANDIDATES = 30

_WORD = re.compile(r"[a-z0-9]+")
STOPWORDS = frozenset(
    "a an and are as at be been but by can could did do does for from had has have he her "
    "his how i if in into is it its me my no not of on or our she so than that the their them "
    "then there these they this to was we were what when where which who whom why will with "
    "would you your about after also any all more most some such up out over just "
    # Left by contractions ("it'll" -> "ll", "won't" -> "wo not") and function words a
    # question adds in passing: counted as words the articles lack, they refused answerable
    # questions.
    "s d ll re ve m wo ca sha "
    "ever might must may being per let rather quite really very even already much many here "
    # Prepositions and contractions typed without the apostrophe: in a small corpus of
    # reference text each was counted as a subject the documents lack ("inside", "doesnt").
    "inside between within without among across through during toward towards upon onto "
    "beside besides beyond whether either neither both each every "
    "alongside amid amidst despite via versus vs unlike "
    # Prefixes a hyphen splits off ("co-running", "ex-boyfriend"): the rest is the word.
    "co ex non "
    "doesnt dont didnt isnt arent wasnt werent cant wont couldnt shouldnt wouldnt hasnt havent "
    "hadnt "
    # Chat filler ("hey so is jessica gonna be totally over the kilgrave stuff?"): weighed
    # as subjects the articles lack, they refused a question the articles answer.
    "hey yo please thanks yeah um uh lol lmao haha btw gonna wanna gotta kinda sorta "
    "stuff totally basically literally whole nah nope yep yup"
    .split()
)

THOUSANDS_SEPARATOR = re.compile(r"(?<=\d),(?=\d{3}\b)")  # the comma of "1,000", not of "2,3"


# Past forms a suffix stripper cannot join to their verb: "Which magazine did she tell?" is
# answered by "Rosenberg told Esquire". Left out are forms that are also other words
# ("found", "left", "saw", "shot", "fell", "won").
_IRREGULAR = {
    form: verb for verb, forms in {
        "tell": "told", "speak": "spoke spoken", "write": "wrote written",
        "give": "gave given", "take": "took taken", "come": "came", "make": "made",
        "begin": "began begun", "run": "ran", "get": "got gotten", "know": "knew known",
        "see": "seen", "bring": "brought", "think": "thought", "lose": "lost",
        "hold": "held", "keep": "kept", "meet": "met", "feel": "felt", "build": "built",
        "choose": "chose chosen", "break": "broke broken", "become": "became",
        "stand": "stood", "lead": "led", "fight": "fought", "catch": "caught",
        "draw": "drew drawn", "teach": "taught", "buy": "bought", "sell": "sold",
        "hide": "hid hidden", "wear": "wore worn", "sit": "sat", "pay": "paid",
        "send": "sent", "spend": "spent", "hear": "heard",
    }.items() for form in forms.split()
}


def stem_word(word: str) -> str:
    """A light suffix stripper that gives a word's forms one stem: "runs", "running" ->
    "run"; "come", "comes", "coming" -> "com"; "release", "released", "releases" ->
    "releas"; "supposedly" -> "suppos"; "envy", "envies" -> "envi"; "hope", "hopeful" ->
    "hop"; "told" -> "tell"."""
    word = _IRREGULAR.get(word, word)
    if len(word) > 3:  # plurals and third persons, not "focus", "boss" or "this"
        if word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "i"
        elif word.endswith("sses"):
            word = word[:-2]
        elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
    if len(word) > 4:
        if word.endswith("ly") and len(word) >= 7:  # "supposedly", not "early" or "only"
            word = word[:-2]
        for suffix in ("ing", "ed"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                # "running" -> "run", "starred" -> "star" (Porter's step 1b)
                if word[-1] == word[-2] and word[-1] not in "lsz":
                    word = word[:-1]
                break
    if word.endswith("ful") and len(word) >= 7:  # "hopeful" -> "hope", not "awful"
        word = word[:-3]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word.endswith("y"):
        word = word[:-1] + "i"
    return word


def content_words(text: str) -> list[str]:
    """Lower-cased word tokens without stopwords, not yet stemmed ("Jessica's" -> "jessica")."""
    text = text.lower().replace("\u2019", "'")
    text = re.sub(r"n't\b", " not", re.sub(r"'s\b", "", text))
    text = THOUSANDS_SEPARATOR.sub("", text)  # "1,000" is the word "1000"
    # A lone letter ("e.g." -> "e", "g") is no word of the question's subject.
    return [w for w in _WORD.findall(text) if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]


def tokenize(text: str) -> list[str]:
    """Lower-cased, lightly stemmed word tokens without stopwords ("Jessica's" -> "jessica")."""
    return [stem_word(w) for w in content_words(text)]


class BM25:
    """Okapi BM25 over a fixed list of texts (k1=1.5, b=0.75).

    Each word's postings (passages and their precomputed term weights) are numpy
    arrays, so a query costs one bincount over the postings of its words: about
    a millisecond at 100k passages, where a Python loop took a hundred.
    """

    def __init__(self, texts: Sequence[str], k1: float = 1.5, b: float = 0.75) -> None:
        import numpy as np

        self.size = len(texts)
        self.vocabulary: Counter[str] = Counter()  # the words as written, for spelling
        counts = []
        for text in texts:
            words = content_words(text)
            self.vocabulary.update(words)
            counts.append(Counter(stem_word(w) for w in words))
        lengths = np.array([sum(c.values()) for c in counts], dtype=np.float64)
        avg = float(lengths.mean()) if self.size else 1.0
        norms = k1 * (1 - b + b * lengths / (avg or 1.0))
        docs: dict[str, list[int]] = {}
        tfs: dict[str, list[int]] = {}
        for i, c in enumerate(counts):
            for word, tf in c.items():
                docs.setdefault(word, []).append(i)
                tfs.setdefault(word, []).append(tf)
        n = self.size
        self.idf = {w: math.log(1 + (n - len(d) + 0.5) / (len(d) + 0.5)) for w, d in docs.items()}
        self.unseen_idf = math.log(1 + (n + 0.5) / 0.5)
        self.postings: dict[str, tuple[Any, Any]] = {}  # word -> (passage ids, weights)
        for word, ids in docs.items():
            index = np.array(ids, dtype=np.int64)
            freq = np.array(tfs[word], dtype=np.float64)
            self.postings[word] = (index, self.idf[word] * freq * (k1 + 1) / (freq + norms[index]))

    def term_weight(self, word: str) -> float:
        """How much a (tokenized) word tells apart passages; words the corpus lacks weigh most."""
        return self.idf.get(word, self.unseen_idf)

    def scores(self, query: str) -> Any:
        """A numpy array with a score for every passage (0: no word shared with the query)."""
        import numpy as np

        found = [self.postings[t] for t in set(tokenize(query)) if t in self.postings]
        if not found:
            return np.zeros(self.size)
        return np.bincount(np.concatenate([ids for ids, _ in found]),
                           weights=np.concatenate([w for _, w in found]), minlength=self.size)

    def ranked(self, query: str, k: int) -> list[tuple[int, float]]:
        """(index, score) of the best `k` passages that share a word with the query, best
        first."""
        import numpy as np

        scores = self.scores(query)
        k = min(k, int(np.count_nonzero(scores)))
        if k == 0:
            return []
        best = np.argpartition(-scores, k - 1)[:k]
        return [(int(i), float(scores[i])) for i in best[np.argsort(-scores[best], kind="stable")]]


def relative_score_fusion(scored: Sequence[dict[str, float]]) -> dict[str, float]:
    """Each list's scores scaled to 0..1 (min to max), then summed.

    Unlike rank fusion it keeps margins: a passage that BM25 puts far ahead of the rest
    (the only one naming "Malcolm") is not outranked by passages that are middling in both.
    """
    fused: dict[str, float] = {}
    for scores in scored:
        if not scores:
            continue
        low, high = min(scores.values()), max(scores.values())
        for pid, score in scores.items():
            # All equal (a single lexical match, say): each is that side's best.
            scaled = (score - low) / (high - low) if high > low else 1.0
            fused[pid] = fused.get(pid, 0.0) + scaled
    return fused


def reciprocal_rank_fusion(rankings: Sequence[Sequence[str]], k: int = RRF_K) -> dict[str, float]:
    fused: dict[str, float] = {}
    for ranking in rankings:
        for rank, pid in enumerate(ranking):
            fused[pid] = fused.get(pid, 0.0) + 1.0 / (k + rank + 1)
    return fused


@dataclass
class _LexicalIndex:
    version: tuple[int, str]
    passages: list[StoredPassage]
    bm25: BM25


class HybridRetriever:
    def __init__(
        self, embedder: Embedder, collection: Callable[[], Collection], fusion: str = "relative"
    ) -> None:
        """`collection` returns the active collection: after a rebuild swaps in a new one,
        the next query reads the new one. `fusion` is one of FUSIONS."""
        if fusion not in FUSIONS:
            raise ValueError(f"unknown fusion {fusion!r}; use one of {', '.join(FUSIONS)}")
        self.fusion = fusion
        self.embedder = embedder
        self._collection = collection
        self._lexical: _LexicalIndex | None = None
        self._lock = threading.Lock()

    @property
    def collection(self) -> Collection:
        return self._collection()

    def _lexical_index(self, collection: Collection | None = None) -> _LexicalIndex:
        # Rebuilt only when the collection changed (count or build time).
        collection = collection or self.collection
        version = (collection.count(), str(collection.info().get("built_at", "")))
        with self._lock:
            if self._lexical is None or self._lexical.version != version:
                passages = collection.all_passages()
                self._lexical = _LexicalIndex(version, passages, BM25([p.text for p in passages]))
            return self._lexical

    def lexical(self) -> BM25:
        """The BM25 index of the current collection. Callers that weigh many words take
        it once: each call checks the collection's version in Chroma."""
        return self._lexical_index().bm25

    def retrieve(self, query: str, k: int, lexical_words: str = "") -> list[Passage]:
        """Top `k` passages for `query`, with `lexical_words` searched for by BM25 alone:
        words for what the query says in other words, which would blur its embedding."""
        collection = self.collection  # one lookup of the active collection per query
        dense = collection.query(self.embedder.embed_query(query), max(k, DENSE_CANDIDATES))
        lexical = self._lexical_index(collection)
        lexical_scores = {lexical.passages[i].id: score for i, score in lexical.bm25.ranked(
            f"{query} {lexical_words}", max(k, DENSE_CANDIDATES))}
        similarity = {p.id: 1.0 - p.distance for p in dense}
        if self.fusion == "rrf":
            fused = reciprocal_rank_fusion([list(similarity), list(lexical_scores)])
        else:
            fused = relative_score_fusion([similarity, lexical_scores])
        by_id = {p.id: p for p in lexical.passages}
        by_id.update({p.id: p for p in dense})
        top = sorted(fused, key=lambda pid: -fused[pid])[:k]
        return [_passage(by_id[pid], fused[pid], similarity.get(pid, 0.0))
                for pid in top if pid in by_id]

    def texts(self) -> list[str]:
        """Every passage's text, in the current collection."""
        return [p.text for p in self._lexical_index().passages]

    def lexical_retrieve(self, query: str, k: int) -> list[Passage]:
        """Top `k` passages for `query` by BM25 alone: for a name ("Jessica", "Malcolm"),
        where the words matter and their meaning does not, and no query is embedded."""
        lexical = self._lexical_index()
        return [_passage(lexical.passages[i], score, 0.0)
                for i, score in lexical.bm25.ranked(query, k)]


def _passage(stored: StoredPassage, score: float, similarity: float) -> Passage:
    return Passage(
        id=stored.id,
        document=stored.metadata.get("title", ""),
        path=stored.metadata.get("path", ""),
        publication=stored.metadata.get("publication", ""),
        text=stored.text,
        score=round(score, 6),
        similarity=round(similarity, 4),
    )
