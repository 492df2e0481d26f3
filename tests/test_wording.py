"""Reading a question in the corpus's words: unseen words, paraphrases, slips."""

from rag.retrieval import BM25
from rag.wording import (
    mostly_unseen,
    paraphrased,
    paraphrases_to_match,
    unmentioned_named_thing,
    words_to_search,
)


def test_the_answer_kind_of_a_which_question_does_not_count_as_unseen():
    lexical = BM25(["Esquire says Rosenberg finished the scripts.", "The show is a success."])
    # "magazine" names the kind of answer (Esquire); "covered" alone is unseen.
    assert not mostly_unseen("Which magazine covered Rosenberg?", lexical)
    assert not mostly_unseen("What magazine covered Rosenberg?", lexical)
    assert mostly_unseen("What covered Rosenberg?", lexical)  # "what" alone asks anything
    assert mostly_unseen("What was the budget of the show?", lexical)
    # Articles name who runs a show rather than say who is "in charge" of it.
    assert not mostly_unseen("Who is in charge of the show?", lexical)
    assert mostly_unseen("Who is in charge of the budget?", lexical)
    # Words about the sources ("Do the articles agree ...?") name no subject they lack.
    assert not mostly_unseen("Do the articles agree on what Esquire says?", lexical)
    assert not mostly_unseen("Do the reports agree on what Esquire says?", lexical)
    assert mostly_unseen("Do the budgets agree on the salaries?", lexical)
    assert mostly_unseen("What is Esquire based on?", lexical)  # "based" is no source
    # Nor are how they put it ("described") or the time of year a question is set in.
    assert not mostly_unseen("How is Rosenberg described by Esquire?", lexical)
    assert not mostly_unseen("By late summer, what had Rosenberg finished?", lexical)
    assert mostly_unseen("By late summer, what had the budget funded?", lexical)
    # Nor asking how far along something is: the articles say where it stands.
    assert not mostly_unseen("How are Rosenberg's scripts progressing?", lexical)
    assert not mostly_unseen("Any update on the scripts?", lexical)
    assert mostly_unseen("How are Rosenberg's salaries budgeted?", lexical)
    # A verb that frames what is asked counts neither way: the rest decides.
    assert not mostly_unseen("Will Rosenberg ever decide to finish?", lexical)
    assert not mostly_unseen("Will Rosenberg choose to finish?", lexical)
    assert mostly_unseen("Did Esquire decide to cancel the budget?", lexical)
    assert mostly_unseen("Did Esquire cancel the budget?", lexical)
    # Nor does the kind of answer a later part asks for: an alias, not a word to find.
    assert not mostly_unseen("Who is Esquire, and what alter ego is Rosenberg tied to?",
                             lexical)
    assert mostly_unseen("Who is Esquire, and how is the budget tied to Rosenberg?", lexical)


def test_whose_view_and_a_verb_of_doing_count_neither_way():
    lexical = BM25(["Esquire says Rosenberg finished the scripts.", "The show is a success."])
    # "In Rosenberg's view" asks what she says; "inflicted" only says a deed was done
    assert not mostly_unseen("In Rosenberg's view, what was inflicted on Esquire?", lexical)
    assert not mostly_unseen("From Rosenberg's point of view, what did Esquire commit?",
                             lexical)
    assert not mostly_unseen("In Rosenberg\u2019s opinion, what was carried out?", lexical)
    # the rest of the question still decides, and whose view is still a word to find
    assert mostly_unseen("In Rosenberg's view, why were budgets inflicted on salaries?",
                         lexical)
    assert mostly_unseen("In Kilgrave's view, what was inflicted?", lexical)
    assert mostly_unseen("Why was the view in Esquire grim?", lexical)  # no one's view


def test_the_words_for_how_a_thing_comes_out_do_not_count_as_unseen():
    lexical = BM25(["Season two is unlikely prior to 2018, Ted Sarandos has stated.",
                    "The show is a success."])
    # the articles say "seeing another season", "touching down", "hit"
    assert not mostly_unseen("When might Sarandos's show arrive?", lexical)
    assert not mostly_unseen("Is Sarandos's show launching soon?", lexical)
    assert mostly_unseen("When might Sarandos's show be budgeted?", lexical)


