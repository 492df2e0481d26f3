"""Citation markers: parse, validate, attribute, and find the quote that supports each.

A small model writes markers in many shapes ([1], [1, 2], [1][2], 【1】) and
sometimes names evidence it was never given. Only markers that name given
evidence survive; sentences left without one are attributed by word overlap
with the evidence; a sentence no evidence supports is removed, never shown as
a cited fact.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rag.documents import split_sentences
from rag.evidence import (
    MIN_WORDS,
    NEGATION,
    Evidence,
    TermWeight,
    uniform_weight,
    weighted_share,
)
from rag.numbers import digits, numbers
from rag.prompts import EXTRACTIVE_PREFIX, PUBLICATION_QUOTE
from rag.questions import (
    answer_kind_words,
    has_answer_type,
    question_parts,
)
from rag.retrieval import STOPWORDS, tokenize
from rag.roles import asked_role, credited_actors
from rag.types import Citation

# [1]  [1,2]  [1, 2]  [1-2]  【1】  (unterminated "[1" at the very end too)
_MARKER = re.compile(r"[\[【]\s*(\d+(?:\s*[,;\-–]\s*\d+)*)\s*(?:[\]】]|$)")
_LEFTOVER = re.compile(r"[\[【]\s*[\d,;\-–\s]*(?:[\]】]|$)")
SUPPORT_THRESHOLD = 0.6  # share of a claim's content words found in the evidence it cites
# Words about the answer itself ("The answer is ...", "the article says ...") carry no claim.
META_WORDS = frozenset(tokenize(
    "answer question evidence article passage text source mention mentioned say says said "
    "according information provided given based"
))
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+")
# A reply sentence this long that is mostly one evidence sentence is shown as that sentence,
# verbatim: the model's near-copies drop or alter details ("their first Emmy in recent years").
NEAR_COPY_WORDS = 10
NEAR_COPY_SHARE = 0.8
# Words the reply puts in quotation marks, as the source's own: up to the closing mark, or
# to the end where the model left it open
_QUOTED = re.compile(r"[\"\u201c]([^\"\u201c\u201d]+)(?:[\"\u201d]|$)")
QUOTE_WORDS = 4  # shorter quoted words are a term ("pino-debug", "curing"), not a quote
# "The answer to this question is: 2018" -> "2018"
_PREAMBLE = re.compile(
    r"^\s*(?:the\s+)?answer(?:\s+to\s+(?:this|the)\s+question)?\s+is\s*:?\s*", re.I
)


def parse_marker_numbers(group: str) -> list[int]:
    numbers: list[int] = []
    for part in re.split(r"\s*[,;]\s*", group.strip()):
        if re.fullmatch(r"\d+\s*[\-–]\s*\d+", part):
            lo, hi = (int(x) for x in re.split(r"\s*[\-–]\s*", part))
            if 0 < hi - lo < 10:
                numbers += range(lo, hi + 1)
                continue
        if part.isdigit():
            numbers.append(int(part))
    return numbers


def markers_in(text: str) -> list[int]:
    """Every marker number in `text`, in order, duplicates kept."""
    return [n for m in _MARKER.finditer(text) for n in parse_marker_numbers(m.group(1))]


def strip_markers(text: str) -> str:
    text = _LEFTOVER.sub("", text)
    return re.sub(r"\s+([.,;:!?])", r"\1", re.sub(r"[ \t]{2,}", " ", text)).strip()


def content_words(text: str) -> set[str]:
    return set(tokenize(text)) - META_WORDS


def support(
    claim: str, evidence: str, weight: TermWeight = uniform_weight, kind: str = ""
) -> float:
    """Share of the claim's content words that occur in the evidence (0..1), weighted by
    `weight` (IDF: an invented rare word costs more than a missing "show"); 0 when the
    claim states a number the evidence does not. The words of `kind`, the kind of answer
    asked for, do not count: "The magazine she told is Esquire" is supported by "she told
    Esquire", for articles name the magazine rather than call it one."""
    if not digits(claim) <= numbers(evidence):
        return 0.0
    if NEGATION.search(claim) and not NEGATION.search(evidence):
        return 0.0  # "was not its first Emmy" from "nabbed their first Emmy"
    if unnamed(claim, evidence):
        return 0.0  # "Melissa Rosenberg and Doug Petrie" from a sentence naming only Petrie
    return weighted_share(content_words(claim) - content_words(kind),
                          content_words(evidence).__contains__, weight)


