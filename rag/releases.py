"""When something comes out, as the articles disagree on it: one expects season 2 "in 2017",
the others "touching down in 2018". An answer must show both sides, so retrieval, evidence
selection and the answer each look past the best match for another year of the same
release."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from rag.documents import split_sentences
from rag.evidence import Evidence
from rag.numbers import DATE, SPELLED_NUMBER, YEAR, numbers, years
from rag.phrasing import AUXILIARY, RELEASE, VIEWERS_GET, WH_WORD, core_question
from rag.questions import asks_release, expected_answer_type, question_parts, weighs_years
from rag.retrieval import HybridRetriever, tokenize
from rag.types import Passage

# Words of a release question that say nothing of what comes out ("When is season 2 expected?",
# "Which year should season 2 be released?").
_RELEASE_ASIDES = frozenset(tokenize(
    "expected due planned slated scheduled supposed actually going gonna next upcoming "
    "should shall ought likely "
    "date year month day window timeframe time frame"))
_CLAUSE = re.compile(r"[,;:]|\s[-\u2013\u2014]\s")
# A sentence about what the one before named: "While it doesn't have a release date, ..."
_PRONOUN_SUBJECT = re.compile(
    r"^\W*(?:(?:while|although|though|since|as|and|but|so)\s+)?(?:it|they)\b", re.I)
_PRONOUN = re.compile(r"\b(?:it|they)\b", re.I)


def release_years(question: str, text: str, before: str = "") -> set[str]:
    """The years `text` gives for when the subject of a release question comes out: from
    each sentence that names a release and every word of the subject ("season 2" matches
    "the second season"), the years of its clauses that name the subject too. "It'll be
    touching down in 2018, after the release of ... The Defenders" gives no year for The
    Defenders.

    A sentence whose subject is a pronoun takes the subject of the sentence before it
    (the last of `before` for the first sentence of `text`): "... Jessica Jones had been
    renewed for a second season. While it doesn't have an official release date, we know
    that it'll be touching down in 2018" gives 2018 for season 2, from the clause that
    says "it"."""
    return {y for clause in _release_clauses(question, text, before) for y in years(clause)}


def release_dates(question: str, text: str, before: str = "") -> set[str]:
    """Like `release_years`, every date: "Luke Cage (which hits Netflix on Sept. 30)"
    dates Luke Cage, and "it'll be touching down in 2018, after the release of Luke Cage"
    does not."""
    return {d for clause in _release_clauses(question, text, before)
            for d in DATE.findall(clause)}


def _release_clauses(question: str, text: str, before: str) -> list[str]:
    """The clauses of `text` that say when the subject of a release question comes out."""
    subject = _release_subject(question)
    if not subject or not DATE.search(text) or not RELEASE.search(text):
        return []
    # The last sentence of `before` only lends its subject: its dates are not `text`'s.
    earlier = subject_words(" ".join(before[s:e] for s, e in split_sentences(before)[-1:]))
    found: list[str] = []
    for start, end in split_sentences(text):
        sentence = text[start:end]
        words = subject_words(sentence)
        if RELEASE.search(sentence):
            if subject <= words:
                found += [c for c in _CLAUSE.split(sentence) if subject & subject_words(c)]
            elif _PRONOUN_SUBJECT.match(sentence) and subject <= earlier:
                found += [c for c in _CLAUSE.split(sentence) if _PRONOUN.search(c)]
        earlier = words
    return found


@functools.lru_cache(maxsize=256)
def _release_subject(question: str) -> frozenset[str]:
    """What a release question asks about, read once per question: `release_years` weighs
    up to a few hundred passages against it."""
    # Only the sentence that asks, without its lead-in: "When does it come out? I've seen
    # different years floating around" is not about years floating around, nor "I'm
    # planning my binge schedule: what date does Luke Cage drop?" about a schedule.
    asking = [_asking_clause(sentence) for sentence in typed_sentences(question)
              if RELEASE.search(sentence) or VIEWERS_GET.search(sentence)]
    if not asking:  # "I keep seeing both 2017 and 2018 for season 2 - which is it?"
        asking = [m["subject"] for m in _YEARS_FOR.finditer(question)][-1:]
    text = RELEASE.sub(" ", " ".join(asking) or question)
    # a year is what is asked about, never what comes out ("... arrive in 2017 - is that right?")
    return frozenset(subject_words(YEAR.sub(" ", text)))


def typed_sentences(question: str) -> list[str]:
    """The sentences of a question as typed: a question mark ends one whatever follows
    ("... coming out? ive seen different years mentioned")."""
    return [piece[s:e] for piece in re.split(r"(?<=[?!])\s+", question)
            for s, e in split_sentences(piece)]


def _asking_clause(sentence: str) -> str:
    """The part of a question sentence that names what comes out: "When do we get season
    2?" -> "When do season 2?"; "One piece I read said season two would arrive in 2017 - is
    that right?" -> "season two would arrive in 2017", not "is that right"."""
    asked = _embedded_question(core_question(sentence))
    if not RELEASE.search(asked) and not VIEWERS_GET.search(asked):
        asked = sentence
    asked = VIEWERS_GET.sub(lambda m: m[0][: m.start("viewers") - m.start()], asked)
    clause = next((c for c in _CLAUSE.split(asked) if RELEASE.search(c)), asked)
    clause = next((c for c in _OTHER_OPTION.split(clause) if RELEASE.search(c)), clause)
    return _HEARSAY.sub("", clause, count=1)


