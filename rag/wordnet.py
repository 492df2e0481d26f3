"""WordNet, read straight from its database files, for one question: does a word the
articles never use have a common synonym that they do use?

A paraphrase ("What is Jessica jealous of?" of articles that say she "envies") must not
be refused as a question about something the articles lack ("How many episodes ...?").
Measured on the article question sets: of the questions refused for their unseen words,
a synonym or derived form from the word's most common sense lets 29 of 53 answerable
ones through, and 1 of 77 unanswerable ones. Further senses let far more unanswerable
ones through ("direct" has 24). Failing a synonym, a noun-only word may be read as the
specific noun it is a kind of (`WordNet.broader`: "timetable" -> "schedule"), and failing
that, by the synonyms of its other senses (`WordNet.noun_senses_synonyms`: "violation" ->
"rape"): a noun has few senses where a verb has many, and on the article sets these let
three answerable questions through and no unanswerable one.

The data is Princeton WordNet 3.1 (its license heads each data file), fetched at
install time with the default model (`rag fetch-model`); see `rag.model_fetch`.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

PARTS_OF_SPEECH = ("noun", "verb", "adj", "adv")  # WordNet's own order of a word's senses
# Inflections undone to find a word's base form, per part of speech (WordNet's "morphy").
_SUFFIXES = {
    "noun": (("s", ""), ("ses", "s"), ("ves", "f"), ("xes", "x"), ("zes", "z"),
             ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")),
    "verb": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
             ("ing", "e"), ("ing", "")),
    "adj": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "adv": (),
}
DERIVATION = "+"  # the pointer from a word to one derived from it ("jealous" -> "envy")
HYPERNYM = "@"  # the pointer from a noun to the broader one it is a kind of
# A broader noun this far below "entity" is still specific ("schedule", 7); "happening" (4)
# and "attribute" (2) would match words the articles use about anything.
MIN_BROADER_DEPTH = 6
FILES = tuple(f"{kind}.{pos}" for kind in ("index", "data") for pos in PARTS_OF_SPEECH) + tuple(
    f"{pos}.exc" for pos in PARTS_OF_SPEECH)


class WordNet:
    """The database files in `root` (index.noun, data.noun, noun.exc, ... with LF line ends,
    as `rag.model_fetch` writes them). Each part of speech is read on first use."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._index: dict[str, dict[str, list[int]]] = {}
        self._exceptions: dict[str, dict[str, list[str]]] = {}
        self._lock = threading.Lock()

    @classmethod
    def available(cls, root: Path) -> bool:
        return all((root / name).is_file() for name in FILES)

    def _load(self, pos: str) -> None:
        with self._lock:
            if pos in self._index:
                return
            index: dict[str, list[int]] = {}
            with (self.root / f"index.{pos}").open(encoding="utf-8") as lines:
                for line in lines:
                    if line.startswith(" "):  # the license header
                        continue
                    fields = line.split()
                    # lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt offsets
                    count, pointers = int(fields[2]), int(fields[3])
                    index[fields[0]] = [int(o) for o in fields[6 + pointers: 6 + pointers + count]]
            exceptions: dict[str, list[str]] = {}
            with (self.root / f"{pos}.exc").open(encoding="utf-8") as lines:
                for line in lines:
                    inflected, *bases = line.split()
                    exceptions[inflected] = bases
            self._exceptions[pos] = exceptions
            self._index[pos] = index

    def preload(self) -> None:
        """Read every part of speech now (0.6 s, 36 MB) rather than on first use."""
        for pos in PARTS_OF_SPEECH:
            self._load(pos)

    def base_forms(self, word: str, pos: str) -> list[str]:
        """`word`'s forms that WordNet lists as `pos`: itself, its irregular base form
        ("gotten" -> "get"), or itself with an inflection undone ("prizes" -> "prize")."""
        self._load(pos)
        index = self._index[pos]
        forms = [word, *self._exceptions[pos].get(word, [])]
        if word not in self._exceptions[pos]:
            forms += [word[: -len(end)] + base
                      for end, base in _SUFFIXES[pos] if word.endswith(end)]
        return [f for f in dict.fromkeys(forms) if f in index]

    def irregular_bases(self, word: str) -> list[str]:
        """The base forms WordNet lists for an irregular inflection, of any part of speech:
        "won" -> ["win"], "gotten" -> ["get"]; empty for a regular word."""
        word = word.lower()
        out: list[str] = []
        for pos in PARTS_OF_SPEECH:
            self._load(pos)
            out += self._exceptions[pos].get(word, [])
        return list(dict.fromkeys(out))

    def first_sense(self, word: str) -> tuple[str, int] | None:
        """The part of speech and data-file offset of `word`'s first sense, in WordNet's
        order: nouns, verbs, adjectives, adverbs, each by frequency."""
        word = word.lower().replace(" ", "_")
        for pos in PARTS_OF_SPEECH:
            for form in self.base_forms(word, pos):
                return pos, self._index[pos][form][0]
        return None

    def knows(self, word: str) -> bool:
        """Whether `word`, in any of its inflections, is an English word WordNet lists."""
        return self.first_sense(word) is not None

    def synset(self, pos: str, offset: int) -> tuple[list[str], list[tuple[str, int, int, int]]]:
        """The words of a synset, and its derivation pointers as (pos, offset, source word
        number, target word number)."""
        words, pointers = self._record(pos, offset)
        return words, [(_POS_OF[target_pos], target, int(numbers[:2], 16), int(numbers[2:], 16))
                       for symbol, target, target_pos, numbers in pointers
                       if symbol == DERIVATION]

    def hypernyms(self, offset: int) -> list[int]:
        """The offsets of the noun synsets the noun synset at `offset` is a kind of."""
        return [target for symbol, target, _, _ in self._record("noun", offset)[1]
                if symbol == HYPERNYM]

    def depth(self, offset: int) -> int:
        """How many steps a noun sense lies below the top of WordNet's tree ("entity")."""
        depth = 0
        while (above := self.hypernyms(offset)) and depth < 30:
            offset, depth = above[0], depth + 1
        return depth

    def _record(self, pos: str, offset: int) -> tuple[list[str], list[tuple[str, int, str, str]]]:
        """A synset's line in the data file: its words, and every pointer as (symbol,
        target offset, target part of speech, source/target word numbers)."""
        with (self.root / f"data.{pos}").open("rb") as handle:
            handle.seek(offset)
            fields = handle.readline().decode("utf-8", errors="replace").split()
        count = int(fields[3], 16)
        # An adjective may carry its syntactic marker: "galore(ip)"
        words = [w.split("(")[0].lower() for w in fields[4: 4 + 2 * count: 2]]
        at = 4 + 2 * count
        pointers = []
        for k in range(int(fields[at])):
            symbol, target, target_pos, numbers = fields[at + 1 + 4 * k: at + 5 + 4 * k]
            pointers.append((symbol, int(target), target_pos, numbers))
        return words, pointers

    def broader(self, word: str) -> frozenset[str]:
        """For a word that is only a noun, the one-word nouns its most common sense is a
        kind of, where those are still specific: "timetable" -> {"schedule"}, but not
        "episode" -> {"happening", "occurrence"} (a kind of event, near the top of
        WordNet's tree, which would let "Who directed the first episode?" match "what's
        happening"). Empty for other words."""
        return _broader(self, word.lower())

    def noun_senses_synonyms(self, word: str) -> frozenset[str]:
        """For a word that is only a noun, the one-word synonyms from every sense of it:
        "violation" -> {"infraction", ..., "rape", "assault", ...}."""
        word = word.lower()
        if any(self.base_forms(word, pos) for pos in PARTS_OF_SPEECH[1:]):
            return frozenset()
        out: set[str] = set()
        for form in self.base_forms(word, "noun"):
            for offset in self._index["noun"][form]:
                out.update(w for w in self.synset("noun", offset)[0] if w.isalpha())
        return frozenset(out)

    def common_synonyms(self, word: str) -> frozenset[str]:
        """The one-word synonyms from `word`'s most common sense, and the words derived
        from them: "jealous" -> {"covetous", "envious", "jealous", "envy", ...}."""
        return _common_synonyms(self, word.lower())


