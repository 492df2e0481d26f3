"""Which evidence answers the question, and so may be quoted as the answer when the
model's own reply does not hold: the sentences near the best that hold the kind of answer
asked for (a name, a date, an actor credited with the role, the outlet it was told to).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from rag.evidence import Evidence, shares_a_rare_word
from rag.outlets import asks_publication, names_only_asked_outlets, names_outlet, outlets_named
from rag.people import asks_byline, capitalised_words, says_state_of, yes_no_subject
from rag.phrasing import named_article
from rag.production import asks_start_of_work, states_start
from rag.progress import asks_progress, progress_sides
from rag.questions import (
    asked_office,
    asked_people,
    asks_release,
    asks_several,
    expected_answer_type,
    gives_reason,
    has_answer_type,
    question_parts,
    reason_for_what_was_asked,
    said_in_few_words,
    said_when,
)
from rag.releases import release_dates_of
from rag.retrieval import BM25, STOPWORDS
from rag.roles import asked_role, names_actor
from rag.types import Passage
from rag.wording import corpus_slips, mostly_unseen, paraphrased
from rag.wordnet import WordNet

ANSWER_MARGIN = 0.1  # evidence this far below the best cannot carry the answer alone


def quotable_evidence(question: str, evidence: Sequence[Evidence], lexical: BM25,
                      wordnet: WordNet | None, min_score: float) -> list[Evidence]:
    """The evidence good enough to quote as the answer: for each part of the question,
    the sentences scoring near its best that hold the kind of answer asked for (a name
    for "who", a date for "when", an actor credited with the role for "who plays", a
    count for "how many"), and not below `min_score`.

    Nothing when the question is mostly about words the corpus never contains, unless
    the evidence credits an actor with the role asked about ("Who stars as Jessica
    Jones?" answered by "...Jessica Jones. That series, led by Krysten Ritter").

    For a question about when something comes out, the evidence that dates that
    release is quotable however it scores (once the best reaches `min_score`), and is
    all that is: a source that disagrees with the best one must be shown (see
    `conflicting_years`), and a date of another release is no answer. Evidence saying when
    filming on the thing asked about starts is quotable however it scores, even when the
    best does not reach `min_score`.
    """
    unseen = mostly_unseen(question, lexical, paraphrased(question, lexical, wordnet))
    out: list[Evidence] = []
    for k, part in enumerate(question_parts(question)):
        items = [e for e in evidence if e.part == k]
        if not items:
            continue
        best = max(e.score for e in items)
        floor = max(best - ANSWER_MARGIN, min_score)
        role = asked_role(part)
        if role:
            out += [e for e in items if e.score >= floor and names_actor(role, e.text)]
        elif unseen:
            continue
        elif asks_publication(part):  # named in the sentence, or by its source line
            told = saying_where_told(part, [e for e in items if e.score >= floor], items,
                                     min_score)
            if asks_several(part) and told:  # "Which publications ...?": every one named
                told += [e for e in items if e.score >= min_score and e not in told
                         and outlets_named(part, e.text, e.passage.publication)]
            out += told
        else:
            # Where one thing is against another, or how long ago, is said in a few words
            # the question rarely shares ("just across the hall"): the sentence that says
            # it is the answer, however it scores, once the best evidence reaches the floor.
            if said_in_few_words(part) and best >= min_score:
                floor = 0.0
            typed = [e for e in items if e.score >= floor and has_answer_type(part, e.text)]
            # "Which old TV show does she bring up when saying Jessica will never want to
            # lose her powers?": the title in a sentence sharing what she was saying ("never
            # ... want to have powers"), not in one that does not ("Rosenberg worked on
            # Showtime's Dexter"), when there is one.
            context = said_when(part) if expected_answer_type(part) == "title" else ""
            if context:
                typed = [e for e in typed
                         if shares_a_rare_word(context, e.text, lexical.term_weight)] or typed
            # "Which director ...?" is answered by someone the sentence calls a director,
            # not by whoever else it names; "Who wrote the Esquire piece?" by the byline
            # of that article.
            if asked_office(part) or asks_byline(part):
                typed = [e for e in typed if asked_people(part, e.text)
                         and (not asks_byline(part) or names_its_article(part, e.passage))]
            # Once the best gives a reason, a near one that gives none is no more of it;
            # where none near the best gives one, the sentence reached for as the reason
            # ("... but it's extremely easy as they're just across the hall") is the answer.
            if best >= min_score and not any(gives_reason(part, e.text) for e in typed):
                typed = [e for e in items if e.score >= min_score
                         and reason_for_what_was_asked(part, e.text)][:1] or typed
            else:
                typed = _as_the_best_does(typed, partial(gives_reason, part))
            # Likewise once the best says what the one a yes-no question asks about is or
            # will be ("Killgrave is done and won't be created again" for "Is Kilgrave
            # coming back?"): a near one that only tells of him ("Now that he's out of the
            # picture, we'll see how she rebuilds her life") is no more of the answer.
            subject = yes_no_subject(part).lower()
            if subject and subject not in STOPWORDS:  # "Is it ...?" names no one
                # the articles' own spelling counts: "Killgrave is done"
                said = {subject, *corpus_slips(subject, lexical, wordnet).get(subject, ())}
                typed = _as_the_best_does(typed, partial(_says_state_of_any, said))
            if asks_release(part) and best >= min_score:
                # Every sentence dating this release, however it scores, and only those
                # when there are any: "luke cage release date" is "Luke Cage (which hits
                # Netflix on Sept. 30)", not "it'll be touching down in 2018, after ...
                # Luke Cage"; and the source that disagrees must be shown too, however
                # little else of a long question it shares.
                typed = [e for e in items if release_dates_of(part, e)] or typed
            if asks_start_of_work(part):
                # likewise every sentence saying when filming on the thing asked about
                # starts ("... will go into production early next year"), and only those
                # when there are any: saying it of that thing is answer enough, however
                # little else a short question shares ("When are cameras expected to
                # start rolling on the new season?")
                typed = [e for e in items if states_start(part, e.text)] or typed
            if asks_progress(part) and best >= min_score:  # and how far along the writing is
                typed = [e for e in items if progress_sides(e.text)] or typed
            out += typed
    return out


def _as_the_best_does(items: list[Evidence], holds: Callable[[str], bool]) -> list[Evidence]:
    """Those of `items` whose text `holds` is true of, when it is of the best of them: once
    the best gives the kind of answer, one that does not is no more of it. All of them
    otherwise."""
    kept = [e for e in items if holds(e.text)]
    return kept if items and max(items, key=lambda e: e.score) in kept else items


def _says_state_of_any(names: set[str], text: str) -> bool:
    return any(says_state_of(name, text) for name in names)


def saying_where_told(question: str, best: list[Evidence], items: Sequence[Evidence],
                      min_score: float = 0.0) -> list[Evidence]:
    """The `best` evidence for a which-outlet question that says where it was said:
    by the sentence's own words or by its article's source line. Where none does, the
    best sentence from an article with neither, with another of its sentences among
    `items` that names the outlet, however it scores ("Which outlet did she tell about
    Malcolm?": "... such as Malcolm (Eka Darville) ..." with "Rosenberg recently
    talked to Nerdist about season 2"). Where the best names only an outlet the question
    names ("Besides Esquire, which outlets ...?"), the sentences among `items` naming
    another, by their words or their article's source line, scoring at least
    `min_score`."""
    said = [e for e in best if e.passage.publication or names_outlet(question, e.text)]
    if said or not best:
        return said
    top = max(best, key=lambda e: e.score)
    if names_only_asked_outlets(question, top.text):
        return [e for e in items if e.score >= min_score
                and outlets_named(question, e.text, e.passage.publication)]
    told = next((e for e in items if e.passage.path == top.passage.path
                 and names_outlet(question, e.text)), None)
    return [top, told] if told else []


def names_its_article(question: str, passage: Passage) -> bool:
    """Whether every capitalised word by which the question names the article ("Heroic
    Hollywood" in "the Heroic Hollywood piece on Rosenberg"; where it names none so, every
    capitalised word: "IGN" in "the article that cites IGN") is in the passage, its
    article's title or its source line: the article the question asks about. What the
    piece is about ("on Rosenberg") is said elsewhere in the article, not in its byline."""
    known = described(passage).lower()
    words = named_article(question).split() or capitalised_words(question)
    return all(word.lower() in known for word in words)


def misses_the_people_asked(question: str, reply: str, quotable: Sequence[Evidence]) -> bool:
    """Whether the reply to a question about an office ("Who are the showrunners in
    charge of The Defenders?") names none of the people the quotable evidence gives it
    ("Daredevil producers Douglas Petrie and Marco Ramirez"): "The showrunners are the
    producers of Luke Cage" quotes the right sentence and answers nothing."""
    for k, part in enumerate(question_parts(question)):
        people = [n for e in quotable if e.part == k for n in asked_people(part, e.text)]
        if people and not any(n.split()[-1] in reply for n in people):
            return True
    return False


def described(passage: Passage) -> str:
    """The passage's text, its article's title and its source line."""
    return " ".join([passage.text, passage.document, passage.publication])