# The other option of a question, asked as a clause of its own: "is season 2 dropping in
# 2017 or do we have to wait til 2018?" is not about waiting.
_OTHER_OPTION = re.compile(rf"\s+or\s+(?={AUXILIARY}\s+(?:we|you|i|it|they)\b)", re.I)


# What someone said before what they said it of: "One piece I read said ...".
_HEARSAY = re.compile(
    r"^.*\b(?:said|says|say|claimed|claims|reported|reports|read|heard|mentioned)\s+"
    r"(?:that\s+)?", re.I)


# What years are given for: "both 2017 and 2018 mentioned for the second season of Jessica
# Jones", up to the end of the clause.
_YEARS_FOR = re.compile(
    rf"{YEAR.pattern}[^.?!;\u2013\u2014]*?\b(?:for|of|about|on)\s+"
    r"(?P<subject>[^.?!,;:\u2013\u2014]+?)\s*(?=$|[.?!,;:\u2013\u2014]|\s-\s)")


def _embedded_question(question: str) -> str:
    """The question a yes-no question wraps: "Do the reports agree on which year the second
    season will premiere?" asks about the second season, not about reports."""
    wrapped = re.match(rf"\s*{AUXILIARY}\b.*?\b(?={WH_WORD}\b)", question, re.I)
    return question[wrapped.end():] if wrapped else question


def subject_words(text: str, asides: frozenset[str] = _RELEASE_ASIDES) -> set[str]:
    """Content words but `asides`, with numbers as digits whether written "2", "two" or
    "second": "the second season" names what "season 2" does."""
    spelled = SPELLED_NUMBER.sub(" ", text)
    return (set(tokenize(spelled)) | numbers(text)) - asides


CANDIDATES = 200  # passages searched for what the retrieved ones do not give


def with_passages_giving(retriever: HybridRetriever, question: str, passages: list[Passage],
                         gives: Callable[[Passage], set[str]]) -> list[Passage]:
    """`passages`, their last ones given up for the best passages by BM25 alone that give
    something none before gave (a year of a release, an article's word on when filming
    starts): sources that differ must each reach the answer, however differently they are
    worded."""
    if not passages:
        return passages
    given = [gives(p) for p in passages]
    seen = set().union(*given)
    ids = {p.id for p in passages}
    extra: list[Passage] = []
    for p in retriever.lexical_retrieve(question, CANDIDATES):
        new = gives(p) - seen
        if new and p.id not in ids:
            extra.append(p)
            seen |= new
    extra = extra[: len(passages) - 1]  # the best retrieved passage always stays
    # Given up first: the last passages that give nothing a passage before them did not;
    # one that gives something of its own is the one side the extra passages are the
    # other of.
    later = range(len(passages) - 1, 0, -1)
    idle = [i for i in later if given[i] <= set().union(*given[:i])]
    drop = set([*idle, *(i for i in later if i not in idle)][: len(extra)])
    return [*(p for i, p in enumerate(passages) if i not in drop), *extra]


