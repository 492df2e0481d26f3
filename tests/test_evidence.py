from rag.evidence import (
    Evidence,
    candidate_spans,
    is_question,
    lexical_overlap,
    respelt,
    select_evidence,
    uniform_weight,
    with_following_sentence,
)
from rag.questions import expected_answer_type, has_answer_type
from rag.types import Passage
from tests.conftest import FakeEmbedder

P1 = Passage("p1", "Doc 1", "a.txt",
             "Rosenberg gave an interview last week. She said season 2 explores Jessica's trauma "
             "after Kilgrave. The weather was nice.", 0.03)
P2 = Passage("p2", "Doc 2", "b.txt",
             "Malcolm is played by Eka Darville in the show. Yes, for sure.", 0.02)


def test_sentences_that_lean_back_carry_their_subject():
    spans = [P1.text[s:e] for s, e in candidate_spans(P1)]
    assert ("Rosenberg gave an interview last week. She said season 2 explores Jessica's "
            "trauma after Kilgrave.") in spans


def test_a_clause_with_a_pronoun_subject_leans_back_too():
    passage = Passage("p3", "Doc 3", "c.txt",
                      "Netflix renewed Jessica Jones for a second season. While it has no "
                      "release date, it will arrive in 2018. Rosenberg is writing it.", 0.0)
    spans = [passage.text[s:e] for s, e in candidate_spans(passage)]
    assert ("Netflix renewed Jessica Jones for a second season. While it has no release "
            "date, it will arrive in 2018.") in spans
    assert "Rosenberg is writing it." in spans  # "it" as an object does not lean back


def test_short_fragments_are_not_evidence():
    assert all(P2.text[s:e] != "Yes, for sure." for s, e in candidate_spans(P2))


def _spans(text: str) -> list[str]:
    passage = Passage("p", "Doc", "guide.md", text, 0.0)
    return [text[s:e] for s, e in candidate_spans(passage)]


def test_a_lead_in_is_evidence_with_the_block_under_it():
    # In documentation the answer is often the command or path under a lead-in.
    assert _spans("Editable installs:\n\nYou can install local projects in editable mode:\n\n"
                  "$ pip install -e path/to/SomeProject\n\nEditable installs copy no files.") == [
        "You can install local projects in editable mode:\n\n$ pip install -e path/to/SomeProject",
        "Editable installs copy no files."]
    # The block ends at the next lead-in; a short one ("MacOS:") counts with its block.
    assert _spans("Default paths:\n\nMacOS:\n\n~/Library/Caches/pip\n\nWindows:\n\n"
                  "%LocalAppData%\\pip\\Cache") == [
        "MacOS:\n\n~/Library/Caches/pip", "Windows:\n\n%LocalAppData%\\pip\\Cache"]
    # Code that ends in a colon is part of the block, not a lead-in of its own.
    assert _spans("Nested statements are equivalent:\n\nwith A() as a:\nwith B() as b:\n\n"
                  "That is all.")[0] == (
        "Nested statements are equivalent:\n\nwith A() as a:\nwith B() as b:")
    assert _spans("It is discarded:\n\n>>> def f():\n... return 42\n\nSee above.")[0] == (
        "It is discarded:\n\n>>> def f():\n... return 42")


def test_a_lead_in_with_no_block_is_not_evidence():
    assert _spans("She said:\n\nWe are back in 2018.") == ["We are back in 2018."]
    too_long = "x" * 500
    assert _spans(f"Installation:\n\n{too_long}\n\nRun the installer again.") == [
        "Run the installer again."]


def test_best_sentences_come_first_and_are_verbatim():
    chosen = select_evidence("Who plays Malcolm?", [P1, P2], FakeEmbedder(), max_items=2)
    assert chosen[0].text == "Malcolm is played by Eka Darville in the show."
    for e in chosen:
        assert e.passage.text[e.start:e.end] == e.text
    assert len(chosen) == 2


def test_overlapping_spans_are_not_chosen_twice():
    chosen = select_evidence("What does season 2 explore?", [P1], FakeEmbedder(), max_items=3)
    for a in chosen:
        for b in chosen:
            assert a is b or a.end <= b.start or b.end <= a.start


