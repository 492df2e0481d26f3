"""How a question is phrased, apart from what it asks: the lead-in before the question
proper ("Remind me who ..."), a clause setting the scene ("In The Defenders, who ..."),
chat filler around it ("Oh, and ..., by the way?"), "which one" standing for a kind of
thing named before, and the words by which a later part leans on the one before.

The lower layer of reading a question: `rag.questions` builds on it.
"""

from __future__ import annotations

import functools
import re

WH_WORD = r"(?:who|whom|whose|what|when|where|which|why|how)"
AUXILIARY = (r"(?:did|does|do|is|was|were|are|has|have|had|will|would|can|could|might|"
             r"should|may)")

# Kinds of thing that have names: "what sitcom" asks for a title, "what lesson" does not.
TITLE_KIND = (
    r"(?:series|show|sitcom|comedy|drama|program|programme|comics?|book|run|storyline|film|"
    r"movie|magazine|publication|outlet|site|website|newspaper|paper|network|channel|studio|"
    r"company|award|categor(?:y|ie)|character|villain|hero)s?")
TITLED = re.compile(rf"\b{TITLE_KIND}$", re.I)

# Words for something coming out: "When does it hit Netflix?", "... touching down in 2018".
RELEASE = re.compile(
    r"\b(?:com(?:e|es|ing) out|released?|releasing|premieres?|premiering|debut(?:s|ing)?|"
    r"air(?:s|ing)?|hit(?:s|ting)?|arriv(?:e|es|ing)|touch(?:es|ing)? down|launch(?:es|ing)?|"
    r"land(?:s|ing)?|drop(?:s|ping)?|reach(?:es|ing)?|"
    r"see(?:ing)?\s+(?:another|a new|a second|the next|the second)\s+season)\b",
    re.I,
)


# "For a piece I'm writing: who stars as ...", "I'm new to the show - which actor played
# Kilgrave?", "Remind me who played Kilgrave": the question proper starts at its question word.
_LEAD_IN = re.compile(
    r"^\s*(?:[^?:]{1,120}?(?::|\s[-\u2013\u2014]\s|[.!](?=\s))\s*|"
    r"(?:(?:please\s+)?(?:remind me|tell me|can you tell me|could you tell me|do you know|"
    r"i(?:'d| would) like to know|i want to know|i wonder|so|and|but|ok|okay|hey|"
    r"well|roughly|approximately|exactly|lol|wait|oh|hmm+|um+|uh+|actually|also),?\s+)+)"
    rf"(?=(?:{WH_WORD}|is|are|was|were|will|does|did|do)\b)",
    re.I,
)
# A clause or phrase that sets the scene before the question: "When I run pip install .,
# where does the build happen?" asks where, not when; "In The Defenders, who plays Iron
# Fist?" asks who plays Iron Fist, and "Apart from its Emmy, which other awards ...?" which
# awards; "Given how many people turned out to be under his control, what ...?" asks what,
# not how many.
_SCENE = re.compile(
    rf"^\s*(?:when|if|once|after|before|while|in|on|for|during|as for|about|regarding|"
    rf"apart from|aside from|besides|other than|except for|beyond|given|considering|"
    rf"now that|seeing (?:as|that)|since)\s+"
    rf"(?!{AUXILIARY}\b)[^?,]{{1,80}},\s*(?=(?:{WH_WORD}|{AUXILIARY}|must)\b)",
    re.I,
)


# Chat filler around a question: "Oh, and who plays Jessica herself, by the way?", "Right,
# and what was it called again?". It asks nothing, and "Oh, and who ..." would otherwise
# read as a question in two parts, the first of them "Oh".
_FILLER_BEFORE = re.compile(
    r"^\s*(?:(?:oh|ah|right|ok|okay|alright|all right|so|well|hey|yo|hmm|um|also|and|but|btw|"
    r"by the way|one more thing|(?:quick|random|dumb|silly|simple|odd|weird)\s+(?:question|q))"
    r"\b[,.!:]?\s+)+"
    rf"(?=(?:{WH_WORD}|{AUXILIARY})\b)",
    re.I,
)
# ", then?" and ", though?" after a comma only: "What happens then?" asks when.
_FILLER_AFTER = re.compile(
    r"(?:,\s*(?:by the way|btw|please|then|though)|\s+(?:by the way|btw|please))+"
    r"\s*(?=[?.!]*\s*$)", re.I)
