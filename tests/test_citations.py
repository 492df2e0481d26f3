from dataclasses import replace

import pytest

from rag.citations import (
    extractive,
    ground,
    invented_words,
    markers_in,
    misquotes,
    strip_markers,
    support,
)
from rag.evidence import Evidence
from rag.types import Passage

P1 = Passage("p1", "Doc 1", "d1.txt",
             "Season 2 explores how Jessica recovers from her trauma. It starts in 2018.", 1.0)
P2 = Passage("p2", "Doc 2", "d2.txt",
             "Trish wants to become a hero. Malcolm is played by Eka Darville.", 0.9)


def evidence(passage: Passage, sentence: str) -> Evidence:
    start = passage.text.index(sentence)
    return Evidence(passage, sentence, start, start + len(sentence), 1.0)


EVIDENCE = [
    evidence(P1, "Season 2 explores how Jessica recovers from her trauma."),
    evidence(P2, "Trish wants to become a hero."),
    evidence(P2, "Malcolm is played by Eka Darville."),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A [1].", [1]),
        ("A [1,2].", [1, 2]),
        ("A [1, 2].", [1, 2]),
        ("A [1][2].", [1, 2]),
        ("A 【1】.", [1]),
        ("A [1-3].", [1, 2, 3]),
        ("A [12].", [12]),
        ("A [1", [1]),  # unterminated at the very end
        ("A [note] and [x1].", []),
        ("No markers.", []),
    ],
)
def test_marker_table(text, expected):
    assert markers_in(text) == expected


def test_strip_markers_leaves_clean_prose():
    assert strip_markers("Trish wants to be a hero [2] .") == "Trish wants to be a hero."
    assert strip_markers("Jessica heals [1") == "Jessica heals"


def test_valid_markers_are_kept_and_renumbered_in_order():
    text, cites = ground("Trish wants to become a hero [2]. Jessica recovers from trauma [1].",
                         EVIDENCE)
    assert text == "Trish wants to become a hero [1]. Jessica recovers from trauma [2]."
    assert [c.path for c in cites] == ["d2.txt", "d1.txt"]
    assert [c.marker for c in cites] == [1, 2]
    assert cites[0].quote == "Trish wants to become a hero."
    for c in cites:
        assert c.quote in c.text


@pytest.mark.parametrize("marker", ["[12]", "[7]", "[0]", "【9】"])
def test_out_of_range_markers_are_replaced_by_attribution(marker):
    text, cites = ground(f"Malcolm is played by Eka Darville {marker}.", EVIDENCE)
    assert text == "Malcolm is played by Eka Darville [1]."
    assert cites[0].path == "d2.txt" and cites[0].text == P2.text
    assert cites[0].quote == "Malcolm is played by Eka Darville."


def test_wrong_marker_is_moved_to_the_supporting_evidence():
    text, cites = ground("Season 2 explores how Jessica recovers from her trauma [2].", EVIDENCE)
    assert [c.path for c in cites] == ["d1.txt"]
    assert text.endswith("[1].")


def test_unmarked_sentence_is_attributed_after_the_fact():
    text, cites = ground("Trish wants to become a hero.", EVIDENCE)
    assert text == "Trish wants to become a hero [1]."
    assert cites[0].quote == "Trish wants to become a hero."


def test_unsupported_sentences_are_removed():
    text, cites = ground("Jessica recovers from her trauma [1]. Kilgrave returns as a ghost "
                         "riding dragons [3].", EVIDENCE)
    assert "dragons" not in text
    assert len(cites) == 1


def test_asides_to_an_unsupported_answer_are_dropped_with_it():
    # the reply's first sentence is its answer; what follows only backs it up
    assert ground("Kilgrave returns as a ghost riding dragons. Jessica recovers from her "
                  "trauma [1].", EVIDENCE) == ("", [])
    assert ground("Kilgrave returns as a ghost riding dragons. Malcolm is played by Eka "
                  "Darville [3].", EVIDENCE) == ("", [])
    # an echo of the question before it is no answer, and so is not the one dropped
    text, _ = ground("Who plays Malcolm? Malcolm is played by Eka Darville [3].", EVIDENCE,
                     question="Who plays Malcolm?")
    assert text == "Malcolm is played by Eka Darville [1]."


def test_nothing_supported_gives_empty_text():
    assert ground("Bananas are yellow fruit.", EVIDENCE) == ("", [])


