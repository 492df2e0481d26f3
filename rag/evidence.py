"""Evidence selection: the few sentences of the top passages that answer the question.

A 135M-parameter model answers badly from whole articles but usually well from
two or three relevant sentences, so the pipeline gives it only those. Each
piece of evidence is a verbatim span of one retrieved passage, which makes it
the citation's quote as well.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from rag.documents import split_sentences
from rag.embeddings import Embedder
from rag.formats import ENDS_SENTENCE
from rag.people import asked_speakers, says_state_of, yes_no_subject
from rag.phrasing import points_back
from rag.questions import (
    answer_kind_words,
    asked_people,
    expected_answer_type,
    gives_comparison,
    gives_reason,
    has_answer_type,
    is_yes_no,
    mentions,
    states_outright,
    title_words,
    titles_called_the_kind,
)
from rag.retrieval import STOPWORDS, stem_word, tokenize
from rag.roles import asked_role, names_actor
from rag.types import Passage

# A sentence opening with one of these, or with a clause whose subject is a pronoun
# ("While it doesn't have a release date, ... it'll be touching down in 2018"), leans on
# the one before for its subject.
_LEANS_BACK = re.compile(
    r"^[\"'\u201c\u2018]?(?:(?:while|although|though|because|since|when|if|as|after|before|"
    r"once|until|unless|now that|even though)\s+)?"
    r"(she|he|they|it|this|that|these|those|her|his|their|its|but|and|so|"
    r"however|still|yet|also|then)\b",
    re.I,
)
NEGATION = re.compile(
    r"\b(?:not|no|never|none|nothing|nobody|neither|nor|without)\b|n['\u2019]t\b", re.I)
MIN_WORDS = 4  # "Jessica has the powers." is an answer; "Yes, for sure." is not
MAX_BLOCK_CHARS = 400  # a lead-in with the block under it, as one piece of evidence
LEXICAL_WEIGHT = 0.5
RANK_WEIGHT = 0.02
ANSWER_TYPE_BONUS = 0.15
# A sentence that states the answer outright: "Malcolm (Eka Darville)" for "Who plays
# Malcolm?", or "... expected in 2017" when weighing the 2017 option of "2017 or 2018?".
DIRECT_ANSWER_BONUS = 0.3
# A title or a person named at least this rarely (IDF weight) can be a which- or
# who-question's answer; the corpus's own subjects ("Jessica", "Jones", "Rosenberg",
# "Netflix" at 0.2 to 1.1 in the articles) cannot.
RARE_WEIGHT = 1.5
# The sentence after a quote joins it when it shares more than this (IDF-weighted) share of
# the question's words: below it, the shared words are "season" or "Jessica", which every
# sentence has.
FOLLOWING_SENTENCE_OVERLAP = 0.05


@dataclass(frozen=True)
class Evidence:
    passage: Passage
    text: str  # verbatim: passage.text[start:end]
    start: int
    end: int
    score: float
    part: int = 0  # which part of a two-part question it answers

    def overlaps(self, other: Evidence) -> bool:
        """Whether the two spans share text of one passage, or a sentence of one document:
        chunks overlap, so two passages may hold the same sentence."""
        if self.passage.id == other.passage.id:
            return self.start < other.end and other.start < self.end
        return (self.passage.path == other.passage.path
                and not _sentences(self.text).isdisjoint(_sentences(other.text)))


def _sentences(text: str) -> set[str]:
    return {" ".join(text[s:e].split()) for s, e in split_sentences(text)}


TermWeight = Callable[[str], float]
Synonyms = Mapping[str, frozenset[str]]  # a question's word -> the corpus's words for it


def uniform_weight(_: str) -> float:
    return 1.0


def weighted_share(words: set[str], found: Callable[[str], bool], weight: TermWeight) -> float:
    """The share of `words`, each counted by its weight, for which `found` holds (0..1)."""
    total = sum(weight(w) for w in words)
    return sum(weight(w) for w in words if found(w)) / total if total else 0.0


def lexical_overlap(question: str, sentence: str, weight: TermWeight = uniform_weight,
                    synonyms: Synonyms | None = None) -> float:
    """Share of the question's content words found in the sentence, weighted by `weight`
    (IDF from the corpus: a rare word such as "budget" counts far more than "season"); a
    word counts as found when one of its `synonyms` is ("jealous" in "she envies")."""
    words = set(tokenize(sentence))
    synonyms = synonyms or {}
    return weighted_share(set(tokenize(question)),
                          lambda w: w in words or not words.isdisjoint(synonyms.get(w, ())),
                          weight)


def says_each(sentence: str, synonyms: Synonyms) -> bool:
    """Whether the sentence has one of the corpus's words for each word of `synonyms`."""
    words = set(tokenize(sentence))
    return all(not words.isdisjoint(found) for found in synonyms.values())


