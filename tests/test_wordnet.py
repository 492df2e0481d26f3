"""WordNet read from its database files: a small database written here in WordNet's own
format tests the reading; the real one (fetched by `rag fetch-model`) tests the words the
question check depends on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rag.wordnet import FILES, WordNet, load_wordnet

PLACEHOLDER = re.compile(r"{\w+}")
LICENSE = "  1 This software and database is being provided to you, the LICENSEE, by  \n"


def write_database(root: Path, synsets: dict[str, list[tuple[str, str]]],
                   exceptions: dict[str, str] | None = None) -> Path:
    """A database from {pos: [(key, line without its offset)]}: `{key}` in a line stands
    for the offset of that key's synset, as WordNet's pointers give it."""
    root.mkdir()
    offsets: dict[str, int] = {}
    for entries in synsets.values():  # where each line will start, header first
        at = len(LICENSE)
        for key, body in entries:
            offsets[key] = at
            at += len(f"{0:08d} {PLACEHOLDER.sub('0' * 8, body)}\n")
    placeholders = {key: f"{offset:08d}" for key, offset in offsets.items()}
    for pos in ("noun", "verb", "adj", "adv"):
        entries = synsets.get(pos, [])
        lines = [f"{offsets[key]:08d} {body.format(**placeholders)}\n" for key, body in entries]
        (root / f"data.{pos}").write_text(LICENSE + "".join(lines))
        index: dict[str, list[int]] = {}
        for key, body in entries:
            fields = body.split()
            for word in fields[3: 3 + 2 * int(fields[2], 16): 2]:
                index.setdefault(word.split("(")[0].lower(), []).append(offsets[key])
        (root / f"index.{pos}").write_text(LICENSE + "".join(
            f"{word} {pos[0]} {len(at)} 0 {len(at)} 0 {' '.join(f'{o:08d}' for o in at)}\n"
            for word, at in sorted(index.items())))
        verb_exceptions = (exceptions or {}).items() if pos == "verb" else []
        (root / f"{pos}.exc").write_text("".join(f"{k} {v}\n" for k, v in verb_exceptions))
    return root


@pytest.fixture
def small(tmp_path: Path) -> WordNet:
    return WordNet(write_database(tmp_path / "wn", {
        "noun": [("envy", "07 n 02 enviousness 0 envy 0 001 + {jealous} a 0203 | a feeling"),
                 # a chain of kinds: timetable < schedule < list < entity; and episode
                 # < happening, straight under entity
                 ("entity", "03 n 01 entity 0 000 | that which exists"),
                 ("list", "10 n 01 list 0 001 @ {entity} n 0000 | an enumeration"),
                 ("schedule", "10 n 02 schedule 0 agenda 0 001 @ {list} n 0000 | a plan"),
                 ("timetable", "10 n 01 timetable 0 001 @ {schedule} n 0000 | times"),
                 ("happening", "11 n 01 happening 0 001 @ {entity} n 0000 | an event"),
                 ("episode", "11 n 01 episode 0 001 @ {happening} n 0000 | an incident"),
                 ("teach", "18 n 01 Teach 0 001 @i {entity} n 0000 | a pirate"),
                 ("award", "04 n 03 award 0 accolade 0 honor 0 000 | a tangible symbol"),
                 ("honor2", "04 n 01 honor 0 000 | the state of being honored")],
        "verb": [("get", "40 v 02 get 0 acquire 0 000 | come into the possession of"),
                 ("teachv", "32 v 01 teach 0 000 | impart skills"),
                 ("listv", "32 v 01 list 0 000 | enumerate")],
        "adj": [("jealous", "00 s 03 covetous 0 envious(a) 0 jealous 0 001 + {envy} n 0302 | "
                            "painfully desirous")],
    }, exceptions={"gotten": "get"}))


def test_a_words_first_sense_gives_its_synonyms_and_derived_words(small):
    # "jealous" -> its synset's words, and "envy", derived from its third word (not the
    # derived synset's first word, "enviousness")
    assert small.common_synonyms("jealous") == {"covetous", "envious", "jealous", "envy"}
    assert small.common_synonyms("Jealous") == small.common_synonyms("jealous")


def test_only_the_most_common_sense_counts(small):
    # "honor" has two senses; the first is the award, the second adds nothing
    assert small.common_synonyms("honor") == {"award", "accolade", "honor"}


def test_inflected_and_irregular_forms_find_their_base_form(small):
    assert small.common_synonyms("honors") == {"award", "accolade", "honor"}
    assert small.common_synonyms("gotten") == {"get", "acquire"}
    assert small.base_forms("gotten", "verb") == ["get"]


def test_an_irregular_form_gives_its_base_form_and_a_regular_one_none(small):
    assert small.irregular_bases("gotten") == ["get"]
    assert small.irregular_bases("Gotten") == ["get"]
    assert small.irregular_bases("honors") == []


def test_a_noun_is_a_kind_of_its_broader_nouns_while_they_are_specific(small):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("rag.wordnet.MIN_BROADER_DEPTH", 2)
        assert small.broader("timetable") == {"schedule", "agenda"}  # two steps below entity
        assert small.broader("timetables") == {"schedule", "agenda"}
        assert small.broader("episode") == frozenset()  # "happening" is one step below
        assert small.broader("schedule") == frozenset()  # "list" is too
        # a word that is a verb too is seldom meant as the noun ("teach")
        assert small.broader("teach") == frozenset()
        assert small.broader("zyzzyva") == frozenset()


def test_an_unknown_word_has_no_synonyms(small):
    assert small.common_synonyms("zyzzyva") == frozenset()


def test_preload_reads_every_part_of_speech_at_once(small):
    small.preload()
    for pos in ("verb", "adj"):  # read already: the files are not needed any more
        (small.root / f"index.{pos}").unlink()
    assert small.base_forms("acquire", "verb") == ["acquire"]
    assert small.base_forms("envious", "adj") == ["envious"]


def test_a_missing_database_is_no_wordnet(tmp_path):
    assert load_wordnet(tmp_path / "nowhere") is None
    (tmp_path / "partial").mkdir()
    (tmp_path / "partial" / FILES[0]).write_text("")
    assert load_wordnet(tmp_path / "partial") is None


@pytest.mark.parametrize(("word", "synonym"), [
    ("jealous", "envy"),      # the articles: "what she envies most of Trish"
    ("honors", "award"),      # "a highly coveted Peabody Award"
    ("prizes", "award"),
    ("wishes", "want"),
    ("gotten", "get"),
])
def test_the_real_wordnet_links_paraphrases_to_the_articles_words(real_wordnet, word, synonym):
    assert synonym in real_wordnet.common_synonyms(word)


def test_the_real_wordnet_gives_the_base_of_an_irregular_past(real_wordnet):
    assert "win" in real_wordnet.irregular_bases("won")  # "jessica jones awards won"


@pytest.mark.parametrize(("word", "words"), [
    ("episode", {"episode"}),
    ("budget", {"budget", "budgetary"}),
])
def test_the_real_wordnet_gives_no_synonym_for_what_the_articles_never_cover(
        real_wordnet, word, words):
    assert real_wordnet.common_synonyms(word) == words


def test_a_noun_only_word_gives_the_synonyms_of_every_sense(small):
    assert small.noun_senses_synonyms("honors") == {"award", "accolade", "honor"}
    assert small.common_synonyms("honors") == {"award", "accolade", "honor"}
    assert small.noun_senses_synonyms("episode") == {"episode"}
    # a verb too: its other senses are too many to trust ("list", "teach")
    assert small.noun_senses_synonyms("list") == frozenset()
    assert small.noun_senses_synonyms("teach") == frozenset()
    assert small.noun_senses_synonyms("zyzzyva") == frozenset()


@pytest.mark.parametrize(("word", "synonym"), [
    ("violation", "rape"),    # "the ultimate rape of her was to turn her into a murderer"
    ("abilities", "power"),   # "I don't want to have powers anymore"
])
def test_the_real_wordnet_reaches_a_later_sense_of_a_noun(real_wordnet, word, synonym):
    assert synonym not in real_wordnet.common_synonyms(word)
    assert synonym in real_wordnet.noun_senses_synonyms(word)
    assert real_wordnet.noun_senses_synonyms("budget") == frozenset()  # a verb too


@pytest.mark.parametrize(("word", "broader"), [
    ("timetable", {"schedule"}),  # "a more generous schedule" for "writing timetable"
    ("episode", set()),           # a happening: near the top, it would match anything
    ("central", set()),           # an adjective too: the noun is a telephone exchange
])
def test_the_real_wordnet_gives_a_specific_broader_noun(real_wordnet, word, broader):
    assert real_wordnet.broader(word) == broader
