"""When something comes out, as the articles disagree on it: one expects season 2 "in 2017",
the others "touching down in 2018". An answer must show both sides, so retrieval, evidence
selection and the answer each look past the best match for another year of the same
release."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rag.evidence import Evidence
from rag.numbers import years
from rag.questions import (
    asks_release,
    expected_answer_type,
    question_parts,
    release_dates,
    release_years,
)
from rag.retrieval import HybridRetriever
from rag.types import Passage

RELEASE_CANDIDATES = 200  # passages searched for other release years of what is asked about


def with_other_release_years(retriever: HybridRetriever, question: str,
                             passages: list[Passage]) -> list[Passage]:
    """`passages`, their last ones given up for passages that give another year for the
    release asked about: articles that disagree ("expected ... in 2017" against "touching
    down in 2018") must both reach the answer, however differently they are worded."""
    if not passages:
        return passages
    seen = set().union(*(release_years(question, p.text) for p in passages))
    ids = {p.id for p in passages}
    extra: list[Passage] = []
    for p in retriever.lexical_retrieve(question, RELEASE_CANDIDATES):
        new = release_years(question, p.text) - seen
        if new and p.id not in ids:
            extra.append(p)
            seen |= new
    extra = extra[: len(passages) - 1]  # the best retrieved passage always stays
    # Given up first: the last passages that date nothing; a passage giving a year of
    # its own is the one side of the disagreement the extra passages are the other of.
    later = range(len(passages) - 1, 0, -1)
    undated = [i for i in later if not release_years(question, passages[i].text)]
    drop = set([*undated, *(i for i in later if i not in undated)][: len(extra)])
    return [*(p for i, p in enumerate(passages) if i not in drop), *extra]


def other_release_years(question: str, chosen: Sequence[Evidence],
                        rest: Sequence[Evidence]) -> list[Evidence]:
    """The best of `rest` for each year it gives for the release asked about that
    `chosen` does not: a source that disagrees must reach the answer however it scores
    ("the second season expected to hit sometime in 2017" for "When is the second season
    supposed to come out?", against the 2018 of the best)."""
    seen = set().union(*(release_years_of(question, e) for e in chosen))
    out: list[Evidence] = []
    for item in rest:
        new = release_years_of(question, item) - seen
        if new and not any(item.overlaps(other) for other in [*chosen, *out]):
            out.append(item)
            seen |= new
    return out


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
    asked = years(question)
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