# "2017 or 2018??", "really?!": one mark says it, and the question's patterns expect one
_MARKS = re.compile(r"([?!])[?!]+")
# A remark after the question mark that asks nothing: "... her powers? kinda curious lol",
# or any short one laughed off: "... on netflix? need it lol"
_REMARK_AFTER = re.compile(
    r"\?\s+(?:(?:(?:just|kinda|kind of|sorta|so|really|i'?m|i am|am|curious|wondering|lol|lmao|"
    r"haha|thanks|thank you|thx|cheers|pls|please)\b[\s,.!]*)+|"
    rf"(?![^?]*\b{WH_WORD}\b)[^?]{{0,40}}?\b(?:lol|lmao|haha|xd)[\s.!]*)$", re.I)
# "Is he back or nah?" asks whether he is back; "nah" is no option to weigh against "back".
_OR_NOT = re.compile(r",?\s+or\s+(?:nah|naw|nope|no|not|what)\s*(?=[?.!]*\s*$)", re.I)
# "Roughly how long ...?" asks how long: articles give the figure ("nearly six months"), not
# the hedge. "About" and "around" only open a question so: "... talk to about how Jessica
# feels" is about how she feels.
_HEDGE = re.compile(
    r"(?:\b(?:roughly|approximately|more or less|give or take|ballpark)|^\s*(?:about|around))"
    r",?\s+(?=(?:how|when)\b)", re.I)
# "again" at the end of a wh-question asks to be reminded ("What was his name again?");
# at the end of a yes-no question it is part of what is asked ("Will he return again?").
_AGAIN = re.compile(rf"^\s*{WH_WORD}\b.*?(?P<again>,?\s+again)\s*[?.!]*\s*$", re.I | re.S)

# "When are we actually going to get season 2?": a release as the viewer has it. Only in
# questions: the articles' "we'll get to see where Jessica's at" releases nothing.
VIEWERS_GET = re.compile(
    r"\bwhen\b.*?\b(?P<viewers>we|fans|viewers|i|you)\s+(?:\w+\s+){0,3}?(?:get|see|watch)\b",
    re.I)

# "... with several outlets. Which one did she tell ...?": one of the kind named before.
_WHICH_ONE = re.compile(r"\b(?P<which>which|what)\s+one\b", re.I)


# "What's the name of the magazine the article credits?": which magazine it credits. Not
# a character's name, which is a person's: "the name of the character Rachael Taylor
# plays" is "Trish Walker" as much as "Patsy 'Hellcat' Walker".
_NAME_OF_KIND = re.compile(
    r"\bwhat(?:['\u2019]s|\s+is|\s+was|\s+are|\s+were)\s+the\s+names?\s+of\s+"
    r"(?:the|that|this|her|his|their|its)\s+"
    rf"(?P<kind>(?:[\w-]+\s+)?(?!(?:character|villain|hero)s?\b){TITLE_KIND})\b", re.I)


def which_one_named(question: str) -> str:
    """The question with "which one" as "which" and the kind of thing it stands for, the
    last named before it: "Rosenberg spoke to several outlets. Which one ...?" -> "... Which
    outlet ...?"; unchanged where no kind of named thing comes before. "What's the name of
    the magazine ...?" is read as "Which magazine ...?" too."""
    question = _NAME_OF_KIND.sub(
        lambda m: ("W" if m[0][0] == "W" else "w") + f"hich {m['kind']}", question)
    first = _WHICH_ONE.search(question)
    if not first:
        return question
    words = re.findall(r"[a-z-]+", question[: first.start()].lower())
    last = max((i for i, w in enumerate(words) if TITLED.search(w)), default=None)
    if last is None:
        return question
    # the whole compound: "an older comic book run" -> "comic book run"
    start = last
    while start > 0 and last - start < 2 and TITLED.search(words[start - 1]):
        start -= 1
    kind = " ".join(words[start: last + 1])
    if kind.endswith("s") and not kind.endswith("series"):
        kind = kind[:-1]
    return _WHICH_ONE.sub(lambda m: f"{m['which']} {kind}", question)


