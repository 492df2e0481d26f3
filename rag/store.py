"""The vector store: an interface, and Chroma behind it.

Chroma is given embeddings explicitly; its default embedding function would
download a model at run time. A rebuild writes a staging collection and swaps
it in only when complete, so a build that dies leaves the old index in place.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlparse

from rag.config import ConfigError, Settings
from rag.types import Chunk

STAGING_SUFFIX = "__staging"
RETIRED_SUFFIX = "__retired"
_ADD_BATCH = 1000
_PAGE = 5000


class IndexCorrupt(RuntimeError):
    """Chroma cannot read the index files (truncated, overwritten, half-copied)."""


class IndexMismatch(RuntimeError):
    """The index was built with another embedding model; vectors would not be comparable."""


@dataclass(frozen=True)
class StoredPassage:
    id: str
    text: str
    metadata: dict[str, Any]
    distance: float = 0.0  # cosine distance; 1 - similarity


class Collection(Protocol):
    def count(self) -> int: ...
    def upsert(self, chunks: Sequence[Chunk], embeddings: Sequence[Sequence[float]]) -> None: ...
    def delete(self, ids: Sequence[str]) -> None: ...
    def query(self, embedding: Sequence[float], k: int) -> list[StoredPassage]: ...
    def all_passages(self, include_text: bool = True) -> list[StoredPassage]: ...
    def info(self) -> dict[str, Any]: ...


def chunk_metadata(chunk: Chunk) -> dict[str, Any]:
    return {
        "path": chunk.document_path,
        "title": chunk.title,
        "publication": chunk.publication,
        "start": chunk.start,
        "end": chunk.end,
        "content_hash": chunk.content_hash,
    }


class ChromaCollection:
    def __init__(self, collection: Any) -> None:
        self._c = collection

    def count(self) -> int:
        return int(self._c.count())

    def upsert(self, chunks: Sequence[Chunk], embeddings: Sequence[Sequence[float]]) -> None:
        for i in range(0, len(chunks), _ADD_BATCH):
            batch = chunks[i : i + _ADD_BATCH]
            self._c.upsert(
                ids=[c.id for c in batch],
                documents=[c.text for c in batch],
                metadatas=[chunk_metadata(c) for c in batch],
                embeddings=[list(e) for e in embeddings[i : i + _ADD_BATCH]],
            )

    def delete(self, ids: Sequence[str]) -> None:
        for i in range(0, len(ids), _ADD_BATCH):
            self._c.delete(ids=list(ids[i : i + _ADD_BATCH]))

    def query(self, embedding: Sequence[float], k: int) -> list[StoredPassage]:
        k = min(k, self.count())
        if k == 0:
            return []
        try:
            result = self._c.query(
                query_embeddings=[list(embedding)],
                n_results=k,
                include=["documents", "metadatas", "distances"],
            )
        except Exception as exc:
            raise IndexCorrupt(
                f"The index cannot be searched ({type(exc).__name__}: {exc}). Run "
                "`rag index --rebuild` to rebuild it from the corpus."
            ) from None
        return [
            StoredPassage(id=i, text=t, metadata=dict(m), distance=float(d))
            for i, t, m, d in zip(
                result["ids"][0], result["documents"][0], result["metadatas"][0],
                result["distances"][0], strict=True,
            )
        ]

    def all_passages(self, include_text: bool = True) -> list[StoredPassage]:
        # In pages: one get() of 100k ids exceeds SQLite's limit on query variables.
        include = ["metadatas", "documents"] if include_text else ["metadatas"]
        out: list[StoredPassage] = []
        while True:
            result = self._c.get(include=include, limit=_PAGE, offset=len(out))
            texts = result.get("documents") or [""] * len(result["ids"])
            out += [
                StoredPassage(id=i, text=t or "", metadata=dict(m))
                for i, t, m in zip(result["ids"], texts, result["metadatas"], strict=True)
            ]
            if len(result["ids"]) < _PAGE:
                return out

    def info(self) -> dict[str, Any]:
        return dict(self._c.metadata or {})

    def set_info(self, **values: Any) -> None:
        metadata = {k: v for k, v in self.info().items() if not k.startswith("hnsw:")}
        metadata.update(values)
        self._c.modify(metadata=metadata)


class ChromaStore:
    """One Chroma client, holding the active collection by name: embedded under `index/`
    by default, or a Chroma server when RAG_CHROMA_URL is set. Both share every code path."""

    def __init__(self, settings: Settings) -> None:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        self.name = settings.collection
        if settings.chroma_url:
            url = urlparse(settings.chroma_url)
            if url.scheme not in ("http", "https") or not url.hostname:
                raise ConfigError(f"RAG_CHROMA_URL={settings.chroma_url!r} is not a URL; "
                                  "use e.g. http://127.0.0.1:8000")
            self.location = settings.chroma_url
            try:
                self._client = chromadb.HttpClient(
                    host=url.hostname, port=url.port or (443 if url.scheme == "https" else 80),
                    ssl=url.scheme == "https", settings=chroma_settings,
                )
                self._client.heartbeat()
            except Exception as exc:
                raise ConfigError(
                    f"The Chroma server at {settings.chroma_url} is not answering ({exc}). "
                    "Start it (`chroma run --path DIR --host 127.0.0.1 --port 8000`) or unset "
                    "RAG_CHROMA_URL to use the embedded index."
                ) from None
        else:
            settings.index_dir.mkdir(parents=True, exist_ok=True)
            self.location = str(settings.index_dir)
            try:
                self._client = chromadb.PersistentClient(
                    path=str(settings.index_dir), settings=chroma_settings
                )
                self._recover_interrupted_swap()
            except Exception as exc:
                _forget_client(settings.index_dir)
                raise IndexCorrupt(
                    f"The index in {settings.index_dir} is damaged and cannot be read "
                    f"({type(exc).__name__}: {exc}). Run `rag index --rebuild` to rebuild it "
                    "from the corpus; the damaged files are kept aside, not deleted."
                ) from None
            return
        self._recover_interrupted_swap()

    def _names(self) -> set[str]:
        return {c if isinstance(c, str) else c.name for c in self._client.list_collections()}

    def _get(self, name: str) -> Any:
        return self._client.get_collection(name=name, embedding_function=None)

    def _create(self, name: str, embed_model: str) -> Any:
        return self._client.create_collection(
            name=name,
            embedding_function=None,
            metadata={"hnsw:space": "cosine", "embed_model": embed_model, "built_at": ""},
        )

    def _recover_interrupted_swap(self) -> None:
        """Finish or undo a rebuild that died between its two renames."""
        names = self._names()
        if self.name in names:
            return
        staging, retired = self.name + STAGING_SUFFIX, self.name + RETIRED_SUFFIX
        if staging in names and self._get(staging).metadata.get("complete"):
            self._get(staging).modify(name=self.name)
        elif retired in names:
            self._get(retired).modify(name=self.name)

    def exists(self) -> bool:
        return self.name in self._names()

    def active(self, embed_model: str, create: bool = False) -> ChromaCollection:
        """The collection queries read; refuses one built with another embedder."""
        if not self.exists():
            if not create:
                raise FileNotFoundError(
                    f"No index in {self.location}. Build it with `rag index` or build_index()."
                )
            return ChromaCollection(self._create(self.name, embed_model))
        collection = ChromaCollection(self._get(self.name))
        built_with = collection.info().get("embed_model")
        if built_with and built_with != embed_model:
            raise IndexMismatch(
                f"The index in {self.location} was built with the embedding model "
                f"'{built_with}', but the configured one is '{embed_model}'. Run "
                "`rag index --rebuild` to rebuild it, or set RAG_EMBED_MODEL back."
            )
        return collection

    def staging(self, embed_model: str) -> ChromaCollection:
        """A fresh, empty collection to rebuild into; any leftover from a dead build goes."""
        name = self.name + STAGING_SUFFIX
        if name in self._names():
            self._client.delete_collection(name)
        return ChromaCollection(self._create(name, embed_model))

    def promote_staging(self) -> None:
        """Swap the complete staging collection in; the old one is removed last."""
        staging, retired = self.name + STAGING_SUFFIX, self.name + RETIRED_SUFFIX
        self._get(staging).modify(metadata=_mark_complete(self._get(staging).metadata))
        names = self._names()
        if retired in names:
            self._client.delete_collection(retired)
        if self.name in names:
            self._get(self.name).modify(name=retired)
        self._get(staging).modify(name=self.name)
        if retired in self._names():
            self._client.delete_collection(retired)


def _forget_client(path: Path) -> None:
    """Drop Chroma's cached client for `path`, so that a fresh one can open new files."""
    from chromadb.api.client import SharedSystemClient

    SharedSystemClient._identifier_to_system.pop(str(path), None)


def set_damaged_index_aside(index_dir: Path) -> Path:
    """Move a damaged index's files to a sibling folder (the write lock stays) and return it."""
    aside = index_dir.with_name(f"{index_dir.name}.damaged-{datetime.now():%Y%m%d-%H%M%S}")
    aside.mkdir(parents=True)
    for entry in index_dir.iterdir():
        if entry.name != ".write.lock":
            shutil.move(str(entry), aside / entry.name)
    _forget_client(index_dir)
    return aside


def _mark_complete(metadata: dict[str, Any] | None) -> dict[str, Any]:
    kept = {k: v for k, v in (metadata or {}).items() if not k.startswith("hnsw:")}
    return {**kept, "complete": True}


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


_stores: dict[str, ChromaStore] = {}
_stores_lock = threading.Lock()


def open_store(settings: Settings) -> ChromaStore:
    """One client per index folder per process: Chroma dislikes two on the same files."""
    key = f"{settings.chroma_url or settings.index_dir}\x00{settings.collection}"
    with _stores_lock:
        if key not in _stores:
            _stores[key] = ChromaStore(settings)
        return _stores[key]
