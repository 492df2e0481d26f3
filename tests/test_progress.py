"""How far along the writing is, as each article puts it."""

import pytest

from rag.pipeline import Pipeline
from rag.progress import asks_progress, each_side, progress_sides, sides, with_each_side
from tests.conftest import FakeGenerator
from tests.test_pipeline import evidence_in

HALFWAY = ("Esquire mentioned that, as of August, it sounds like Rosenberg and company are "
           "halfway through writing season 2.")
MIDWAY = ("Rosenberg confirmed that they've already managed to make it midway through the "
          "writing process for the upcoming season.")
NOT_WRITTEN = ("While the script is more than likely not even written yet, Rosenberg spoke "
               "with Esquire about what we can expect.")
PRE_PRODUCTION = "They are early on in the pre-production process, but Rosenberg knows a lot."
OTHER = "Rosenberg has been busy hitting various award ceremonies."


@pytest.mark.parametrize(
    ("question", "asks"),
    [("How far along is the writing for Jessica Jones season 2?", True),
     ("Have the season 2 scripts actually been written yet, or is it still early?", True),
     ("What stage is the writing of season 2 at?", True),
     ("How far along was work on season 2? Do the reports say the same thing?", True),
     # asked of one time or one source: that one answers, not each side
     ("How far along was the writing of season 2 as of August?", False),
     ("By late summer, how much of the scripts had the writers gotten through?", False),
     ("jj season 2 writing progress august", False),
     ("According to Esquire, how far along is the writing?", False),
     ("Which magazine did she tell about her progress writing season 2?", False),  # a name
     ("How far along is production?", False),  # not the writing
     ("How far along is the writing, and who plays Malcolm?", False)],  # two parts
)
def test_questions_about_how_far_along_the_writing_is(question, asks):
    assert asks_progress(question) is asks


def test_each_article_takes_a_side():
    assert progress_sides(HALFWAY) == progress_sides(MIDWAY) == {"under way"}
    assert progress_sides(NOT_WRITTEN) == progress_sides(PRE_PRODUCTION) == {"not begun"}
    assert progress_sides(OTHER) == set()
    assert progress_sides("Half of writing is rewriting.") == set()


def test_the_answer_quotes_the_best_of_each_side():
    question = "How far along is the writing for season 2?"
    halfway = evidence_in(HALFWAY, HALFWAY, 0.9, path="001.txt")
    midway = evidence_in(MIDWAY, MIDWAY, 0.8, path="000.txt")
    not_written = evidence_in(NOT_WRITTEN, NOT_WRITTEN, 0.6, path="001b.txt")
    other = evidence_in(OTHER, OTHER, 0.95, path="002.txt")
    assert sides(question, [other, midway, not_written, halfway]) == [halfway, not_written]
    assert sides(question, [halfway, midway, other]) == []  # one side: nothing to set beside
    assert sides("How far along was it as of August?", [halfway, not_written]) == []
    # evidence selection reaches past the best for the side it lacks
    assert each_side([halfway], [midway, other, not_written]) == [not_written]
    assert each_side([halfway, not_written], [midway]) == []


def test_retrieval_reaches_the_other_side(settings, fake_embedder):
    pipeline = Pipeline(settings.with_(min_relevance=0.1), embedder=fake_embedder,
                        generator=FakeGenerator())
    question = "How far along is the writing for season 2?"
    unrelated = pipeline.retrieve("What does Jessica envy in Trish?")
    assert not any(progress_sides(p.text) for p in unrelated)
    widened = with_each_side(pipeline.retriever(), question, unrelated)
    assert len(widened) == len(unrelated) and widened[0] == unrelated[0]
    assert set().union(*(progress_sides(p.text) for p in widened)) == {"under way", "not begun"}
