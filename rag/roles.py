"""Roles and the actors credited with them: "Who plays Iron Fist?" asks for the role "Iron
Fist", and "Finn Jones's Iron Fist" credits Finn Jones with it.

Below `rag.questions`, which reads the rest of a question; built on `rag.phrasing`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from rag.phrasing import core_question

# "Who plays Iron Fist?", "Which actress portrays Trish?", "Who is the actor that plays ...",
# "who's playing iron fist?"
ROLE_QUESTION = re.compile(
    r"^\s*(?:who|who['\u2019]s(?=\s+(?:playing|portraying|cast\s))|"
    r"which\s+(?:actress(?:es)?|actors?)|who(?:'s|\s+is|\s+was)\s+the\s+"
    r"(?:actress|actor|star)(?:\s+(?:who|that))?)\s+"
    r"(?:plays?|played|portrays?|portrayed|stars? as|starred as|is playing|will play|"
    r"(?:(?:is|was|will be|has been|got)\s+)?cast\s+as|"
    r"playing|behind)\s+(?:the\s+)?(?P<role>[^?,]+?)"
    # "... the main villain of season 2?": the role, then where it is played, or whom
    # alongside ("Who's playing Iron Fist alongside Jessica?")
    r"(?:\s+(?:in|on|for|from|of(?=[^?,]*\b(?:season|show|series)\b)|alongside|opposite|"
    r"next\s+to|beside)\s+[^?,]*)?\s*\??\s*$",
    re.I,
)
# "And Malcolm, who plays him?": the role named first, then asked about
ROLE_NAMED_FIRST = re.compile(
    r"^\s*(?:(?i:(?:and|so|what about|how about)\s+)?(?P<role>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)|"
    # typed in lower case: "what about iron fist, who's playing him?"
    r"(?i:what about|how about)\s+(?P<typed>[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,2}?))"
    r"(?i:\s+(?:in|on)\s+[^,:;?]{1,40})?"  # "what about Iron Fist in The Defenders, ..."
    r"\s*[,:;\u2013\u2014-]+\s*(?i:who(?:'s|\s+is)?\s+"
    r"(?:plays|played|portrays|portrayed|playing|is playing|will play)"
    r"\s+(?:him|her|them|the role|that role|that part))\s*\??\s*$"
)
PRONOUNS = frozenset("him her them it he she they".split())
# A search-box query: "kilgrave actor", "actress playing Trish Walker"
_ROLE_KEYWORDS = re.compile(
    r"^\s*(?:(?:actor|actress)\s+(?:for|of|playing|who plays)\s+(?P<role>(?:[\w'-]+\s*){1,3})|"
    r"(?!(?:the|a|an|best|main|lead|new|old|which|what|who)\b)(?P<role2>(?:[\w'-]+\s+){1,3})"
    r"(?:actor|actress))\s*\??\s*$",
    re.I,
)


def asked_role(question: str) -> str:
    """The character in "Who plays Iron Fist?" ("Iron Fist"); "" for other questions."""
    named_first = ROLE_NAMED_FIRST.match(question)
    if named_first:
        return named_first["role"] or named_first["typed"]
    question = core_question(question)
    match = ROLE_QUESTION.match(question)
    keywords = None if match else _ROLE_KEYWORDS.match(question)
    if keywords:
        return (keywords["role"] or keywords["role2"]).strip()
    if not match:
        return ""
    # "Jessica's best friend Trish" -> "Trish": the role is the last name in the phrase.
    # "Who plays Jessica herself?" asks who plays Jessica.
    phrase = re.sub(r"\s+(?:herself|himself|themselves)$", "", match.group("role").strip(),
                    flags=re.I)
    if phrase.lower() in PRONOUNS:  # "so, who plays him?" leans on an earlier question
        return ""
    capitalised = re.findall(r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*", phrase)
    if not capitalised:
        return phrase
    # "the villain Jessica killed at the end" describes a role rather than names it.
    return capitalised[-1] if phrase.endswith(capitalised[-1]) else ""


# "her best friend trish", "jessica's adoptive sister trish walker"
_RELATED_BY = re.compile(
    r"\b(?:friend|sister|brother|mother|father|boyfriend|girlfriend|partner|husband|wife|"
    r"neighbou?r|ally|assistant|roommate|mentor|lover)\s+(?P<name>[a-z]+(?:\s+[a-z]+)?)$")
_NICKNAME_BETWEEN = r"\s+(?:[\u2018'\"\u201c][\w-]+[\u2019'\"\u201d]\s+)?"


def credited_actors(role: str, text: str) -> list[str]:
    """The actors `text` credits with `role` the way articles do: "Malcolm (Eka Darville)",
    "Finn Jones's Iron Fist", "Charlie Cox as Daredevil", "Malcolm is played by Eka
    Darville", "Krysten Ritter plays Jessica"."""
    if not role:
        return []
    name = r"(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+)+)"
    # "who plays trish walker" is asked in lower case too, and "Patsy Walker" may be
    # written with her alias between, "Patsy ‘Hellcat’ Walker (Rachael Taylor)"
    r = _NICKNAME_BETWEEN.join(f"(?i:{re.escape(word)})" for word in role.split())
    patterns = (
        # "Trish (Walker)? (Rachael Taylor)", "Patsy ‘Hellcat’ Walker (Rachael Taylor)"
        rf"\b{r}[\u2019'\"\u201d]?(?:\s[\u2018'\"\u201c]?[A-Z][\w-]*[\u2019'\"\u201d]?){{0,2}}"
        rf"\s*\(\s*{name}\s*\)",
        rf"\b{name}[\u2019']s?\s+{r}\b",
        rf"\b{name}\s+as\s+{r}\b",
        rf"\b{r}\s+(?:is|was|will be)\s+(?:played|portrayed)\s+by\s+{name}",
        rf"\b{name}\s+(?:plays|played|portrays|portrayed)\s+{r}\b",
        rf"\b{name}\s+(?:stars|starred|starring)\s+as\s+{r}\b",
        rf"\b{name}\s+(?:(?:is|was|has been|had been|will be)\s+)?cast\s+as\s+{r}\b",
        rf"\b{r}\s+(?:star|actress|actor)\s+{name}",  # "Jessica Jones star Krysten Ritter"
        # "the portrayal of Jessica Jones that Krysten Ritter absolutely nailed"
        rf"\bportrayal\s+of\s+{r}(?:\s[A-Z][a-z]+)?\s+(?:that|by|from)\s+{name}",
        # "...Jessica Jones. That series, led by the fantastic Krysten Ritter": the lead of a
        # show plays its title role.
        rf"\b{r}\b[^()]{{0,40}}?\b(?:series|show),?\s+(?:starring|led by)\s+(?:the\s+)?"
        rf"(?:[a-z]+\s+)?{name}",
    )
    found = [m["name"] for p in patterns for m in re.finditer(p, text)]
    # "trish walker hellcat actress": a role typed with an alias after it is credited under
    # its name ("Trish Walker (Rachael Taylor)").
    words = role.split()
    if not found and len(words) > 2:
        found = credited_actors(" ".join(words[:-1]), text)
    # "who's playing her best friend trish?": a role typed in lower case after what she is
    # to someone is credited under the name it ends with
    related = _RELATED_BY.search(role) if role.islower() else None
    if not found and related:
        found = credited_actors(related["name"], text)
    return found