def test_a_sentence_two_overlapping_chunks_share_is_chosen_once():
    # chunks of one document overlap: both hold "She said season 2 explores ..."
    first = Passage("p1a", "Doc 1", "a.txt", P1.text[: P1.text.index(" The weather")], 0.03)
    second = Passage("p1b", "Doc 1", "a.txt", P1.text[P1.text.index("She said"):], 0.02)
    chosen = select_evidence("What does season 2 explore?", [first, second], FakeEmbedder(),
                             max_items=3)
    said = [e for e in chosen if "explores" in e.text]
    assert len(said) == 1
    # the same sentence in another document is another source
    elsewhere = Passage("p3", "Doc 3", "c.txt", second.text, 0.01)
    chosen = select_evidence("What does season 2 explore?", [first, elsewhere],
                             FakeEmbedder(), max_items=3)
    assert len([e for e in chosen if "explores" in e.text]) == 2


def test_a_sentence_is_quoted_from_the_chunk_that_also_holds_what_it_points_back_to():
    # "While it ..." opens one chunk; the chunk before holds it with the sentence saying
    # what "it" is. The sentence is chosen once, with its subject, at its own score.
    opening = Passage("a2", "Doc 1", "a.txt", "While it has no date, it will air in 2018. "
                      "Ritter films The Defenders in the fall.", 0.03)
    before = Passage("a1", "Doc 1", "a.txt", "Jessica Jones was renewed for a second season. "
                     "While it has no date, it will air in 2018.", 0.02)
    chosen = select_evidence("When will it air?", [opening, before], FakeEmbedder(),
                             max_items=3)
    dated = [e for e in chosen if "2018" in e.text]
    assert [e.text for e in dated] == [before.text]
    assert dated[0].passage is before and dated[0].score == chosen[0].score


def test_a_misspelt_sentence_is_compared_as_spelt_right_and_quoted_as_written():
    assert respelt("Killgrave is done; killgrave won't return.", {"killgrave": "kilgrave"}) == (
        "Kilgrave is done; kilgrave won't return.")
    assert respelt("Killgrave is done.", {}) == "Killgrave is done."
    done = Passage("p1", "Doc 1", "a.txt", "Season two moves on as Killgrave is done now.", 0.1)
    other = Passage("p2", "Doc 2", "b.txt", "Season two starts filming in the spring.", 0.1)
    question = "Is Kilgrave done in season two?"
    plain = select_evidence(question, [done, other], FakeEmbedder(), max_items=2)
    fixed = select_evidence(question, [done, other], FakeEmbedder(), max_items=2,
                            slips={"killgrave": "kilgrave"})
    assert fixed[0].text == done.text  # quoted as written
    assert fixed[0].score > next(e.score for e in plain if e.text == done.text)


def test_what_a_sentence_says_the_subject_of_a_yes_no_question_is_answers_it():
    from rag.evidence import DIRECT_ANSWER_BONUS, answer_bonus

    weights = {"kilgrav": 1.6, "jessica": 0.2, "season": 0.2, "2": 1.3}
    weight = lambda w: weights.get(w, 4.5)  # noqa: E731
    question = "Is Kilgrave coming back in season 2?"
    assert answer_bonus(question, "Although Kilgrave is gone, her trauma isn't.",
                        weight=weight) == DIRECT_ANSWER_BONUS
    assert answer_bonus(question, "She was messed up before Kilgrave came along.",
                        weight=weight) == 0
    # every sentence is about the corpus's own subject; "there" is no one
    assert answer_bonus("Is Jessica coming back?", "Jessica is back.", weight=weight) == 0
    assert answer_bonus("Is there a season 3?", "There is a season 2.", weight=weight) == 0
    # the articles' slip is read as the name: "Killgrave is done" answers it
    done = Passage("p1", "Doc 1", "a.txt", "Season two moves on as Killgrave is done now.", 0.1)
    passing = Passage("p2", "Doc 2", "b.txt", "She was messed up before Kilgrave came along.",
                      0.1)
    chosen = select_evidence(question, [done, passing], FakeEmbedder(), max_items=2,
                             weight=weight, slips={"killgrave": "kilgrave"})
    assert chosen[0].text == done.text


def test_lexical_overlap_share():
    assert lexical_overlap("Who plays Malcolm?", "Malcolm plays pool.") == 1.0
    assert lexical_overlap("Who plays Malcolm?", "Nothing here.") == 0.0


