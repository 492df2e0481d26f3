"""Typed settings, read once from `RAG_*` environment variables.

Every knob lives here so that a newcomer finds all of them in one place. Paths
default to folders of the project checkout (`data/`, `index/`, `models/`); a
relative path in a variable is taken relative to the checkout too, so the
command works the same from any directory.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


FUSIONS = ("relative", "rrf")


class ConfigError(ValueError):
    """A setting has a value the program cannot use; the message says which and how to fix it."""


def _env(name: str, default: str) -> str:
    return os.environ.get(f"RAG_{name}", default)


def _env_int(name: str, default: int, minimum: int = 0) -> int:
    raw = _env(name, str(default))
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(
            f"RAG_{name}={raw!r} is not a whole number; set it to e.g. {default}."
        ) from None
    if value < minimum:
        raise ConfigError(f"RAG_{name}={value} is below {minimum}; set it to e.g. {default}.")
    return value


def _env_float(name: str, default: float) -> float:
    raw = _env(name, str(default))
    try:
        return float(raw)
    except ValueError:
        raise ConfigError(
            f"RAG_{name}={raw!r} is not a number; set it to e.g. {default}."
        ) from None


def _env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = _env(name, default).strip().lower()
    if value not in choices:
        raise ConfigError(f"RAG_{name}={value!r} is not one of {', '.join(choices)}; "
                          f"set it to e.g. {default}.")
    return value


def _env_path(name: str, default: str) -> Path:
    path = Path(_env(name, default)).expanduser()
    return path if path.is_absolute() else PROJECT_ROOT / path


@dataclass(frozen=True)
class Settings:
    data_dir: Path = PROJECT_ROOT / "data"
    index_dir: Path = PROJECT_ROOT / "index"
    models_dir: Path = PROJECT_ROOT / "models"
    # A GGUF path, or empty: then the first *.gguf in models_dir (default model preferred).
    model: str = ""
    # A sentence-transformers model folder, or empty: the packaged all-MiniLM-L6-v2.
    embed_model: str = ""
    collection: str = "passages"
    # Scale-out: a Chroma server instead of the embedded store, an OpenAI-compatible
    # chat-completions server instead of the embedded model. Empty: embedded.
    chroma_url: str = ""
    llm_url: str = ""
    llm_model: str = "default"
    llm_timeout: float = 60.0

    chunk_chars: int = 600
    chunk_overlap_sentences: int = 1

    # How dense and BM25 results are fused: "relative" (scaled scores) or "rrf" (ranks).
    fusion: str = "relative"
    top_k: int = 5  # passages retrieved and shown
    context_passages: int = 5  # passages whose sentences may become evidence
    evidence_sentences: int = 3  # sentences given to the model
    min_relevance: float = 0.2  # best passage cosine below this: refuse without asking the model
    min_evidence_score: float = 0.5  # best evidence score below this: no extractive fallback

    n_ctx: int = 2048
    n_threads: int = field(default_factory=lambda: max(1, os.cpu_count() or 1))
    max_tokens: int = 160
    temperature: float = 0.0
    seed: int = 0

    host: str = "127.0.0.1"
    port: int = 7860

    @classmethod
    def from_env(cls) -> Settings:
        defaults = cls()
        return cls(
            data_dir=_env_path("DATA_DIR", "data"),
            index_dir=_env_path("INDEX_DIR", "index"),
            models_dir=_env_path("MODELS_DIR", "models"),
            model=_env("MODEL", ""),
            embed_model=_env("EMBED_MODEL", ""),
            collection=_env("COLLECTION", defaults.collection),
            chroma_url=_env("CHROMA_URL", ""),
            llm_url=_env("LLM_URL", ""),
            llm_model=_env("LLM_MODEL", defaults.llm_model),
            llm_timeout=_env_float("LLM_TIMEOUT", defaults.llm_timeout),
            chunk_chars=_env_int("CHUNK_CHARS", defaults.chunk_chars, minimum=100),
            chunk_overlap_sentences=_env_int(
                "CHUNK_OVERLAP_SENTENCES", defaults.chunk_overlap_sentences
            ),
            fusion=_env_choice("FUSION", defaults.fusion, FUSIONS),
            top_k=_env_int("TOP_K", defaults.top_k, minimum=1),
            context_passages=_env_int("CONTEXT_PASSAGES", defaults.context_passages, minimum=1),
            evidence_sentences=_env_int(
                "EVIDENCE_SENTENCES", defaults.evidence_sentences, minimum=1
            ),
            min_relevance=_env_float("MIN_RELEVANCE", defaults.min_relevance),
            min_evidence_score=_env_float("MIN_EVIDENCE_SCORE", defaults.min_evidence_score),
            n_ctx=_env_int("N_CTX", defaults.n_ctx, minimum=256),
            n_threads=_env_int("THREADS", defaults.n_threads, minimum=1),
            max_tokens=_env_int("MAX_TOKENS", defaults.max_tokens, minimum=1),
            temperature=_env_float("TEMPERATURE", defaults.temperature),
            seed=_env_int("SEED", defaults.seed),
            host=_env("HOST", defaults.host),
            port=_env_int("PORT", defaults.port, minimum=1),
        )

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


def describe(settings: Settings) -> dict[str, str]:
    """Settings as strings, for `rag config` and the UI's status line."""
    return {f.name: str(getattr(settings, f.name)) for f in fields(settings)}
