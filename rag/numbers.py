"""Numbers, years and dates as articles write them: "the second season" and "season two"
hold the number 2, "mid-2017" is a date, and "season one" labels a season, counting nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.retrieval import THOUSANDS_SEPARATOR

_YEAR = r"(?:1[89]|20)\d\d"
YEAR = re.compile(rf"\b{_YEAR}\b")
DATE = re.compile(
    # "mid-2017" answers "When in 2017 ...?", which "2017" alone does not
    rf"\b(?:(?:(?:(?:early|mid|late)[- ]|(?:spring|summer|fall|autumn|winter)\s+)?{_YEAR}|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"next year|this year|last year|"
    r"(?:immediately|right|shortly|soon|directly) after)\b|"
    r"(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.)"
)
# Numbers written as words, as their digits: "the second season" and "season two" hold "2".
_NUMBER_WORDS = {word: str(n) for n, pair in enumerate(
    ["one first", "two second", "three third", "four fourth", "five fifth", "six sixth",
     "seven seventh", "eight eighth", "nine ninth", "ten tenth", "eleven eleventh",
     "twelve twelfth"], start=1) for word in pair.split()}
SPELLED_NUMBER = re.compile(rf"\b(?:{'|'.join(_NUMBER_WORDS)})\b", re.I)
_CARDINALS = [w for w in _NUMBER_WORDS if not w.endswith(("st", "nd", "rd", "th"))]
# Number words that name no number to look for: "one", compounds ("third-party",
# "one-time"), and spelled counts, unless they number a thing ("season two").
_UNNUMBERED = re.compile(
    rf"\bone\b|\b(?:{'|'.join(_NUMBER_WORDS)})-(?=[a-z])|"
    r"(?<!season )(?<!episode )(?<!part )(?<!chapter )(?<!volume )(?<!version )(?<!book )"
    rf"(?<!phase )(?<!step )(?<!level )\b(?:{'|'.join(_CARDINALS)})\b",
    re.I,
)
# A count: "13 episodes", "ten new episodes", "a dozen".
COUNT = re.compile(
    rf"\b(?:\d+|{'|'.join(_CARDINALS)}|thirteen|fourteen|fifteen|twenty|thirty|forty|fifty|"
    r"hundred|dozen)\b",
    re.I,
)
# How far along something is: answers "How much of the scripts are written?"
PROPORTION = re.compile(
    r"\b(?:half|halfway|midway|quarter|percent|per cent|most|majority|fraction|thirds?)\b|%",
    re.I)
# Someone's age: "41 years old", "a 41-year-old", "aged 41", "Rosenberg, 41,".
AGE = re.compile(
    r"\b\d{1,3}[- ]years?[- ]old\b|\baged?\s+\d{1,3}\b|,\s+\d{1,3},(?=\s+[a-z])", re.I)
# A length of time: "nearly six months", "a couple of years", "half a year", "13 weeks".
DURATION = re.compile(
    rf"\b(?:\d+|{'|'.join(_CARDINALS)}|a|an|few|couple of|several|many|half an?)"
    r"(?:[\s-]+(?:more|full|long|whole|other))?[\s-]+"
    r"(?:minute|hour|day|week|month|year|decade)s?\b",  # "a second season" is no time
    re.I)
# Time gone by: "nearly six months since the first season hit", "two years ago", "it has
# been a year". "The wait will be a couple of years", "worked in TV for many years" are
# lengths of time, not time gone by.
ELAPSED = re.compile(
    rf"(?:{DURATION.pattern})\s+(?:since|ago)\b|\bbeen\s+(?:(?:nearly|almost|about|around|"
    rf"over|just|more than|less than)\s+)?(?:{DURATION.pattern})", re.I)
# A sum of money: "$4 million", "a budget of 90 million dollars", "£2m".
MONEY = re.compile(
    r"[$\u00a3\u20ac]\s?\d|\b\d[\d,.]*\s?(?:m|bn|k|million|billion|thousand)?\s*"
    r"(?:dollars|euros|pounds|usd|eur|gbp)\b|\b(?:budget|cost|price|salary|fee|paid)\b"
    r"[^.]{0,30}\b\d[\d,.]*\s?(?:million|billion|thousand|m|bn|k)\b",
    re.I)
# A number that labels a thing rather than counts ("season one", "episode 3").
NUMBER_LABEL = re.compile(r"\b(?:season|episode|part|chapter|volume|phase)\s+\w+", re.I)


def years(text: str) -> set[str]:
    """The four-digit years in `text` ("2017" in "mid-2017")."""
    return set(YEAR.findall(text))


def digits(text: str) -> set[str]:
    """The numbers written in digits in `text`, thousands separators dropped ("1,000" and
    "1000" are one number; "seasons 2,3" are two)."""
    return set(re.findall(r"\d+", THOUSANDS_SEPARATOR.sub("", text)))


def numbers(text: str) -> set[str]:
    """The numbers in `text` as digits: "Season 2", "the second season" and "season two"
    all hold "2", so a claim's "Season 2" is found in "the second season"."""
    words = (_NUMBER_WORDS.get(w, "") for w in re.findall(r"[a-z]+", text.lower()))
    return digits(text) | {w for w in words if w}


def unmentioned_numbers(question: str, texts: Sequence[str]) -> set[str]:
    """The numbers the question names that none of `texts` holds: "season 3" asked of
    passages that only ever speak of seasons 1 and 2. Left out: "one", being as often a
    pronoun ("before this one") as a number; a number word in a compound ("third-party");
    and a spelled-out count ("two different ABIs", "which two awards"), which a text
    answers by listing the things rather than by writing their number."""
    question = _UNNUMBERED.sub(" ", question)
    asked = numbers(question)
    return asked - set().union(*map(numbers, texts)) if asked else set()