def test_answer_types():
    assert expected_answer_type("Who plays Iron Fist?") == "name"
    assert expected_answer_type("When is season 2 out?") == "date"
    assert expected_answer_type("How many episodes are there?") == "number"
    assert expected_answer_type("What did Rosenberg learn from Dexter?") == ""
    assert not has_answer_type("Who plays Iron Fist?", "Daredevil.")
    assert not has_answer_type("Who plays Iron Fist?", "Iron Fist.")
    assert has_answer_type("Who plays Iron Fist?", "Finn Jones plays him.")
    assert has_answer_type("When is it out?", "Sometime in mid-2017.")
    assert not has_answer_type("When is it out?", "Soon, they say.")
    assert has_answer_type("What did Rosenberg learn from Dexter?", "Anything at all.")


def test_sentence_vectors_are_embedded_once_and_evicted_oldest_first():
    from rag.evidence import SentenceVectors

    embedder = FakeEmbedder()
    cache = SentenceVectors(size=2)
    first = cache.get(embedder, ["a b c", "d e f", "a b c"])
    assert embedder.texts_embedded == 2 and len(first) == 3
    assert (first[0] == first[2]).all()
    cache.get(embedder, ["d e f"])
    assert embedder.texts_embedded == 2  # served from the cache
    cache.get(embedder, ["g h i"])  # evicts "a b c", the least recently used
    cache.get(embedder, ["a b c"])
    assert embedder.texts_embedded == 4


def test_a_sentence_that_only_echoes_the_question_is_not_evidence():
    echo = Passage("p3", "Doc 3", "c.txt",
                   "That is the core relationship of the show. It is about female friendship.", 0.1)
    chosen = select_evidence("What is the core relationship of the show?", [echo],
                             FakeEmbedder(), max_items=3)
    # Only the span that goes on to say something (it carries its leaning-back sentence).
    assert [e.text for e in chosen] == [echo.text]


def test_an_echo_confirms_a_yes_no_question_only_with_its_negation():
    powers = Passage("p6", "Doc 6", "f.txt", "Jessica has the powers. She is never going to "
                     "say she does not want to have powers.", 0.1)
    spans = [e.text for e in select_evidence(
        "Will Jessica ever decide she would rather not have her powers?", [powers],
        FakeEmbedder(), max_items=3)]
    assert "Jessica has the powers." not in spans
    spans = [e.text for e in select_evidence("Does Jessica have powers?", [powers],
                                             FakeEmbedder(), max_items=3)]
    assert "Jessica has the powers." in spans
    # a synonym of a question word is no new word either
    spans = [e.text for e in select_evidence(
        "Will Jessica decide she'd rather not have superpowers?", [powers], FakeEmbedder(),
        max_items=3, synonyms={"superpower": frozenset({"power"})})]
    assert "Jessica has the powers." not in spans


def test_an_actor_credited_with_the_role_ranks_first():
    credit = Passage("p4", "Doc 4", "d.txt",
                     "Iron Fist is filming now in New York. It unites them with Finn Jones's "
                     "Iron Fist on screen.", 0.1)
    chosen = select_evidence("Who plays Iron Fist?", [credit], FakeEmbedder(), max_items=2)
    assert "Finn Jones's Iron Fist" in chosen[0].text


def test_the_option_being_weighed_ranks_first():
    dates = Passage("p5", "Doc 5", "e.txt", "Season 2 is expected soon, the studio says. "
                    "Season 2 is expected in 2017.", 0.1)
    chosen = select_evidence("Is season 2 expected in 2017?", [dates], FakeEmbedder(),
                             max_items=2, option="2017")
    assert chosen[0].text == "Season 2 is expected in 2017."


def test_a_sentence_stating_the_answer_outright_gets_the_larger_bonus():
    from rag.evidence import ANSWER_TYPE_BONUS, DIRECT_ANSWER_BONUS, answer_bonus

    release = "The second season is expected to hit sometime in 2017."
    assert answer_bonus("When is season 2 expected to come out?", release) == DIRECT_ANSWER_BONUS
    assert answer_bonus("When were the scripts half written?", "As of August, half.") == (
        ANSWER_TYPE_BONUS)
    assert answer_bonus("When is season 2 expected to come out?", "As of August, half.") == 0
    topic = "Season 2 will explore Jessica's life after Kilgrave."
    assert answer_bonus("What will season 2 be about?", topic) == DIRECT_ANSWER_BONUS
    assert answer_bonus("What will season 2 be about?", "Rosenberg talked about season 2.") == 0