_POS_OF = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}


@lru_cache(maxsize=50_000)
def _broader(wordnet: WordNet, word: str) -> frozenset[str]:
    sense = wordnet.first_sense(word)
    # "central", "teach", "separate" are nouns too, but seldom meant as one
    if sense is None or sense[0] != "noun" or any(
            wordnet.base_forms(word, pos) for pos in PARTS_OF_SPEECH[1:]):
        return frozenset()
    return frozenset(w for offset in wordnet.hypernyms(sense[1])
                     if wordnet.depth(offset) >= MIN_BROADER_DEPTH
                     for w in wordnet.synset("noun", offset)[0] if w.isalpha())


@lru_cache(maxsize=50_000)
def _common_synonyms(wordnet: WordNet, word: str) -> frozenset[str]:
    sense = wordnet.first_sense(word)
    if sense is None:
        return frozenset()
    words, derivations = wordnet.synset(*sense)
    out = set(words)
    for pos, offset, _, target in derivations:
        out.add(wordnet.synset(pos, offset)[0][target - 1])
    # "make_up_one's_mind" says nothing one word of the articles could match.
    return frozenset(w for w in out if w.isalpha())


_loaded: dict[Path, WordNet | None] = {}
_loaded_lock = threading.Lock()


def load_wordnet(root: Path) -> WordNet | None:
    """The WordNet in `root`, or None when it has not been fetched (then no word counts
    as a synonym: questions are judged by the articles' own words alone)."""
    with _loaded_lock:
        if root not in _loaded:
            _loaded[root] = WordNet(root) if WordNet.available(root) else None
        return _loaded[root]