def invented_words(claim: str, sources: Sequence[str], question: str, kind: str = "") -> set[str]:
    """The claim's words (stemmed) that neither the evidence it cites nor the question
    says: "kill" in "you can't cure a character, but you never want to kill them", cited
    to "... you can advance the character, but you never want to cure the character". A
    supported share of the words lets such a twist through; one invented word is enough to
    make the sentence the model's, not the source's."""
    given = set(tokenize(" ".join([*sources, question, kind]))) | META_WORDS
    return set(tokenize(claim)) - given


def unnamed(claim: str, evidence: str) -> list[str]:
    """Capitalised words of the claim (names, mostly) that the evidence does not contain."""
    known = {w.lower() for w in re.findall(r"\w+", evidence)} | STOPWORDS  # "She", "The"
    return [w for w in _CAPITALISED.findall(claim) if w.lower() not in known]


def is_near_copy(claim: str, evidence: str) -> bool:
    """Whether a long claim is mostly the words of one evidence sentence."""
    words = content_words(claim)
    return (len(words) >= NEAR_COPY_WORDS
            and weighted_share(words, content_words(evidence).__contains__, uniform_weight)
            >= NEAR_COPY_SHARE)


def misquotes(claim: str, evidence: str) -> bool:
    """Whether the claim puts in quotation marks words that the evidence does not say, in
    that order: "you never want to cure them" for "... you never want to cure the
    character". A small model's near-quote is its own wording shown as the source's."""
    said = _plain(evidence)
    return any(len(quoted.split()) >= QUOTE_WORDS and _plain(quoted) not in said
               for quoted in _QUOTED.findall(claim))