def answer_bonus(question: str, sentence: str, option: str = "",
                 weight: TermWeight | None = None) -> float:
    """A bonus for a sentence holding the kind of thing the question asks for: a name, a
    date, a reason, and most of all an actor credited with the role, a person introduced
    by the office asked about, a title called by the kind of thing asked about ("the Alias
    comic run"), or the `option` of an "A or B?" question being weighed.
    A capitalised title counts when the corpus names it rarely (by `weight`, when given):
    "Which comic run was the first season based on?" is not answered by a sentence naming
    Jessica Jones and Netflix, which the articles name throughout, but by one naming Alias."""
    def rare(word: str) -> bool:
        return weight is None or weight(stem_word(word.lower())) >= RARE_WEIGHT

    bonus = 0.0
    kind = expected_answer_type(question)
    titles = title_words(question, sentence) if kind == "title" else []
    # no capitalised title at all: a code name ("--no-deps") is checked by its type alone
    if kind and (not titles or any(map(rare, titles))) and has_answer_type(question, sentence):
        bonus += DIRECT_ANSWER_BONUS if states_outright(question) else ANSWER_TYPE_BONUS
    # One the corpus names throughout ("showrunner Melissa Rosenberg") is no answer to "Who
    # are the showrunners of The Defenders?"
    people = [name for name in asked_people(question, sentence) if rare(name.split()[-1])]
    # "the Alias comic run" for "Which comic book run ...?" names it as what is asked
    called = titles and [t for t in titles if t in titles_called_the_kind(question, sentence)]
    if names_actor(asked_role(question), sentence) or people or any(map(rare, called)):
        bonus += DIRECT_ANSWER_BONUS
    if option and mentions(sentence, option):
        bonus += DIRECT_ANSWER_BONUS
    # "Is Kilgrave coming back?" is answered by what a sentence says he is or will be
    # ("Killgrave is done and won't be created again"), not by one naming him in passing
    # ("before Kilgrave came along"); only of someone named rarely: every sentence is
    # about "Jessica".
    subject = yes_no_subject(question)
    if (subject.lower() not in STOPWORDS and rare(subject)
            and says_state_of(subject, sentence)):
        bonus += DIRECT_ANSWER_BONUS
    # "How did Petrie describe ...?" is answered by what "..., said Petrie." says, not by
    # what others say of him ("My colleagues ... Doug Petrie ... have shared material"),
    # like a person introduced by the office asked about; a speaker quoted throughout
    # ("Rosenberg") tells nothing apart.
    if any(map(rare, asked_speakers(question, sentence))):
        bonus += DIRECT_ANSWER_BONUS
    # "due to her busy schedule" is a reason, but not for why Jessica can't get over her
    # trauma: a reason counts where the sentence shares a rarer word of the question than
    # the corpus's own subjects ("Jessica", "season 2")
    if gives_reason(question, sentence) and (weight is None
                                              or shares_a_rare_word(question, sentence, weight)):
        bonus += ANSWER_TYPE_BONUS
    return bonus


def shares_a_rare_word(question: str, sentence: str, weight: TermWeight) -> bool:
    """Whether the sentence has a word of the question rarer than the corpus's own subjects
    ("Jessica", "season 2"), by `weight`."""
    return any(weight(word) >= RARE_WEIGHT
               for word in set(tokenize(question)) & set(tokenize(sentence))
               if not word.isdigit())


