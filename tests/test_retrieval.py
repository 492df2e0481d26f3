from rag.retrieval import BM25, reciprocal_rank_fusion, tokenize


def test_tokenize_drops_stopwords_and_possessives():
    assert tokenize("What is Jessica's season 2 about?") == ["jessica", "season", "2"]


def test_bm25_prefers_rare_matching_terms():
    bm25 = BM25(["the show season", "Malcolm Darville season", "season season season"])
    scores = list(bm25.scores("Darville"))
    assert scores.index(max(scores)) == 1
    assert scores[0] == 0.0
    assert bm25.top("Darville", 5) == [1]
    assert bm25.top("season", 2) == [2, 0]  # most "season", then the shorter passage
    assert bm25.top("nothing matches", 5) == []


def test_rrf_rewards_agreement():
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["b", "c", "a"]])
    assert max(fused, key=fused.get) == "b"
    assert set(fused) == {"a", "b", "c"}