# "Is Jessica gonna be totally over the Kilgrave stuff?", "let her get over what happened",
# "having moved past it", "bounce back from everything": the articles say she "recovers from
# the trauma". Only with what is got over after it: "when will filming be over?" is not.
_GOT_OVER = re.compile(
    r"\b(?:(?:be|get|gets|getting|got|gotten|being)\s+(?:(?:totally|completely|fully|just|"
    r"all|really|finally|already|like|simply)\s+)*over|mov(?:e|ed|es|ing)\s+(?:on\s+from|"
    r"past)|bounc(?:e|ed|es|ing)\s+back\s+from)"
    r"(?=\s+(?:the|her|his|its|their|it|that|this|what|all|everything|[\w-]+['\u2019]s)\b)",
    re.I)
_WHY = re.compile(r"\b(?:why|how come)\b", re.I)
# "What did she take away from Dexter?", "What lesson did she carry over from it?": what she
# learned from it, as the articles say ("I learned from working on Dexter").
_TAKE_AWAY = re.compile(r"\b(?:tak(?:e|es|ing)|took|taken|carr(?:y|ies|ied|ying))\s+"
                        r"(?:away|over)(?=\s+from\b)", re.I)


def in_plain_verbs(question: str) -> str:
    """The question with getting over something put as recovering from it, as articles
    put it: "Is she gonna be over the Kilgrave stuff?" -> "Is she gonna recover from the
    Kilgrave stuff?"; and taking something away from a thing as learning from it ("What did
    she take away from Dexter?" -> "What did she learn from Dexter?"). Getting over it is
    left as asked in a why-question: "Why won't they let her get over it?" asks
    the reason she does not, and the sentences saying she recovers give none."""
    question = _TAKE_AWAY.sub("learn", question)
    if _WHY.search(question):
        return question
    return _GOT_OVER.sub("recover from", question)


def without_chat_filler(question: str) -> str:
    """The question without the chat words around it: "Oh, and who plays Jessica herself,
    by the way?" -> "who plays Jessica herself?"."""
    question = _HEDGE.sub("", _MARKS.sub(r"\1", question))
    question = _FILLER_AFTER.sub("", _FILLER_BEFORE.sub("", question, count=1), count=1)
    question = _OR_NOT.sub("", _REMARK_AFTER.sub("?", question, count=1), count=1)
    again = _AGAIN.match(question)
    if again:
        question = question[: again.start("again")] + question[again.end("again"):]
    return question


@functools.lru_cache(maxsize=256)
def question_words(question: str) -> frozenset[str]:
    """The question's words in lower case, read once per question: evidence selection
    checks hundreds of candidate sentences against them."""
    return frozenset(re.findall(r"[a-z]+", question.lower()))


@functools.lru_cache(maxsize=256)
def core_question(question: str) -> str:
    """The question without a lead-in ("Remind me who played Kilgrave" -> "who played
    Kilgrave") or a scene-setting clause ("When I run it, where ..." -> "where ...")."""
    return _SCENE.sub("", _LEAD_IN.sub("", question, count=1), count=1)


# Words by which a later part of a question leans on the one before: "... and where does it
# premiere?", "... and who plays her?".
_BACK_REFERENCE = re.compile(
    r"\b(?:it|its|they|them|their|he|him|his|she|her|hers|this|these|those|there|then|"
    r"the same|that one)\b", re.I)


def leans_on_before(part: str) -> bool:
    """Whether a later part of a question needs the part before it to be understood; "who
    played the villain that Jessica ends up killing?" does not."""
    return bool(_BACK_REFERENCE.search(part))


