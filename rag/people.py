"""Who a sentence names and who a question asks for: people's names, whom a remark is put
to ("..., said Petrie."), the office a who-question asks about ("Which Netflix
executive ...?") and whoever an article introduces by it ("Netflix head Ted Sarandos"),
and an article's byline; and whom a yes-no question is about ("Is Kilgrave coming back?")
and whether a sentence says what they are ("Killgrave is done").

`rag.questions` decides whether a question asks for a person at all; this module reads
the names.
"""

from __future__ import annotations

import re
from collections.abc import Container

from rag.phrasing import AUXILIARY, core_question, question_words
from rag.retrieval import tokenize

_NAME = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+")

# "Who said ...?" is answered by whoever a quote is put to, often by surname alone:
# "..., said Petrie.", "Rosenberg told Esquire".
_WHO_SAID = re.compile(
    r"^\W*who\s+(?:said|says|told|tells|claimed|claims|stated|states|explained|explains|"
    r"described|describes|called|calls|teased|teases|compared|compares|revealed|reveals)\b",
    re.I)
_SPEECH = r"(?:said|says|told|tells|added|adds|explained|explains|continued|continues)"
_SPEAKER = re.compile(rf"\b{_SPEECH}\s+([A-Z][a-z]+)\b(?![ -][A-Z])|"
                      rf"\b([A-Z][a-z]+)\s+{_SPEECH}\b")
# "How did Doug Petrie describe ...?", "What did Petrie say about ...?": a question about
# what someone it names said; so is "According to Doug Petrie, ...?".
_ASKS_WORDS = re.compile(
    r"\b(?:according\s+to|say|says|said|tell|tells|told|describe[sd]?|explain(?:s|ed)?|"
    r"call(?:s|ed)?|put\s+it|characteri[sz]e[sd]?|sum(?:s|med)?\s+up)\b", re.I)

# A capitalised run holding one of these names a work, an award or a firm, not a person:
# "Original Main Title Theme Music" does not answer "Who composed the theme?".
_NOT_A_PERSON = frozenset(
    "award awards emmy emmys prize globe globes theme music song title arts academy series show "
    "season episode film movie universe studios studio network netflix marvel comics magazine "
    "weekly daily news times post entertainment original main creative cinematic festival "
    "university company inc day week month year".split()
)

OPENERS = frozenset(
    "a an and as at but by for from if in of on or so the then though when where while with "
    "according after before during since unlike like although however".split()
)
_PEOPLE = (r"actress|actor|star|executive|exec|person|showrunner|producer|writer|director|head|"
           r"boss|chief|creator|journalist|reporter|author|critic|friends?|allies|ally|"
           r"sidekicks?|composer|songwriter|musician|singer")
# up to two words before the kind of person ("comic book writer"), not "does the showrunner"
_MODIFIERS = rf"(?:(?!{AUXILIARY}\b|the\b|an?\b)[a-z]+\s+){{0,2}}"
PERSON = rf"{_MODIFIERS}(?:{_PEOPLE})\b"
# What people call a villain, in two words: "the new bad guy"
_BAD_GUY_WORDS = r"bad\s+guys?"
# Asked for as a person by "Which villain ...?"; in a search ("kilgrave main villain next
# season") a villain is more often the subject than what is asked for.
ASKED_PERSON = (rf"{_MODIFIERS}(?:{_PEOPLE}|villains?|antagonists?|nemesis|baddies?|"
                rf"{_BAD_GUY_WORDS})\b")

# Words for one office, as a question asks it and as an article introduces the holder.
_OFFICES = tuple(frozenset(words.split()) for words in (
    "executive executives exec execs head boss chief president chairman ceo",
    "showrunner showrunners show-runner show-runners producer producers creator creators",
    "writer writers author journalist reporter editor",
    "director directors",
    "composer composers songwriter songwriters musician musicians",
    # "Who is the main villain of season 2?" is answered by someone a sentence calls one,
    # not by whoever else it names ("... check in with Petrie and Marco Ramirez").
    "villain villains antagonist antagonists nemesis nemeses baddie baddies",
))
_VILLAIN = _OFFICES[-1]
_COMPOSERS = _OFFICES[-2]
_BAD_GUY = re.compile(rf"\b{_BAD_GUY_WORDS}\b", re.I)  # a villain, though no office word
# "Who played the villain Jessica killed?" asks for an actor; the villain is the role.
_ASKS_ACTOR = re.compile(
    r"\b(?:plays?|played|playing|portray(?:s|ed)?|stars?|starred|cast|actor|actress)\b", re.I)
