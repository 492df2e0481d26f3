"""Evidence reached for past the best-scoring sentences, for kinds of question whose
answer ranks low or is spread over articles: where one thing is against another ("just
across the hall"), whom something was told to ("Rosenberg recently talked to Nerdist"),
each outlet named, and, for a question asked in other words than the articles', the
sentence that says them or holds the name or date asked for."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from rag.evidence import Evidence, Synonyms, says_each
from rag.outlets import names_outlet, outlets_named
from rag.questions import (
    asks_several,
    expected_answer_type,
    gives_reason,
    has_answer_type,
    question_parts,
)
from rag.releases import best_giving, giving_more, with_passages_giving
from rag.retrieval import HybridRetriever
from rag.types import Passage

# Kinds of answer a sentence holds only if it answers: not a title, which any capitalised
# word inside a sentence passes for ("New York City" for "What is her agency called?").
_TELLING_TYPES = ("name", "date", "number")


def saying_what_was_asked(question: str, evidence: Sequence[Evidence],
                          to_match: Synonyms) -> list[Evidence]:
    """The evidence that says each word of `to_match` in the corpus's words ("What is
    Jessica jealous of?": "what she envies most ..."), or holds the particular kind of
    answer its part of the question asks for: "Which Netflix exec commented on when season
    two might arrive?" is answered by "... as Netflix head Ted Sarandos has recently
    stated", which says no "get" or "come" for "arrive"."""
    parts = question_parts(question)
    return [e for e in evidence if says_each(e.text, to_match)
            or (expected_answer_type(parts[e.part]) in _TELLING_TYPES
                and has_answer_type(parts[e.part], e.text))]


def sentence_in_its_words(part: int, chosen: Sequence[Evidence], rest: Sequence[Evidence],
                          to_match: Synonyms, min_score: float) -> list[Evidence]:
    """For a question asked in other words than the articles' (`to_match`: "wish" ->
    "want"), the best of `rest` scoring at least `min_score` that says them ("I don't
    want to have powers anymore"), when none of `chosen` for that part does."""
    if any(e.part == part and says_each(e.text, to_match) for e in chosen):
        return []
    return _best_new(rest, chosen,
                     lambda e: e.score >= min_score and says_each(e.text, to_match))


def answering_sentence(question: str, part: int, chosen: Sequence[Evidence],
                       rest: Sequence[Evidence]) -> list[Evidence]:
    """For a question whose answer is `said_in_few_words`, the best of `rest` that holds
    that kind of answer ("... as they're just across the hall"), when `chosen` has none."""
    if any(e.part == part and has_answer_type(question, e.text) for e in chosen):
        return []
    return _best_new(rest, chosen, lambda e: has_answer_type(question, e.text))


def reason_sentence(question: str, part: int, chosen: Sequence[Evidence],
                    rest: Sequence[Evidence], min_score: float) -> list[Evidence]:
    """For a why-question, the best of `rest` scoring at least `min_score` that gives a
    reason ("... but it's extremely easy as they're just across the hall"), when none of
    `chosen` for that part does: sentences on the subject that give none ("As for The
    Defenders, Rosenberg is only as involved as they need me to be") often rank higher."""
    if any(e.part == part and gives_reason(question, e.text) for e in chosen):
        return []
    return _best_new(rest, chosen,
                     lambda e: e.score >= min_score and gives_reason(question, e.text))


def with_each_outlet(retriever: HybridRetriever, question: str,
                     passages: list[Passage]) -> list[Passage]:
    """For "Which publications did she talk to?", `passages` with their last ones given up
    for the best passage naming each outlet none of them names ("Rosenberg recently talked
    to Nerdist"): the best passages all come from one outlet's article as often as not."""
    return with_passages_giving(retriever, question, passages,
                                lambda p: outlets_named(question, p.text, p.publication))


def other_outlets(question: str, chosen: Sequence[Evidence],
                  rest: Sequence[Evidence]) -> list[Evidence]:
    """For "Which publications did she talk to?", the best of `rest` for each outlet that
    `chosen` does not name, by its words or its article's source line."""
    return giving_more(chosen, rest, partial(_outlets_of, question))


def each_outlet(question: str, quotable: Sequence[Evidence]) -> list[Evidence]:
    """The quotable evidence for a question with a part asking for several outlets: for
    that part, the best for each outlet named, one sentence for each (three sentences of
    one Esquire article name one outlet, however well they score); any other part's as
    it was."""
    parts = question_parts(question)
    keep = [e for e in quotable if not asks_several(parts[e.part])]
    for k, part in enumerate(parts):
        if asks_several(part):
            best = best_giving([e for e in quotable if e.part == k], partial(_outlets_of, part))
            keep += dict.fromkeys(best.values())
    return sorted(keep, key=quotable.index)


def _outlets_of(question: str, item: Evidence) -> set[str]:
    return outlets_named(question, item.text, item.passage.publication)


def outlet_sentence(question: str, part: int, chosen: Sequence[Evidence],
                    rest: Sequence[Evidence]) -> list[Evidence]:
    """For a which-outlet question whose best evidence comes from an article with no
    source line and says nowhere whom it was told to, the best of `rest` from that
    article that does ("Rosenberg recently talked to Nerdist about season 2")."""
    mine = [e for e in chosen if e.part == part]
    if not mine or mine[0].passage.publication:
        return []
    path = mine[0].passage.path
    if any(e.passage.path == path and names_outlet(question, e.text) for e in chosen):
        return []
    return _best_new(rest, chosen,
                     lambda e: e.passage.path == path and names_outlet(question, e.text))


def _best_new(rest: Sequence[Evidence], chosen: Sequence[Evidence],
              fits: Callable[[Evidence], bool]) -> list[Evidence]:
    """The best of `rest` that `fits` and overlaps none of `chosen`, alone; else nothing."""
    return next(([e] for e in rest if fits(e)
                 and not any(e.overlaps(other) for other in chosen)), [])
