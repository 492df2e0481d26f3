"""The question in the corpus's words: chat filler and shorthand dropped, misspellings put
right, the articles' own slips of a word ("Killgrave"), and WordNet's words for what the
corpus never says ("jealous" -> "envies"); and whether a question is mostly about words
the articles never contain, and so about something they do not cover.

Every function takes the corpus's BM25 index (its vocabulary and IDF weights) and WordNet,
or None where it was not fetched: then nothing is put right or paraphrased.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from rag.evidence import Synonyms, weighted_share
from rag.people import ASKED_PERSON
from rag.phrasing import RELEASE, in_plain_verbs, which_one_named, without_chat_filler
from rag.questions import answer_kind_words, question_parts, without_names_asked
from rag.retrieval import BM25, STOPWORDS, content_words, stem_word, tokenize
from rag.roles import LEADING
from rag.spelling import (
    correct_spelling,
    expand_initialisms,
    expand_shorthand,
    misspelt_in_corpus,
)
from rag.wordnet import WordNet

MAX_UNSEEN_SHARE = 0.5
# Words for the sources themselves and how they put things: "Do the articles agree ...?",
# "How is their bond described?" name no subject the sources lack.
SOURCE_WORDS = frozenset(tokenize("article articles source sources document documents "
                                  "passage passages report reports outlet outlets coverage "
                                  "describe described describes agree agrees disagree"))
# When in the year something happened: "By late summer, how far along were the scripts?" is
# answered by "as of August": the articles date things by month more than by season.
TIME_OF_YEAR_WORDS = frozenset(tokenize("early mid late spring summer fall autumn winter"))
# The measure a how-question asks for ("long" in "How long is the wait?"): no subject, and
# not to be said in the corpus's words ("longer").
_HOW_MEASURE = re.compile(r"\bhow\s+(long|far|much|many|often|soon|old|big)\b", re.I)
# Asking how far along a work is ("writing progress", "status of the scripts") is asked in
# words the articles rarely use: they say where it stands ("halfway through writing").
PROGRESS_WORDS = frozenset(tokenize("progress progressing status update updates"))
# Verbs that frame what is asked rather than say it: "Will Jessica ever decide she'd rather
# not have her powers?" asks whether she will not want them ("I don't want to have powers
# anymore"), which articles seldom put as a decision.
FRAMING_WORDS = frozenset(tokenize("decide decides decided deciding choose chooses chose "
                                   "chosen choosing opt opts opted opting"))
# "What is the title of the first episode of season 2?": the thing whose name is asked for
# ("episode"), the last word before what places it ("of season 2", "in the show", "?").
_NAME_OF = re.compile(
    r"\b(?:what|which)(?:'s|\s+is|\s+was|\s+are|\s+were|\s+will\s+be)\s+the\s+"
    r"(?:title|name)s?\s+of\s+(?:(?:the|its|his|her|their|this|that|[\w-]+'s)\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?!(?:the|an?)\b)(?P<thing>[a-z][\w-]*)"
    r"(?=\s+(?:of|in|on|for|from|to|that|which|who|she|he|they|we|you)\b|\s+(?-i:[A-Z])"
    r"|\s*[?,.]|\s*$)", re.I)


def mostly_unseen(question: str, lexical: BM25, paraphrased: Synonyms | None = None) -> bool:
    """Whether the question is mostly (IDF-weighted) about words the corpus never
    contains ("budget", "birthday"): then it is about something the articles do not
    cover. A `paraphrased` word, one the corpus says in other words, counts as seen."""
    no_subject = no_subject_words(question)
    paraphrased = paraphrased or {}
    share = weighted_share(
        set(tokenize(question)) - framing_words(question),  # they count neither way
        lambda w: w not in lexical.idf and w not in no_subject and w not in paraphrased,
        lexical.term_weight)
    return share >= MAX_UNSEEN_SHARE


def framing_words(question: str) -> set[str]:
    """The words that frame what a question asks rather than say it: a decision ("Will she
    ever decide ...?"), whose view it asks ("In the showrunner's view, ..."), a verb that
    only says a deed was done ("the violation inflicted on her"). Articles seldom put
    things so, and say what was done, and who said it, in their own words."""
    framing = [m[0] for m in _DOING.finditer(question)]
    framing += [m["view"] or m["side"] for m in _WHOSE_VIEW.finditer(question)]
    return set(FRAMING_WORDS) | set(tokenize(" ".join(framing)))


def no_subject_words(question: str) -> set[str]:
    """The words of a question that say what kind of answer it wants or how, not what it is
    about. The kind of answer a which-question asks for ("magazine") is checked by the
    answer's type instead: articles name the magazine rather than call it one. Nor are the
    sources themselves a subject ("Do the articles agree ...?"), nor the time of year a
    question sets it in ("By late summer, ..."), nor the measure a how-question asks for,
    nor asking how far along a thing is ("progress"), nor a verb that frames what is asked
    ("decide", see `framing_words`)."""
    # each part's kind of answer: "Who plays Trish, and what is her alter ego?" asks a name
    # and then an alias
    kinds = " ".join(answer_kind_words(p) for p in {question, *question_parts(question)})
    return (set(tokenize(kinds)) | SOURCE_WORDS
            | TIME_OF_YEAR_WORDS | PROGRESS_WORDS | framing_words(question)
            | measure_words(question)
            # articles say a thing comes out in more ways than a question does
            # ("When might season two arrive?": "seeing another season prior to 2018")
            | set(tokenize(" ".join(RELEASE.findall(question)))))


def words_to_search(question: str, lexical: BM25, wordnet: WordNet | None) -> str:
    """The corpus's words for the question's words it lacks, to be searched for besides
    the question's own: "wish" -> "want" finds "I don't want to have powers anymore".
    Not for the words that say what kind of answer is wanted ("actor"), nor for those that
    only link or qualify ("in relation to", "simply"): their other senses lead astray
    ("relationship", "only")."""
    skip = no_subject_words(question) | linking_or_qualifying(question)
    return " ".join(sorted(w for word, found in paraphrased(question, lexical, wordnet).items()
                           if word not in skip for w in found))


def linking_or_qualifying(question: str) -> set[str]:
    """The stems of the question's words that only link its subjects ("in relation to") or
    qualify what it says ("simply", "really"): no subject of their own."""
    return ({stem_word(w) for w in content_words(question) if w.lower().endswith("ly")}
            | set(tokenize(" ".join(_LINKING_PHRASE.findall(question)))))


# Words that link a question's subjects rather than name one: "in relation to Ritter".
_LINKING_PHRASE = re.compile(
    r"\b(?:in relation to|relative to|compared (?:to|with)|according to|in terms of)\b", re.I)


def measure_words(question: str) -> set[str]:
    """The words for the measure a how-question asks for: "long" in "How long is the wait?"."""
    return set(tokenize(" ".join(m[1] for m in _HOW_MEASURE.finditer(question))))


def paraphrases_to_match(question: str, lexical: BM25, wordnet: WordNet | None) -> Synonyms:
    """The paraphrased words that an answer's evidence must say in the corpus's words,
    each of them: those of a question that only they keep from being mostly unseen.
    "What is Jessica jealous of in Trish?" is answered by "... if she envies anything in
    Trish", and "What's the name of Jessica's detective agency?" not by "the troubled
    private investigator", which says "detective" but not "agency". Not the words by
    which it calls the work or its lead ("the detective drama", "the heroine"). Empty
    when the question's own words suffice, or are mostly unseen whatever their synonyms."""
    if not mostly_unseen(question, lexical):
        return {}
    found = paraphrased(question, lexical, wordnet)
    if mostly_unseen(question, lexical, found):
        return {}
    # "Besides the music prize, what honors has the detective drama won?": the articles
    # call the work and its lead by name, so only "prize" must be said ("award"; "honors"
    # is the kind of answer asked for, below), nor how it asks: "what did the showrunner
    # describe as ...", "the Nerdist folks"
    not_its_subject = set(tokenize(" ".join(
        m[0] for pattern in (_DESCRIBED, _ASKING, _SUMMING_UP)
        for m in pattern.finditer(question))))
    # nor what only qualifies it ("would simply go away" is not said "only"), nor the kind
    # of answer asked for ("What old TV comedy ...?" is answered by a title, not a "comic")
    not_its_subject |= linking_or_qualifying(question) | no_subject_words(question)
    return {word: found[word] for word in found if word not in not_its_subject}


# How a question calls the work it is about, or its lead, by what they are: "the detective
# drama", "that Showtime serial-killer drama", "the heroine", "the protagonist".
_DESCRIBED = re.compile(
    r"\b(?:the|that|this|its|their|her|his)\s+(?:(?:[\w-]+\s+){0,2}(?:drama|series|show|"
    r"program|programme|sitcom|thriller)|(?:[\w-]+\s+)?(?:heroine|protagonist|detective)|"
    rf"{LEADING}\s+character)\b", re.I)


# How a question asks, not what it asks about
_ASKING = re.compile(r"\b(?:describe[sd]?|folks|guys)\b", re.I)
# A general noun that only sums up what the question says of it, before ("comparing that
# idea to an old TV show") or after ("a storyline where Jessica wishes ..."): it names
# nothing new.
_SUMMING_UP = re.compile(
    r"\b(?:that|this|such\s+an?)\s+(?:idea|notion|thought|concept|scenario|possibility|"
    r"prospect)s?\b|\b(?:an?|the)\s+(?:storyline|plot|scenario|situation|story)\s+"
    r"(?=where\b|in\s+which\b)", re.I)
# A verb that only says a deed was done, by the noun it takes: "the violation Kilgrave
# committed against Jessica" is "the ultimate rape of her", not anything "pulled".
_DOING = re.compile(r"\b(?:commit(?:s|ted|ting)?|inflict(?:s|ed|ing)?|perpetrat(?:e|es|ed|ing)|"
                    r"carr(?:y|ies|ied|ying)\s+out)\b", re.I)
# Whose opinion a question asks, not what about: "In the showrunner's view, what was ...?"
# is answered by what she says, and articles say "said", not "view".
_WHOSE_VIEW = re.compile(
    r"\b(?:(?:in|to)\s+(?:the\s+)?(?:[\w-]+(?:'s|\u2019s|s')|her|his|their|your)\s+"
    r"(?:own\s+)?(?P<view>view|opinion|eyes|estimation)|from\s+(?:the\s+)?"
    r"(?:[\w-]+(?:'s|\u2019s)|her|his|their)\s+(?P<side>perspective|point\s+of\s+view|"
    r"standpoint))\b", re.I)


def readable(question: str, lexical: BM25, wordnet: WordNet | None,
             initials: Mapping[str, str] | None = None) -> str:
    """The question as the pipeline reads it: chat filler dropped ("Oh, and ..., by the
    way?"), search-box shorthand spelled out ("s2") and its asking for "names" dropped,
    misspelt words put right ("relatonship"), and the `initials` of a name the corpus keeps
    using spelled out ("jj", see `spelling.initialisms`). Without WordNet a misspelling
    cannot be told from a word the articles lack, nor initials from a word ("mr"), and
    neither is put right."""
    question = expand_shorthand(without_names_asked(which_one_named(
        in_plain_verbs(without_chat_filler(question)))), lexical.vocabulary)
    if wordnet is None:
        return question
    # The index drops stopwords and WordNet has no prepositions: "during" is neither's
    # word, yet no misspelling of "curing".
    known = wordnet.knows
    question = correct_spelling(question, lexical.vocabulary,
                                lambda w: w in STOPWORDS or known(w))
    return expand_initialisms(question, initials or {},
                              lambda w: w in STOPWORDS or w in lexical.vocabulary or known(w))


def corpus_slips(question: str, lexical: BM25,
                 wordnet: WordNet | None) -> dict[str, frozenset[str]]:
    """For each word of the question, the articles' misspellings of it, unstemmed:
    "kilgrave" -> {"killgrave"}. Empty without WordNet, which tells a slip from a word."""
    if wordnet is None:
        return {}
    found = {word: misspelt_in_corpus(word, lexical.vocabulary, wordnet.knows)
             for word in content_words(question)}
    return {word: frozenset(slips) for word, slips in found.items() if slips}


def paraphrased(question: str, lexical: BM25,
                wordnet: WordNet | None) -> dict[str, frozenset[str]]:
    """For each word of the question that the corpus lacks, the corpus's words for its
    most common sense, as WordNet gives them ("jealous" -> {"envi"}, "prizes" ->
    {"award"}), or its base form where it is irregular ("won" -> {"win"}); failing
    those, for a noun, the specific noun it is a kind of ("timetable" -> {"schedul"}),
    or its words in another sense ("violation" -> {"rap"}, as in "the ultimate rape").
    Empty without WordNet."""
    out: dict[str, frozenset[str]] = {}
    if wordnet is None:
        return out
    measure = measure_words(question)
    for word in content_words(question):
        stem = stem_word(word)
        if stem in lexical.idf or stem in out or stem in measure:
            continue
        found = ((_in_corpus(_DEGREE, lexical) if word in _DEGREE else frozenset())
                 or _in_corpus([*wordnet.irregular_bases(word), *wordnet.common_synonyms(word)],
                               lexical) or _in_corpus(wordnet.broader(word), lexical)
                 or _in_corpus(wordnet.noun_senses_synonyms(word), lexical))
        if found:
            out[stem] = found
    return out


# "the single worst violation" is said as "the ultimate rape": one word of the highest
# degree stands for another
_DEGREE = frozenset("ultimate utmost supreme most best worst biggest greatest largest "
                    "highest hardest toughest".split())


def _in_corpus(words: Iterable[str], lexical: BM25) -> frozenset[str]:
    """The stems of those `words` whose every stem the corpus has."""
    found: set[str] = set()
    for word in words:
        forms = tokenize(word)
        if forms and all(f in lexical.idf for f in forms):
            found.update(forms)
    return frozenset(found)


def unmentioned_named_thing(question: str, lexical: BM25, wordnet: WordNet | None) -> str:
    """The kind of thing whose name or title the question asks for, when the corpus has no
    word for it, not even a WordNet synonym: "episode" in "What is the title of the first
    episode of season 2?" asked of articles that never speak of an episode. Whatever they
    name, it is not that. A person is left out: articles name a villain or an executive
    without calling them one ("Netflix head Ted Sarandos"). "" for other questions."""
    match = _NAME_OF.search(question)
    if not match or re.fullmatch(ASKED_PERSON, match["thing"], re.I):
        return ""
    thing = match["thing"]
    stems = tokenize(thing)
    if not stems or any(stem in lexical.idf for stem in stems):
        return ""
    return "" if paraphrased(thing, lexical, wordnet) else thing
