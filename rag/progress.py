"""How far along the writing is, as each article puts it: one says the team is "halfway
through writing season 2", another that "the script is more than likely not even written
yet" or that "they are early on in the pre-production process". Asked plainly ("How far
along is the writing?"), the articles disagree, and a good answer quotes both sides; asked
of one time or source ("as of August", "according to Esquire"), only that one answers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.evidence import Evidence
from rag.questions import expected_answer_type, question_parts
from rag.releases import best_giving, giving_more, with_passages_giving
from rag.retrieval import HybridRetriever
from rag.types import Passage

# "How far along is the writing?", "Have the scripts been written yet?", "What stage is
# the writing at?"
_ASKS_PROGRESS = re.compile(
    r"\bhow\s+(?:far\s+(?:along|into|through)|much\s+(?:progress|of))\b|"
    r"\b(?:what|which)\s+stage\b|\bwritten\s+yet\b|\bprogress\b|\bstatus\b|"
    r"\b(?:been|being)\s+(?:\w+\s+)?(?:written|finished|completed|done)\b", re.I)
# "How far along was work on season 2?" asks it of the work as a whole, the writing too
_WRITING = re.compile(r"\b(?:writ\w*|scripts?|scripting|drafting|drafts?|work\s+on)\b", re.I)
# Asked of one time or one source: "as of August", "by late summer", "writing progress
# august", "according to Esquire", "when she spoke to Nerdist"
_ONE_ACCOUNT = re.compile(
    r"\b(?:as of|according to|(?:spoke|talked|told|speaking|talking) (?:to|with)|"
    r"in (?:the|her|his) \w+ (?:interview|piece|article)|spring|summer|autumn|winter|"
    r"january|february|march|april|june|july|august|september|october|november|december|"
    r"(?:in|by|of) may)\b", re.I)
# The two sides, as articles put them.
_UNDER_WAY = re.compile(
    r"\b(?:half|mid)way\s+(?:through|into)\b|\bwell\s+into\s+the\s+writing\b|"
    r"\b(?:finished|done|wrapped|completed)\s+(?:writing|the\s+scripts?)\b", re.I)
_NOT_BEGUN = re.compile(
    r"\bnot\s+(?:even\s+|yet\s+)?(?:been\s+)?written\b|\bpre-?production\b|"
    r"\bearly\s+(?:on\s+in|stages?\s+of)\b|\bat\s+work\s+plotting\b", re.I)
MAX_SIDES = 2


def asks_progress(question: str) -> bool:
    """Whether a one-part question asks how far along the writing is, plainly: not as of
    a time or according to one source."""
    return (len(question_parts(question)) == 1 and bool(_ASKS_PROGRESS.search(question))
            and bool(_WRITING.search(question)) and not _ONE_ACCOUNT.search(question)
            # "Which magazine did she tell about her progress writing?" asks for a name
            and expected_answer_type(question) not in ("name", "title"))


def progress_sides(text: str) -> set[str]:
    """Which side `text` takes: the writing well under way, or barely begun."""
    return ({"under way"} if _UNDER_WAY.search(text) else set()) | (
        {"not begun"} if _NOT_BEGUN.search(text) else set())


def with_each_side(retriever: HybridRetriever, question: str,
                   passages: list[Passage]) -> list[Passage]:
    """`passages`, their last ones given up for the best passage of a side they lack."""
    return with_passages_giving(retriever, question, passages,
                                lambda p: progress_sides(p.text))


def each_side(chosen: Sequence[Evidence], rest: Sequence[Evidence]) -> list[Evidence]:
    """The best of `rest` for each side `chosen` lacks."""
    return giving_more(chosen, rest, lambda e: progress_sides(e.text))


def sides(question: str, quotable: Sequence[Evidence]) -> list[Evidence]:
    """For a plain question about how far along the writing is, the best quotable sentence
    of each side; empty unless both are there."""
    if not asks_progress(question):
        return []
    best = best_giving(quotable, lambda e: progress_sides(e.text))
    chosen = list(dict.fromkeys(best.values()))[:MAX_SIDES]
    return chosen if len(best) > 1 else []