# "... and will that character also appear?", "... and was that a first?": "that" as what
# the part is about, not the "that" of "the villain that Jessica killed"
_THAT_BEFORE = re.compile(
    r"\bthat\s+(?!(?:she|he|it|they|we|you|i|is|was|are|were|will|would|has|had|have|"
    r"the|a|an|of|to|in|on)\b)[a-z][\w-]*\b(?=(?:\s+(?:also|still|ever|really|again))?\s+"
    r"(?:is|was|are|were|will|would|has|had|have|did|does|do|appear|return|come|be)\b)|"
    r"^\W*(?:is|was|will|would|did|does|has)\s+that\b", re.I)


def points_back(part: str) -> bool:
    """Whether a later part of a question is about what the one before names or asks for:
    it leans on it (`leans_on_before`), or calls it "that"."""
    return leans_on_before(part) or bool(_THAT_BEFORE.search(part))


# "... and when is that mini-series out?": a later part pointing back at a titled thing.
_THAT_KIND = re.compile(r"\b(?:that|this|the same)\s+(?P<kind>[\w-]+)\b", re.I)
_TITLE_NAMED = re.compile(r"(?<=\s)(?:The\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*")


def title_named_before(part: str, before: str) -> str:
    """A later part of a question with "that <kind of titled thing>" read as the title the
    part before names last: "Which heroes team up in The Defenders, and when is that
    mini-series expected?" asks when The Defenders is expected. Unchanged where the part
    before asks for a thing of that kind ("What show did she work on before, and when did
    that show end?"), whose title is the answer, not in the question."""
    pointer = _THAT_KIND.search(part)
    if not pointer or not TITLED.search(pointer["kind"]):
        return part
    kind = pointer["kind"].lower().split("-")[-1].rstrip("s")
    if re.search(rf"\b(?:what|which)\s+(?:[\w-]+\s+)?[\w-]*{kind}", before, re.I):
        return part
    titles = _TITLE_NAMED.findall(core_question(before))
    if not titles:
        return part
    return part[: pointer.start()] + titles[-1] + part[pointer.end():]


# "according to the Nerdist interview", "in the IGN piece": the source the question asks
# what was said in, named by its capitalised words.
_NAME = r"[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*)*"
_SOURCE = re.compile(
    rf"\b(?i:according\s+to\s+(?:the\s+|an?\s+)?)(?P<after>{_NAME})|"
    rf"\b(?i:(?:in|from)\s+(?:the|an?|her|his|that|this)\s+)(?P<before>{_NAME})\s+"
    r"(?i:interview|piece|article|report|story|feature|write-?up|chat|conversation)s?\b")


def mentions_source(source: str, text: str) -> bool:
    """Whether `text` names `source`: as a word ("IGN", not the "ign" of "design"), or by
    the capitalised words an abbreviation stands for ("EW": "Entertainment Weekly")."""
    if re.search(rf"(?<!\w){re.escape(source)}(?!\w)", text, re.I):
        return True
    if not (source.isalpha() and source.isupper() and 2 <= len(source) <= 5):
        return False
    return any(source in "".join(word[0] for word in run.split())
               for run in re.findall(r"[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*)+", text))


# "the Heroic Hollywood piece on Rosenberg": the article named by its outlet's words
_ARTICLE_NAMED = re.compile(
    rf"\b(?:the|that|this)\s+(?P<name>{_NAME})\s+"
    r"(?:piece|article|story|post|report|write-?up|interview|feature)\b")


def named_article(question: str) -> str:
    """The capitalised words before "piece", "article" ... by which a question names an
    article ("Heroic Hollywood" in "Who wrote the Heroic Hollywood piece on Rosenberg?");
    "" when it names none so."""
    match = _ARTICLE_NAMED.search(question)
    return match["name"] if match else ""


def named_source(question: str) -> str:
    """The source a question names as the one to go by ("Nerdist" in "..., according to
    the Nerdist interview?"); "" when it names none ("According to the showrunner, ...")."""
    match = _SOURCE.search(question)
    return (match["after"] or match["before"]) if match else ""
