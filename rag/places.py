"""Where people or things are: "How close are the two writing teams?" is answered by where
one is against the other ("they're just across the hall"), and "Which city is it filmed
in?" by a place the sentence names ("shot in New York").

Below `rag.questions`, which gives such a question its answer type.
"""

from __future__ import annotations

import re
from collections.abc import Container

# "How close are the two writing teams?", "Where do the Defenders writers sit relative to
# Rosenberg's team?", "Are the two teams working near each other?": where people or things
# are, one against another. Not where one thing is ("Where is Rosenberg based?"), which
# "across the hall" does not answer, nor "close to each other", as friends are.
_PLACE_QUESTION = re.compile(
    r"(?:^|[.?!]\s+)\s*(?:(?:physically|geographically|literally)(?:\s+speaking)?,?\s+)?"
    r"(?:how\s+(?:physically\s+)?(?:close|near|far apart|far away)\b|"
    r"where\b.*?\b(?:relative to|compared to|compared with|in relation to)\b)|"
    r"\b(?:near|next to|far from)\s+(?:each other|one another)\b|\banywhere near\b",
    re.I)
# Where something is, as articles say it: "they're just across the hall".
_PLACE = re.compile(
    r"\b(?:across the (?:hall|street|room|corridor|way)|next door|down the (?:hall|street|"
    r"corridor)|next to each other|side by side|in the same (?:building|room|office|floor|"
    r"space)|around the corner|a few doors down|steps away)\b", re.I)
# Words of a place question that say how it is asked, not what about: articles say
# "across the hall", not how close or relative to what.
_PLACE_WORDS = frozenset(
    "where how close near far apart away relative compared located situated physically sit "
    "sits based relation anywhere next each other another".split())
# "Which city is it filmed in?", "Where is season 2 being shot?": where something is, or is
# made, answered by a place the sentence names.
_LOCATION_QUESTION = re.compile(
    r"^\s*(?:in\s+)?(?:which|what)\s+(?:city|town|country|state|borough|neighbou?rhood|"
    r"studios?)\b|^\s*where\b.*\b(?:film(?:s|ed|ing)?|shot|shoot(?:s|ing)?|tap(?:ed|ing)|"
    r"produced|made)\b", re.I)
_FILMING = re.compile(r"\b(?:film(?:s|ed|ing)?|shot|shoot(?:s|ing)?|tap(?:ed|ing)|production|"
                      r"produced|studios?|on location)\b", re.I)
# A place as articles name it: capitalised, after a preposition ("shot in New York"); not a
# title ("in The Defenders") or a month ("in August").
_LOCATION = re.compile(r"\b(?:in|at|near|around|outside|throughout|across|to)\s+(?!The\b)"
                       r"([A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*)*)")
_MONTHS = frozenset("january february march april may june july august september october "
                    "november december jan feb mar apr jun jul aug sep sept oct nov dec".split())


def asks_relative_place(question: str) -> bool:
    """Whether the question asks where people or things are, one against another."""
    return bool(_PLACE_QUESTION.search(question))


def place_words(question: str) -> str:
    """The words of such a question that say how it is asked ("how close")."""
    return " ".join(w for w in re.findall(r"[a-z]+", question.lower()) if w in _PLACE_WORDS)


def says_relative_place(text: str) -> bool:
    """Whether `text` says where one thing is against another ("just across the hall")."""
    return bool(_PLACE.search(text))


def asks_location(question: str) -> bool:
    """Whether the question asks where something is, or is made ("Which city ...?")."""
    return bool(_LOCATION_QUESTION.match(question))


def names_location(question: str, text: str, asked_words: Container[str]) -> bool:
    """Whether `text` names a place the question does not (`asked_words`, lower case), not a
    month; for where something is filmed, in a sentence about filming: "Where is it
    filmed?" is not answered by where its writers sit."""
    if _FILMING.search(question) and not _FILMING.search(text):
        return False
    return any(not any(word in asked_words for word in place.lower().split())
               and place.split()[0].lower().strip(".") not in _MONTHS
               for place in _LOCATION.findall(text))