def with_following_sentence(item: Evidence, question: str, weight: TermWeight) -> Evidence:
    """`item` together with the sentence after it in its passage, when that sentence also
    bears on the question. News copy often names a topic in one sentence and gives the
    specifics in the next ("... busy hitting various award ceremonies." then "The show,
    which earned a highly coveted Peabody Award ..."), and only the next answers."""
    following = _next_sentence(item)
    if following is None:
        return item
    sentence = item.passage.text[following[0]:following[1]]
    # The reason a why-question asks for may follow in words of its own ("As Rosenberg
    # explains, the relaxed schedule ..." then "... because I had the time to do it.").
    gives_the_reason = gives_reason(question, sentence) and not gives_reason(question, item.text)
    # So may the comparison a how-does-it-compare question asks for ("... the time for on a
    # cable schedule." then "This is an even more generous schedule than that.").
    compares = gives_comparison(question, sentence) and not gives_comparison(question, item.text)
    # A sentence the next points back to, in the same paragraph, does not say all of it
    # ("... 'I don't want to have powers anymore.'" then "That's Bewitched and I'm never
    # going there.").
    named_next = _points_back_to(item, following)
    # An article's own question ("... where does Rosenberg see their relationship going?")
    # answers nothing: what it says is in the sentence after it.
    if not ENDS_SENTENCE.search(sentence) or (
            lexical_overlap(question, sentence, weight) <= FOLLOWING_SENTENCE_OVERLAP
            and not gives_the_reason and not compares and not is_question(item.text)
            and not named_next):
        return item
    return _with_what_names_it(_joined(item, following))


def _with_what_names_it(item: Evidence) -> Evidence:
    """`item` together with the sentence after it, in its paragraph, when that sentence
    points back to it and names something it does not: a quote widened to "... 'I don't
    want to have powers anymore.'" says what that is only with "That's Bewitched and I'm
    never going there."."""
    following = _next_sentence(item)
    if following is None or not _points_back_to(item, following):
        return item
    sentence = item.passage.text[following[0]:following[1]]
    named = re.findall(r"(?<=\s)[A-Z][a-z]+", sentence)
    if not ENDS_SENTENCE.search(sentence) or all(name in item.text for name in named):
        return item
    return _joined(item, following)


def _next_sentence(item: Evidence) -> tuple[int, int] | None:
    """The span of the sentence after `item` in its passage; None at the passage's end."""
    return next(((s, e) for s, e in split_sentences(item.passage.text) if s >= item.end),
                None)


def _points_back_to(item: Evidence, following: tuple[int, int]) -> bool:
    """Whether the `following` sentence opens by pointing back ("That's ...") in `item`'s
    paragraph: a sentence in the next paragraph points back to something else."""
    text = item.passage.text
    return (bool(_POINTS_BACK.match(text[following[0]:following[1]]))
            and "\n" not in text[item.end:following[0]])


def _joined(item: Evidence, following: tuple[int, int]) -> Evidence:
    return replace(item, text=item.passage.text[item.start:following[1]], end=following[1])


def answered_by_an_earlier_part(parts: Sequence[str], ranked: Sequence[Sequence[Evidence]],
                                margin: float) -> list[list[Evidence]]:
    """Each part's ranked evidence, where a later part that points back at an earlier one
    has that part's best sentence for its best, cut to what scores within `margin` of it:
    that sentence answers both ("What character does Eka Darville play, and will that
    character also appear in The Defenders?": "... Malcolm (Eka Darville), who will appear
    in Defenders ..."), and the later part's weaker sentences would only be quoted as its
    answer once the sentence goes to the earlier part. A part that asks on its own ("...,
    and what's the date for Luke Cage?") may have its best wrong, and keeps the rest."""
    out = [list(items) for items in ranked]
    for k in range(1, len(out)):
        if out[k] and points_back(parts[k]) and any(
                _same_span(out[k][0], earlier[0]) for earlier in out[:k] if earlier):
            out[k] = [e for e in out[k] if e.score >= out[k][0].score - margin]
    return out


