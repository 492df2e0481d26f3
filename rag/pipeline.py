"""Question in, cited answer out: retrieve, fit the evidence to the context, generate, ground."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any, TypeVar

from rag import prompts
from rag.aliases import surnames, with_surnames
from rag.citations import extractive, ground
from rag.config import ConfigError, Settings
from rag.embeddings import Embedder, load_embedder
from rag.evidence import (
    Evidence,
    answered_by_an_earlier_part,
    select_evidence,
    with_following_sentence,
    with_sentence_before,
)
from rag.extra_evidence import (
    answering_sentence,
    each_outlet,
    other_outlets,
    outlet_sentence,
    reason_sentence,
    saying_what_was_asked,
    sentence_in_its_words,
    with_each_outlet,
)
from rag.generation import Generator, Message, load_generator
from rag.injection import addresses_the_assistant
from rag.numbers import unmentioned_numbers
from rag.outlets import asks_publication, names_outlet
from rag.people import asks_byline, quotes_by_surname, unmentioned_people
from rag.phrasing import (
    leans_on_before,
    mentions_source,
    named_source,
)
from rag.production import (
    asks_start_of_work,
    each_article_statement,
    statements,
    with_each_article_statement,
)
from rag.progress import asks_progress, each_side, sides, with_each_side
from rag.questions import (
    alternatives,
    asked_office,
    asked_people,
    asks_for_one,
    asks_one_release,
    asks_several,
    asks_why,
    expected_answer_type,
    has_answer_type,
    mentions,
    question_parts,
    said_in_few_words,
    with_lead_actor_named,
)
from rag.quotable import (
    ANSWER_MARGIN,
    described,
    misses_the_people_asked,
    names_its_article,
    quotable_evidence,
)
from rag.releases import (
    conflicting_years,
    other_release_years,
    with_other_release_years,
)
from rag.retrieval import BM25, HybridRetriever, stem_word
from rag.roles import (
    Lead,
    asked_role,
    lead_actor_asked,
    lead_credit,
    names_actor,
    with_lead_role_named,
)
from rag.spelling import initialisms
from rag.store import ChromaStore, open_store
from rag.types import Answer, Passage
from rag.wording import (
    corpus_slips,
    paraphrased,
    paraphrases_to_match,
    readable,
    unmentioned_named_thing,
    words_to_search,
)
from rag.wordnet import WordNet, load_wordnet

# One earlier turn is a (question, answer) pair; only questions feed retrieval.
Turn = tuple[str, str]
T = TypeVar("T")
MAX_QUESTION_CHARS = 2000
ROLE_CANDIDATES = 200  # passages searched for an actor credited with the role, or a place
RELEASE_SENTENCES = 10  # sentences searched past the evidence for another release year
OUTLET_QUOTES = 3  # quotes for "Which outlets did she talk to?", each naming one


class QuestionError(ValueError):
    """The question cannot be answered as given; the message says why."""


def clean_question(question: str) -> str:
    from rag.documents import clean_text

    if not isinstance(question, str):
        raise QuestionError("The question must be text.")
    text = " ".join(clean_text(question).split())
    if not text:
        raise QuestionError("The question is empty; type a question about the articles.")
    return text[:MAX_QUESTION_CHARS]


def retrieval_query(question: str, history: Sequence[Turn] | None) -> str:
    """The question, preceded by the latest earlier question, so follow-ups keep their subject."""
    if not history:
        return question
    earlier = [q for q, _ in history if q and q.strip()][-1:]
    return prompts.FOLLOW_UP_SEPARATOR.join([*earlier, question])


@dataclass
class Pipeline:
    settings: Settings = field(default_factory=Settings.from_env)
    embedder: Embedder | None = None
    store: ChromaStore | None = None
    generator: Generator | None = None
    _retriever: HybridRetriever | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    # the lead role, surnames and initials of one build of the index, keyed by its BM25 index
    _names: tuple[BM25, Lead | None, dict[str, str], dict[str, str]] | None = None

    def retriever(self) -> HybridRetriever:
        with self._lock:
            if self._retriever is None:
                from rag.indexer import build_index

                self.embedder = self.embedder or load_embedder(self.settings)
                self.store = self.store or open_store(self.settings)
                if not self.store.exists():  # first use: build it, as a user would expect
                    build_index(settings=self.settings, embedder=self.embedder, store=self.store)
                store, name = self.store, self.embedder.name
                store.active(name)  # fail now, clearly, on an embedder mismatch
                self._retriever = HybridRetriever(self.embedder, lambda: store.active(name),
                                                  self.settings.fusion)
            return self._retriever

    def model(self) -> Generator:
        with self._lock:
            if self.generator is None:
                self.generator = load_generator(self.settings)
            return self.generator

    def wordnet(self) -> WordNet | None:
        """WordNet from models/, or None when it was not fetched (`rag fetch-model`)."""
        return load_wordnet(self.settings.models_dir / "wordnet")

    def lead(self, lexical: BM25) -> Lead | None:
        """The lead role of the indexed works and its actor (`lead_credit`), found once per
        build of the index (`lexical` is that build's BM25 index)."""
        return self._corpus_names(lexical)[1]

    def surnames(self, lexical: BM25) -> dict[str, str]:
        """The surname the indexed articles give each first name (`aliases.surnames`),
        found once per build of the index."""
        return self._corpus_names(lexical)[2]

    def initialisms(self, lexical: BM25) -> dict[str, str]:
        """The names the indexed articles keep using, by their initials
        (`spelling.initialisms`), found once per build of the index."""
        return self._corpus_names(lexical)[3]

    def _corpus_names(
        self, lexical: BM25
    ) -> tuple[BM25, Lead | None, dict[str, str], dict[str, str]]:
        if self._names is None or self._names[0] is not lexical:
            texts = self.retriever().texts()
            self._names = (lexical, lead_credit(texts), surnames(texts), initialisms(texts))
        return self._names

    def status(self) -> dict[str, Any]:
        """What the UI's status line shows; cheap, and never loads anything itself."""
        from rag.generation import find_model

        try:
            model = (f"{self.settings.llm_model} @ {self.settings.llm_url}" if self.settings.llm_url
                     else find_model(self.settings).name)
        except ConfigError as exc:
            model = f"none ({exc})"
        info: dict[str, Any] = {"model": model, "ready": False, "passages": None, "built_at": ""}
        if self._retriever is not None:
            collection = self._retriever.collection
            info.update(passages=collection.count(), built_at=collection.info().get("built_at", ""))
        info["ready"] = self._retriever is not None and self.generator is not None
        return info

    def retrieve(self, question: str, history: Sequence[Turn] | None = None) -> list[Passage]:
        """The top passages; for a two-part question, the top passages of each part in turn."""
        retriever, top_k = self.retriever(), self.settings.top_k
        lexical, wordnet = retriever.lexical(), self.wordnet()
        parts = question_parts(question)
        options = alternatives(question)
        found = []
        for k, part in enumerate(parts):
            # A later part may lean on the one before ("... and where does it premiere?");
            # one that does not is searched for on its own, undiluted.
            leans = k and leans_on_before(part)
            context = [*(history or []), (parts[k - 1], "")] if leans else history
            # The articles' own slips of the question's words are searched for too
            # ("Killgrave is done and won't be created again" for "Is Kilgrave back?").
            slips = " ".join(w for found in corpus_slips(part, lexical, wordnet).values()
                             for w in found)
            # and, by BM25 alone, the corpus's words for those it lacks ("wish" -> "want"),
            # and the name of the lead it calls "the lead actress"
            passages = retriever.retrieve(
                f"{retrieval_query(part, context)} {slips}".strip(), 2 * top_k,
                f"{words_to_search(part, lexical, wordnet)} "
                f"{lead_actor_asked(part, self.lead(lexical))}".strip())
            role = asked_role(part)
            if role:  # "Who plays Kilgrave?": a passage crediting an actor with it comes first
                passages = _led_by(retriever, role, partial(names_actor, role), passages)
            elif said_in_few_words(part):
                # "How close are the two writing teams?": the articles say where in a few
                # words ("just across the hall") that its words rarely share.
                passages = _led_by(retriever, part, partial(has_answer_type, part), passages)
            elif asked_office(part):
                # "Which Netflix boss said ...?": a passage introducing someone by that
                # office ("Netflix head Ted Sarandos") comes first.
                passages = _led_by(retriever, part, partial(asked_people, part), passages)
            elif asks_publication(part):
                passages = self.with_outlet_passage(part, passages)
                if asks_several(part):  # "Which outlets ...?": each must reach the answer
                    passages = with_each_outlet(retriever, part, passages[:top_k])
            passages = self.from_named_source(part, passages)
            if options:  # weighing "2017 or 2018?": passages that name the option come first
                option = options[k]
                passages.sort(key=lambda p: not mentions(p.text, option))
            found.append(passages[:top_k])
        if asks_one_release(question):
            found[0] = with_other_release_years(retriever, question, found[0])
        elif asks_start_of_work(question):
            found[0] = with_each_article_statement(retriever, question, found[0])
        elif asks_progress(question):
            found[0] = with_each_side(retriever, question, found[0])
        return _interleave(found, key=lambda p: p.id)

    def with_outlet_passage(self, question: str, passages: list[Passage]) -> list[Passage]:
        """For a which-outlet question whose best passage comes from an article with no
        source line, `passages` with the passage of that article that says whom it was told
        to ("Rosenberg recently talked to Nerdist") second."""
        if not passages or passages[0].publication or names_outlet(question, passages[0].text):
            return passages
        told = [p for p in self.retriever().lexical_retrieve(question, ROLE_CANDIDATES)
                if p.path == passages[0].path and names_outlet(question, p.text)]
        return _interleave([passages[:1], told[:1], passages[1:]], key=lambda p: p.id)

    def from_named_source(self, question: str, passages: list[Passage]) -> list[Passage]:
        """Of `passages`, those of the articles that name the source the question goes by
        ("..., according to the Nerdist interview?": the article that says "Rosenberg
        recently talked to Nerdist", or one from Nerdist itself); all of them where none
        is, or the question names no source. What another article says is not what the
        source said, however well it fits the rest of the question."""
        source = named_source(question)
        if not source:
            return passages
        naming = {p.path for p in [*passages, *self.retriever().lexical_retrieve(
            source, ROLE_CANDIDATES)]
            if mentions_source(source, described(p)) or quotes_by_surname(source, p.text)}
        return [p for p in passages if p.path in naming] or passages

    def select_evidence(
        self, question: str, passages: Sequence[Passage], lexical: BM25 | None = None
    ) -> list[Evidence]:
        """The best sentences of the passages that fit the model's context with room to
        answer; for a two-part question, the best for each part in turn."""
        lexical, wordnet = lexical or self.retriever().lexical(), self.wordnet()
        assert self.embedder is not None  # set by retriever()
        parts = question_parts(question)
        options = alternatives(question) or ("",) * len(parts)
        pool = passages[: self.settings.context_passages * len(parts)]
        wanted = self.settings.evidence_sentences
        one_release = asks_one_release(question)
        # each article's say on when a release or filming is, or how far along the writing,
        # not only the best one's
        each_article = one_release or asks_start_of_work(question) or asks_progress(question)
        # asked in other words than the articles': the sentence saying them may rank low
        to_match = paraphrases_to_match(question, lexical, wordnet)
        ranked = []
        for k, (part, option) in enumerate(zip(parts, options, strict=True)):
            misspelt = corpus_slips(part, lexical, wordnet)  # question word -> its slips
            ranked.append([replace(e, part=k) for e in select_evidence(
                part, pool, self.embedder,
                wanted + (RELEASE_SENTENCES if each_article or asks_publication(part)
                          or said_in_few_words(part) or asks_why(part) or to_match else 0),
                weight=lexical.term_weight, option=option,
                synonyms=paraphrased(part, lexical, wordnet) | {
                    stem_word(word): frozenset(map(stem_word, slips))
                    for word, slips in misspelt.items()},
                slips={slip: word.lower() for word, slips in misspelt.items() for slip in slips})])
        if not alternatives(question):  # "2017 or 2018?" weighs each option on its own
            ranked = answered_by_an_earlier_part(parts, ranked, ANSWER_MARGIN)
        candidates = _interleave([r[:wanted] for r in ranked],
                                 key=lambda e: (e.passage.id, e.start, e.end))
        candidates = candidates[: max(wanted, 2 * len(parts))]
        if one_release:
            candidates += other_release_years(question, candidates, ranked[0][wanted:])
        elif asks_start_of_work(question):
            candidates += each_article_statement(question, candidates, ranked[0][wanted:])
        elif asks_progress(question):
            candidates += each_side(candidates, ranked[0][wanted:])
        for k, part in enumerate(parts):
            if to_match:
                candidates += sentence_in_its_words(k, candidates, ranked[k][wanted:], to_match,
                                                    self.settings.min_evidence_score)
            if said_in_few_words(part):
                candidates += answering_sentence(part, k, candidates, ranked[k][wanted:])
            candidates += reason_sentence(part, k, candidates, ranked[k][wanted:],
                                          self.settings.min_evidence_score)
            if asks_publication(part):
                candidates += outlet_sentence(part, k, candidates, ranked[k][wanted:])
                if asks_several(part):
                    candidates += other_outlets(part, candidates, ranked[k][wanted:])
        generator = self.model()
        budget = generator.n_ctx - self.settings.max_tokens - 64  # chat-template overhead
        fixed = self.messages(question, [])
        budget -= generator.count_tokens("".join(m["content"] for m in fixed))
        chosen: list[Evidence] = []
        for item in candidates:
            cost = generator.count_tokens(item.text) + 4
            if cost > budget:
                break
            chosen.append(item)
            budget -= cost
        return chosen

    def quotable(
        self, question: str, evidence: Sequence[Evidence], lexical: BM25
    ) -> list[Evidence]:
        """`quotable_evidence` with this pipeline's WordNet and evidence floor."""
        return quotable_evidence(question, evidence, lexical, self.wordnet(),
                                 self.settings.min_evidence_score)

    def messages(self, question: str, evidence: Sequence[Evidence]) -> list[Message]:
        items = prompts.EVIDENCE_SEPARATOR.join(" ".join(e.text.split()) for e in evidence)
        return [
            {"role": "system", "content": prompts.SYSTEM_PROMPT},
            {
                "role": "user",
                "content": prompts.USER_PROMPT.format(evidence=items, question=question),
            },
        ]

    def stream(
        self, question: str, history: Sequence[Turn] | None = None
    ) -> Iterator[str | Answer]:
        """Yields text deltas as the model writes, then the final, grounded Answer."""
        started = time.perf_counter()
        asked = clean_question(question)  # the answer shows the question as it was typed
        lexical = self.retriever().lexical()  # one snapshot for every word weighed below
        wordnet = self.wordnet()
        lead, known = self.lead(lexical), self.surnames(lexical)
        initials = self.initialisms(lexical)

        def read(text: str) -> str:
            text = with_lead_actor_named(
                with_lead_role_named(readable(text, lexical, wordnet, initials), lead), lead)
            # only where the alias is the answer asked for: "Trish has an alias in the
            # comics. What is it?" gives no kind of answer to look for
            if any(expected_answer_type(p) == "alias" for p in question_parts(text)):
                text = with_surnames(text, known)
            return text

        question = read(asked)
        if addresses_the_assistant(question):  # about its instructions, not the articles
            passages: list[Passage] = []
        else:
            earlier = [(read(q), a) for q, a in history or []]
            passages = self.retrieve(question, earlier)
        timings: dict[str, float] = {"retrieve_ms": _ms(started)}

        best = max((p.similarity for p in passages), default=0.0)
        # A passage introducing someone by the office asked about, in the article the
        # question names, is relevant however little of it the question shares: "Who wrote
        # the Heroic Hollywood article?" and its byline, "Leon Brill is a staff writer ..."
        if any(asked_people(question, p.text) and names_its_article(question, p)
               for p in passages):
            best = max(best, self.settings.min_relevance)
        # "Has Netflix confirmed a season 3?" of articles that never mention a third season,
        # "Does Mike Colter appear?" of articles that never name him, or "What is the title
        # of the first episode?" of articles that never speak of an episode: whatever they
        # say about season 2, or about others, does not answer it.
        if (best < self.settings.min_relevance
                or unmentioned_numbers(question, [p.text for p in passages])
                or unmentioned_people(question, lexical.idf)
                or unmentioned_named_thing(question, lexical, wordnet)):
            timings.update(first_token_ms=0.0, total_ms=_ms(started),
                           prompt_tokens=0, completion_tokens=0)
            yield prompts.REFUSAL
            yield Answer(asked, prompts.REFUSAL, [], passages, True, timings)
            return

        evidence = self.select_evidence(question, passages, lexical)
        to_match = paraphrases_to_match(question, lexical, wordnet)
        if to_match:  # asked in other words than the articles': only what says it counts
            evidence = saying_what_was_asked(question, evidence, to_match)
        timings["select_ms"] = _ms(started) - timings["retrieve_ms"]
        if not evidence:  # nothing fits: never send an over-long prompt
            yield prompts.REFUSAL
            timings.update(first_token_ms=0.0, total_ms=_ms(started),
                           prompt_tokens=0, completion_tokens=0)
            yield Answer(asked, prompts.REFUSAL, [], passages, True, timings)
            return
        messages = self.messages(question, evidence)
        generator = self.model()
        raw = ""
        for delta in generator.stream(messages, self.settings.max_tokens, prompts.STOP_SEQUENCES):
            if not raw:
                timings["first_token_ms"] = _ms(started)
            raw += delta
            yield delta
        timings.setdefault("first_token_ms", _ms(started))
        timings["prompt_tokens"] = sum(generator.count_tokens(m["content"]) for m in messages)
        timings["completion_tokens"] = generator.count_tokens(raw)

        # The model's own refusal is dropped here too (the evidence does not support it).
        # Words the model repeats from the question are checked like any other: taking them
        # as given let "Who composed the theme?" be answered with an invented composer.
        text, citations = ground(raw, evidence, question, lexical.term_weight, ANSWER_MARGIN,
                                 self.settings.min_evidence_score)
        refused = False
        quoted = {c.quote for c in citations}
        if len({e.part for e in evidence if e.text in quoted}) < len({e.part for e in evidence}):
            text = ""  # a two-part question answered by halves: quote evidence for both
        quotable = self.quotable(question, evidence, lexical)
        if quotable and not quoted & {e.text for e in quotable}:
            # The model quoted only sentences that hold no answer of the kind asked for
            # ("how come it's so easy ...?" answered by a sentence that gives no reason).
            text = ""
        if text and misses_the_people_asked(question, text, quotable):
            text = ""

        def widen(item: Evidence) -> Evidence:
            return with_following_sentence(with_sentence_before(item), question,
                                           lexical.term_weight)

        # The model never sees where a quote comes from, so cannot name the publication, nor
        # tell the byline of the article asked about from another's.
        parts = question_parts(question)
        attributed = any(map(asks_publication, parts))
        if (attributed and quotable) or any(map(asks_byline, parts)):
            text = ""
        # the articles disagree, or each puts it in its own terms: quote each side rather
        # than the model's pick
        conflict = (conflicting_years(question, quotable, widen) or statements(question, quotable)
                    or sides(question, quotable))
        if conflict:
            text, citations = extractive(conflict, max_quotes=len(conflict),
                                         margin=float("inf"), widen=widen)
        if not text:  # nothing the model said holds: quote the evidence if it answers
            if quotable:
                # A which-outlet answer may pair its sentence with one naming the outlet,
                # however that scores: `quotable` chose both.
                several = attributed and any(map(asks_several, parts))  # "Which outlets?"
                if several:
                    quotable = each_outlet(question, quotable)
                text, citations = extractive(quotable, widen=widen, attributed=attributed,
                                             max_quotes=OUTLET_QUOTES if several else 2,
                                             one_document=asks_for_one(question),
                                             margin=float("inf") if attributed else ANSWER_MARGIN)
            else:  # a refusal cites nothing, not even half an answer given before
                text, citations, refused = prompts.REFUSAL, [], True
        timings["total_ms"] = _ms(started)
        yield Answer(asked, text, citations, passages, refused, timings)

    def answer(self, question: str, history: Sequence[Turn] | None = None) -> Answer:
        for event in self.stream(question, history):
            if isinstance(event, Answer):
                return event
        raise RuntimeError("the pipeline ended without an answer")  # pragma: no cover


def _led_by(retriever: HybridRetriever, query: str, keep: Callable[[str], object],
            passages: list[Passage]) -> list[Passage]:
    """`passages` with, first, the best passage for `query` by BM25 alone whose text `keep`
    accepts: the kind of answer asked for, found by words the question may not share."""
    lead = next(([p] for p in retriever.lexical_retrieve(query, ROLE_CANDIDATES)
                 if keep(p.text)), [])
    return _interleave([lead, passages], key=lambda p: p.id)


def _interleave(ranked: Sequence[Sequence[T]], key: Callable[[T], Any]) -> list[T]:
    """One list from several ranked ones, taking each list's next best in turn; items with
    the same `key` are kept once."""
    out: list[T] = []
    seen: set[Any] = set()
    for row in itertools.zip_longest(*ranked):
        for item in row:
            if item is not None and key(item) not in seen:
                seen.add(key(item))
                out.append(item)
    return out


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 1)


_default: Pipeline | None = None
_default_lock = threading.Lock()


def default_pipeline() -> Pipeline:
    """The process-wide pipeline for the current settings (models load once)."""
    global _default
    settings = Settings.from_env()
    with _default_lock:
        if _default is None or _default.settings != settings:
            _default = Pipeline(settings)
        return _default