def test_a_reason_counts_where_it_shares_a_rarer_word_of_the_question():
    from rag.evidence import ANSWER_TYPE_BONUS, answer_bonus

    weights = {"jessica": 0.2, "season": 1.28, "2": 1.3, "rosenberg": 0.4, "want": 1.2}
    weight = lambda w: weights.get(w, 4.5)  # noqa: E731
    question = "Why doesn't Rosenberg want Jessica to get over her trauma in season 2?"
    busy = ("She hopes to give Ritter a few days off due to her busy schedule on Jessica "
            "Jones season 2.")
    trauma = "Her trauma stays because you never want to cure the character."
    # only the corpus's subjects in common: no answer to this why
    assert answer_bonus(question, busy, weight=weight) == 0
    assert answer_bonus(question, trauma, weight=weight) == ANSWER_TYPE_BONUS
    assert answer_bonus(question, busy) == ANSWER_TYPE_BONUS  # no weights: any reason


def test_a_title_the_corpus_names_throughout_is_no_answer_to_a_which_question():
    from rag.evidence import ANSWER_TYPE_BONUS, DIRECT_ANSWER_BONUS, answer_bonus

    weights = {"alia": 3.4, "jessica": 0.2, "jon": 0.5, "netflix": 1.1}
    weight = lambda w: weights.get(w, 4.5)  # noqa: E731
    question = "Which comic run was the first season based on?"
    rare = "Season one pulled heavily from Alias."
    common = "The first season of Jessica Jones hit Netflix."
    assert answer_bonus(question, rare, weight=weight) == ANSWER_TYPE_BONUS
    # called by the kind asked about: said outright
    assert answer_bonus(question, "Season one pulled heavily from the Alias comic run.",
                        weight=weight) == ANSWER_TYPE_BONUS + DIRECT_ANSWER_BONUS
    assert answer_bonus(question, "The first season of Jessica Jones hit the Netflix comic run.",
                        weight=weight) == 0
    assert answer_bonus(question, common, weight=weight) == 0
    assert answer_bonus(question, common) == ANSWER_TYPE_BONUS  # no weights: any title
    # a documentation title is a code name, not a capitalised word
    assert answer_bonus("Which option skips them?", "Use --no-deps to skip them.",
                        weight=weight) == ANSWER_TYPE_BONUS


def test_a_remark_put_to_a_rarely_quoted_person_asked_about_is_the_answer():
    from rag.evidence import DIRECT_ANSWER_BONUS, answer_bonus

    weights = {"rosenberg": 0.4, "petri": 2.1}
    weight = lambda w: weights.get(w, 4.5)  # noqa: E731
    said = "“None of them are stopping their arcs,” said Petrie."
    assert answer_bonus("How did Petrie describe the arcs?", said, weight=weight) == (
        DIRECT_ANSWER_BONUS)
    assert answer_bonus("How did Petrie describe the arcs?", "Petrie is a producer.",
                        weight=weight) == 0
    # quoted throughout the articles: saying so tells none of her remarks apart
    assert answer_bonus("What did Rosenberg say about the arcs?",
                        "“They are arcs,” Rosenberg said.", weight=weight) == 0



def test_his_remark_outranks_a_sentence_that_only_names_the_person_asked_about():
    """hh23: "How did Doug Petrie describe what The Defenders does to the characters' arcs?"
    quoted "My colleagues ... Doug Petrie, who are doing Defenders, ..." above his remark,
    which MiniLM puts further from the question and which shares fewer of its words."""
    from rag.evidence import LEXICAL_WEIGHT, RANK_WEIGHT, answer_bonus, lexical_overlap

    # the articles' IDF weights and MiniLM's similarities, as measured on these sentences
    weights = {"petri": 2.1, "doug": 2.55, "arc": 1.79, "rosenberg": 0.36}
    weight = lambda w: weights.get(w, 4.5)  # noqa: E731
    question = "How did Doug Petrie describe what The Defenders does to the characters' arcs?"
    names_him = ("My colleagues Marco Ramirez and Doug Petrie, who are doing Defenders, "
                 "they’ve shared material.")
    his_remark = ("“None of [the characters] are stopping their character arcs, they’re just "
                  "taking this incredible epic detour then going back into their own "
                  "respective pools,” said Petrie.")
    similarity = {names_him: 0.571, his_remark: 0.447}

    def score(sentence: str) -> float:
        return (similarity[sentence] + LEXICAL_WEIGHT * lexical_overlap(question, sentence, weight)
                + answer_bonus(question, sentence, weight=weight))

    # by more than a few places' rank penalty: his remark may come from a later passage
    assert score(his_remark) - score(names_him) > 5 * RANK_WEIGHT