def _plain(text: str) -> str:
    """`text` in lower case, with one kind of apostrophe, its words one space apart and no
    closing punctuation: a quote is compared word for word, not mark for mark."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.split()).strip(" .,;:!?")


def adds_information(claim: str, question: str) -> bool:
    """False for a reply that only restates the question ("The answer is: Jessica Jones")."""
    return bool(content_words(claim) - content_words(question))


@dataclass
class _Claim:
    text: str  # the sentence with its markers removed
    sources: list[int]  # 0-based evidence indexes


def _claims(raw: str, n_evidence: int) -> list[_Claim]:
    claims: list[_Claim] = []
    for start, end in split_sentences(raw.strip()):
        sentence = raw.strip()[start:end]
        numbers = [n for n in markers_in(sentence) if 1 <= n <= n_evidence]
        text = strip_markers(_PREAMBLE.sub("", sentence)).strip("\"'\u201c\u201d ")
        text = text[:1].upper() + text[1:]
        if not content_words(text):
            # A bare marker split off as its own "sentence" belongs to the one before.
            if claims and numbers:
                claims[-1].sources += [n - 1 for n in numbers]
            continue
        claims.append(_Claim(text, [n - 1 for n in dict.fromkeys(numbers)]))
    return claims


def _citation(marker: int, evidence: Evidence) -> Citation:
    p = evidence.passage
    return Citation(marker, p.document, p.path, p.text, evidence.text, p.publication)


def ground(
    raw: str,
    evidence: Sequence[Evidence],
    question: str = "",
    weight: TermWeight = uniform_weight,
    margin: float = float("inf"),
    floor: float = float("-inf"),
) -> tuple[str, list[Citation]]:
    """Validate and attribute the model's reply; returns (text with [n] markers, citations).

    Citation markers are renumbered 1..m in order of first appearance; each
    citation's quote is the evidence sentence it names. An empty text means
    nothing in the reply was supported by the evidence. Sentences that only
    restate `question` are dropped as well, and so are sentences supported only
    by evidence scoring more than `margin` below the best: the small model likes
    to answer from a side sentence that is on topic but not the answer. Evidence
    scoring below `floor` supports nothing, as it is too weak to be quoted either.
    A supported sentence with a word that neither its evidence nor the question
    gives is dropped too (see `invented_words`), unless it is a long near-copy of
    one evidence sentence, which is shown as that sentence.

    The first sentence that says anything is the reply's answer. When it is dropped,
    so is the rest: what followed were asides to a wrong answer ("The supporting cast
    will not get new stories. Rosenberg has assured fans that Jessica won't differ
    much between the two shows."), on topic and supported, but answering nothing.
    """
    top = _best_by_part(evidence)
    kind = answer_kind_words(question)
    roles = dict(enumerate(asked_role(part) for part in question_parts(question)))
    asks_for_an_actor = any(roles.values())
    eligible = [e.score >= max(top[e.part] - margin, floor) for e in evidence]
    cited: list[int] = []  # evidence indexes in marker order
    sentences: list[str] = []
    for claim in _claims(raw, len(evidence)):
        # An echo of the question, or no name for a who-question ("Daredevil" for
        # "Who plays Iron Fist?"), is not an answer, however well supported.
        # A bare "2018." or "The Defenders." says nothing of what it answers: the small
        # model's bare replies were mostly a wrong pick from the evidence, so the evidence
        # sentence itself is quoted instead. A bare actor is checked against the credit below.
        bare = len(claim.text.split()) < MIN_WORDS and not asks_for_an_actor
        if (bare or not adds_information(claim.text, question)
                or not has_answer_type(question, claim.text)
                or claim.text.rstrip().endswith("?")):  # a question back is no answer
            continue
        # Keep the model's markers that really support the sentence; otherwise
        # attribute it to the evidence that supports it best.
        scores = [support(claim.text, e.text, weight, kind) if ok else 0.0
                  for e, ok in zip(evidence, eligible, strict=True)]
        # "Who plays X?" is answered only by naming an actor the evidence credits with X.
        scores = [0.0 if roles[e.part] and not any(
                      actor in claim.text for actor in credited_actors(roles[e.part], e.text))
                  else score for e, score in zip(evidence, scores, strict=True)]
        supported = [i for i in claim.sources if scores[i] >= SUPPORT_THRESHOLD]
        if not supported and evidence:
            best = max(range(len(evidence)), key=scores.__getitem__)
            if scores[best] >= SUPPORT_THRESHOLD:
                supported = [best]
        if not supported:
            if not sentences:  # its answer: the rest were asides to it
                return "", []
            continue  # unsupported: dropped rather than shown as a cited fact
        body = claim.text.rstrip()
        misquoted = any(misquotes(body, evidence[i].text) for i in supported)
        if misquoted and len(supported) > 1:
            continue  # which source's words it meant to quote is anyone's guess
        # a misquote is shown as the source's real words, which the model meant to quote
        near_copy = len(supported) == 1 and (
            misquoted or is_near_copy(body, evidence[supported[0]].text))
        if not near_copy and invented_words(body, [evidence[i].text for i in supported],
                                            question, kind):
            if not sentences:
                return "", []
            continue  # "... but you never want to kill them": a word no source gave
        marks = []
        for i in supported:
            if i not in cited:
                cited.append(i)
            marks.append(f"[{cited.index(i) + 1}]")
        if near_copy:  # shown as the evidence itself, the model's slips left out
            sentences.append(f"\u201c{evidence[supported[0]].text}\u201d {''.join(marks)}")
            continue
        end = ""
        if body and body[-1] in ".!?":
            body, end = body[:-1], body[-1]
        sentences.append(f"{body} {''.join(marks)}{end or '.'}")
    citations = [_citation(k + 1, evidence[i]) for k, i in enumerate(cited)]
    return " ".join(sentences), citations


def _best_by_part(evidence: Sequence[Evidence]) -> dict[int, float]:
    best: dict[int, float] = {}
    for e in evidence:
        best[e.part] = max(best.get(e.part, e.score), e.score)
    return best


def extractive(
    evidence: Sequence[Evidence], max_quotes: int = 2, margin: float = 0.1,
    widen: Callable[[Evidence], Evidence] | None = None, attributed: bool = False,
    one_document: bool = False,
) -> tuple[str, list[Citation]]:
    """The best evidence quoted and cited, plus the runner-up when it scores nearly as well
    (a near tie is often the other half of the answer, or another article that disagrees).
    A two-part question gets this for each part. `widen` may give a quote more of its
    passage, unless that would run into another quote. `attributed` names the publication
    each quote comes from, where its document names one ("Source: Esquire."). With
    `one_document`, a runner-up must come from the best quote's document."""
    best = _best_by_part(evidence)
    chosen: list[Evidence] = []
    for part in best:
        near = sorted((e for e in evidence if e.part == part and e.score >= best[part] - margin),
                      key=lambda e: -e.score)
        if one_document:
            near = [e for e in near if e.passage.path == near[0].passage.path]
        chosen += [e for e in near[:max_quotes] if e not in chosen]
    if widen:
        wide = [widen(e) for e in chosen]
        chosen = [w if not any(w.overlaps(other) for other in chosen if other is not e) else e
                  for e, w in zip(chosen, wide, strict=True)]
    quotes = " ".join(_source(e, attributed) + f"\u201c{e.text}\u201d [{i + 1}]"
                      for i, e in enumerate(chosen))
    return EXTRACTIVE_PREFIX + quotes, [_citation(i + 1, e) for i, e in enumerate(chosen)]


def _source(evidence: Evidence, attributed: bool) -> str:
    publication = evidence.passage.publication
    return PUBLICATION_QUOTE.format(publication=publication) if attributed and publication else ""
