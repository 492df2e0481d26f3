import json

import pytest

from rag.evaluation import (
    DEFAULT_QUESTIONS,
    EvalQuestion,
    fact_recall,
    load_questions,
    run_eval,
)
from rag.types import Answer, Citation, Passage

P_GOLD = Passage("p1", "Doc", "gold.txt", "Malcolm is played by Eka Darville.", 0.03)
P_OTHER = Passage("p2", "Other", "other.txt", "Unrelated words here.", 0.02)


def test_fact_recall_counts_alternatives():
    assert fact_recall("Played by Eka Darville.", [["darville"], ["2018", "2017"]]) == 0.5
    assert fact_recall("anything", []) == 1.0


def test_run_eval_scores_and_writes_reports(tmp_path):
    questions = [
        EvalQuestion("a1", "Who plays Malcolm?", True, ["gold.txt"], [["Darville"]], "name"),
        EvalQuestion("u1", "Capital of France?", False),
    ]
    answers = {
        "Who plays Malcolm?": Answer(
            "Who plays Malcolm?", "Eka Darville [1] and more [2].",
            [Citation(1, "Doc", "gold.txt", P_GOLD.text, "Eka Darville"),
             Citation(2, "Other", "other.txt", P_OTHER.text, "not in the passage")],
            [P_OTHER, P_GOLD], timings={"total_ms": 100.0, "first_token_ms": 50.0}),
        "Capital of France?": Answer("Capital of France?", "I could not find this.", [], [],
                                     refused=True),
    }
    summary = run_eval(questions, answers.__getitem__, tmp_path, k=5, log=lambda _: None)
    assert summary["hit_at_k"] == 1.0
    assert summary["fact_recall"] == 1.0
    assert summary["citation_precision"] == 0.5
    assert summary["citation_support"] == 0.5
    assert summary["refusal_accuracy"] == 1.0
    saved = json.loads((tmp_path / "results.json").read_text())
    assert saved["questions"][0]["citations_in_gold"] == 1
    assert "| a1 | name | yes | 1.00 |" in (tmp_path / "report.md").read_text()


def test_dev_set_is_well_formed():
    questions = load_questions(DEFAULT_QUESTIONS)
    assert len(questions) >= 40
    assert sum(not q.answerable for q in questions) >= 8
    assert len({q.id for q in questions}) == len(questions)


OTHER_CORPUS_SETS = ["python-reference", "pip-docs", "libffi-manual", "pino-docs"]


def _article_sets() -> list[str]:
    from rag.config import PROJECT_ROOT

    names = sorted(p.stem for p in (PROJECT_ROOT / "eval").glob("*.jsonl"))
    return [n for n in names if n not in OTHER_CORPUS_SETS]


@pytest.mark.parametrize("name", _article_sets())
def test_article_sets_are_well_formed(name):
    """Every set over the shipped articles names real files as gold, and each fact can be
    found in one of them: a fact no article states would count against the pipeline."""
    from rag.config import PROJECT_ROOT
    from rag.documents import load_corpus

    docs, _ = load_corpus(PROJECT_ROOT / "data")
    texts = {d.path: d.text.lower() for d in docs}
    questions = load_questions(PROJECT_ROOT / "eval" / f"{name}.jsonl")
    assert len({q.id for q in questions}) == len(questions)
    assert sum(not q.answerable for q in questions) >= len(questions) // 5
    for q in questions:
        assert q.answerable == bool(q.facts) == bool(q.gold)
        assert set(q.gold) <= set(texts), q.id
        for fact in q.facts:
            assert any(alt.lower() in texts[g] for alt in fact for g in q.gold), (q.id, fact)


@pytest.mark.parametrize("name", OTHER_CORPUS_SETS)
def test_other_corpus_sets_are_well_formed(name):
    from rag.config import PROJECT_ROOT
    from rag.documents import load_corpus

    docs, skipped = load_corpus(PROJECT_ROOT / "eval" / "corpora" / name)
    assert not skipped
    texts = {d.path: d.text.lower() for d in docs}  # as the pipeline reads them
    questions = load_questions(PROJECT_ROOT / "eval" / f"{name}.jsonl")
    assert len(questions) == 40 and sum(not q.answerable for q in questions) == 10
    for q in questions:
        assert q.answerable == bool(q.facts) == bool(q.gold)
        for fact in q.facts:  # each fact can be found in a gold document
            assert any(alt.lower() in texts[g] for alt in fact for g in q.gold), (q.id, fact)