def giving_more(chosen: Sequence[Evidence], rest: Sequence[Evidence],
                gives: Callable[[Evidence], set[str]]) -> list[Evidence]:
    """The best of `rest` for each thing it gives that `chosen` does not, overlapping
    neither: evidence selection's counterpart of `with_passages_giving`."""
    seen = set().union(*map(gives, chosen))
    out: list[Evidence] = []
    for item in rest:
        new = gives(item) - seen
        if new and not any(item.overlaps(other) for other in [*chosen, *out]):
            out.append(item)
            seen |= new
    return out


def best_giving(items: Sequence[Evidence],
                gives: Callable[[Evidence], set[str]]) -> dict[str, Evidence]:
    """For each thing the `items` give (an article's statement, a side), the best-scored
    item giving it, best first."""
    best: dict[str, Evidence] = {}
    for item in sorted(items, key=lambda e: -e.score):
        for given in sorted(gives(item)):
            best.setdefault(given, item)
    return best


def with_other_release_years(retriever: HybridRetriever, question: str,
                             passages: list[Passage]) -> list[Passage]:
    """`passages`, their last ones given up for passages that give another year for the
    release asked about: articles that disagree ("expected ... in 2017" against "touching
    down in 2018") must both reach the answer."""
    return with_passages_giving(retriever, question, passages,
                                lambda p: release_years(question, p.text))


def other_release_years(question: str, chosen: Sequence[Evidence],
                        rest: Sequence[Evidence]) -> list[Evidence]:
    """The best of `rest` for each year it gives for the release asked about that
    `chosen` does not: a source that disagrees must reach the answer however it scores
    ("the second season expected to hit sometime in 2017" for "When is the second season
    supposed to come out?", against the 2018 of the best)."""
    return giving_more(chosen, rest, lambda e: release_years_of(question, e))


def conflicting_years(question: str, quotable: Sequence[Evidence],
                      widen: Callable[[Evidence], Evidence] = lambda e: e,
                      ) -> list[Evidence]:
    """For a when-question, the quotable evidence that gives different years ("expected
    ... in 2017" against "touching down in 2018"), best first and one per year; empty
    when it agrees. An answer must show such a conflict, not pick a side. A year counts
    where the quote gives it once `widen`ed: "... renewed for a second season." gives
    2018 with the sentence after it, "While it doesn't have an official release date,
    we know that it'll be touching down in 2018"."""
    if len(question_parts(question)) > 1 or expected_answer_type(question) != "date":
        return []
    # "Is it out before 2019?" asks against a year no article need give; "I keep seeing both
    # 2017 and 2018 - which is it?" asks for the very years.
    asked = set() if weighs_years(question) else years(question)
    chosen: list[Evidence] = []
    seen: set[str] = set()
    for item in sorted(quotable, key=lambda e: -e.score):
        new = _years_shown(question, item, widen(item)) - asked - seen
        if new:
            chosen.append(item)
            seen |= new
    return chosen if len(chosen) > 1 else []


def _years_shown(question: str, item: Evidence, shown: Evidence) -> set[str]:
    """The years `item` gives as `shown` (widened by the sentence after it). For a release
    question, the added sentence's years count only as years of that release: "While it
    doesn't have an official release date, it'll be touching down in 2018, after the
    release of ... The Defenders" dates season 2, not The Defenders."""
    found = years(item.text)
    if shown.text != item.text:
        found |= release_years_of(question, shown) if asks_release(question) else years(shown.text)
    return found


def release_years_of(question: str, item: Evidence) -> set[str]:
    """The years `item` gives for the release asked about, reading the sentence before it
    for the subject of an "it" ("While it doesn't have an official release date ...")."""
    return release_years(question, item.text, item.passage.text[: item.start])


def release_dates_of(question: str, item: Evidence) -> set[str]:
    """The dates `item` gives for the release asked about (see `release_years_of`)."""
    return release_dates(question, item.text, item.passage.text[: item.start])
