"""A local, offline, retrieval-augmented Q&A chatbot that cites its sources.

    from rag import answer, answer_stream, build_index
    a = answer("What does season 2 explore?")
    print(a.text, a.citations)

Importing `rag` is cheap: torch, sentence-transformers, llama.cpp and Chroma
load on first use.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from rag.config import ConfigError, Settings
from rag.types import Answer, Citation, IndexReport, Passage, SkippedFile

if TYPE_CHECKING:
    from rag.corpus import AddedFile
    from rag.indexer import Progress

__all__ = [
    "Answer", "Citation", "ConfigError", "IndexReport", "Passage", "Settings", "SkippedFile",
    "add_documents", "answer", "answer_stream", "build_index", "status",
]
__version__ = "0.1.0"


def answer(question: str, history: Sequence[tuple[str, str]] | None = None) -> Answer:
    """Answer `question` from the indexed articles, citing the passages that support it.

    `history` holds earlier (question, answer) turns so that follow-ups keep their
    subject. The index is built on first use if it is missing.
    """
    from rag.pipeline import default_pipeline

    return default_pipeline().answer(question, history)


def answer_stream(
    question: str, history: Sequence[tuple[str, str]] | None = None
) -> Iterator[str | Answer]:
    """Yield the answer's text deltas as they are generated, then the final `Answer`."""
    from rag.pipeline import default_pipeline

    return default_pipeline().stream(question, history)


def build_index(
    rebuild: bool = False, settings: Settings | None = None, progress: Progress | None = None
) -> IndexReport:
    """Index the corpus folder (RAG_DATA_DIR) incrementally, or from scratch with rebuild=True."""
    from rag.indexer import build_index as _build

    return _build(rebuild=rebuild, settings=settings, progress=progress)


def add_documents(paths: Sequence[str], names: Sequence[str] | None = None) -> list[AddedFile]:
    """Check files and copy the readable ones into the corpus folder; then call build_index()."""
    from rag.corpus import add_documents as _add

    return _add(paths, names=names)


def status() -> dict[str, Any]:
    """Model name, whether models are loaded, passages in the index and when it was built."""
    from rag.pipeline import default_pipeline

    return default_pipeline().status()
