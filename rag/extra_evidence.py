"""Evidence reached for past the best-scoring sentences, for kinds of question whose
answer ranks low or is spread over articles: where one thing is against another ("just
across the hall"), whom something was told to ("Rosenberg recently talked to Nerdist"),
each outlet named, and, for a question asked in other words than the articles', the
sentence that says them or holds the name or date asked for."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rag.evidence import Evidence, Synonyms, says_each
from rag.outlets import names_outlet
from rag.questions import expected_answer_type, has_answer_type, question_parts

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


def other_outlets(question: str, chosen: Sequence[Evidence],
                  rest: Sequence[Evidence]) -> list[Evidence]:
    """For "Which publications did she talk to?", the best of `rest` from each article not
    in `chosen` that names whom it was told to: each article may name another outlet."""
    seen = {e.passage.path for e in chosen}
    out: list[Evidence] = []
    for item in rest:
        if item.passage.path not in seen and names_outlet(question, item.text):
            out.append(item)
            seen.add(item.passage.path)
    return out


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
