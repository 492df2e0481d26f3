"""The plain data the pipeline passes around; no behaviour, no heavy imports."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """One cleaned source file."""

    path: str  # relative to the corpus folder, with forward slashes
    title: str  # human-readable: the headline, else the first sentence
    text: str  # cleaned text
    content_hash: str  # sha256 of the title and cleaned text: what the index holds
    publication: str = ""  # "Esquire" when the text names its source


@dataclass(frozen=True)
class Chunk:
    """A passage ready to embed. `id` derives from content, so rebuilding gives the same ids."""

    id: str
    document_path: str
    title: str
    publication: str
    text: str
    start: int  # character offsets into the cleaned document text
    end: int
    content_hash: str  # of the whole document, to tell changed files apart


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with its relevance score (higher is better)."""

    id: str
    document: str  # title
    path: str
    text: str
    score: float
    publication: str = ""
    similarity: float = 0.0  # cosine similarity to the question, for the refusal threshold


@dataclass(frozen=True)
class Citation:
    marker: int  # the n in [n] as it appears in Answer.text
    document: str
    path: str
    text: str  # the whole passage
    quote: str  # a span that occurs verbatim in `text` and supports the cited sentence
    publication: str = ""


@dataclass
class Answer:
    question: str
    text: str
    citations: list[Citation] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    refused: bool = False
    timings: dict[str, float] = field(default_factory=dict)

    def __str__(self) -> str:
        lines = [self.text]
        if self.citations:
            lines.append("")
            lines.append("Sources:")
            for c in self.citations:
                source = f"{c.document} ({c.publication})" if c.publication else c.document
                lines.append(f"  [{c.marker}] {source} - {c.path}")
                lines.append(f'      "{c.quote}"')
        return "\n".join(lines)


@dataclass(frozen=True)
class SkippedFile:
    path: str
    reason: str


@dataclass
class IndexReport:
    added: int = 0  # files new to the index
    updated: int = 0  # files whose content changed
    removed: int = 0  # files gone from the corpus
    unchanged: int = 0
    passages: int = 0  # passages in the index afterwards
    embedded: int = 0  # passages embedded in this run
    skipped: list[SkippedFile] = field(default_factory=list)
    rebuilt: bool = False
    seconds: float = 0.0

    def summary(self) -> str:
        head = (
            f"{self.added} added, {self.updated} updated, {self.removed} removed, "
            f"{self.unchanged} unchanged; {self.embedded} passages embedded, "
            f"{self.passages} in the index ({self.seconds:.1f} s)"
        )
        if self.rebuilt:
            head = "rebuilt from scratch: " + head
        lines = [head]
        lines += [f"skipped {s.path}: {s.reason}" for s in self.skipped]
        return "\n".join(lines)
