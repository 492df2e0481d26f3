"""Shared fixtures: every test gets its own corpus copy and index folder.

The fakes are honest: FakeEmbedder really ranks by shared words (hashed bag of
words, so similar texts get similar vectors) and FakeGenerator really reads the
evidence in its prompt and answers from it, so the logic around them is tested
for real, only faster.
"""

from __future__ import annotations

import hashlib
import math
import re
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from rag.config import PROJECT_ROOT, Settings
from rag.retrieval import tokenize

CORPUS = PROJECT_ROOT / "data"
QUESTION = "What does season 2 explore?"


class FakeEmbedder:
    """Hashed bag of words, unit length: texts sharing words are close."""

    name = "fake-bag-of-words"
    dimension = 256

    def __init__(self) -> None:
        self.calls = 0
        self.texts_embedded = 0

    def _vector(self, text: str) -> list[float]:
        v = [0.0] * self.dimension
        for word in tokenize(text):
            v[int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dimension] += 1.0
        norm = math.sqrt(sum(x * x for x in v)) or 1.0
        return [x / norm for x in v]

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        self.calls += 1
        self.texts_embedded += len(texts)
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)


class FakeGenerator:
    """Answers with the first sentence of its context; or a scripted reply."""

    name = "fake-generator"
    n_ctx = 2048

    def __init__(self, reply: str | None = None) -> None:
        self.reply = reply
        self.prompts: list[str] = []

    def count_tokens(self, text: str) -> int:
        return len(text.split()) + text.count("[")

    def stream(
        self, messages: Sequence[dict[str, str]], max_tokens: int, stop: Sequence[str] = ()
    ) -> Iterator[str]:
        user = messages[-1]["content"]
        self.prompts.append(user)
        if self.reply is not None:
            reply = self.reply
        else:  # the first sentence of the context, as a faithful small model would
            first = re.search(r"^Context: (.+?[.!?\u201d\"])(\s|$)", user, re.M)
            reply = first.group(1) if first else "I could not find this in the articles."
        for word in reply.split(" "):
            yield word + " "


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Point RAG_DATA_DIR and RAG_INDEX_DIR at a temp copy; the shipped data is never touched."""
    data = tmp_path / "data"
    shutil.copytree(CORPUS, data)
    monkeypatch.setenv("RAG_DATA_DIR", str(data))
    monkeypatch.setenv("RAG_INDEX_DIR", str(tmp_path / "index"))
    return Settings.from_env()


@pytest.fixture
def settings(isolated_dirs: Settings) -> Settings:
    return isolated_dirs


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture
def real_wordnet() -> Any:
    """The WordNet `rag fetch-model` put in models/ (./run.sh does); skipped without it."""
    from rag.wordnet import load_wordnet

    wordnet = load_wordnet(Settings.from_env().models_dir / "wordnet")
    if wordnet is None:
        pytest.skip("WordNet is not in models/wordnet: run `rag fetch-model` (./run.sh does)")
    return wordnet