def test_a_person_introduced_by_the_office_asked_about_and_named_rarely_is_the_answer():
    from rag.evidence import ANSWER_TYPE_BONUS, DIRECT_ANSWER_BONUS, answer_bonus

    weights = {"rosenberg": 0.4, "ramirez": 2.9, "petri": 2.9}
    weight = lambda w: weights.get(w, 4.5)  # noqa: E731
    question = "Who are the showrunners of The Defenders?"
    producers = "It is helmed by producers Douglas Petrie and Marco Ramirez."
    everywhere = "Its showrunner Melissa Rosenberg spoke to Esquire."
    assert answer_bonus(question, producers, weight=weight) == (
        ANSWER_TYPE_BONUS + DIRECT_ANSWER_BONUS)
    assert answer_bonus(question, everywhere, weight=weight) == ANSWER_TYPE_BONUS


AWARDS = Passage("p3", "Doc 3", "c.txt",
                 "The show has been busy at award ceremonies. It earned a Peabody Award and a "
                 "Hugo Award. The weather was nice.", 0.03)


def test_the_following_sentence_joins_a_quote_when_it_bears_on_the_question():
    first = AWARDS.text.index(" It")
    item = Evidence(AWARDS, AWARDS.text[:first], 0, first, 1.0)
    wide = with_following_sentence(item, "Which awards did the show win?", uniform_weight)
    assert wide.text == AWARDS.text[wide.start:wide.end]  # still a verbatim span
    assert wide.text.endswith("Hugo Award.") and wide.start == 0 and wide.score == 1.0
    # The next sentence shares no word with this question: the quote stays as it was.
    assert with_following_sentence(item, "Which ceremonies was it at?", uniform_weight) == item


def test_an_articles_own_question_is_quoted_with_the_sentence_that_answers_it():
    text = ("Where does Rosenberg see their relationship going? It is the core relationship "
            "of the piece, she says. The weather was nice.")
    interview = Passage("p11", "Doc 11", "k.txt", text, 0.1)
    end = text.index(" It is")
    asked = Evidence(interview, text[:end], 0, end, 1.0)
    wide = with_following_sentence(asked, "Which bond is the heart of the show?", uniform_weight)
    assert wide.text == "Where does Rosenberg see their relationship going? It is the core " \
                        "relationship of the piece, she says."
    said = Evidence(interview, text[end + 1:], end + 1, len(text), 1.0)
    assert is_question("Is it Kristen\u2019s Jessica?\u201d") and not is_question(said.text)


def _opening(passage: Passage, end: int) -> Evidence:
    """The evidence quoting `passage` from its start to `end`."""
    return Evidence(passage, passage.text[:end], 0, end, 1.0)


def test_a_quote_takes_the_sentence_of_its_paragraph_that_points_back_to_it():
    text = ("One place we're never going is her going, \u201cOh, I don't want powers "
            "anymore.\u201d That's Bewitched and I'm never going there.\n\n"
            "That's the trick of a show.")
    said = Passage("p12", "Doc 12", "l.txt", text, 0.1)
    end = text.index(" That's Bewitched")
    item = _opening(said, end)
    # the next sentence shares no word with the question, but says what the quote is
    wide = with_following_sentence(item, "Will Jessica wish her abilities away?", uniform_weight)
    assert wide.text.endswith("That's Bewitched and I'm never going there.")
    # one in the next paragraph points back to something else
    end = text.index("\n\n")
    item = _opening(said, end)
    assert with_following_sentence(item, "Will Jessica wish her abilities away?",
                                   uniform_weight) == item


