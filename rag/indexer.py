"""Incremental index builds: embed only what changed, one writer at a time."""

from __future__ import annotations

import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from rag.chunking import chunk_document
from rag.config import Settings
from rag.documents import load_corpus
from rag.embeddings import Embedder, embedder_name, load_embedder
from rag.store import ChromaStore, IndexCorrupt, now_iso, open_store, set_damaged_index_aside
from rag.types import Chunk, IndexReport

EMBED_BATCH = 128
Progress = Callable[[int, int], None]  # (passages embedded so far, total)


class IndexBusy(RuntimeError):
    """Another process is writing the index."""


@contextmanager
def index_lock(index_dir: Path) -> Iterator[None]:
    """An exclusive, non-blocking lock on the index folder, released even on a crash."""
    import fcntl

    index_dir.mkdir(parents=True, exist_ok=True)
    path = index_dir / ".write.lock"
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise IndexBusy(
                f"Another index build (pid {holder}) is writing {index_dir}. Wait for it to "
                "finish, then run `rag index` again."
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)


def _tqdm_progress(total: int) -> tuple[Progress, Callable[[], None]]:
    from tqdm import tqdm

    bar = tqdm(total=total, unit="passage", desc="Embedding", file=sys.stderr,
               disable=total == 0 or None)

    def update(done: int, _total: int) -> None:
        bar.update(done - bar.n)

    return update, bar.close


def _embed(
    embedder: Embedder, chunks: Sequence[Chunk], progress: Progress | None
) -> list[list[float]]:
    close: Callable[[], None] = lambda: None  # noqa: E731
    if progress is None:
        if chunks:  # a plain line too: the bar is hidden when stderr is not a terminal
            print(f"Embedding {len(chunks)} passages...", file=sys.stderr, flush=True)
        progress, close = _tqdm_progress(len(chunks))
    # Batches of similar length waste less padding (what encode() does for one big call).
    order = sorted(range(len(chunks)), key=lambda i: len(chunks[i].text))
    vectors: list[list[float]] = [[] for _ in chunks]
    try:
        for start in range(0, len(order), EMBED_BATCH):
            batch = order[start : start + EMBED_BATCH]
            for i, vector in zip(batch, embedder.embed_documents([chunks[i].text for i in batch]),
                                 strict=True):
                vectors[i] = vector
            progress(min(start + EMBED_BATCH, len(order)), len(chunks))
    finally:
        close()
    return vectors


def build_index(
    rebuild: bool = False,
    settings: Settings | None = None,
    *,
    progress: Progress | None = None,
    embedder: Embedder | None = None,
    store: ChromaStore | None = None,
) -> IndexReport:
    """Bring the index in line with the corpus folder and report what changed.

    Unchanged files (same bytes) are not re-embedded; changed files have their
    passages replaced; deleted files have theirs removed. `rebuild=True` builds
    a new collection from scratch and swaps it in only once it is complete.
    Files that cannot be read are skipped and listed in the report; their old
    passages, if any, are kept.
    """
    settings = settings or Settings.from_env()
    started = time.perf_counter()
    with index_lock(settings.index_dir):
        documents, skipped = load_corpus(settings.data_dir)
        name = embedder.name if embedder else embedder_name(settings)
        if store is None:
            try:
                store = open_store(settings)
            except IndexCorrupt:
                if not rebuild or settings.chroma_url:
                    raise
                aside = set_damaged_index_aside(settings.index_dir)
                print(f"The damaged index was moved to {aside}; rebuilding.", file=sys.stderr)
                store = open_store(settings)
        target = store.staging(name) if rebuild else store.active(name, create=True)

        stored_ids: dict[str, set[str]] = defaultdict(set)
        stored_hashes: dict[str, set[str]] = defaultdict(set)
        for passage in target.all_passages(include_text=False):
            stored_ids[passage.metadata["path"]].add(passage.id)
            stored_hashes[passage.metadata["path"]].add(passage.metadata["content_hash"])

        report = IndexReport(skipped=skipped, rebuilt=rebuild)
        to_embed: list[Chunk] = []
        stale_ids: list[str] = []
        for doc in documents:
            if stored_hashes.get(doc.path) == {doc.content_hash}:
                report.unchanged += 1
                continue
            chunks = chunk_document(doc, settings.chunk_chars, settings.chunk_overlap_sentences)
            new_ids = {c.id for c in chunks}
            if doc.path in stored_ids:
                report.updated += 1
                stale_ids += sorted(stored_ids[doc.path] - new_ids)
            else:
                report.added += 1
            to_embed += chunks
        present = {d.path for d in documents} | {s.path for s in skipped}
        for path in sorted(set(stored_ids) - present):
            report.removed += 1
            stale_ids += sorted(stored_ids[path])

        # New passages go in before stale ones go out: a build that dies
        # midway leaves every file answerable, and the next run finishes it.
        if to_embed:  # the model loads only when there is something to embed
            embedder = embedder or load_embedder(settings)
        vectors = _embed(embedder, to_embed, progress) if embedder else []
        target.upsert(to_embed, vectors)
        target.delete(stale_ids)
        report.embedded = len(to_embed)
        if rebuild or report.embedded or stale_ids or not target.info().get("built_at"):
            target.set_info(built_at=now_iso(), embed_model=name)
        if rebuild:
            store.promote_staging()
        report.passages = target.count()
    report.seconds = time.perf_counter() - started
    return report