_RUNS_THE_SHOW = re.compile(
    r"\bwho(?:'s|\s+is|\s+are|\s+will\s+be)?\s+(?:running|runs|run|helming|helms|helm|"
    r"heading|heads|overseeing|oversees|in charge of)\b"
    r"(?!\s+(?:away|out|off|into|from|after|around|over)\b)", re.I)
# "Who composed the theme?" asks for its composer, not for whoever the award sentence names.
_MADE_THE_MUSIC = re.compile(
    r"\b(?:compos\w*|scor(?:e|es|ed|ing)|wr(?:ote|ites?|iting))\s+(?:the\s+)?(?:[\w'-]+\s+){0,4}?"
    r"(?:music|score|theme|song|songs|soundtrack)\b", re.I)


# "Who wrote the Heroic Hollywood piece ...?": the writer of an article, named in its byline.
_BYLINE_QUESTION = re.compile(
    r"(?:\b(?:who|which\s+(?:[\w-]+\s+){0,2}?(?:writer|reporter|journalist|author))\s+"
    r"(?:wrote|authored|penned)|\bwho\s+(?:is|was)\s+credited\s+(?:on|with|for)"
    r"|\b(?:author|writer|reporter|journalist)\s+(?:of|behind|on|(?:credited|named|listed)\s+"
    r"(?:on|with|for|as\s+writing)|(?:who|that)\s+(?:wrote|authored|penned)))\s+(?:the|this|that)\s+"
    r"(?:[\w'-]+\s+){0,3}?(?:article|artcle|piece|story|post|write-up|report|column)\b", re.I)
# A byline's bio: "Leon Brill is a staff writer for Heroic Hollywood".
_BYLINE = re.compile(
    rf"({_NAME.pattern})\s+is\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?"
    r"(?:writer|reporter|editor|contributor|journalist|critic|columnist)\b")


def names(text: str) -> list[str]:
    """Capitalised word runs that look like people's names ("Eka Darville"), without a
    capitalised sentence opener ("For Rosenberg" is not a name) and not titles of works or
    awards ("Hugo Award", "Original Main Title Theme Music")."""
    out = []
    for match in _NAME.findall(text):
        words = match.replace("-", " ").split()
        while words and words[0].lower() in OPENERS:
            words = words[1:]
        if len(words) >= 2 and not any(w.lower() in _NOT_A_PERSON for w in words):
            out.append(" ".join(words))
    return out


def unmentioned_people(question: str, vocabulary: Container[str]) -> list[str]:
    """The people the question names by a full name of which the corpus has not one word
    (`vocabulary`: its stemmed words): "Mike Colter" in "Does Mike Colter appear in season
    2?" asked of articles that never name him. Whatever they say of others does not
    answer it."""
    return [name for name in names(question)
            if (words := tokenize(name)) and not any(w in vocabulary for w in words)]

def speakers(text: str) -> list[str]:
    """The people `text` puts a remark to by one name: "Petrie" in "..., said Petrie.",
    "Rosenberg" in "Rosenberg told Esquire"; not a firm ("Netflix said")."""
    found = [a or b for a, b in _SPEAKER.findall(text)]
    return [name for name in found
            if name.lower() not in _NOT_A_PERSON and name.lower() not in OPENERS]


def quotes_by_surname(name: str, text: str) -> bool:
    """Whether `text` puts a remark to the full `name` by its surname alone ("Doug Petrie":
    "..., said Petrie.")."""
    words = name.split()
    return len(words) > 1 and words[-1] in speakers(text)


def asked_speakers(question: str, text: str) -> list[str]:
    """The people named in a question about what they said whom `text` puts a remark to:
    "Petrie" for "How did Doug Petrie describe the arcs?" in "..., said Petrie."."""
    if not _ASKS_WORDS.search(question) or asks_who_said(question):
        return []
    asked = {w.lower() for w in capitalised_words(question)}
    return [name for name in speakers(text) if name.lower() in asked]


