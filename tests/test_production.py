"""When filming starts, as each article puts it."""

import pytest

from rag.pipeline import Pipeline
from rag.production import (
    asks_start_of_work,
    each_article_statement,
    statements,
    states_start,
    with_each_article_statement,
)
from tests.conftest import FakeGenerator
from tests.test_pipeline import evidence_in

PRODUCTION = ("For Rosenberg, who is plotting the second season of Jessica Jones, which will go "
              "into production early next year, it has proven difficult.")
SHOOTING = ("A second season of Jessica Jones is on its way and will supposedly begin shooting "
            "immediately after The Defenders wraps.")
BACK_TO_BACK = ("Her schedule only gets busier with her filming The Defenders and Jessica Jones "
                "season 2 back to back.")
IRON_FIST = "Currently, Netflix and Marvel are filming Iron Fist, which will debut early next year."


@pytest.mark.parametrize(
    ("question", "asks"),
    [("When is production on season 2 going to start?", True),
     ("When are cameras expected to start rolling on the new season?", True),
     ("When does production on season 2 start? I've seen different descriptions.", True),
     ("When is season 2 coming out?", False),  # a release, not the work
     ("Who is in charge of production?", False),
     ("When does filming start, and who directs?", False)],  # two parts
)
def test_questions_about_when_work_starts(question, asks):
    assert asks_start_of_work(question) is asks


@pytest.mark.parametrize("question", [
    "When is production on season 2 going to start?",
    "When will filming on the second season begin?",
    "When are cameras expected to start rolling on the new season?",
    "When does production on season 2 actually start? I've seen a couple of different "
    "descriptions of the timing.",
])
def test_each_article_s_way_of_saying_when_work_starts(question):
    assert states_start(question, PRODUCTION)
    assert states_start(question, SHOOTING)
    assert states_start(question, BACK_TO_BACK)
    assert not states_start(question, IRON_FIST)  # filming something else, now
    assert not states_start(question, "Season 2 is expected to hit in 2017.")


def test_work_on_another_show_is_no_answer():
    assert not states_start("When does filming on season 3 start?", SHOOTING)
    assert not states_start("When does filming on Luke Cage start?", PRODUCTION)


def test_the_answer_quotes_one_statement_from_each_of_two_articles():
    question = "When is production on season 2 going to start?"
    production = evidence_in(PRODUCTION, PRODUCTION, 0.9, path="003.txt")
    shooting = evidence_in(SHOOTING, SHOOTING, 0.6, path="004.txt")
    again = evidence_in(PRODUCTION, PRODUCTION, 0.8, path="003b.txt")
    other = evidence_in(BACK_TO_BACK, BACK_TO_BACK, 0.5, path="002.txt")
    assert statements(question, [shooting, production, other]) == [production, shooting]
    assert statements(question, [production]) == []  # one article: nothing to set beside it
    assert statements("When is season 2 coming out?", [production, shooting]) == []
    # evidence selection reaches past the best for another article's statement
    assert each_article_statement(question, [production], [again, shooting, other]) == [
        again, shooting, other]
    assert each_article_statement(question, [production, shooting], [shooting]) == []


def test_retrieval_reaches_each_article_that_says_when_filming_starts(settings, fake_embedder):
    pipeline = Pipeline(settings.with_(min_relevance=0.1), embedder=fake_embedder,
                        generator=FakeGenerator())
    question = "When is production on season 2 going to start?"
    unrelated = pipeline.retrieve("What does Jessica envy in Trish?")
    assert not any(states_start(question, p.text) for p in unrelated)
    widened = with_each_article_statement(pipeline.retriever(), question, unrelated)
    assert len(widened) == len(unrelated) and widened[0] == unrelated[0]
    stating = {p.path for p in widened if states_start(question, p.text)}
    assert {"003_c77748d9f702d4b9.txt", "004_d98b2c6786ce758e.txt"} <= stating
    assert with_each_article_statement(pipeline.retriever(), question, widened) == widened


def test_saying_when_work_on_the_thing_asked_starts_is_quotable_however_it_scores(settings):
    # a short question shares few words with its answer: "cameras", "rolling" are the
    # question's words for "begin shooting"
    from rag.retrieval import BM25

    pipeline = Pipeline(settings.with_(min_evidence_score=0.5))
    lexical = BM25([SHOOTING, IRON_FIST, "Rosenberg writes season 2 of Jessica Jones.",
                    "The cameras are rolling on a new show, as expected."])
    shooting = evidence_in(SHOOTING, SHOOTING, 0.46, path="004.txt")
    iron_fist = evidence_in(IRON_FIST, IRON_FIST, 0.48, path="001.txt")
    question = "When are cameras expected to start rolling on the new season?"
    assert pipeline.quotable(question, [iron_fist, shooting], lexical) == [shooting]
    # filming something else, however it scores, is no answer
    assert pipeline.quotable("When does filming on Luke Cage start?", [iron_fist, shooting],
                             lexical) == []