def test_a_widened_quote_takes_the_sentence_after_that_names_what_it_said():
    text = ("Jessica has the powers. One place we're never going is her going, \u201cOh, I "
            "don't want to have powers anymore.\u201d That's Bewitched and I'm never going "
            "there. That's our character.")
    said = Passage("p13", "Doc 13", "m.txt", text, 0.1)
    end = text.index(" One place")
    item = _opening(said, end)
    wide = with_following_sentence(item, "Will Jessica want to have powers?", uniform_weight)
    assert wide.text.endswith("That's Bewitched and I'm never going there.")
    assert wide.text == text[wide.start:wide.end]
    # a sentence pointing back that names nothing new adds nothing: "That's our character."
    plain = Passage("p14", "Doc 14", "n.txt", text.replace("That's Bewitched and I'm never "
                                                           "going there. ", ""), 0.1)
    item = _opening(plain, end)
    wide = with_following_sentence(item, "Will Jessica want to have powers?", uniform_weight)
    assert wide.text.endswith("powers anymore.\u201d")


def test_a_why_answer_takes_the_reason_that_follows_it():
    text = ("The relaxed schedule allows them to work at an easier pace. \u201cI did the best "
            "work of my career,\u201d she recalled, \u201cbecause I had the time.\u201d "
            "The weather was nice.")
    schedule = Passage("p9", "Doc 9", "i.txt", text, 0.1)
    end = text.index(" \u201cI did")
    item = Evidence(schedule, text[:end], 0, end, 1.0)
    wide = with_following_sentence(item, "Why does she value the relaxed schedule?",
                                   uniform_weight)
    assert wide.text.endswith("because I had the time.\u201d")
    # not for a question that asks no reason, nor after a quote that gives one already
    assert with_following_sentence(item, "What does the relaxed schedule allow?",
                                   uniform_weight) == item
    reasoned = Passage("p10", "Doc 10", "j.txt", "She likes it because it is slow. "
                       "\u201cIt helps,\u201d she said, \u201cbecause I have time.\u201d", 0.1)
    first = Evidence(reasoned, "She likes it because it is slow.", 0, 32, 1.0)
    assert with_following_sentence(first, "Why does she value the relaxed schedule?",
                                   uniform_weight) == first


def test_a_comparison_answer_takes_the_comparison_that_follows_it():
    text = ("Half of writing is rewriting, and that is what you have the time for on a cable "
            "schedule. Her new one is an even more generous schedule than that. "
            "The weather was nice.")
    schedule = Passage("p11", "Doc 11", "k.txt", text, 0.1)
    end = text.index(" Her new one")
    item = Evidence(schedule, text[:end], 0, end, 1.0)
    wide = with_following_sentence(
        item, "How does the time she gets now compare with the time she had in cable?",
        uniform_weight)
    assert wide.text.endswith("more generous schedule than that.")
    assert with_following_sentence(item, "What did she have time for?", uniform_weight) == item


def test_the_last_sentence_of_a_passage_has_nothing_to_join():
    start = AWARDS.text.index("The weather")
    item = Evidence(AWARDS, AWARDS.text[start:], start, len(AWARDS.text), 1.0)
    assert with_following_sentence(item, "What was the weather like?", uniform_weight) == item


def test_a_quote_that_points_back_takes_the_sentence_before_it():
    from rag.evidence import with_sentence_before

    core = Passage("p4", "Doc 4", "d.txt",
                   "I want to explore the relationship between Trish and Jessica. That is the "
                   "core relationship in the piece. It is about friendship.", 0.03)
    start = core.text.index("That")
    end = core.text.index(" It is")
    item = Evidence(core, core.text[start:end], start, end, 1.0)
    wide = with_sentence_before(item)
    assert wide.text == core.text[:end] and wide.start == 0 and wide.end == end
    assert "Trish" in wide.text
    # A sentence that names its own subject stays as it is, as does a passage's first one.
    later = Evidence(core, "It is about friendship.", end + 1, len(core.text), 1.0)
    assert with_sentence_before(later) == later
    first = Evidence(core, core.text[:start - 1], 0, start - 1, 1.0)
    assert with_sentence_before(first) == first


def test_says_each_needs_a_corpus_word_for_every_paraphrased_word():
    from rag.evidence import says_each

    to_match = {"detectiv": frozenset({"investigator"}), "agenci": frozenset({"offic"})}
    assert not says_each("The troubled private investigator.", to_match)
    assert says_each("Her office is that of a private investigator.", to_match)
    assert says_each("Anything at all.", {})
