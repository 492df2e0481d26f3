"""Side by side: retrieval through a Chroma server vs the embedded store, and answers
through llama-cpp-python's OpenAI-compatible server vs the embedded model.

    .venv/bin/python -m bench.scale_out        # writes bench/results/scale_out.json
"""

from __future__ import annotations

import json
import platform
import shutil
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from rag.config import PROJECT_ROOT, Settings
from rag.embeddings import load_embedder
from rag.indexer import build_index
from rag.pipeline import Pipeline
from tests.servers import chroma_server, llama_server

QUESTIONS = [
    "What does season 2 explore?", "Who plays Malcolm?", "When is season 2 expected?",
    "What does Jessica envy most about Trish?", "Who runs The Defenders?",
    "Which comic did season one draw from?", "What award did the show win?",
    "How does killing Kilgrave affect Jessica?",
]
ROUNDS = 3
OUT = PROJECT_ROOT / "bench" / "results" / "scale_out.json"


def percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {"p50_ms": round(statistics.median(ordered), 2),
            "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 2),
            "n": len(ordered)}


def time_retrieval(pipeline: Pipeline) -> dict[str, float]:
    pipeline.retrieve(QUESTIONS[0])  # warm: embedder, lexical index
    samples = []
    for _ in range(ROUNDS):
        for q in QUESTIONS:
            started = time.perf_counter()
            pipeline.retrieve(q)
            samples.append((time.perf_counter() - started) * 1000)
    return percentiles(samples)


def time_answers(pipeline: Pipeline) -> dict[str, object]:
    pipeline.answer(QUESTIONS[0])  # warm
    total, first = [], []
    for q in QUESTIONS:
        a = pipeline.answer(q)
        if not a.refused:
            total.append(a.timings["total_ms"])
            first.append(a.timings["first_token_ms"])
    return {"total": percentiles(total), "first_token": percentiles(first)}


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="rag-bench-"))
    try:
        shutil.copytree(PROJECT_ROOT / "data", tmp / "data")
        local = Settings.from_env().with_(data_dir=tmp / "data", index_dir=tmp / "index")
        embedder = load_embedder(local)
        quiet = {"embedder": embedder, "progress": lambda d, t: None}
        build_index(settings=local, **quiet)
        results: dict[str, object] = {
            "date": date.today().isoformat(), "machine": f"{platform.machine()}, "
            f"{__import__('os').cpu_count()} cores, {platform.python_version()}",
        }
        embedded = Pipeline(local, embedder=embedder)
        results["retrieval_embedded"] = time_retrieval(embedded)
        with chroma_server(tmp / "chroma") as chroma_url:
            remote = local.with_(chroma_url=chroma_url)
            build_index(settings=remote, **quiet)
            results["retrieval_chroma_server"] = time_retrieval(Pipeline(remote, embedder=embedder))
        results["answer_embedded"] = time_answers(embedded)
        with llama_server(local.models_dir, tmp / "llm.log") as llm_url:
            served = Pipeline(local.with_(llm_url=llm_url), embedder=embedder)
            results["answer_model_server"] = time_answers(served)
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_text(json.dumps(results, indent=2))
        print(json.dumps(results, indent=2))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