def _same_span(a: Evidence, b: Evidence) -> bool:
    return (a.passage.id, a.start, a.end) == (b.passage.id, b.start, b.end)


def is_question(sentence: str) -> bool:
    """Whether the sentence asks rather than says: it ends in a question mark, inside any
    closing quotation marks."""
    return sentence.rstrip().rstrip("\"'\u201d\u2019").endswith("?")


# A sentence that opens by pointing back: "That is the core relationship in the piece."
_POINTS_BACK = re.compile(
    r"^\W*(?:that|this|these|those)(?:[\u2019']s|\s+(?:is|was|are|were|will|would|has|had)"
    r")\b", re.I)


def with_sentence_before(item: Evidence) -> Evidence:
    """`item` together with the sentence before it in its passage, when it opens by pointing
    back to it: "That is the core relationship in the piece." says what only with "I'm
    interested in continuing to explore the relationship between Trish and Jessica."."""
    if not _POINTS_BACK.match(item.text):
        return item
    text = item.passage.text
    before = [s for s, e in split_sentences(text) if e <= item.start]
    if not before:
        return item
    return replace(item, text=text[before[-1]:item.end], start=before[-1])


class SentenceVectors:
    """Embeddings of candidate sentences, kept between questions (least recently used
    out first): the same passages come back again and again, and embedding their
    sentences anew was the slowest step of answering."""

    def __init__(self, size: int = 20_000) -> None:
        self.size = size
        self._vectors: OrderedDict[tuple[str, str], Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, embedder: Embedder, texts: Sequence[str]) -> list[Any]:
        import numpy as np

        keys = [(embedder.name, t) for t in texts]
        with self._lock:
            missing = list(dict.fromkeys(k for k in keys if k not in self._vectors))
        if missing:
            fresh = embedder.embed_documents([t for _, t in missing])
            with self._lock:
                for key, vector in zip(missing, fresh, strict=True):
                    self._vectors[key] = np.asarray(vector, dtype=np.float32)
        with self._lock:
            out = []
            for key in keys:
                self._vectors.move_to_end(key)
                out.append(self._vectors[key])
            while len(self._vectors) > self.size:
                self._vectors.popitem(last=False)
        return out


SENTENCE_VECTORS = SentenceVectors()


def candidate_spans(passage: Passage) -> list[tuple[int, int]]:
    """Sentence spans worth scoring; a sentence that leans back carries its predecessor,
    and one that leads in to a block ("You can install it in editable mode:") the block."""
    text = passage.text
    spans = split_sentences(text)
    out = []
    for i, (start, end) in enumerate(spans):
        if text[end - 1] == ":":  # a lead-in is evidence only together with its block
            end = _block_end(text, spans[i + 1:], start)
            if end == start:
                continue
        elif not ENDS_SENTENCE.search(text[start:end]) or len(text[start:end].split()) < MIN_WORDS:
            continue  # a headline, a caption or "Yes, for sure." states no fact to quote
        if i > 0 and _LEANS_BACK.match(text[start:end]):
            start = spans[i - 1][0]
        out.append((start, end))
    return out


def _block_end(text: str, following: Sequence[tuple[int, int]], start: int) -> int:
    """Where the block after a lead-in ends (`start` if there is none): the lines that are
    not sentences (a command, a path, list items, code), up to a sentence or the next
    lead-in ("Windows:"), within `MAX_BLOCK_CHARS` of `start`. In documentation the answer
    is often the block: "MacOS: ~/Library/Caches/pip", "... in editable mode: $ pip
    install -e path/to/SomeProject"."""
    end = start
    for s, e in following:
        line = text[s:e]
        # A heading or a numbered step, not code ("with a:", ">>> def f():")
        next_lead_in = line.endswith(":") and (line[:1].isupper() or line[:1].isdigit())
        if ENDS_SENTENCE.search(line) or next_lead_in or e - start > MAX_BLOCK_CHARS:
            break
        end = e
    return end