def test_a_question_in_other_words_must_be_matched_word_for_word(real_wordnet):
    lexical = BM25(["What Jessica envies most of Trish is her heart.",
                    "The show won an award and will have a second season."])
    jealous = "What is Jessica jealous of in Trish?"
    assert mostly_unseen(jealous, lexical)  # by the articles' own words
    assert paraphrases_to_match(jealous, lexical, real_wordnet) == {"jealous": {"envi"}}
    # No common synonym of "episodes" or "budget" is in the articles.
    episodes = "How many episodes will the second season have?"
    assert mostly_unseen(episodes, lexical, paraphrased(episodes, lexical, real_wordnet))
    assert paraphrases_to_match(episodes, lexical, real_wordnet) == {}
    # A question in the articles' own words has nothing to match.
    assert paraphrases_to_match("What does Jessica envy in Trish?", lexical,
                                real_wordnet) == {}
    # The measure a how-question asks for is no word to match ("long" -> "longer").
    assert paraphrases_to_match("How long will the second season take?", lexical,
                                real_wordnet) == {}
    assert not mostly_unseen("How long will the second season take?", lexical)
    # How the question calls the work is no word to match: the articles call it "the show".
    lexical = BM25(["The show, which earned a Peabody Award, was picked for its theme music.",
                    "Jessica Jones is a private investigator in the show, a play on noir.",
                    "I don't want to have powers anymore, the character never says."])
    honors = "Besides the music prize, what honors has the detective drama picked up?"
    # ("honors", the kind of answer asked for, is checked by the answer's type instead)
    assert set(paraphrases_to_match(honors, lexical, real_wordnet)) == {"priz"}
    # nor how it calls the lead ("character"): only "wish" must be said, as "want"
    assert paraphrases_to_match("Will the heroine wish her powers away?", lexical,
                                real_wordnet) == {"wish": {"want"}}
    # nor the kind of answer asked for ("comedy" -> "comic"), nor the general noun that sums
    # up what the question said ("that idea" -> "think")
    lexical = BM25(["I don't want to have powers anymore, the character never says.",
                    "I think the comic run was the source.", "That's Bewitched."])
    assert paraphrases_to_match("What old TV comedy did she name when the heroine wishes "
                                "her powers away?", lexical, real_wordnet) == {"wish": {"want"}}
    assert paraphrases_to_match("She rules out the heroine wishing she had no powers, "
                                "comparing that idea to a show. Which show?", lexical,
                                real_wordnet) == {"wish": {"want"}}
    # nor one the clause after it spells out ("a storyline where ..." -> "plot")
    lexical = BM25(["I don't want to have powers anymore, the character never says.",
                    "She is at work plotting the second season.", "That's Bewitched."])
    assert paraphrases_to_match("Which show did she name to rule out a storyline where the "
                                "heroine wishes her powers away?", lexical,
                                real_wordnet) == {"wish": {"want"}}
    # nor what only qualifies it ("simply" -> "only")
    lexical = BM25(["I don't want to have powers anymore, the character never says.",
                    "She is only as involved as they need her to be."])
    assert paraphrases_to_match("Will the heroine wish her powers would simply go away?",
                                lexical, real_wordnet) == {"wish": {"want"}}
    # Without WordNet, a question is judged by the articles' own words alone.
    assert paraphrased(jealous, lexical, None) == {}
    assert paraphrases_to_match(jealous, lexical, None) == {}


def test_a_superlative_is_said_by_any_word_of_the_highest_degree(real_wordnet):
    lexical = BM25(["The ultimate rape of her was to turn her into a murderer.",
                    "Rosenberg talked to Nerdist about the show."])
    worst = "What did Rosenberg describe as the worst violation of Jessica?"
    # "the ultimate rape": "ultimate" says "worst"; "describe" is how it asks, no word to match
    assert paraphrases_to_match(worst, lexical, real_wordnet) == {
        "worst": {"ultimat"}, "violation": {"rap"}}
    assert paraphrases_to_match("What did the Nerdist folks ask her?", lexical,
                                real_wordnet) == {}
    # a verb that only says the deed was done is no word to match ("committed" -> "pulled")
    lexical = BM25(["The ultimate rape of her was to turn her into a murderer.",
                    "Season one pulled heavily from the Alias comic run.",
                    "Kilgrave is gone, but Jessica's trauma isn't."])
    committed = "What was the worst violation Kilgrave committed against Jessica?"
    assert paraphrases_to_match(committed, lexical, real_wordnet) == {
        "worst": {"ultimat"}, "violation": {"rap"}}


