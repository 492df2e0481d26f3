from rag.aliases import names_alias, surnames, with_surnames

TEXTS = [
    "The relationship between Jessica and Trish Walker (Rachael Taylor) was the best thing.",
    "The Defenders will premiere before the second season of Jessica Jones.",
    "Will she return? Trish Walker might, and Jessica Jones surely will.",
    "the defenders of the city",
]


def test_the_surname_is_the_one_the_texts_give_a_first_name():
    assert surnames(TEXTS) == {"Trish": "Walker", "Rachael": "Taylor", "Jessica": "Jones"}


def test_a_word_also_written_in_lower_case_is_no_first_name():
    # "The Defenders" and "Will she" open sentences; "the" and "will" are words
    assert "The" not in surnames(TEXTS) and "Will" not in surnames(TEXTS)


KNOWN = {"Trish": "Walker", "Jessica": "Jones"}


def test_an_alias_question_names_the_person_by_the_full_name():
    assert (with_surnames("What's Trish's superhero alter ego called?", KNOWN)
            == "What's Trish Walker's superhero alter ego called?")
    assert with_surnames("trish's superhero alias", KNOWN) == "trish Walker's superhero alias"


def test_only_the_clause_asking_for_the_alias_is_changed():
    assert (with_surnames("What does Trish lack that Jessica has, and what's Trish's alias?",
                          KNOWN)
            == "What does Trish lack that Jessica has, and what's Trish Walker's alias?")


def test_a_pronoun_asking_the_alias_names_the_one_person_named_before():
    assert (with_surnames("Who plays Trish Walker, and what alter ego is she tied to?", KNOWN)
            == "Who plays Trish Walker, and what alter ego is Trish Walker tied to?")
    assert (with_surnames("Who plays Trish, and what is her alias?", KNOWN)
            == "Who plays Trish, and what is Trish Walker's alias?")
    # two people named before: whose alias is asked is not for a pattern to guess
    question = "Does Trish envy Jessica, and what is her alias?"
    assert with_surnames(question, KNOWN) == question


def test_a_name_given_in_full_or_a_question_of_another_kind_is_left_alone():
    for question in ["What superhero alias is Trish Walker associated with?",
                     "trish walker superhero name", "Who plays Trish?"]:
        assert with_surnames(question, KNOWN) == question
    assert with_surnames("What's Trish's alias?", {}) == "What's Trish's alias?"


def test_the_alias_is_of_someone_asked_about_by_first_name_or_surname():
    text = "friends such as Malcolm (Eka Darville) and Patsy \u2018Hellcat\u2019 Walker."
    assert names_alias(text, {"trish", "walker", "alias"}, "trish walker's alias")
    assert names_alias(text, {"patsy", "alias"}, "patsy's alias")
    assert not names_alias(text, {"trish", "alias"}, "trish's alias")
    assert not names_alias(text, {"patsy", "hellcat"}, "is patsy hellcat")