def capitalised_words(question: str) -> list[str]:
    """The capitalised words of a question other than its first ("Heroic", "Hollywood" and
    "IGN" in "Who wrote the Heroic Hollywood piece that cites IGN?")."""
    return re.findall(r"(?<=[\w,;:'\"\u2019)]\s)[A-Z][\w&'-]*", question)


def asks_who_said(question: str) -> bool:
    """Whether the question asks who said something ("Who described ... as ...?")."""
    return bool(_WHO_SAID.match(core_question(question)))


def office_words(question: str) -> frozenset[str]:
    """The words for the office a who-question asks about ("Which director ...?" ->
    {"director", "directors"}); empty when it names none. The caller has checked that the
    question asks for a person."""
    asked = question_words(question)
    office = next((office for office in _OFFICES if asked & office), frozenset())
    if not office and _BAD_GUY.search(question):  # "the new bad guy": a villain
        office = _VILLAIN
    if office == _VILLAIN and _ASKS_ACTOR.search(question):
        return frozenset()
    # "Who is running The Defenders?" asks who is in charge of a show: its showrunners
    if office:
        return office
    if _MADE_THE_MUSIC.search(question):
        return _COMPOSERS
    return _OFFICES[1] if _RUNS_THE_SHOW.search(question) else frozenset()


def office_holders(office: frozenset[str], question: str, text: str) -> list[str]:
    """The people `text` introduces by one of the `office` words: "Ted Sarandos" in
    "Netflix head Ted Sarandos"; both in "Daredevil producers Douglas Petrie and Marco
    Ramirez", and "Marco Ramirez" in "Petrie and Marco Ramirez, the Daredevil Season 2
    show-runners"."""
    words = "|".join(sorted(office))
    # "Which Marvel executive ...?" is not answered by "Netflix head Ted Sarandos"
    qualifier = re.search(rf"(?<=\w\s)([A-Z][\w-]*)\s+(?i:{words})s?\b", question)
    if qualifier and qualifier[1].lower() not in text.lower():
        return []
    listed = re.findall(rf"\b(?i:{words})s?,?\s+({_NAME.pattern}"
                        rf"(?:(?:,\s+|,?\s+and\s+){_NAME.pattern})*)", text)
    # A list runs on only through names ("..., Marco Ramirez, The Defenders will ...")
    return ([name for names in listed for name in re.split(r",\s+|,?\s+and\s+", names)
             if name.split()[0].lower() not in OPENERS]
            + re.findall(rf"({_NAME.pattern})(?:,\s+|\s+(?:on board )?as\s+)"
                         rf"(?:the|a|an)\s+(?:[\w-]+\s+){{0,4}}?(?i:{words})s?\b", text))


# "Is Kilgrave coming back?", "will trish become hellcat": the one named first is who the
# question is about
_YES_NO_SUBJECT = re.compile(rf"\s*{AUXILIARY}\s+(?P<who>[\w-]+)\b", re.I)
_STATE_VERB = (r"(?:is|was|isn['\u2019]t|wasn['\u2019]t|will|won['\u2019]t|would|wouldn['\u2019]t|"
               r"has|hasn['\u2019]t|had)")


def yes_no_subject(question: str) -> str:
    """The word a yes-no question asks about ("Kilgrave" in "Is Kilgrave coming back?"), or
    "" for another kind of question."""
    match = _YES_NO_SUBJECT.match(core_question(question))
    return match["who"] if match else ""


def says_state_of(subject: str, sentence: str) -> bool:
    """Whether `sentence` says what `subject` is, was or will be: "Killgrave is done and
    won't be created again", not "before Kilgrave came along" or "Kilgrave's spell"."""
    return bool(subject) and bool(
        re.search(rf"\b{re.escape(subject)}\s+{_STATE_VERB}\b", sentence, re.I))


def asks_byline(question: str) -> bool:
    """Whether the question asks who wrote an article ("Who wrote the Heroic Hollywood
    piece?"), which its byline answers."""
    return bool(_BYLINE_QUESTION.search(question))


def bylines(text: str) -> list[str]:
    """The writers a byline's bio names: "Leon Brill" in "Leon Brill is a staff writer for
    Heroic Hollywood"."""
    return _BYLINE.findall(text)
