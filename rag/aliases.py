"""The name a character goes by as a hero: "What's Trish's superhero alter ego called?" is
answered by the name articles write inside the character's full name ("Patsy ‘Hellcat’
Walker"), which shares no word with the question but the surname, and often not even that:
the question says "Trish", the articles "Trish Walker" elsewhere.

Below `rag.questions`, which gives such a question its answer type.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Container, Sequence

# In lower case: "the Alias comics" is a title.
_ALIAS_QUESTION = re.compile(
    r"\b(?:alias(?:es)?|(?i:alter[\s-]+egos?|(?:super-?hero|hero|code)[\s-]*names?|"
    r"nicknames?|go(?:es)?\s+by))\b")
_NICKNAMED = re.compile(
    r"\b(?P<first>[A-Z][a-z]+)\s+[\u2018'\"\u201c](?P<alias>[A-Z][\w-]*(?:\s[A-Z][\w-]*)?)"
    r"[\u2019'\"\u201d]\s+(?P<last>[A-Z][a-z]+)")
# A first name and the surname after it ("Trish Walker"), as articles write them
_FIRST_AND_LAST = re.compile(r"\b([A-Z][a-z]+)\s([A-Z][a-z]+)\b(?![ -][A-Z])")
SURNAME_SAMPLE = 5000  # passages read for surnames: a character's full name shows early
# The stretch of a question that one alias question spans: "What does Trish lack, and
# what's Trish's alias?" asks the alias in its second clause only.
_CLAUSE = re.compile(r"[^,;?.!]+?(?=\s+and\s+|[,;?.!]|$)", re.I)
# A first name standing alone, with no surname after it
_FIRST_NAME = r"\b({})\b(?!\s+(?-i:[A-Z]))"
_PRONOUN = re.compile(r"\b(?:she|he|her|him|his)\b", re.I)


def asks_alias(question: str) -> bool:
    """Whether the question asks for the name someone goes by ("superhero name", "alter
    ego", "alias")."""
    return bool(_ALIAS_QUESTION.search(question))


def alias_words(question: str) -> str:
    """The words of an alias question that say what kind of answer it wants."""
    return " ".join(m[0] for m in _ALIAS_QUESTION.finditer(question))


def names_alias(text: str, asked_words: Container[str], asked: str) -> bool:
    """Whether `text` gives the alias of someone the question names, by first name or
    surname, and not an alias the question already says (`asked` in lower case)."""
    return any((m["first"].lower() in asked_words or m["last"].lower() in asked_words)
               and m["alias"].lower() not in asked for m in _NICKNAMED.finditer(text))


def surnames(texts: Sequence[str]) -> dict[str, str]:
    """Each first name the `texts` give with a surname, and the surname they give it most
    often: {"Trish": "Walker", "Jessica": "Jones"}. A word they also write in lower case
    is no name ("The Defenders", "Will Trish ..."), however it opens a sentence."""
    found: defaultdict[str, Counter[str]] = defaultdict(Counter)
    lower: set[str] = set()
    for text in texts[:SURNAME_SAMPLE]:
        lower.update(re.findall(r"\b[a-z]+\b", text))
        for first, last in _FIRST_AND_LAST.findall(text):
            found[first][last] += 1
    return {first: lasts.most_common(1)[0][0] for first, lasts in found.items()
            if first.lower() not in lower}


def with_surnames(question: str, known: dict[str, str]) -> str:
    """An alias question with the surname after each first name it gives alone, in the
    clause that asks for the alias: "What's Trish's alter ego?" -> "What's Trish Walker's
    alter ego?", and "she" in that clause named when the question names one person before
    it. Articles write the alias inside the full name, so only the surname ties it to the
    person asked about. Other questions are returned as they are."""
    if not known or not asks_alias(question):
        return question
    names = "|".join(map(re.escape, known))
    pattern = re.compile(_FIRST_NAME.format(names), re.I)
    anywhere = re.compile(rf"\b({names})\b", re.I)

    def named(clause: re.Match[str]) -> str:
        text = clause[0]
        if not asks_alias(text):
            return text
        # "Who plays Trish Walker, and what alter ego is she tied to?": the one person
        # named before is whom the pronoun means
        before = {m[1].capitalize() for m in anywhere.finditer(question[:clause.start()])}
        if len(before) == 1 and not anywhere.search(text):
            person = before.pop()
            text = _PRONOUN.sub(lambda m: person + ("'s" if m[0].lower() in ("her", "his")
                                                   else ""), text, count=1)

        def full(name: re.Match[str]) -> str:
            last = known[name[1].capitalize()]
            return name[0] if last.lower() in text.lower() else f"{name[0]} {last}"

        return pattern.sub(full, text)

    return _CLAUSE.sub(named, question)
