"""When filming starts, as each article puts it: one says season 2 "will go into production
early next year", another that it "will begin shooting immediately after The Defenders
wraps". Neither is a year to weigh against the other, and both answer, so retrieval,
evidence selection and the answer each look past the best match for another article's."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from rag.evidence import Evidence
from rag.questions import expected_answer_type, question_parts
from rag.releases import (
    best_giving,
    giving_more,
    subject_words,
    typed_sentences,
    with_passages_giving,
)
from rag.retrieval import HybridRetriever, tokenize
from rag.types import Passage

# What a question about the start of work on something asks about: "When is production on
# season 2 going to start?", "When are cameras expected to start rolling?".
_WORK = re.compile(r"\b(?:production|filming|film|shooting|shoot|cameras?)\b", re.I)
# A sentence that says when that work starts.
_STARTS = re.compile(
    r"\b(?:go(?:es)?|going|went|head(?:s|ing)?)\s+into\s+production\b"
    r"|\b(?:begin|begins|began|beginning|start|starts|started|starting|kicks?\s+off)\s+"
    r"(?:shooting|filming|production)\b"
    r"|\b(?:shooting|filming|production)\s+(?:will\s+|is\s+(?:set|expected|due|slated)\s+to\s+)?"
    r"(?:begins?|starts?|kicks?\s+off)\b"
    r"|\bfilming\b.{0,80}\bback[\s-]to[\s-]back\b",
    re.I)
# Words of such a question that say nothing of what is being made.
_WORK_WORDS = frozenset(tokenize(
    "production filming film shooting shoot camera cameras rolling roll start starts begin "
    "begins kick off going expected supposed due set slated actually date time new next "
    "upcoming"))
MAX_STATEMENTS = 2  # articles quoted on when work starts


def asks_start_of_work(question: str) -> bool:
    """Whether a one-part when-question asks when production or filming starts."""
    return (len(question_parts(question)) == 1 and expected_answer_type(question) == "date"
            and bool(_WORK.search(question)))


def states_start(question: str, text: str) -> bool:
    """Whether `text` says when work on the question's subject starts: "a second season of
    Jessica Jones ... will supposedly begin shooting immediately after The Defenders
    wraps" for "When will filming on season 2 begin?", but not "Netflix and Marvel are
    filming Iron Fist"."""
    return bool(_STARTS.search(text)) and _work_subject(question) <= subject_words(
        text, _WORK_WORDS)


@functools.lru_cache(maxsize=256)
def _work_subject(question: str) -> frozenset[str]:
    """What is being made, read once per question: `states_start` weighs up to a few
    hundred passages against it."""
    # only the sentence that asks: "When does production on season 2 start? I've seen a
    # couple of different descriptions" is not about descriptions
    asking = next((s for s in typed_sentences(question) if _WORK.search(s)), question)
    return frozenset(subject_words(asking, _WORK_WORDS))


def _stating(question: str, path: str, text: str) -> set[str]:
    """The article `path`, where `text` of it says when the work starts."""
    return {path} if states_start(question, text) else set()


def with_each_article_statement(retriever: HybridRetriever, question: str,
                                passages: list[Passage]) -> list[Passage]:
    """`passages`, their last ones given up for the best passage of each other article
    that says when the work starts."""
    return with_passages_giving(retriever, question, passages,
                                lambda p: _stating(question, p.path, p.text))


def each_article_statement(question: str, chosen: Sequence[Evidence],
                           rest: Sequence[Evidence]) -> list[Evidence]:
    """The best of `rest` from each article whose statement of when work starts `chosen`
    lacks."""
    return giving_more(chosen, rest, lambda e: _stating(question, e.passage.path, e.text))


def statements(question: str, quotable: Sequence[Evidence]) -> list[Evidence]:
    """For a question about when work starts, the best quotable statement of each article,
    up to `MAX_STATEMENTS`; empty when fewer than two articles say."""
    if not asks_start_of_work(question):
        return []
    best = best_giving(quotable, lambda e: _stating(question, e.passage.path, e.text))
    chosen = list(best.values())[:MAX_STATEMENTS]
    return chosen if len(chosen) > 1 else []