def test_a_noun_the_corpus_lacks_is_read_as_the_broader_noun_it_has(real_wordnet):
    lexical = BM25(["Writing takes a more generous schedule, which helps.",
                    "Who knows what is happening with Jessica?"])
    timetable = "Why does her writing timetable help?"
    assert paraphrased(timetable, lexical, real_wordnet)["timetabl"] == {"schedul"}
    assert not mostly_unseen(timetable, lexical, paraphrased(timetable, lexical, real_wordnet))
    # an episode is a kind of happening, too near the top of WordNet's tree to count
    assert paraphrased("Who directed the episode?", lexical, real_wordnet) == {}


def test_a_noun_the_corpus_lacks_is_read_in_a_later_sense_the_corpus_has(real_wordnet):
    lexical = BM25(["The ultimate rape of her was to turn her into a murderer.",
                    "I don't want to have powers anymore, she says."])
    worst = "What was the worst violation done to her?"
    assert paraphrased(worst, lexical, real_wordnet)["violation"] == {"rap"}  # "rape"
    # "ability" is "power" only in a later sense; a verb's later senses are not weighed
    assert paraphrased("Will she lose her abilities?", lexical, real_wordnet)["abiliti"] == {
        "power"}
    assert "budget" not in paraphrased("What was the budget?", lexical, real_wordnet)


def test_the_corpus_words_for_a_question_word_it_lacks_are_searched_for(real_wordnet):
    lexical = BM25(["I don't want to have powers anymore, she says.",
                    "Krysten Ritter plays Jessica. The show is a success."])
    assert words_to_search("Will Jessica ever wish away her powers?", lexical,
                           real_wordnet) == "want"
    # not for the words that say what kind of answer is wanted: "actor" -> "player"
    assert words_to_search("Which actor plays Jessica?", lexical, real_wordnet) == ""
    # nor for words that only link or qualify: "relation" -> "relationship", "simply" -> "only"
    lexical = BM25(["Their relationship is the only one that matters, she says."])
    assert words_to_search("Why her, in relation to Ritter?", lexical, real_wordnet) == ""
    assert words_to_search("Why not simply forget?", lexical, real_wordnet) == ""
    assert words_to_search("Will Jessica ever wish away her powers?", lexical, None) == ""


def test_the_name_of_a_kind_of_thing_the_articles_never_mention(real_wordnet):
    lexical = BM25(["Kilgrave is gone, said Netflix head Ted Sarandos.",
                    "The second season of the show has a new character.",
                    "The show won an award."])
    # The articles never speak of an episode, so none of the titles they name is one.
    assert unmentioned_named_thing("What is the title of the first episode of season 2?",
                                   lexical, real_wordnet) == "episode"
    assert unmentioned_named_thing("what's the name of the premiere episode", lexical,
                                   real_wordnet) == "episode"
    # three words before it: "season", "2", "premiere"
    assert unmentioned_named_thing("What is the title of the season 2 premiere episode?",
                                   lexical, real_wordnet) == "episode"
    # A thing they do speak of, in its own words or a common synonym ("award")
    assert unmentioned_named_thing("What is the name of the new character in season 2?",
                                   lexical, real_wordnet) == ""
    assert unmentioned_named_thing("What is the name of the prize it won?", lexical,
                                   real_wordnet) == ""
    # A person is named without the word for what they are: "Netflix head Ted Sarandos"
    # is the executive, Kilgrave the villain.
    assert unmentioned_named_thing("What is the name of the Netflix executive who spoke?",
                                   lexical, real_wordnet) == ""
    assert unmentioned_named_thing("What was the name of the villain from season one?",
                                   lexical, real_wordnet) == ""
    # Other questions ask for no name.
    assert unmentioned_named_thing("When does the first episode air?", lexical,
                                   real_wordnet) == ""
