"""Search-box shorthand and misspellings, read as the words they stand for."""

from collections import Counter

import pytest

from rag.spelling import (
    correct_spelling,
    expand_initialisms,
    expand_shorthand,
    initialisms,
    misspelt_in_corpus,
    one_slip_away,
)

SHOW = {"season": 4, "episode": 2, "netflix": 3}


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("jessica jones s2 release year", "jessica jones season 2 release year"),
        ("When does S02 start filming?", "When does season 2 start filming?"),
        ("who is in s1e3", "who is in season 1 episode 3"),
        ("what happens in ep. 4?", "what happens in episode 4?"),
        # not shorthand: a word, a model number, a year
        ("Does pip's sdist use pep517 in 2017?", "Does pip's sdist use pep517 in 2017?"),
    ],
)
def test_shorthand_is_spelled_out(typed, read):
    assert expand_shorthand(typed, SHOW) == read


def test_shorthand_is_read_only_where_the_corpus_talks_of_seasons_and_lacks_the_word():
    assert expand_shorthand("How do I list an S3 bucket?", {"bucket": 2}) == (
        "How do I list an S3 bucket?")
    assert expand_shorthand("How do I list an S3 bucket?", {**SHOW, "s3": 5}) == (
        "How do I list an S3 bucket?")
    assert expand_shorthand("what happens in ep 4?", {"season": 1}) == "what happens in ep 4?"


def test_one_slip_is_a_letter_dropped_added_changed_or_swapped():
    near = one_slip_away("artcle")
    assert {"article", "artcl", "artlce", "artcla"} <= near
    assert "artcle" not in near and "aritcel" not in near


VOCABULARY = {"relationship": 3, "rosenberg": 9, "plans": 2, "season": 20, "seasons": 1}


def dictionary(word: str) -> bool:
    return word in {"plants", "budget", "relationship", "season", "seasons"}


def test_a_word_neither_corpus_nor_dictionary_knows_is_put_right():
    assert correct_spelling("trish jessica relatonship", VOCABULARY, dictionary) == (
        "trish jessica relationship")
    # a name keeps its capital; the most frequent neighbour wins ("seasons" is rarer)
    assert correct_spelling("Who is Rosenburg?", VOCABULARY, dictionary) == "Who is Rosenberg?"
    assert correct_spelling("next seasn", VOCABULARY, dictionary) == "next season"


def test_a_dropped_g_is_put_back_where_the_dictionary_knows_the_word():
    assert correct_spelling("when's it droppin?", VOCABULARY, lambda w: w == "dropping") == (
        "when's it dropping?")
    # a name ending so stays as typed, even where the word with a g is one ("dusting")
    assert correct_spelling("Is Dustin back?", VOCABULARY, lambda w: w == "dusting") == (
        "Is Dustin back?")


def test_a_real_word_or_a_word_with_no_near_neighbour_is_left_as_typed():
    # "plants" is one slip from the corpus's "plans", but a word of its own
    assert correct_spelling("Which plants grow there?", VOCABULARY, dictionary) == (
        "Which plants grow there?")
    # nothing one slip away; short words are too easily another word
    assert correct_spelling("Who wrote the artcle?", VOCABULARY, dictionary) == (
        "Who wrote the artcle?")
    assert correct_spelling("plns", {"plans": 1}, dictionary) == "plns"


def test_the_corpus_own_slips_of_a_word_are_found_when_much_rarer_than_it():
    vocabulary = Counter({"kilgrave": 10, "killgrave": 1, "krysten": 3, "kristen": 2,
                          "plans": 9, "plants": 1, "python": 40, "cpython": 3})
    known = {"plans", "plants"}.__contains__
    assert misspelt_in_corpus("Kilgrave", vocabulary, known) == {"killgrave"}
    # as often written both ways: no telling which is the slip
    assert misspelt_in_corpus("krysten", vocabulary, known) == set()
    # a word the dictionary knows is no slip, however rare
    assert misspelt_in_corpus("plans", vocabulary, known) == set()
    # a word with another letter in front is another word
    assert misspelt_in_corpus("python", vocabulary, known) == set()
    # nor is anything found for a word the corpus lacks, or the slip itself
    assert misspelt_in_corpus("kilgrav", vocabulary, known) == set()
    assert misspelt_in_corpus("killgrave", vocabulary, known) == set()


NEWS = ["Jessica Jones showrunner Melissa Rosenberg says Jessica Jones season 2 is written.",
        "Fans of Jessica Jones wait. The Defenders came first; The Defenders again.",
        "Jessica Jones and Jessica Jones. Iron Fist, Iron Fist, Iron Fist, Iron Fist, Iron Fist.",
        "Ivan Frost, Ivan Frost, Ivan Frost, Ivan Frost, Ivan Frost. Luke Cage once."]


def test_initialisms_are_of_names_the_texts_keep_using():
    # "Iron Fist" and "Ivan Frost" share their initials: "if" stands for neither
    assert initialisms(NEWS) == {"jj": "Jessica Jones"}


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("will jj season 2 come out in 2017?", "will Jessica Jones season 2 come out in 2017?"),
        ("JJ s2 filming start", "Jessica Jones s2 filming start"),
        # a word, or a word of the corpus, stays what it is
        ("is mr rosenberg writing jj?", "is mr rosenberg writing Jessica Jones?"),
        ("what if jjx is out?", "what if jjx is out?"),
    ],
)
def test_initials_the_corpus_keeps_using_are_spelled_out(typed: str, read: str) -> None:
    known = {"jj": "Jessica Jones", "mr": "Melissa Rosenberg"}
    assert expand_initialisms(typed, known, lambda w: w in {"mr", "if", "is", "what"}) == read