def test_bare_marker_sentence_joins_the_previous_one():
    text, cites = ground("Trish wants to become a hero. [2]", EVIDENCE)
    assert text == "Trish wants to become a hero [1]."


def test_extractive_answer_quotes_the_best_evidence():
    text, cites = extractive(EVIDENCE[2:])
    assert "\u201cMalcolm is played by Eka Darville.\u201d [1]" in text
    assert cites[0].quote in cites[0].text and cites[0].marker == 1


def test_an_attributed_quote_names_the_publication_its_document_names():
    told = replace(P2, publication="Esquire")
    items = [evidence(told, "Malcolm is played by Eka Darville."),
             evidence(P1, "Season 2 explores how Jessica recovers from her trauma.")]
    text, cites = extractive(items, attributed=True)
    # P1 names no publication: its quote stands alone
    assert text == ("The articles say: (in Esquire) \u201cMalcolm is played by Eka Darville."
                    "\u201d [1] \u201cSeason 2 explores how Jessica recovers from her trauma."
                    "\u201d [2]")
    assert [c.publication for c in cites] == ["Esquire", ""]
    assert "Esquire" not in extractive(items)[0]


def test_a_runner_up_from_another_document_can_be_left_out():
    near = [scored(EVIDENCE[0], 1.0), scored(EVIDENCE[1], 0.95)]
    assert len(extractive(near)[1]) == 2
    _, cites = extractive(near, one_document=True)
    assert [c.path for c in cites] == ["d1.txt"]
    same = [scored(evidence(P2, "Trish wants to become a hero."), 1.0),
            scored(evidence(P2, "Malcolm is played by Eka Darville."), 0.95)]
    assert len(extractive(same, one_document=True)[1]) == 2


def test_two_sentences_of_one_passage_are_two_precise_citations():
    text, cites = ground("Trish wants to become a hero [2]. Malcolm is played by Eka Darville [3].",
                         EVIDENCE)
    assert [c.quote for c in cites] == ["Trish wants to become a hero.",
                                        "Malcolm is played by Eka Darville."]
    assert {c.path for c in cites} == {"d2.txt"}


def test_preamble_and_quotes_are_trimmed():
    text, _ = ground('The answer to this question is: "Eka Darville" [3]', EVIDENCE,
                     question="Who plays Malcolm?")
    assert text == "Eka Darville [1]."


def test_numbers_absent_from_the_evidence_are_not_supported():
    assert support("Trish became a hero in 2019", "Trish wants to become a hero.") == 0.0
    assert support("It drew 1,000 fans", "It drew 100 fans") == 0.0
    assert support("It drew 1,000 fans", "It drew 1000 fans") == 1.0


def test_rare_invented_words_weigh_more_than_common_ones():
    weights = {"budget": 5.0}.get
    claim, evidence_text = "The season budget was large", "The season was large."
    assert support(claim, evidence_text) >= 0.6
    assert support(claim, evidence_text, lambda w: weights(w, 1.0)) < 0.6


def test_support_is_share_of_content_words():
    assert support("Trish hero", "Trish wants to become a hero.") == 1.0
    assert support("dragons", "Trish wants to become a hero.") == 0.0


def scored(item: Evidence, score: float, part: int = 0) -> Evidence:
    return Evidence(item.passage, item.text, item.start, item.end, score, part)


def test_a_sentence_supported_only_by_far_weaker_evidence_is_dropped():
    ranked = [scored(EVIDENCE[2], 1.0), scored(EVIDENCE[1], 0.6)]
    # "Trish wants to become a hero" is true, but not what the best evidence is about.
    assert ground("Trish wants to become a hero.", ranked, margin=0.1) == ("", [])
    text, _ = ground("Trish wants to become a hero.", ranked, margin=0.5)
    assert text == "Trish wants to become a hero [1]."


def test_extractive_quotes_a_near_tie_and_skips_a_distant_runner_up():
    near = [scored(EVIDENCE[0], 1.0), scored(EVIDENCE[1], 0.95), scored(EVIDENCE[2], 0.5)]
    text, cites = extractive(near)
    assert [c.quote for c in cites] == [EVIDENCE[0].text, EVIDENCE[1].text]
    assert "[2]" in text and "[3]" not in text


