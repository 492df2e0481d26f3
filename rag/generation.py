"""Generators: the interface, model discovery, and the embedded llama.cpp backend."""

from __future__ import annotations

import atexit
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

from rag.config import ConfigError, Settings
from rag.model_fetch import DEFAULT_GGUF_NAME

Message = dict[str, str]


class ModelNotFound(ConfigError):
    pass


class Generator(Protocol):
    name: str
    n_ctx: int

    def count_tokens(self, text: str) -> int: ...

    def stream(
        self, messages: Sequence[Message], max_tokens: int, stop: Sequence[str] = ()
    ) -> Iterator[str]:
        """Yields text deltas of the assistant's reply, ending before any `stop` string."""
        ...


def find_model(settings: Settings) -> Path:
    """RAG_MODEL if set, else the default GGUF in models/, else any GGUF there."""
    how_to = (
        "Run ./run.sh (it fetches and verifies the default model), or `rag fetch-model`, "
        f"or put a .gguf file in {settings.models_dir}, or set RAG_MODEL=/path/to/model.gguf."
    )
    if settings.model:
        path = Path(settings.model).expanduser()
        if not path.is_absolute() and not path.exists():
            path = settings.models_dir / path
        if not path.is_file():
            raise ModelNotFound(f"RAG_MODEL={settings.model}: no such file. {how_to}")
        return path
    default = settings.models_dir / DEFAULT_GGUF_NAME
    if default.is_file():
        return default
    found = sorted(settings.models_dir.glob("*.gguf")) if settings.models_dir.is_dir() else []
    if not found:
        raise ModelNotFound(f"No GGUF model in {settings.models_dir}. {how_to}")
    return found[0]


class LlamaCppGenerator:
    """One llama.cpp model in this process; a lock keeps it to one generation at a time."""

    def __init__(self, model_path: Path, settings: Settings) -> None:
        from llama_cpp import Llama

        self.name = model_path.name
        self.path = model_path
        self.temperature = settings.temperature
        self._llm: Any = Llama(
            model_path=str(model_path),
            n_ctx=settings.n_ctx,
            n_threads=settings.n_threads,
            n_batch=512,
            seed=settings.seed,
            verbose=False,
        )
        self.n_ctx = int(self._llm.n_ctx())
        self.lock = threading.Lock()

    def count_tokens(self, text: str) -> int:
        return len(self._llm.tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def stream(
        self, messages: Sequence[Message], max_tokens: int, stop: Sequence[str] = ()
    ) -> Iterator[str]:
        with self.lock:
            chunks = self._llm.create_chat_completion(
                messages=list(messages),
                max_tokens=max_tokens,
                temperature=self.temperature,
                top_k=1 if self.temperature == 0 else 40,
                repeat_penalty=1.1,
                stop=list(stop),
                stream=True,
            )
            for chunk in chunks:
                delta = chunk["choices"][0].get("delta", {}).get("content")
                if delta:
                    yield delta


_cache: dict[str, LlamaCppGenerator] = {}
_cache_lock = threading.Lock()


@atexit.register
def _close_models() -> None:
    # Freed before interpreter teardown; llama.cpp's own __del__ fails once
    # its module globals are gone and prints a traceback at every exit.
    for generator in _cache.values():
        generator._llm.close()
    _cache.clear()


def load_generator(settings: Settings) -> Generator:
    """The embedded llama.cpp model, or an OpenAI-compatible server when RAG_LLM_URL is set."""
    if settings.llm_url:
        from rag.openai_generation import OpenAIChatGenerator

        return OpenAIChatGenerator(settings)
    path = find_model(settings)
    key = f"{path}\x00{settings.n_ctx}\x00{settings.n_threads}"
    with _cache_lock:
        if key not in _cache:
            _cache[key] = LlamaCppGenerator(path, settings)
        return _cache[key]
