"""Which outlet a question asks about, and which sentence names one: "Which magazine did
Rosenberg tell ...?" is answered by "Rosenberg recently talked to Nerdist" or by the
article's "Source:" line, not by the sentence that answers the rest."""

from __future__ import annotations

import re

from rag.phrasing import core_question, question_words

_OUTLET = r"[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*)*"
_OUTLET_NAMED = re.compile(
    r"\b(?i:told|talked to|talking to|spoke to|spoke with|speaking to|speaking with|"
    rf"according to|interview with|interviewed by)\s+(?:the\s+)?(?P<to>{_OUTLET})|"
    rf"(?P<by>(?!(?:He|She|It|They|We|I|You|This|That)\b){_OUTLET})\s+"
    r"(?:mentioned|reported|reports|wrote|writes)\b")
_PUBLICATION_QUESTION = re.compile(
    r"\b(?:which|what)\s+(?:[\w-]+\s+)?(?:magazine|outlet|publication|site|website|newspaper|"
    r"interview)s?\b", re.I)


def asks_publication(question: str) -> bool:
    """Whether the question asks which publication reported something ("Which magazine did
    Rosenberg tell ...?", "What outlet's interview covered ...?"): the articles say it in
    their "Source:" line, not in the sentence that answers the rest."""
    return bool(_PUBLICATION_QUESTION.search(core_question(question)))


def names_outlet(question: str, text: str) -> bool:
    """Whether `text` names who it was told to or who reported it ("Rosenberg recently
    talked to Nerdist", "Esquire mentioned that ..."), other than by a name the question
    has ("Rosenberg said"): the answer to which outlet she spoke to."""
    return bool(outlets_named(question, text))


def outlets_named(question: str, text: str, publication: str = "") -> set[str]:
    """The outlets `text` names as whom it was told to or who reported it, and its
    article's `publication` (its "Source:" line), other than those the question names:
    {"Nerdist"} for "Rosenberg recently talked to Nerdist" asked "Besides Esquire, which
    outlets ...?"."""
    asked = question_words(question)
    named = [m["to"] or m["by"] for m in _OUTLET_NAMED.finditer(text)] + [publication]
    return {name for name in named
            if name and not set(re.findall(r"[a-z]+", name.lower())) <= asked}


def names_only_asked_outlets(question: str, text: str) -> bool:
    """Whether `text` names whom it was told to, but only by outlets the question names
    ("Esquire mentioned ..." for "Besides Esquire, which outlets ...?"): the one the
    question sets aside, not the answer."""
    return bool(_OUTLET_NAMED.search(text)) and not names_outlet(question, text)
