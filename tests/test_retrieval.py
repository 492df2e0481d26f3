from rag.retrieval import BM25, reciprocal_rank_fusion, tokenize


def test_tokenize_drops_stopwords_and_possessives():
    assert tokenize("What is Jessica's season 2 about?") == ["jessica", "season", "2"]


def test_bm25_prefers_rare_matching_terms():
    bm25 = BM25(["the show season", "Malcolm Darville season", "season season season"])
    scores = bm25.scores("Darville")
    assert scores.index(max(scores)) == 1
    assert scores[0] == 0.0


def test_rrf_rewards_agreement():
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["b", "c", "a"]])
    assert max(fused, key=fused.get) == "b"
    assert set(fused) == {"a", "b", "c"}
