"""What someone does for a living: "What is Jessica's job?" is answered by the sentence that
calls her by an occupation ("the troubled private investigator"), which shares none of the
question's words but her name, and often not even that.

Below `rag.questions`, which gives such a question its answer type.
"""

from __future__ import annotations

import re

from rag.phrasing import question_words

# "What is Jessica's job?", "What's Jessica Jones's job?", "What's her day job in the
# show?", "What does Jessica do for a living?", "What is her profession?". Not "What did
# her earlier job teach her?": the job is the thing asked for, named last or after "as".
_OCCUPATION_QUESTION = re.compile(
    r"^\s*what(?:'s|\s+is|\s+was|\s+are|\s+were)\s+(?:the\s+)?"
    r"(?:(?:[\w-]+\s+){0,2}[\w-]+['\u2019]s?\s+)?"
    r"(?:(?:day|main|real|actual|current)\s+)?(?:job|occupation|profession|line\s+of\s+work|"
    r"career|trade)\b(?!\s+(?:teach|taught|of|and)\b)|"
    r"^\s*what\s+kind\s+of\s+(?:job|work)\b|"
    r"^\s*what\s+(?:does|did|do)\s+[\w\s'\u2019-]{1,40}?\s+"
    r"(?:do\s+for\s+(?:a\s+living|work|money|a\s+job)|work\s+as)\b",
    re.I)
# The words of such a question that say what kind of answer it wants
_ASKING_WORDS = re.compile(
    r"\b(?:job|occupation|profession|line\s+of\s+work|career|trade|living|work|money)\b", re.I)

# Occupations as news copy calls people by them: one word each, the last of the phrase
# ("private investigator", "staff writer"). Kept to work people are paid for: "hero" and
# "villain" are what a character is, not what she does for a living.
OCCUPATIONS = frozenset("""
    accountant actor actress agent analyst architect artist assistant astronaut athlete
    attorney author baker banker barber bartender bodyguard bookkeeper boxer builder
    butcher carpenter cashier chef chemist cleaner clerk coach columnist consultant cook
    cop correspondent counselor courier critic dancer dentist deputy designer detective
    developer director doctor driver economist editor electrician engineer entrepreneur
    executive farmer firefighter fisherman guard hacker historian host investigator
    janitor journalist judge lawyer lecturer librarian lieutenant mechanic mercenary
    musician nanny nurse officer painter paramedic pharmacist photographer physician
    physicist pilot plumber poet police policeman politician producer professor programmer
    prosecutor psychiatrist psychologist publicist publisher reporter researcher sailor
    scientist screenwriter secretary senator sergeant sheriff showrunner singer soldier
    spy student surgeon tailor teacher technician therapist trainer translator waiter
    waitress writer
""".split())
_NAME = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*"
_OCCUPATION = re.compile(
    # whose job it is, if said before: "Leon Brill is a staff writer", "Marco Ramirez and
    # Doug Petrie, showrunners of ..."
    rf"(?P<who>{_NAME}(?:\s+and\s+{_NAME})?"
    r"(?:,\s+|\s+(?:is|was)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?"
    # "With Melissa Rosenberg on board as the showrunner"
    r"|\s+(?:[\w-]+\s+){0,3}?as\s+(?:an?|the|its|their)\s+))?"
    # what it is the job on: "Jessica Jones showrunner"
    rf"(?P<of>{_NAME}[\u2019'\"]*\s+)?"
    rf"(?P<job>\b(?i:{'|'.join(sorted(OCCUPATIONS))})\b|\b(?i:private\s+eye)|\bPI\b)"
    # whom it introduces: "showrunner Melissa Rosenberg", "showrunner, Melissa Rosenberg"
    rf"(?P<name>,?\s+{_NAME})?")


def asks_occupation(question: str) -> bool:
    """Whether the question asks what someone does for a living."""
    return bool(_OCCUPATION_QUESTION.search(question))


def occupation_words(question: str) -> str:
    """The words that ask for an occupation ("job", "for a living"): articles call someone
    by it rather than say it is her job."""
    if not asks_occupation(question):
        return ""
    return " ".join(m[0] for m in _ASKING_WORDS.finditer(question))


def names_occupation(text: str, question: str = "") -> bool:
    """Whether `text` calls someone the question asks about by an occupation it does not
    already name. "Jessica Jones showrunner Melissa Rosenberg" tells Rosenberg's job, not
    Jessica's; "the troubled private investigator" tells that of whoever the text is about."""
    asked = question.lower()
    asked_words = question_words(question)  # cached: called for every candidate sentence

    def asked_about(name: str | None) -> bool:
        return bool(name and {w.lower() for w in re.findall(r"[A-Z][a-z]+", name)} & asked_words)

    for match in _OCCUPATION.finditer(text):
        if match["job"].lower() in asked:
            continue
        whose = match["who"] or match["name"]
        if whose:  # someone named with the job has it
            if asked_about(whose):
                return True
        elif not asked_about(match["of"]):  # "Jessica Jones showrunner": the show's, not hers
            return True
    return False
