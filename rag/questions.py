"""What a question asks for: the kind of answer, the role in a "who plays" question, the
parts of a two-part question, the alternatives of an "A or B" question.

Evidence selection uses these to prefer sentences that hold the answer, and
verification uses them to reject replies that do not (a who-question answered
without a name). Names and offices are read in `rag.people`, release dates in
`rag.releases`, which outlet was told in `rag.outlets`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from rag.aliases import alias_words, asks_alias, names_alias
from rag.numbers import (
    AGE,
    COUNT,
    DATE,
    DURATION,
    ELAPSED,
    MONEY,
    NUMBER_LABEL,
    PROPORTION,
    years,
)
from rag.occupations import asks_occupation, names_occupation, occupation_words
from rag.people import (
    ASKED_PERSON,
    OPENERS,
    PERSON,
    asks_byline,
    asks_who_said,
    bylines,
    names,
    office_holders,
    office_words,
    speakers,
)
from rag.phrasing import (
    AUXILIARY,
    RELEASE,
    TITLE_KIND,
    TITLED,
    VIEWERS_GET,
    WH_WORD,
    core_question,
    question_words,
    title_named_before,
)
from rag.places import (
    asks_location,
    asks_relative_place,
    names_location,
    place_words,
    says_relative_place,
)
from rag.retrieval import STOPWORDS, tokenize
from rag.roles import (
    LEAD_ACTOR,
    PRONOUNS,
    ROLE_NAMED_FIRST,
    ROLE_QUESTION,
    Lead,
    lead_actor_asked,
)

# "How much did Netflix spend ...?": answered by a sum of money.
_MONEY_QUESTION = re.compile(
    r"\bhow much\b.*\b(?:spen[dt]|spending|cost|costs|costing|pa(?:y|id|ying)|earn(?:ed|s)?|"
    r"budget(?:ed)?|invest(?:ed)?|worth|gross(?:ed)?|charge[ds]?)\b|\bhow much money\b"
    # "What was the production budget?", "How big was the budget?": the sum, said in money
    r"|\bwhat(?:'s|\s+(?:is|was|are|were))\s+(?:the|its|her|his|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:budget|cost|price|salary|fee)s?\b"
    r"|\bhow\s+expensive\b|\bhow\s+(?:big|large|high)\b[^?]*\b(?:budget|cost|price|salary|fee)s?\b")
# A capitalised word that does not open a sentence: "According to Esquire", "like Bewitched".
_TITLE_WORD = re.compile(r"(?<=[a-z,;:]\s)[\"'\u201c\u2018]?([A-Z][\w-]+)")
# How documentation names things: up to four words in straight double quotes ("break",
# "pip freeze"; curly ones are a news writer's scare quotes, and a quoted remark ends in
# punctuation), a dotted or underscored name (sys.modules, __all__), a call (exec()) or
# an option (--no-deps).
_CODE_TERM = re.compile(
    r"\"([^\"\s]{1,40}(?: [^\"\s]{1,40}){0,3}(?<![,.;:!?]))\"|"
    r"(?<![\w-])(--?[a-z][\w-]+|\w+_\w*|_\w+|\w{2,}(?:\.\w{2,})+(?:\(\))?|\w+\(\))", re.I)


def _code_terms(text: str) -> list[str]:
    return [quoted or bare for quoted, bare in _CODE_TERM.findall(text)]


# "Which of Jessica's friends ...": the kind of answer comes after "of"
_WHICH_OF = r"(?:of\s+(?:the|his|her|their|its|[\w-]+'s)\s+)?"
# "Why ...?", "How come ...?": a question asking for a reason.
_WHY = re.compile(r"\s*(?:why|how come|what(?:'s| is| was) the reason|for what reason)\b", re.I)
# A clause giving a reason; "as" only where it opens one ("as they're just across the hall"),
# not in "as for" or "such as".
_REASON = re.compile(
    r"\b(?:because|since|due to|thanks to|in order to|so that|the reason|that's why|which is "
    r"why|as (?:they|she|he|it|we|you|i|there)(?:'re|'s|'m|'ve)?)\b"
    # "as she explains" says who says so, not why
    r"(?!\s+(?:explain|say|said|put|note|told|tell|mention|know|knew|recall|point|reveal|"
    r"describe|confirm|report)\w*)", re.I)
# "Who's the actor behind Malcolm?", "Who is in charge of The Defenders?": words for how a
# person stands to what is asked about. Articles credit people by name ("Malcolm (Eka
# Darville)", "Helmed by ... Petrie and Marco Ramirez") more than they call them actors or
# say who is in charge, so these words are part of the kind of answer, not its subject.
_RELATION = re.compile(
    r"\b(?:actors?|actress(?:es)?|stars?|showrunners?|person|people|who(?:'s|\s+is|\s+was|"
    r"\s+are)?)(?:\s+behind\b)?|\bin charge\b",
    re.I,
)
# Words for the kind of date asked for: "What's the release window?" asks when, as does
# "defenders release window"; articles give the date and never call it a window.
# Not "day" ("ritter day off schedule" asks for no date).
DATE_KIND = r"(?:dates?|years?|windows?|time\s?frames?)"
# A search-box query, with no question word: "malcolm actor jessica jones" asks for a name,
# "luke cage netflix premiere date" or "jj season 2 filming start" for a date.
_QUERY_KINDS = (
    ("name", re.compile(rf"\b{PERSON}|\b(?:cast|plays?|played)\b", re.I)),
    # The last word of a search is what it asks for: "release priority" is no date.
    ("date", re.compile(rf"\b{DATE_KIND}\b|\b(?:premieres?|release|starts?|begins?)\b"
                        r"(?!\s+[a-z]+\W*$)", re.I)),
)
# "dexter was on which network": the question word last, where a user types it.
_WHICH_LAST = re.compile(r"\b(?:which|what)\s+(?P<kind>[a-z-]+)\s*\??\s*$", re.I)
# "Who plays Malcolm and who plays Trish?", "Who helms it, and when is it out?", "Who said
# it, and before what year ...?"
_SECOND_PART = re.compile(
    r",?\s+and\s+(?:(?:roughly|approximately|exactly|before|after|by|until|since|in|from|on|at|"
    r"for|with)\s+)?"
    rf"(?={WH_WORD}\b)|"
    # "When does Luke Cage hit Netflix, and is Kilgrave coming back?": after a comma, a
    # yes-no question too
    r",\s+and\s+(?=(?:is|are|was|were|will|does|did|do|has|have|can)\s)", re.I
)
# "... for Luke Cage and The Defenders?": two titles, each its own release
_TWO_TITLES = re.compile(
    r"\b(?P<a>(?:[A-Z][\w'-]*\s+)*[A-Z][\w'-]*)\s+and\s+"
    r"(?P<b>(?:[Tt]he\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)")
# "Malcolm and Patsy Walker - which actors play each of them?": two roles named before a
# role question that asks for each
_EACH_OF_THEM = frozenset({"each of them", "both of them", "the two of them", "each", "both",
                           "them", "those two", "the two"})
_TWO_NAMED = re.compile(r"\b(?P<a>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)\s+(?:and|&)\s+"
                        r"(?P<b>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)")
# "... in 2017 or in 2018?" -> ("2017", "2018"); a remark may follow the question ("...
# 2017 or 2018? I've seen both years mentioned.")
_ALTERNATIVES = re.compile(
    r"(?P<prep>\b(?:in|on|at|by)\s+)?(?P<a>\S+)\s+or\s+(?:(?:in|on|at|by)\s+)?(?P<b>[^\s?]+)\s*\?"
    r"(?=\s*$|\s+[^?]*$)",
    re.I,
)


# "What will season 2 be about?", "What does it explore?", "What's the focus of season 2?":
# a question about what a work is about, answered by a sentence that says so.
_TOPIC_VERB = (r"(?:explor\w*|focus\w*(?:\s+on)?|deal(?:s|ing)?\s+with|tackl\w*|dig(?:s|ging)?\s+"
               r"into|cent(?:er|re)(?:s|ed)?\s+on|revolv\w*\s+around|be\s+about|(?:is|are)\s+"
               r"(?:\w+\s+){0,4}about)")
_TOPIC_QUESTION = re.compile(
    rf"^\s*what(?:'s|\s+is|\s+are|\s+will|\s+does|\s+do)?\b(?:"
    rf".*\b{_TOPIC_VERB}(?:\s+(?:for|with|in|regarding)\s+[^?]*)?\s*\??\s*$|"
    r"\s+(?:the\s+)?(?:\w+\s+)?(?:focus|themes?|subject|storyline|story|plot|premise)\b)",
    re.I,
)
_TOPIC_SENTENCE = re.compile(
    r"\b(?:explor(?:e|es|ing)|all about|about how|focus(?:es|ed|ing)? on|deal(?:s|ing)? with|"
    r"tackl(?:e|es|ing)|dig(?:s|ging)? into|cent(?:er|re)(?:s|ed)? on|revolv(?:e|es|ing) around)"
    r"\b",
    re.I,
)
_TOPIC_WORDS = frozenset("explore focus deal tackle dig center centre revolve theme themes "
                         "subject storyline story plot premise about".split())

# "Which magazine did ...", "Which premium cable network aired ...": the words naming the
# kind of thing asked for, up to the verb (or the one word after "which" when there is
# none), after any preposition the question leads with ("On which network did ...?").
_WHICH = re.compile(
    rf"^\s*(?:(?:on|in|at|for|from|by|with|to|under|through)\s+)?(?:which\s+{_WHICH_OF}"
    rf"(?:(?P<kind>(?:[\w-]+\s+){{0,3}}?[\w-]+)\s+(?:{AUXILIARY}|[a-z]{{3,}}ed)\b|"
    rf"(?!{AUXILIARY}\b)(?P<word>[\w-]+))|"
    # "What TV series did ...": only with a verb after it, for "what" alone asks anything
    rf"what\s+(?!{AUXILIARY}\b)(?P<what>(?:[\w-]+\s+){{0,2}}?[\w-]+)\s+{AUXILIARY}\b|"
    # or a kind of named thing doing something: "What channel aired it?"
    rf"what\s+(?P<named>(?:[\w-]+\s+)?{TITLE_KIND})\s+(?!{AUXILIARY}\b)[a-z]{{3,}}(?:ed|s)\b)",
    re.I,
)


# "How much rest ...?", "How much time off ...?": an amount of time, not a share.
_TIME_AMOUNT = re.compile(r"\bhow much\s+(?:rest|time|sleep|leave|vacation|downtime|break)\b",
                          re.I)
# "How old is she?", "What age is Ritter?": answered by an age, not any number.
_AGE_QUESTION = re.compile(r"\bhow old\b|\bwhat age\b", re.I)
# "What does Jessica have that Trish does not?", "What's the one thing Trish doesn't have
# that Jessica does?": what one has and another lacks, which articles put as an exception
# ("she has everything you could possibly want, except powers")
_LACKS_QUESTION = re.compile(
    r"\bwhat\b.*(?:\b(?:does|do|did)(?:n['\u2019]t|\s+not)\s+have\b|"
    r"\b(?:lacks?|lacking|missing)\b|"
    r"\bhave\b.*\b(?:does|do|did)(?:n['\u2019]t|\s+not)\s*\??\s*$)", re.I)
_EXCEPTION = re.compile(r"\b(?:except|apart\s+from|other\s+than|but\s+not)\b", re.I)
# "Who said 2017 or 2018?", "How many years from 2015 to 2018?" ask no date.
_WHO_OR_HOW = re.compile(r"\s*(?:who|whom|whose|how)\b", re.I)


@functools.lru_cache(maxsize=256)
def expected_answer_type(question: str) -> str:
    """"name" for who-questions, "date" for when, "number" for how many, "title" for a
    which-question about a named kind of thing ("Which magazine ..."), "topic" for what a
    work is about ("What will season 2 explore?"), "place" for where one thing is against
    another ("How close are the two writing teams?"), "location" for where something is
    or is made ("Which city is it filmed in?"), "alias" for the name a character goes by
    ("What's Trish Walker's superhero name?"), "occupation" for what someone does for a
    living, "exception" for what one has and another lacks; else ""."""
    if ROLE_NAMED_FIRST.match(question):  # "And Malcolm, who plays him?"
        return "name"
    weighed = weighs_years(question)  # often said before the question proper
    question = core_question(question)
    q = question.lower()
    if (re.match(r"\s*(who|whom|whose)\b", q)
            or re.match(rf"\s*(which|what)\s+{_WHICH_OF}{ASKED_PERSON}", q)
            or re.match(rf"\s*what(?:'s|\s+is|\s+was|\s+are)\s+the\s+names?\s+of\s+"
                        rf"(?:the|her|his|their)\s+{ASKED_PERSON}", q)):
        return "name"
    if (re.match(r"\s*when\b", q)
            or re.search(r"\b(what|which) (year|date|month|day|window|time ?frame)\b", q)
            or (weighed and not _WHO_OR_HOW.match(q))
            or re.match(rf"\s*what\b.*\b(release|premiere) {DATE_KIND}\b", q)):
        return "date"
    if asks_alias(question):
        return "alias"
    if asks_occupation(question):
        return "occupation"
    if _LACKS_QUESTION.search(question):
        return "exception"
    if asks_relative_place(question):
        return "place"
    if asks_location(question):
        return "location"
    # "how far along" asks how much is done; "how far apart" a distance, which is no number;
    # "how much say does she have?" a share in what is decided, said in words ("only as
    # involved as they need me to be")
    if (re.search(r"\bhow (many|much(?!\s+(?:say|input|control|involvement|influence|sway|"
                  r"authority|freedom|involved)\b)|long|far(?!\s+(?:apart|away|from|off)\b))\b",
                  q)
            or _AGE_QUESTION.search(q) or _MONEY_QUESTION.search(q)
            or re.match(r"\s*which (season|episode)", q)):
        return "number"
    if _TOPIC_QUESTION.match(question):
        return "topic"
    which = _WHICH.match(question)
    if which and (not which["what"] or TITLED.search(which["what"])):
        return "title"  # "Which magazine did ...", "What TV series did ...": a named thing
    last = _WHICH_LAST.search(question)
    if last and TITLED.search(last["kind"]):
        return "title"
    if is_search_query(question):
        return next((kind for kind, words in _QUERY_KINDS if words.search(question)), "")
    return ""


def with_lead_actor_named(question: str, lead: Lead | None) -> str:
    """The question with the lead's actor named where it only calls her so and asks no
    name ("Who is the lead actress?" asks hers): "What break will the showrunner give her
    star?" -> "... her star Ritter?". The articles say what they say of her by her name,
    which the sentence then shares."""
    actor = lead_actor_asked(question, lead)
    if not actor or expected_answer_type(question) == "name":
        return question
    return LEAD_ACTOR.sub(lambda m: f"{m[0]} {actor}", question, count=1)


def is_search_query(question: str) -> bool:
    """Whether the question is typed as into a search box, with no question word and no
    verb that could ask one ("kilgrave actor", "luke cage release date on netflix?")."""
    return not re.search(rf"\b{WH_WORD}\b|\b{AUXILIARY}\b", question, re.I)


# "defenders showrunners names": the last word of a search asking for the people it names
_NAMES_ASKED = re.compile(r"(?<=\w)\s+names?\W*$", re.I)


def without_names_asked(question: str) -> str:
    """A search-box query without the "names" that ends it: "defenders showrunners names"
    asks for the showrunners, whom the articles name but never call names."""
    if not is_search_query(question):
        return question
    return _NAMES_ASKED.sub("", question)


def answer_kind_words(question: str) -> str:
    """The lower-case words of a which-question that name the kind of answer ("magazine" in
    "Which magazine did Rosenberg tell?"): articles name the magazine, not call it one. So
    are the words for how a person stands to the subject in a who-question ("actor", "in
    charge", "executive"), and for how a thing comes out in a release question ("arrive")."""
    question = core_question(question)
    if _TOPIC_QUESTION.match(question):  # "focus" in "What will it focus on?"
        return " ".join(w for w in re.findall(r"[a-z]+", question.lower()) if w in _TOPIC_WORDS)
    if asks_relative_place(question):  # "close" in "How close are the two teams?"
        return place_words(question)
    relation = ""
    if expected_answer_type(question) == "name":
        # and the office asked about: "executive" in "Which Netflix executive said ...?",
        # whom the articles call "Netflix head Ted Sarandos"
        office = asked_office(question)
        relation = " ".join([m.group(0) for m in _RELATION.finditer(question)]
                            + [w for w in re.findall(r"[\w-]+", question.lower())
                               if w in office])
    elif expected_answer_type(question) == "alias":  # "alter ego": articles give the alias
        relation = alias_words(question)
    elif expected_answer_type(question) == "occupation":  # "job": articles give the job
        relation = occupation_words(question)
    elif asks_release(question):  # "arrive" in "When does it arrive?" says how, not what
        relation = " ".join(RELEASE.findall(question)
                            + re.findall(rf"\b{DATE_KIND}\b", question, re.I))
    if is_search_query(question):  # "dexter network", "emmy category won"
        relation = " ".join([relation, *re.findall(rf"\b{TITLE_KIND}\b", question, re.I)])
    match = _WHICH.match(question) or _WHICH_LAST.search(question)
    if not match:
        return relation.strip()
    kind = next(k for k in match.groupdict().values() if k)
    return " ".join([w for w in kind.split() if w.islower()] + relation.split())


def asks_for_one(question: str) -> bool:
    """Whether the question asks for one title or one date, other than a release date
    ("Which comic run was the first season based on?", "When does filming start?"): a
    near-best sentence from another article names another thing, not more of the answer.
    "Which publications ...?" asks for several, and when something comes out is asked
    of every article, for they may disagree."""
    return (expected_answer_type(question) in ("title", "date") and not asks_several(question)
            and len(question_parts(question)) == 1 and not asks_release(question))


def asks_several(question: str) -> bool:
    """Whether a which-question asks for several things ("Which publications ...?")."""
    return any(w.endswith("s") and not w.endswith(("ss", "series"))
               for w in answer_kind_words(question).split())


def asks_why(question: str) -> bool:
    """Whether the question asks why ("How come it's so easy to coordinate?")."""
    return bool(_WHY.match(core_question(question)))


def gives_reason(question: str, text: str) -> bool:
    """Whether `text` gives a reason, for a question that asks why ("How come it's so easy to
    coordinate?" is answered by "... it's extremely easy as they're just across the hall")."""
    return asks_why(question) and any(_reasons(text))


def _reasons(text: str) -> Iterator[re.Match[str]]:
    """Where `text` gives a reason: "because", "as they're", ...; not the "as" of "as
    involved as they need", which compares."""
    return (m for m in _REASON.finditer(text)
            if not re.search(r"\bas [\w-]+ $", text[: m.start()], re.I))


_REASON_REACH = 4  # words before "because" that say what it is the reason for


def reason_for_what_was_asked(question: str, text: str) -> bool:
    """Whether `text` gives a reason for something the question asks about: a word of the
    question just before it ("it's extremely easy as they're just across the hall" for
    "How come it's so easy to coordinate?"), not for something else ("part of that is
    because whatever goes down in The Defenders ..." for "Why does she value the
    schedule?")."""
    if not asks_why(question):
        return False
    asked = set(tokenize(question))
    return any(asked & set(tokenize(" ".join(text[: m.start()].split()[-_REASON_REACH:])))
               for m in _reasons(text))


# "How does the time she gets now compare with cable?", "Is it darker than season 1?"
_COMPARES = re.compile(r"\b(?:compar(?:e|es|ed|ing|ison)|versus|vs)\b|\bthan\b", re.I)


def gives_comparison(question: str, text: str) -> bool:
    """Whether `text` compares ("This is an even more generous schedule than that."), for a
    question that asks how one thing compares with another."""
    return bool(_COMPARES.search(question)) and bool(re.search(r"\bthan\b", text, re.I))


def is_yes_no(question: str) -> bool:
    """ "Is it out in 2017?": a sentence that repeats such a question confirms it."""
    return bool(re.match(r"\s*(is|are|was|were|will|would|does|do|did|can|could|has|have)\b",
                         core_question(question), re.I))


def asks_release(question: str) -> bool:
    """Whether a when-question asks when something comes out ("When is season 2 due to hit?",
    "When do we get season 2?"), or weighs the years given for it ("I keep seeing both 2017
    and 2018 for season 2 - which is it?")."""
    return expected_answer_type(question) == "date" and bool(
        RELEASE.search(question) or VIEWERS_GET.search(question) or weighs_years(question))


def weighs_years(question: str) -> bool:
    """Whether the question sets years against each other ("I've seen both 2017 and 2018
    mentioned for the second season. What do the reports say?") or checks a year of a
    release ("One piece said season two would arrive in 2017 - is that right?"): either
    asks when it comes out."""
    found = years(question)
    return len(found) > 1 or bool(found and RELEASE.search(question) and is_yes_no(question))


def asks_one_release(question: str) -> bool:
    """Whether the question asks when one thing comes out, and nothing else."""
    return len(question_parts(question)) == 1 and asks_release(question)


def asked_office(question: str) -> frozenset[str]:
    """The words for the office a who-question asks about ("Which director ...?" ->
    {"director", "directors"}); empty for other questions."""
    if expected_answer_type(question) != "name":
        return frozenset()
    return office_words(question)


def asked_people(question: str, text: str) -> list[str]:
    """The people `text` introduces by the office a who-question asks about ("Which Netflix
    executive said ...?" -> "Ted Sarandos" in "Netflix head Ted Sarandos"), or, for "Who
    wrote the article?", the writer its byline gives."""
    if expected_answer_type(question) == "name" and asks_byline(question):
        return bylines(text)
    office = asked_office(question)
    return office_holders(office, question, text) if office else []


def asks_duration(question: str) -> bool:
    """Whether the question asks how long something lasts or has lasted ("How long had
    season 1 been out?"), or how much time off someone gets ("How much rest ...?"), which
    a length of time answers ("a few days off")."""
    return bool(re.search(r"\bhow long\b", question, re.I) or _TIME_AMOUNT.search(question))


def asks_elapsed(question: str) -> bool:
    """Whether the question asks how much time has gone by ("How long had season 1 been
    out?", "How long ago did it premiere?", "How many months had passed since it
    debuted?"), which "nearly six months since" answers."""
    return bool(re.search(r"\bhow (?:long|many\s+(?:days|weeks|months|years))\b.*"
                          r"\b(?:been|since|ago|passed|gone\s+by|elapsed)\b", question, re.I))


def said_in_few_words(question: str) -> bool:
    """Whether the question asks for a kind of answer that articles say in a few words of
    their own, rarely the question's, in a sentence that seldom ranks high: where one thing
    is against another ("just across the hall"), how long ago ("nearly six months
    since"), the alias of a character ("Patsy ‘Hellcat’ Walker"), what someone does for a
    living ("the troubled private investigator"), or what one has and another lacks
    ("except powers")."""
    return (expected_answer_type(question) in ("place", "alias", "occupation", "exception")
            or asks_elapsed(question))


def states_outright(question: str) -> bool:
    """Whether the question is answered by a sentence that says it outright: what a season
    is about ("Season 2 will explore ..."), or when something comes out ("... expected to
    hit in 2017"), rather than by any sentence holding a name or a date."""
    return expected_answer_type(question) == "topic" or asks_release(question)


def has_answer_type(question: str, text: str) -> bool:
    """Whether `text` holds what the question asks for and does not already say: a name, a
    date, a title, a count of the thing asked about ("How many episodes?" -> "13 episodes"). True
    when the question expects no particular type."""
    kind = expected_answer_type(question)
    asked = question.lower()
    asked_words = question_words(question)
    if kind == "name":  # "Jessica Jones" does not answer "Who plays Jessica?"
        found = names(text) + (speakers(text) if asks_who_said(question) else [])
        return any(not set(n.lower().split()) & asked_words for n in found)
    if kind == "date":
        # "When is it coming out?" is answered by the date it comes out, not by the month
        # its scripts were half written: a release question wants a release sentence.
        if asks_release(question) and not RELEASE.search(text):
            return False
        return any(d.lower() not in asked for d in DATE.findall(text))
    if kind == "title":  # a capitalised word inside a sentence, not one the question has
        if title_words(question, text):
            return True
        # Documentation names things in code, not in capitals: "break", sys.exception().
        return any(term.lower() not in asked for term in _code_terms(text))
    if kind == "topic":
        return bool(_TOPIC_SENTENCE.search(text))
    if kind == "location":
        return names_location(question, text, asked_words)
    if kind == "place":
        return says_relative_place(text)
    if kind == "occupation":
        return names_occupation(text, question)
    if kind == "exception":
        return bool(_EXCEPTION.search(text))
    if kind == "alias":  # the alias of someone the question names, first name or last
        return names_alias(text, asked_words, asked)
    if kind == "number":
        if _AGE_QUESTION.search(asked):  # not any number near the name
            return bool(AGE.search(text))
        if _MONEY_QUESTION.search(asked):  # a sum, not "nearly six months"
            return bool(MONEY.search(text))
        if asks_elapsed(question):  # "nearly six months since", not "a couple of years"
            return bool(ELAPSED.search(text))
        if asks_duration(question):  # "nearly six months", not "season 1"
            return bool(DURATION.search(text))
        counted = re.search(r"\bhow many\s+([a-z]+?)(?:e?s)?\b", asked)
        if counted:  # the number must count that thing, not be any number nearby
            unit = re.escape(counted.group(1))
            # "13 episodes", "13 new episodes", "all four of Netflix's heroes"; not the 2
            # of "season 2"
            of = r"(?:\s+of\s+(?:the|its|their|his|her|\w+['\u2019]s))?"
            return bool(re.search(rf"{COUNT.pattern}{of}(?:\s+\w+)?\s+{unit}",
                                  NUMBER_LABEL.sub(" ", text), re.I))
        # "How much of the scripts ...?" is answered by "midway through", not by "season one";
        # "How much rest ...?" asks an amount of time, not what share of anything.
        if (re.search(r"\bhow (?:much|far)\b", asked) and PROPORTION.search(text)
                and not _TIME_AMOUNT.search(asked)):
            return True
        text = NUMBER_LABEL.sub(" ", text)
        return any(n.lower() not in asked for n in COUNT.findall(text))
    return True


def title_words(question: str, text: str) -> list[str]:
    """The capitalised words inside `text` that the question does not have ("Alias" in
    "... pulled heavily from the Alias comic run"): the candidates for a title."""
    known = _not_titles(question)
    return [w for w in _TITLE_WORD.findall(text) if w.lower() not in known]


def _not_titles(question: str) -> frozenset[str]:
    """Capitalised words that name no title asked for: the question's own, openers, "TV"."""
    return question_words(question) | STOPWORDS | OPENERS | _NOT_A_TITLE


# Capitalised, but the name of no one thing: "network TV" names no network, and an
# interjection opening a quote ("her going, 'Oh, I don't want ...'") names nothing.
_NOT_A_TITLE = frozenset("tv dvd dvds cd hd ok oh ah uh um hey wow yes yeah well okay".split())
# "... when saying Jessica will never wish her powers away", "When she says ..., which ...":
# what was being said when the thing asked about was named
_SAID_WHEN = re.compile(r"(?:^|\s)(?:when|while)\s+(?P<said>[^?,]+)", re.I)


def said_when(question: str) -> str:
    """What the question says was being said, or done, when the thing it asks about came
    up ("saying Jessica will never wish her abilities away" in "Which sitcom did she bring
    up when saying Jessica will never wish her abilities away?"), or states before asking
    ("She rules it out. Which show ...?"); "" where it says none. Not the question's own
    "when" ("When does it come out?")."""
    core = core_question(question)
    scene = question[: len(question) - len(core)] if question.endswith(core) else ""
    found = _SAID_WHEN.search(core, 1) or _SAID_WHEN.match(scene)
    if found:
        return found["said"].strip()
    # "Rosenberg says Jessica will never want to lose her powers - which old TV show did
    # she compare that to?": what was said, stated before the question
    stated = re.match(r"^(?P<said>[^?]+?)\s*(?:[-\u2013\u2014:]|\.)\s*$", scene)
    return stated["said"].strip() if stated else ""


# Words for one kind of named thing, as a question asks for it and as an article calls it.
# A sitcom is a show, but a show is no sitcom: only words for the same kind go together.
_SAME_KIND = (frozenset("show series spin-off programme program".split()),
              frozenset("magazine publication outlet site website".split()))
# Words of a which-question's kind that say which one, not what kind ("other", "new").
_NOT_A_KIND = frozenset(
    "other another new old older first last next same earlier later previous prior former "
    "recent latest upcoming current original classic famous popular particular specific big "
    "main major".split())


def titles_called_the_kind(question: str, text: str) -> list[str]:
    """The titles `text` calls by the kind of thing a which-question asks for: "Alias" in
    "... pulled heavily from the Alias comic run" for "Which comic book run ...?", and
    "Bewitched" in "the sitcom Bewitched" for "Which sitcom ...?"."""
    called = _called_the_kind(question)
    if called is None:
        return []
    known = _not_titles(question)
    return [t for m in called.finditer(text)
            if (t := m["before"] or m["after"]).lower() not in known]


@functools.lru_cache(maxsize=256)
def _called_the_kind(question: str) -> re.Pattern[str] | None:
    """A title next to a word for the kind of thing asked about, made once per question
    (evidence selection tries it on hundreds of sentences); None where it asks for none."""
    kind = [w for w in answer_kind_words(question).split()
            if w not in STOPWORDS and w not in _NOT_A_KIND]
    if expected_answer_type(question) != "title" or not kind:
        return None
    # "Which other show ...?" is answered by "The Punisher spin-off series"
    kind += [same for w in kind for group in _SAME_KIND if w in group for same in group]
    words = "|".join(re.escape(w.removesuffix("s")) for w in dict.fromkeys(kind))
    return re.compile(
        rf"(?<![\w'\u2019-])(?P<before>[A-Z][\w-]*)\s+(?:[a-z-]+\s+)?(?:{words})s?\b|"
        rf"\b(?:{words})s?\s+(?:called\s+|named\s+)?(?P<after>[A-Z][\w-]*)")


def mentions(text: str, option: str) -> bool:
    """Whether `text` names `option` as a whole word: "2017" is in "2017's", not in "20170"."""
    return bool(re.search(rf"\b{re.escape(option)}\b", text, re.I))


def question_parts(question: str) -> list[str]:
    """A two-part question as two questions, an "A or B?" question as one question per
    option, a release or role question naming two titles as one question per title (so
    that each gets its own evidence); any other question as itself."""
    options = _ALTERNATIVES.search(question)
    if options:
        stem = question[: options.start()].rstrip() + " " + (options["prep"] or "")
        return [f"{stem}{options[k].strip('.,')}?" for k in ("a", "b")]
    parts = [p.strip(" ,") for p in _SECOND_PART.split(question) if p.strip(" ,")]
    if len(parts) < 2:
        # Each its own question: "When do Luke Cage and The Defenders come out?", "Who
        # plays Daredevil and Iron Fist?"
        titles = _TWO_TITLES.search(question) if asks_release(question) else None
        if titles:
            start, end, each = titles.start(), titles.end(), (titles["a"], titles["b"])
        else:
            asked = ROLE_QUESTION.match(core_question(question))
            role = asked["role"].strip() if asked else ""
            start = question.rindex(role) if role else 0
            named = _TWO_NAMED.search(question[:start]) if role.lower() in _EACH_OF_THEM else None
            if named:
                each = (named["a"], named["b"])
            elif " and " in role:
                each = tuple(role.split(" and ", 1))
            else:
                return [question]
            end = start + len(role)
        return [question[:start] + title + question[end:] for title in each]
    parts = [title_named_before(_role_named_before(p, parts[k - 1]), parts[k - 1]) if k else p
             for k, p in enumerate(parts)]
    return [p[:1].upper() + p[1:] + ("" if p.endswith("?") else "?") for p in parts]


def _role_named_before(part: str, before: str) -> str:
    """A role question whose role is a pronoun, with the pronoun read as the person the part
    before names: "What does Jessica do for a living, and which actress plays her?" asks
    who plays Jessica."""
    match = ROLE_QUESTION.match(core_question(part))
    pronoun = match["role"].strip() if match else ""
    named = re.findall(r"(?<=\s)[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*", core_question(before))
    if pronoun.lower() not in PRONOUNS or not named:
        return part
    last = list(re.finditer(rf"\b{pronoun}\b", part))[-1]
    return part[: last.start()] + named[0] + part[last.end():]


def alternatives(question: str) -> tuple[str, ...]:
    """The two options of an "A or B?" question ("2017", "2018"); () for other questions."""
    match = _ALTERNATIVES.search(question)
    if not match:
        return ()
    return tuple(match[k].strip(".,") for k in ("a", "b"))
