"""A bounded load test of the running app on 127.0.0.1: N concurrent chat sessions for a
fixed time, each asking questions through the public /ask endpoint back to back.

    .venv/bin/python -m bench.load_test [--sessions 20] [--seconds 120]
    # starts its own app on a free port; writes bench/results/load.json
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

from rag.config import PROJECT_ROOT
from tests.servers import free_port, running

QUESTIONS = [
    "What does season 2 explore?", "Who plays Malcolm?", "When is season 2 expected?",
    "What does Jessica envy most about Trish?", "What is the capital of France?",
    "Which comic did season one draw from?",
]
OUT = PROJECT_ROOT / "bench" / "results" / "load.json"


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _session(url: str, until: float, n: int, out: list[dict[str, Any]]) -> None:
    from gradio_client import Client

    client = Client(url, verbose=False)
    i = n
    while time.monotonic() < until:
        question = QUESTIONS[i % len(QUESTIONS)]
        i += 1
        started = time.perf_counter()
        record: dict[str, Any] = {"question": question}
        try:
            result = client.predict(question, api_name="/ask")
            record["ok"] = bool(result.get("text")) and not result.get("error") and (
                result["refused"] or all(c["quote"] in c["text"] for c in result["citations"]))
            record["error"] = result.get("error", "")
        except Exception as exc:  # queue full, disconnects: counted, not raised
            record["ok"], record["error"] = False, f"{type(exc).__name__}: {exc}"
        record["seconds"] = time.perf_counter() - started
        out.append(record)


def run_load(sessions: int = 20, seconds: float = 120) -> dict[str, Any]:
    tmp = Path(tempfile.mkdtemp(prefix="rag-load-"))
    try:
        shutil.copytree(PROJECT_ROOT / "data", tmp / "data")
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        env = {"RAG_DATA_DIR": str(tmp / "data"), "RAG_INDEX_DIR": str(tmp / "index"),
               "RAG_PORT": str(port)}
        with running([sys.executable, "app.py"], url, tmp / "app.log",
                     env=env) as app:
            from gradio_client import Client

            Client(url, verbose=False).predict(QUESTIONS[0], api_name="/ask")  # models loaded
            before = rss_mb(app.pid)
            peak = before
            records: list[dict[str, Any]] = []
            until = time.monotonic() + seconds
            threads = [threading.Thread(target=_session, args=(url, until, n, records))
                       for n in range(sessions)]
            for t in threads:
                t.start()
            while any(t.is_alive() for t in threads):
                peak = max(peak, rss_mb(app.pid))
                time.sleep(1)
            after = rss_mb(app.pid)
        latencies = sorted(r["seconds"] for r in records)
        queue_full = [r for r in records if "queue" in r.get("error", "").lower()]
        return {
            "date": date.today().isoformat(), "sessions": sessions, "seconds": seconds,
            "requests": len(records), "complete": sum(r["ok"] for r in records),
            "errors": sum(not r["ok"] for r in records) - len(queue_full),
            "queue_full": len(queue_full),
            "error_samples": sorted({r["error"] for r in records if not r["ok"]})[:5],
            "latency_p50_s": round(statistics.median(latencies), 2) if latencies else 0,
            "latency_p95_s": round(latencies[int(0.95 * (len(latencies) - 1))], 2)
            if latencies else 0,
            "rss_before_mb": round(before), "rss_after_mb": round(after),
            "rss_peak_mb": round(peak),
        }
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=120)
    args = parser.parse_args()
    result = run_load(args.sessions, args.seconds)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
