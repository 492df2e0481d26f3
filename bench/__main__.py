"""`python -m bench`: the speed figures, each beside the raw engine underneath.

Writes bench/results/results.json, bench/results/results.md and
bench/results/scale.png. About 9 minutes on 2 cores.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from rag.config import PROJECT_ROOT, Settings
from rag.evaluation import DEFAULT_QUESTIONS, load_questions
from tests.servers import free_port, http_status

OUT = PROJECT_ROOT / "bench" / "results"
SCALE_SIZES = (1_000, 10_000, 100_000)


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))], 1)


def summary(values: list[float]) -> dict[str, float]:
    return {"p50": pct(values, 50), "p95": pct(values, 95)}


def answer_latency(settings: Settings) -> dict[str, Any]:
    """Warm answers over the development questions, split into their stages."""
    from rag.pipeline import Pipeline

    pipeline = Pipeline(settings)
    pipeline.answer("What does season 2 explore?")  # warm: models loaded, caches filled
    stages: dict[str, list[float]] = {k: [] for k in
                                      ("retrieve", "select", "prompt_eval", "generate",
                                       "first_token", "total")}
    for q in load_questions(DEFAULT_QUESTIONS):
        t = pipeline.answer(q.question).timings
        if not t.get("prompt_tokens"):
            continue  # refused before the model: no model stages to measure
        stages["retrieve"].append(t["retrieve_ms"])
        stages["select"].append(t["select_ms"])
        stages["prompt_eval"].append(t["first_token_ms"] - t["retrieve_ms"] - t["select_ms"])
        stages["generate"].append(t["total_ms"] - t["first_token_ms"])
        stages["first_token"].append(t["first_token_ms"])
        stages["total"].append(t["total_ms"])
    return {"questions": len(stages["total"]),
            **{f"{k}_ms": summary(v) for k, v in stages.items()}}


def _rates(stream: Callable[[], Any], prompt_tokens: int) -> tuple[float, float]:
    started = time.perf_counter()
    first = None
    tokens = 0
    for _ in stream():
        tokens += 1
        if first is None:
            first = time.perf_counter()
    end = time.perf_counter()
    assert first is not None
    return prompt_tokens / (first - started), (tokens - 1) / max(end - first, 1e-9)


def engine_ratio(settings: Settings) -> dict[str, Any]:
    """Prompt and generation tokens/s: the pipeline's generator against raw llama-cpp-python
    on the same prompt, KV cache cleared before every run."""
    from llama_cpp import Llama

    from rag.generation import LlamaCppGenerator, find_model
    from rag.pipeline import Pipeline

    pipeline = Pipeline(settings)
    question = "What does season 2 explore?"
    messages = pipeline.messages(question, pipeline.select_evidence(
        question, pipeline.retrieve(question)))
    generator = pipeline.model()
    assert isinstance(generator, LlamaCppGenerator)
    raw = Llama(model_path=str(find_model(settings)), n_ctx=settings.n_ctx,
                n_threads=settings.n_threads, n_batch=512, seed=settings.seed, verbose=False)
    kwargs: dict[str, Any] = {"max_tokens": 48, "temperature": 0.0, "top_k": 1,
                              "repeat_penalty": 1.1}
    # The prompt as the model sees it: count it once from a non-streamed call.
    prompt_tokens = raw.create_chat_completion(messages=messages, max_tokens=1)["usage"][
        "prompt_tokens"]
    results: dict[str, list[tuple[float, float]]] = {"raw": [], "pipeline": []}
    for _ in range(5):
        raw.reset()
        results["raw"].append(_rates(lambda: (
            c for c in raw.create_chat_completion(messages=messages, stream=True, **kwargs)
            if c["choices"][0].get("delta", {}).get("content")), prompt_tokens))
        generator._llm.reset()
        results["pipeline"].append(_rates(lambda: generator.stream(messages, 48),
                                          prompt_tokens))
    raw.close()
    med = {k: (statistics.median(p for p, _ in v), statistics.median(g for _, g in v))
           for k, v in results.items()}
    return {
        "prompt_tokens": prompt_tokens,
        "raw_prompt_tok_s": round(med["raw"][0], 1), "raw_gen_tok_s": round(med["raw"][1], 1),
        "pipeline_prompt_tok_s": round(med["pipeline"][0], 1),
        "pipeline_gen_tok_s": round(med["pipeline"][1], 1),
        "prompt_ratio": round(med["pipeline"][0] / med["raw"][0], 3),
        "gen_ratio": round(med["pipeline"][1] / med["raw"][1], 3),
    }


def prompt_cache(settings: Settings) -> dict[str, Any]:
    """Time to first token over the dev questions' real prompts, with llama-cpp-python's
    reuse of the KV cache for the prompt prefix shared with the previous question (its
    default) and with the cache cleared before every question."""
    from rag.generation import LlamaCppGenerator
    from rag.pipeline import Pipeline

    pipeline = Pipeline(settings)
    prompts = []
    for q in load_questions(DEFAULT_QUESTIONS)[:20]:
        passages = pipeline.retrieve(q.question)
        prompts.append(pipeline.messages(q.question, pipeline.select_evidence(q.question,
                                                                              passages)))
    generator = pipeline.model()
    assert isinstance(generator, LlamaCppGenerator)
    out: dict[str, Any] = {}
    for label, clear in (("reused_prefix", False), ("cleared", True)):
        samples = []
        for messages in prompts:
            if clear:
                generator._llm.reset()
            started = time.perf_counter()
            next(iter(generator.stream(messages, 1)), None)
            samples.append((time.perf_counter() - started) * 1000)
        out[f"{label}_first_token_ms"] = summary(samples)
    return out


def indexing(settings: Settings, tmp: Path) -> dict[str, Any]:
    """Passages/s through build_index against raw SentenceTransformer.encode on the same
    passages; then an update with nothing changed."""
    from rag.chunking import chunk_document
    from rag.documents import load_corpus
    from rag.embeddings import load_embedder
    from rag.indexer import build_index

    data = tmp / "index-data"
    data.mkdir()
    for n in range(8):  # 8 copies of the corpus: ~350 passages
        for src in (PROJECT_ROOT / "data").glob("*.txt"):
            (data / f"{n}_{src.name}").write_text(f"Copy {n}. " + src.read_text())
    local = settings.with_(data_dir=data, index_dir=tmp / "index-bench")
    embedder = load_embedder(local)
    docs, _ = load_corpus(data)
    texts = [c.text for d in docs for c in chunk_document(d)]
    model: Any = embedder._model  # type: ignore[attr-defined]
    started = time.perf_counter()
    model.encode(texts, batch_size=32, normalize_embeddings=True)
    raw_s = time.perf_counter() - started
    quiet = {"embedder": embedder, "progress": lambda d, t: None}
    started = time.perf_counter()
    report = build_index(settings=local, **quiet)
    build_s = time.perf_counter() - started
    started = time.perf_counter()
    again = build_index(settings=local, **quiet)
    noop_s = time.perf_counter() - started
    assert again.embedded == 0
    return {"passages": report.embedded, "raw_encode_passages_s": round(len(texts) / raw_s, 1),
            "build_index_passages_s": round(report.embedded / build_s, 1),
            "ratio": round((report.embedded / build_s) / (len(texts) / raw_s), 3),
            "unchanged_update_s": round(noop_s, 2)}


def scale_curve() -> list[dict[str, Any]]:
    points = []
    for n in SCALE_SIZES:
        out = subprocess.run([sys.executable, "-m", "bench.scale", str(n)], cwd=PROJECT_ROOT,
                             capture_output=True, text=True, check=True)
        points.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(f"  scale {n}: {points[-1]}", file=sys.stderr)
    return points


def cold_start(tmp: Path) -> dict[str, Any]:
    """From launching the app to the page answering, and to the first answer; peak RSS."""
    from gradio_client import Client

    from bench.load_test import rss_mb

    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    shutil.copytree(PROJECT_ROOT / "data", tmp / "cold-data")
    env = {**os.environ, "RAG_DATA_DIR": str(tmp / "cold-data"),
           "RAG_INDEX_DIR": str(tmp / "cold-index"), "RAG_PORT": str(port)}
    build_index_env = subprocess.run([sys.executable, "-m", "rag.cli", "index"], env=env,
                                     capture_output=True, cwd=PROJECT_ROOT)
    assert build_index_env.returncode == 0
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "app.py"], env=env, cwd=PROJECT_ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                if http_status(url) == 200:
                    break
            except OSError:
                time.sleep(0.1)
        page_s = time.perf_counter() - started
        Client(url, verbose=False).predict("What does season 2 explore?", api_name="/ask")
        answer_s = time.perf_counter() - started
        return {"page_reachable_s": round(page_s, 2), "first_answer_s": round(answer_s, 2),
                "rss_after_first_answer_mb": round(rss_mb(proc.pid))}
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def plot(points: list[dict[str, Any]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [p["passages"] for p in points]
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    left.plot(sizes, [p["query_p50_ms"] for p in points], "o-", label="query p50")
    left.plot(sizes, [p["query_p95_ms"] for p in points], "o-", label="query p95")
    left.axhline(50, color="grey", linestyle=":", label="target p95 50 ms")
    left.set(xscale="log", xlabel="passages", ylabel="ms", title="Retrieval latency")
    left.legend()
    right.plot(sizes, [p["build_s"] for p in points], "o-", label="build (s)")
    right.plot(sizes, [p["index_mb"] for p in points], "o-", label="index on disk (MB)")
    right.plot(sizes, [p["peak_rss_mb"] for p in points], "o-", label="peak RSS (MB)")
    right.set(xscale="log", yscale="log", xlabel="passages", title="Build, size, memory")
    right.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)


def markdown(r: dict[str, Any]) -> str:
    a, e, i, c = r["answer_latency"], r["engine_ratio"], r["indexing"], r["cold_start"]
    lines = [
        f"Measured {r['date']} on {r['machine']}.", "",
        "| answer (warm, dev questions the model answered) | p50 | p95 |", "|---|---|---|",
        *[f"| {k.removesuffix('_ms').replace('_', ' ')} (ms) | {v['p50']} | {v['p95']} |"
          for k, v in a.items() if k.endswith("_ms")],
        "", "| engine (same prompt, tokens/s) | raw llama-cpp-python | pipeline | ratio |",
        "|---|---|---|---|",
        f"| prompt evaluation | {e['raw_prompt_tok_s']} | {e['pipeline_prompt_tok_s']} | "
        f"{e['prompt_ratio']} |",
        f"| generation | {e['raw_gen_tok_s']} | {e['pipeline_gen_tok_s']} | {e['gen_ratio']} |",
        "", "| time to first token, model only (ms) | p50 | p95 |", "|---|---|---|",
        *[f"| {k.removesuffix('_first_token_ms').replace('_', ' ')} | {v['p50']} | {v['p95']} |"
          for k, v in r.get("prompt_cache", {}).items()],
        "", "| indexing | value |", "|---|---|",
        f"| raw SentenceTransformer.encode | {i['raw_encode_passages_s']} passages/s |",
        f"| build_index | {i['build_index_passages_s']} passages/s (ratio {i['ratio']}) |",
        f"| update with nothing changed ({i['passages']} passages) | {i['unchanged_update_s']} s |",
        "", "| scale (generated corpus) | build s | query p50 ms | query p95 ms | index MB | "
        "peak RSS MB |", "|---|---|---|---|---|---|",
        *[f"| {p['passages']:,} | {p['build_s']} | {p['query_p50_ms']} | {p['query_p95_ms']} | "
          f"{p['index_mb']} | {p['peak_rss_mb']} |" for p in r["scale"]],
        "", "| cold start | value |", "|---|---|",
        f"| launch to page reachable | {c['page_reachable_s']} s |",
        f"| launch to first answer | {c['first_answer_s']} s |",
        f"| app RSS after the first answer | {c['rss_after_first_answer_mb']} MB |",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description="Run the benchmarks (about 8 minutes).")
    parser.add_argument("--only", nargs="*", help="re-run only these steps, keeping the others'"
                        " last results: cold_start answer_latency engine_ratio prompt_cache "
                        "indexing scale")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="rag-bench-"))
    try:
        shutil.copytree(PROJECT_ROOT / "data", tmp / "data")
        settings = Settings.from_env().with_(data_dir=tmp / "data", index_dir=tmp / "index")
        previous = json.loads((OUT / "results.json").read_text()) if args.only else {}
        results: dict[str, Any] = {
            **previous,
            "date": date.today().isoformat(),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python "
                       f"{platform.python_version()}, llama-cpp-python AVX2 build",
        }
        steps: list[tuple[str, Callable[[], Any]]] = [
            ("cold_start", lambda: cold_start(tmp)),
            ("answer_latency", lambda: answer_latency(settings)),
            ("engine_ratio", lambda: engine_ratio(settings)),
            ("prompt_cache", lambda: prompt_cache(settings)),
            ("indexing", lambda: indexing(settings, tmp)),
            ("scale", scale_curve),
        ]
        for name, step in steps:
            if args.only and name not in args.only:
                continue
            started = time.perf_counter()
            print(f"{name}...", file=sys.stderr)
            results[name] = step()
            print(f"{name}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
        (OUT / "results.json").write_text(json.dumps(results, indent=2))
        (OUT / "results.md").write_text(markdown(results))
        plot(results["scale"], OUT / "scale.png")
        print(markdown(results))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
