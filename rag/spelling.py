"""How a question is typed, made readable before it is answered: search-box shorthand
spelled out ("jessica jones s2" -> "jessica jones season 2", "jj" -> "Jessica Jones") and
a misspelt word replaced by the corpus's word one typing slip away ("relatonship" ->
"relationship"); and the corpus's own slips found for a word the question spells right
("Killgrave" for "Kilgrave").

A misspelling is a word that neither the corpus nor the dictionary (WordNet) knows. Both
are needed: "plants" is one slip from the corpus's "plans", and "budget" a word the
articles lack, and either must stay what it is.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence

# "s2", "S02", "s2e5": a season (and episode) as TV listings and search boxes write them.
_SEASON = re.compile(r"\bs0*(\d{1,2})(?:\s?e0*(\d{1,3}))?\b", re.I)
_EPISODE = re.compile(r"\bep\.?\s?0*(\d{1,3})\b", re.I)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# A name of two or three capitalised words, as "jj" and "mcu" shorten them
_NAME_RUN = re.compile(r"\b(?!The\b)[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}\b")
MIN_NAME_USES = 5  # a name the texts give this often is one a reader would shorten
NAME_SAMPLE = 2000  # texts read for names: enough to find those a corpus keeps using
_WORD = re.compile(r"[A-Za-z]+")
MIN_MISSPELT_LENGTH = 5  # one slip from a short word is usually another word ("cast", "case")


def expand_shorthand(question: str, vocabulary: Mapping[str, int]) -> str:
    """The question with "s2" as "season 2", "s2e5" as "season 2 episode 5" and "ep 3" as
    "episode 3", where the corpus (its `vocabulary`) talks of seasons or episodes and has
    no such word itself: in documentation about storage, "S3" stays S3."""

    def season(match: re.Match[str]) -> str:
        if match[0].lower().replace(" ", "") in vocabulary or "season" not in vocabulary:
            return match[0]
        return f"season {match[1]}" + (f" episode {match[2]}" if match[2] else "")

    def episode(match: re.Match[str]) -> str:
        return f"episode {match[1]}" if "episode" in vocabulary else match[0]

    return _EPISODE.sub(episode, _SEASON.sub(season, question))


def initialisms(texts: Sequence[str]) -> dict[str, str]:
    """The names the `texts` keep using, by their initials: {"jj": "Jessica Jones"}.
    Initials two names share stand for neither."""
    uses = Counter(m[0] for text in texts[:NAME_SAMPLE] for m in _NAME_RUN.finditer(text))
    by_initials: defaultdict[str, list[str]] = defaultdict(list)
    for name, count in uses.items():
        if count >= MIN_NAME_USES:
            by_initials["".join(w[0] for w in name.split()).lower()].append(name)
    return {short: names[0] for short, names in by_initials.items() if len(names) == 1}


def expand_initialisms(question: str, known: Mapping[str, str],
                       is_word: Callable[[str], bool]) -> str:
    """The question with initials the corpus does not use spelled out as the name they
    stand for ("will jj season 2 come out ...?" -> "will Jessica Jones season 2 ...?").
    Initials that are a word ("mr", "if") stay as they are."""
    def spelled(match: re.Match[str]) -> str:
        short = match[0].lower()
        return known[short] if short in known and not is_word(short) else match[0]

    return _WORD.sub(spelled, question) if known else question


def one_slip_away(word: str) -> set[str]:
    """Every string one typing slip from `word`: a letter dropped, added, changed, or two
    neighbours swapped (Damerau's four)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    out |= {a + c + b for a, b in splits for c in _LETTERS}
    out.discard(word)
    return out


def correct_spelling(question: str, vocabulary: Mapping[str, int],
                     is_word: Callable[[str], bool]) -> str:
    """The question with each misspelt word replaced by the most frequent `vocabulary`
    word one slip away from it, or by the word with its final g restored ("droppin"). A
    word is misspelt when it is not in `vocabulary` (the corpus's words and their counts)
    and `is_word` (a dictionary) does not know it either; one with no such neighbour is
    left as typed."""

    def fix(match: re.Match[str]) -> str:
        word = match[0].lower()
        if word in vocabulary or is_word(word):
            return match[0]
        # "droppin": the g typed away; the corpus may lack "dropping" and still say "drops".
        # Not in a capitalised word: "Dustin" is a name, not "dusting".
        if word.endswith("in") and match[0].islower() and is_word(word + "g"):
            return word + "g"
        if len(word) < MIN_MISSPELT_LENGTH:
            return match[0]
        near = [w for w in one_slip_away(word) if w in vocabulary]
        if not near:
            return match[0]
        fixed = max(near, key=lambda w: (vocabulary[w], w))
        return fixed.capitalize() if match[0][0].isupper() else fixed

    return _WORD.sub(fix, question)


# A corpus's own slip is much rarer than the word it misspells: "Killgrave" once against
# "Kilgrave" ten times; "Kristen" twice against "Krysten" three times is no slip to go by.
SLIP_RARITY = 3


def misspelt_in_corpus(word: str, vocabulary: Mapping[str, int],
                       is_word: Callable[[str], bool]) -> set[str]:
    """The corpus's misspellings of `word`: `vocabulary` words one slip away from it that
    the dictionary does not know and the corpus writes at most a third as often ("killgrave"
    for "kilgrave"), beginning with the same letter. Empty for a short word, or one the
    corpus does not have itself."""
    word = word.lower()
    count = vocabulary.get(word, 0)
    if len(word) < MIN_MISSPELT_LENGTH or not count:
        return set()
    # A slip keeps the first letter: "cpython" is no misspelling of "python".
    return {w for w in one_slip_away(word) if w[:1] == word[:1]
            and 0 < vocabulary.get(w, 0) * SLIP_RARITY <= count and not is_word(w)}
