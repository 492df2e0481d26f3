"""Sentence-aware, overlapping passages with ids derived from their content."""

from __future__ import annotations

import hashlib

from rag.documents import split_sentences
from rag.types import Chunk, Document


def chunk_id(path: str, start: int, text: str) -> str:
    # Path and offset are part of the id so that two files sharing a passage,
    # or a passage repeated in one file, still get distinct ids.
    digest = hashlib.sha256(f"{path}\x00{start}\x00{text}".encode()).hexdigest()
    return digest[:24]


def chunk_document(doc: Document, max_chars: int = 600, overlap_sentences: int = 1) -> list[Chunk]:
    """Pack whole sentences into passages of about `max_chars`.

    Each passage after the first repeats the last `overlap_sentences` sentences
    of the one before, so a fact split across a boundary is still found whole.
    A single sentence longer than `max_chars` becomes a passage of its own.
    """
    sentences = split_sentences(doc.text)
    chunks: list[Chunk] = []
    i = 0
    while i < len(sentences):
        j = i
        # Always take at least one sentence; then add while it fits.
        while j + 1 < len(sentences) and sentences[j + 1][1] - sentences[i][0] <= max_chars:
            j += 1
        start, end = sentences[i][0], sentences[j][1]
        text = doc.text[start:end]
        chunks.append(
            Chunk(
                id=chunk_id(doc.path, start, text),
                document_path=doc.path,
                title=doc.title,
                publication=doc.publication,
                text=text,
                start=start,
                end=end,
                content_hash=doc.content_hash,
            )
        )
        if j + 1 >= len(sentences):
            break
        # Step forward, keeping an overlap, but always make progress.
        i = max(i + 1, j + 1 - overlap_sentences)
    return chunks