def test_a_widened_quote_never_runs_into_another_quote():
    def to_passage_end(e):
        return replace(e, text=e.passage.text[e.start:], end=len(e.passage.text))

    both = [scored(EVIDENCE[1], 1.0), scored(EVIDENCE[2], 0.95)]  # two sentences of P2
    _, cites = extractive(both, widen=to_passage_end)
    assert [c.quote for c in cites] == [EVIDENCE[1].text, EVIDENCE[2].text]
    _, cites = extractive([scored(EVIDENCE[1], 1.0)], widen=to_passage_end)
    assert [c.quote for c in cites] == [P2.text]


def test_extractive_quotes_the_best_of_each_part_of_a_two_part_question():
    parts = [scored(EVIDENCE[2], 1.2, part=0), scored(EVIDENCE[0], 0.9, part=0),
             scored(EVIDENCE[1], 0.7, part=1)]
    _, cites = extractive(parts)
    assert [c.quote for c in cites] == [EVIDENCE[2].text, EVIDENCE[1].text]


def test_who_plays_is_answered_only_from_a_sentence_crediting_an_actor_with_the_role():
    credit = Passage("p9", "Doc 9", "d9.txt",
                     "Helmed by Douglas Petrie, it stars Mike Colter as Luke Cage.", 1.0)
    helmed = Evidence(credit, "Helmed by Douglas Petrie, it stars Mike Colter as Luke Cage.",
                      0, 60, 1.0)
    assert ground("Mike Colter.", [helmed], "Who plays Luke Cage?")[0] == "Mike Colter [1]."
    producer = evidence(P2, "Malcolm is played by Eka Darville.")
    assert ground("Eka Darville.", [producer], "Who plays Luke Cage?") == ("", [])


def test_a_negation_the_evidence_lacks_is_not_supported():
    sentence = "Season 2 explores how Jessica recovers from her trauma."
    assert support("Season 2 does not explore how Jessica recovers", sentence) == 0.0
    assert support("Season 2 explores how Jessica recovers", sentence) == 1.0


def test_a_name_the_evidence_lacks_is_not_supported():
    # Every other word is in the evidence: the invented first name alone sinks the claim.
    assert support("Melissa Darville plays Malcolm", "Malcolm is played by Eka Darville.") == 0.0
    assert support("Eka Darville plays Malcolm", "Malcolm is played by Eka Darville.") > 0.6
    # A capitalised pronoun or article opening the claim is not a name.
    assert support("She wants to become a hero", "Trish wants to become a hero.") == 1.0


def test_a_question_back_is_not_an_answer():
    assert ground("How does Jessica recover from her trauma [1]?", EVIDENCE,
                  question="What does season 2 explore?") == ("", [])


def test_a_bare_date_or_title_is_no_answer_but_a_bare_credited_actor_is():
    text = ("It'll be touching down in 2018, after the release of Luke Cage, which hits "
            "Netflix on Sept. 30.")
    item = evidence(Passage("p6", "Doc 6", "d6.txt", text, 1.0), text)
    # "2018" is in the evidence, but it is not when Luke Cage comes out: a bare pick is
    # quoted in context by the caller instead of shown alone.
    assert ground("2018 [1].", [item], question="When is Luke Cage out?") == ("", [])
    assert ground("Luke Cage hits Netflix on Sept. 30 [1].", [item],
                  question="When is Luke Cage out?")[0] == "Luke Cage hits Netflix on Sept. 30 [1]."
    credit = "Malcolm (Eka Darville) returns."
    actor = evidence(Passage("p7", "Doc 7", "d7.txt", credit, 1.0), credit)
    assert ground("Eka Darville [1].", [actor], question="Who plays Malcolm?")[0] == (
        "Eka Darville [1].")


LESSON = ("\u201cI learned from working on Dexter that you can advance the character, but "
          "you never want to cure the character,\u201d Rosenberg said.")


@pytest.mark.parametrize(("claim", "wrong"), [
    # the source's words, however the marks and the apostrophes are written
    ('She said "you never want to cure the character".', False),
    ("She said \u201cYou never want to cure the character\u201d.", False),
    ("Rosenberg\u2019s lesson: \u201cI learned from working on Dexter\u201d", False),
    # words she did not say, in that order, shown as hers; closed or left open
    ('Her lesson: "you never want to cure them".', True),
    ('Her lesson: "You can advance the character, but never cure them.', True),
    # a quoted term is not a quote
    ('She never wants "curing" them.', False),
    ("No quotation marks: you never want to cure them.", False),
])
def test_a_quote_must_be_the_sources_own_words(claim, wrong):
    assert misquotes(claim, LESSON) is wrong


