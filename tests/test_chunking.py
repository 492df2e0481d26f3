from rag.chunking import chunk_document
from rag.documents import load_corpus


def test_chunks_are_exact_slices_within_size(settings):
    docs, _ = load_corpus(settings.data_dir)
    for doc in docs:
        chunks = chunk_document(doc, max_chars=600, overlap_sentences=1)
        assert chunks
        for c in chunks:
            assert doc.text[c.start:c.end] == c.text
            assert len(c.text) <= 600 or "." not in c.text[:-1].rstrip('"”')
            assert c.title == doc.title and c.document_path == doc.path
        assert chunks[0].start == 0 and chunks[-1].end == len(doc.text.rstrip())
        # consecutive passages overlap (by one sentence) and never go backwards
        for a, b in zip(chunks, chunks[1:], strict=False):
            assert a.start < b.start <= a.end


def test_ids_are_stable_and_unique(settings):
    docs, _ = load_corpus(settings.data_dir)
    first = [c.id for d in docs for c in chunk_document(d)]
    second = [c.id for d in docs for c in chunk_document(d)]
    assert first == second
    assert len(set(first)) == len(first)


def test_no_overlap_gives_disjoint_passages(settings):
    docs, _ = load_corpus(settings.data_dir)
    chunks = chunk_document(docs[0], max_chars=300, overlap_sentences=0)
    for a, b in zip(chunks, chunks[1:], strict=False):
        assert a.end <= b.start
