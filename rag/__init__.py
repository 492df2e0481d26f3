"""A local, offline, retrieval-augmented Q&A chatbot that cites its sources.

    from rag import answer, answer_stream, build_index
    a = answer("What does season 2 explore?")
    print(a.text, a.citations)

Importing `rag` is cheap: torch, sentence-transformers, llama.cpp and Chroma
load on first use.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from rag.config import ConfigError, Settings
from rag.types import Answer, Citation, IndexReport, Passage, SkippedFile

if TYPE_CHECKING:
    from rag.indexer import Progress

__all__ = [
    "Answer", "Citation", "ConfigError", "IndexReport", "Passage", "Settings", "SkippedFile",
    "answer", "answer_stream", "build_index",
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