def respelt(text: str, slips: Mapping[str, str]) -> str:
    """`text` with each misspelling in `slips` (lower case) put right: "Killgrave is done"
    -> "Kilgrave is done" for {"killgrave": "kilgrave"}."""
    if not slips:
        return text

    def right(match: re.Match[str]) -> str:
        word = slips[match[0].lower()]
        return word.capitalize() if match[0][:1].isupper() else word

    return re.sub(rf"\b(?:{'|'.join(map(re.escape, slips))})\b", right, text, flags=re.I)


def select_evidence(
    question: str,
    passages: Sequence[Passage],
    embedder: Embedder,
    max_items: int = 3,
    weight: TermWeight = uniform_weight,
    option: str = "",
    synonyms: Synonyms | None = None,
    slips: Mapping[str, str] | None = None,
) -> list[Evidence]:
    """The `max_items` best sentences across `passages`, best first, no overlapping spans;
    `option` is the option of an "A or B?" question that this selection is for, and `slips`
    the articles' misspellings of the question's words, each with the word it stands for."""
    candidates: list[tuple[int, int, int]] = []  # (passage index, start, end)
    for i, passage in enumerate(passages):
        candidates += [(i, s, e) for s, e in candidate_spans(passage)]
    import numpy as np

    # A sentence that only repeats the question's words ("That's the core relationship
    # of the show.") cannot answer it, however similar it is, unless it confirms a yes/no
    # one: with its "not", if it has one ("Jessica has the powers." does not confirm "Will
    # she decide she'd rather not have her powers?").
    asked = set(tokenize(question)).union(*(synonyms or {}).values())
    yes_no, negated = is_yes_no(question), bool(NEGATION.search(question))
    candidates = [(i, s, e) for i, s, e in candidates
                  if set(tokenize(passages[i].text[s:e])) - asked
                  or (yes_no and (not negated or NEGATION.search(passages[i].text[s:e])))]
    if not candidates:
        return []
    texts = [passages[i].text[s:e] for i, s, e in candidates]
    # "On which network did Dexter air?" is answered by a sentence naming the network
    # ("Showtime's Dexter"), not by one saying the word of something it does not name
    # ("network TV"): the kind's words are found only where they call a title.
    kind = (answer_kind_words(question).split()
            if expected_answer_type(question) == "title" else [])
    unnamed = re.compile(rf"\b(?:{'|'.join(map(re.escape, kind))})\b", re.I) if kind else None

    def overlap(text: str) -> float:
        if unnamed and not titles_called_the_kind(question, text):
            text = unnamed.sub(" ", text)
        return lexical_overlap(question, text, weight, synonyms)

    q_vec = np.asarray(embedder.embed_query(question), dtype=np.float32)
    # "Killgrave is done" embeds far from "Is Kilgrave coming back?": a sentence is
    # compared as it would read spelt right, and quoted as written.
    vectors = SENTENCE_VECTORS.get(embedder, [respelt(t, slips or {}) for t in texts])
    scored = sorted(
        (
            float(q_vec @ vec)
            + LEXICAL_WEIGHT * overlap(text)
            + answer_bonus(question, respelt(text, slips or {}), option, weight)
            - RANK_WEIGHT * i,
            i, s, e,
        )
        for (i, s, e), text, vec in zip(candidates, texts, vectors, strict=True)
    )
    chosen: list[Evidence] = []
    for score, i, s, e in reversed(scored):
        item = Evidence(passages[i], passages[i].text[s:e], s, e, round(score, 4))
        clash = [c for c in chosen if item.overlaps(c) or item.text == c.text]
        if (len(clash) == 1 and clash[0].passage.id != item.passage.id
                and clash[0].text in item.text and clash[0].text != item.text):
            # The same sentence from an overlapping chunk that also holds the one before
            # it ("... renewed for a second season. While it doesn't have a release date,
            # it'll be touching down in 2018"): the fuller span says what "it" is.
            chosen[chosen.index(clash[0])] = replace(item, score=clash[0].score)
        if clash:
            continue
        chosen.append(item)
        if len(chosen) == max_items:
            break
    return chosen