def test_a_misquote_is_shown_as_the_evidence_it_meant_to_quote():
    passage = Passage("p6", "Doc 6", "d6.txt", f"Before Jessica Jones. {LESSON}", 1.0)
    item = evidence(passage, LESSON)
    question = "What lesson did Rosenberg learn from Dexter?"
    text, cites = ground('Rosenberg\u2019s lesson: "You can advance the character, but you '
                         'never want to cure them [1].', [item], question=question)
    assert text == f"\u201c{LESSON}\u201d [1]"
    assert cites[0].quote == LESSON
    # her words quoted right are the model's answer, as written
    right = 'Her lesson: "you never want to cure the character" [1].'
    assert ground(right, [item], question=question)[0] == right


def test_a_long_near_copy_is_shown_as_the_verbatim_evidence():
    long_text = ("The show, which earned a Peabody Award and a Hugo Award, won its first Emmy "
                 "for Outstanding Main Title Theme Music at the Creative Arts Emmys.")
    award = Passage("p5", "Doc 5", "d5.txt", long_text, 1.0)
    item = evidence(award, long_text)
    # The model's copy drops the category and invents "in recent years".
    raw = ("The show, which earned a Peabody Award and a Hugo Award, won its first Emmy "
           "in recent years at the Creative Arts Emmys [1].")
    text, cites = ground(raw, [item], question="What did it win at the Emmys?")
    assert text == f"\u201c{long_text}\u201d [1]"
    assert cites[0].quote == long_text
    # A short answer is the model's own words, not replaced.
    short, _ = ground("It won its first Emmy [1].", [item],
                      question="What did it win at the Emmys?")
    assert short == "It won its first Emmy [1]."


def test_a_number_written_as_a_word_in_the_evidence_supports_the_digit():
    evidence_text = "According to her, the second season will explore her life after Kilgrave."
    assert support("Season 2 explores her life after Kilgrave", evidence_text) > 0.6
    assert support("Season 3 explores her life after Kilgrave", evidence_text) == 0.0


def test_evidence_below_the_floor_supports_nothing():
    text = "The Netflix shows operate more like the films do."
    weak = replace(evidence(Passage("w", "Doc", "w.txt", text, 0.1), text), score=0.45)
    text, citations = ground("The Netflix shows operate more like the films do [1].", [weak],
                             "Write a poem about Netflix executives.", floor=0.5)
    assert text == "" and citations == []
    text, _ = ground("The Netflix shows operate more like the films do [1].", [weak],
                     "How do the Netflix shows operate?", floor=0.4)
    assert text


def test_the_kind_of_answer_asked_for_need_not_be_in_the_evidence():
    told = "Rosenberg spoke with Esquire about the second season."
    assert support("The magazine is Esquire.", told) < 0.6
    assert support("The magazine is Esquire.", told, kind="magazine") == 1.0
    p = Passage("e", "Doc", "e.txt", told, 1.0)
    text, citations = ground("The magazine is Esquire.", [evidence(p, told)],
                             "Which magazine did Rosenberg speak with?")
    assert "Esquire [1]" in text and citations[0].quote == told
    # Only the kind of answer: an invented detail beside it still fails.
    assert support("The magazine fired Esquire.", told, kind="magazine") < 0.6


def test_a_reply_with_a_word_no_source_gave_is_dropped():
    said = ("\u201cI learned from working on Dexter that you can advance the character, but you "
            "never want to cure the character,\u201d Rosenberg said.")
    item = evidence(Passage("p6", "Doc 6", "d6.txt", said, 1.0), said)
    question = "What did Rosenberg learn from her time on Dexter?"
    # most of its words are the source's, and "kill" twists it
    twisted = ("Rosenberg learned that you can't cure a character, but you never want to kill "
               "them [1].")
    assert support(strip_markers(twisted), said) >= 0.6
    assert ground(twisted, [item], question=question) == ("", [])
    # the source's words, inflected or from the question, are no invention
    kept, cites = ground("She learned never to cure the character on Dexter [1].", [item],
                         question=question)
    assert kept == "She learned never to cure the character on Dexter [1]." and len(cites) == 1
    assert invented_words("She learns from her time on Dexter.", [said], question) == set()
    assert invented_words("He wants to kill them.", [said], question) == {"kill"}
