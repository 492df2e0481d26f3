"""Incremental index builds against the real Chroma, with the fake embedder for speed."""

import pytest

from rag.indexer import IndexBusy, build_index, index_lock
from rag.store import ChromaStore, IndexMismatch


def build(settings, embedder, **kw):
    quiet = lambda done, total: None  # noqa: E731
    return build_index(settings=settings, embedder=embedder, progress=quiet, **kw)


def passages_by_path(settings, embedder_name="fake-bag-of-words"):
    collection = ChromaStore(settings).active(embedder_name)
    out: dict[str, set[str]] = {}
    for p in collection.all_passages():
        out.setdefault(p.metadata["path"], set()).add(p.id)
    return out


def test_first_build_indexes_every_article(settings, fake_embedder):
    report = build(settings, fake_embedder)
    assert (report.added, report.updated, report.removed, report.unchanged) == (5, 0, 0, 0)
    assert report.passages == report.embedded > 10
    assert len(passages_by_path(settings)) == 5


def test_unchanged_corpus_embeds_nothing(settings, fake_embedder):
    build(settings, fake_embedder)
    calls = fake_embedder.texts_embedded
    report = build(settings, fake_embedder)
    assert (report.added, report.updated, report.removed, report.unchanged) == (0, 0, 0, 5)
    assert report.embedded == 0 and fake_embedder.texts_embedded == calls


def test_editing_one_article_changes_only_its_passages(settings, fake_embedder):
    build(settings, fake_embedder)
    before = passages_by_path(settings)
    edited = settings.data_dir / "002_2997a68a253baf3d.txt"
    edited.write_text(edited.read_text() + "\n\nA brand new closing paragraph about Hellcat.\n")
    report = build(settings, fake_embedder)
    assert (report.added, report.updated, report.removed, report.unchanged) == (0, 1, 0, 4)
    after = passages_by_path(settings)
    for path in before:
        if path == edited.name:
            assert after[path] != before[path]
        else:
            assert after[path] == before[path]
    assert report.embedded == len(after[edited.name])


def test_a_file_read_differently_is_reembedded_though_its_bytes_are_the_same(
        settings, fake_embedder, monkeypatch):
    """An upgrade that cleans text differently must reach the index without --rebuild."""
    import rag.documents

    build(settings, fake_embedder)
    clean = rag.documents.clean_text
    monkeypatch.setattr(rag.documents, "clean_text",
                        lambda text: clean(text).replace("Kilgrave", "Zebediah Killgrave"))
    report = build(settings, fake_embedder)
    # Three articles name Kilgrave; the other two read the same and are left alone.
    assert (report.updated, report.unchanged) == (3, 2)
    texts = [p.text for p in ChromaStore(settings).active("fake-bag-of-words").all_passages()]
    assert any("Zebediah" in t for t in texts)


def test_deleting_an_article_removes_its_passages(settings, fake_embedder):
    build(settings, fake_embedder)
    (settings.data_dir / "004_d98b2c6786ce758e.txt").unlink()
    report = build(settings, fake_embedder)
    assert report.removed == 1 and report.embedded == 0
    assert "004_d98b2c6786ce758e.txt" not in passages_by_path(settings)


def test_bad_files_are_reported_and_the_rest_indexed(settings, fake_embedder):
    (settings.data_dir / "empty.txt").write_text("")
    (settings.data_dir / "blob.txt").write_bytes(b"\x00\x01\x02" * 100)
    (settings.data_dir / "latin.txt").write_bytes("R\xe9sum\xe9 of the show.".encode("latin-1"))
    report = build(settings, fake_embedder)
    assert report.added == 5
    assert sorted(s.path for s in report.skipped) == ["blob.txt", "empty.txt", "latin.txt"]
    assert "skipped latin.txt: not valid UTF-8" in report.summary()


def test_rebuild_gives_the_same_passages(settings, fake_embedder):
    build(settings, fake_embedder)
    before = passages_by_path(settings)
    report = build(settings, fake_embedder, rebuild=True)
    assert report.rebuilt and report.added == 5
    assert passages_by_path(settings) == before


def test_other_embedder_is_refused_until_rebuild(settings, fake_embedder):
    build(settings, fake_embedder)

    class OtherEmbedder(type(fake_embedder)):
        name = "another-model"

    with pytest.raises(IndexMismatch, match="rag index --rebuild"):
        build(settings, OtherEmbedder())
    report = build(settings, OtherEmbedder(), rebuild=True)
    assert report.passages > 0
    assert ChromaStore(settings).active("another-model").info()["embed_model"] == "another-model"


def test_second_writer_is_refused(settings, fake_embedder):
    with index_lock(settings.index_dir), pytest.raises(IndexBusy, match="Another index build"):
        build(settings, fake_embedder)


def test_failed_rebuild_leaves_the_old_index(settings, fake_embedder):
    build(settings, fake_embedder)
    before = passages_by_path(settings)

    class DyingEmbedder(type(fake_embedder)):
        def embed_documents(self, texts):
            raise RuntimeError("killed midway")

    with pytest.raises(RuntimeError, match="killed midway"):
        build(settings, DyingEmbedder(), rebuild=True)
    assert passages_by_path(settings) == before


def test_interrupted_swap_is_recovered(settings, fake_embedder):
    build(settings, fake_embedder)
    before = passages_by_path(settings)
    store = ChromaStore(settings)
    # Simulate a rebuild that died after retiring the old collection.
    store._get(store.name).modify(name=store.name + "__retired")
    assert not store.exists()
    assert passages_by_path(settings) == before


def test_nothing_changed_loads_no_embedding_model(settings, fake_embedder, monkeypatch):
    import rag.indexer as indexer

    build(settings, fake_embedder)

    def must_not_load(_settings):
        raise AssertionError("the embedding model was loaded for nothing")

    monkeypatch.setattr(indexer, "load_embedder", must_not_load)
    monkeypatch.setattr(indexer, "embedder_name", lambda _settings: fake_embedder.name)
    report = build_index(settings=settings, progress=lambda d, t: None)
    assert report.unchanged == 5 and report.embedded == 0
    (settings.data_dir / "004_d98b2c6786ce758e.txt").unlink()  # removals need no model either
    assert build_index(settings=settings, progress=lambda d, t: None).removed == 1