def names_actor(role: str, text: str) -> bool:
    return bool(credited_actors(role, text))


Lead = tuple[str, str]  # the lead role and its actor: ("Jessica Jones", "Krysten Ritter")
# "Jessica Jones", "Krysten Ritter": the names a lead role is looked for among
_FULL_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)+")
LEAD_SAMPLE = 5000  # passages read for it: the most-named role shows in any large share
_LEAD_CANDIDATES = 20
# "the lead actress", "her star", "the leading man": the actor of the lead role
LEAD_ACTOR = re.compile(
    r"\b(?:(?:lead|leading|main|title|starring)\s+(?:actress|actor|star|lady|man)|"
    r"(?<=the\s|her\s|his\s|its\s)star)\b(?!-)", re.I)
# "the title role", "the lead character": the lead role itself. Not "a lead character",
# which is any show's.
LEADING = r"(?:lead|leading|main|title|central)"  # how a question calls the lead's part
_LEAD_ROLE = re.compile(rf"(?<=\bthe\s){LEADING}\s+(?:character|role)\b(?!-)", re.I)


def lead_credit(texts: Sequence[str]) -> Lead | None:
    """The lead role of the works `texts` are about, and its actor: the name they give most
    often that they credit an actor with ("Jessica Jones", "Krysten Ritter"). None where
    they credit none, as in documentation."""
    texts = texts[:LEAD_SAMPLE]
    named = Counter(name for text in texts for name in _FULL_NAME.findall(text))
    for role, _ in named.most_common(_LEAD_CANDIDATES):
        actors = Counter(actor for text in texts if role in text
                         for actor in credited_actors(role, text))
        if actors:
            return role, actors.most_common(1)[0][0]
    return None


def with_lead_role_named(question: str, lead: Lead | None) -> str:
    """The question with the lead role named where it only calls it so: "Which actress plays
    the title role?" -> "... the title role Jessica Jones?"."""
    if lead is None or lead[0].lower() in question.lower():
        return question
    return _LEAD_ROLE.sub(lambda m: f"{m[0]} {lead[0]}", question, count=1)


def lead_actor_asked(question: str, lead: Lead | None) -> str:
    """The lead's actor where the question calls her so without naming her ("why is the
    lead actress so busy?": "Ritter"); "" otherwise. Articles name her rather than call her
    the lead, so only her name finds what they say of her: by her last name, after the
    first time."""
    if lead is None or not LEAD_ACTOR.search(question) or lead[1].lower() in question.lower():
        return ""
    return lead[1].split()[-1]
