"""One point of the scale curve, in a process of its own so its peak memory is its own.

    .venv/bin/python -m bench.scale 10000      # prints one JSON line

A generated corpus: N passages of ~60 words drawn from the real articles' vocabulary,
with random unit vectors standing in for their embeddings (embedding 100k passages
on 2 cores would take 40 minutes and measures MiniLM, not the store). Queries go
through the real retrieval path: MiniLM query embedding, Chroma, BM25, fusion.
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from rag.config import PROJECT_ROOT, Settings
from rag.embeddings import load_embedder
from rag.retrieval import HybridRetriever
from rag.store import ChromaStore
from rag.types import Chunk

QUERIES = ["What does season 2 explore?", "Who plays Malcolm?", "When is season 2 expected?",
           "What does Jessica envy most about Trish?", "Which comic did season one draw from?"]


def _vocabulary() -> list[str]:
    words = " ".join(p.read_text() for p in (PROJECT_ROOT / "data").glob("*.txt")).split()
    return [w for w in words if w.isalpha()]


def _units(rng: np.random.Generator, count: int, dim: int) -> list[list[float]]:
    v = rng.standard_normal((count, dim)).astype(np.float32)
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).tolist()


def peak_rss_mb() -> float:
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss across exec from the parent process.
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def measure(n: int, rounds: int = 20) -> dict[str, float]:
    rng = random.Random(n)
    vector_rng = np.random.default_rng(n)
    vocab = _vocabulary()
    tmp = Path(tempfile.mkdtemp(prefix=f"rag-scale-{n}-"))
    try:
        settings = Settings.from_env().with_(index_dir=tmp / "index", collection="scale")
        embedder = load_embedder(settings)
        dim = len(embedder.embed_query("dimension"))
        store = ChromaStore(settings)
        collection = store.active(embedder.name, create=True)
        started = time.perf_counter()
        batch = 5000
        for first in range(0, n, batch):
            chunks = []
            for i in range(first, min(n, first + batch)):
                text = " ".join(rng.choice(vocab) for _ in range(60))
                chunks.append(Chunk(f"p{i}", f"doc{i // 10}.txt", f"Doc {i // 10}", "", text,
                                    0, len(text), "h"))
            collection.upsert(chunks, _units(vector_rng, len(chunks), dim))
        build_s = time.perf_counter() - started
        retriever = HybridRetriever(embedder, lambda: store.active(embedder.name))
        started = time.perf_counter()
        retriever.retrieve(QUERIES[0], 5)  # the first query builds the BM25 index
        first_query_s = time.perf_counter() - started
        samples = []
        for r in range(rounds):
            for q in QUERIES:
                started = time.perf_counter()
                retriever.retrieve(f"{q} {r}", 5)
                samples.append((time.perf_counter() - started) * 1000)
        samples.sort()
        size = sum(f.stat().st_size for f in (tmp / "index").rglob("*") if f.is_file())
        return {
            "passages": n,
            "build_s": round(build_s, 2),
            "first_query_s": round(first_query_s, 2),
            "query_p50_ms": round(statistics.median(samples), 2),
            "query_p95_ms": round(samples[int(0.95 * (len(samples) - 1))], 2),
            "index_mb": round(size / 2**20, 1),
            "peak_rss_mb": round(peak_rss_mb()),
        }
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]))))
