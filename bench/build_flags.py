"""Compare llama-cpp-python builds: raw prompt and generation tokens/s on one prompt.

    .venv/bin/python -m bench.build_flags avx512=/tmp/flags/avx512/site dispatch=/tmp/flags/...

Each NAME=DIR is a `pip install --target DIR` of a wheel built with other CMAKE_ARGS
(see README, "Benchmarks"); the project's own build (run.sh's flags) is always
measured as "avx2". Each build runs in its own process, so one that crashes
(SIGILL on CPUs advertising instructions they cannot run) is reported, not fatal.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from rag.config import PROJECT_ROOT

OUT = PROJECT_ROOT / "bench" / "results" / "build_flags.json"

MEASURE = r"""
import json, statistics, time, llama_cpp
from llama_cpp import Llama
from rag.config import Settings
from rag.generation import find_model
settings = Settings.from_env()
context = ("Rosenberg said season 2 will explore Jessica's life after Kilgrave, her trauma, "
           "and her relationship with Trish Walker. ") * 12
messages = [{"role": "system", "content": "Answer the question using the context. Be brief."},
            {"role": "user", "content": f"Context: {context}\n\nQuestion: What does season 2 "
                                         "explore?\nAnswer:"}]
llm = Llama(model_path=str(find_model(settings)), n_ctx=2048, n_threads=settings.n_threads,
            n_batch=512, seed=0, verbose=False)
usage = llm.create_chat_completion(messages=messages, max_tokens=1)["usage"]
prompt_tokens = usage["prompt_tokens"]
rates = []
for _ in range(5):
    llm.reset()
    start = time.perf_counter(); first = None; n = 0
    for chunk in llm.create_chat_completion(messages=messages, max_tokens=64, temperature=0.0,
                                            top_k=1, stream=True, stop=[]):
        if chunk["choices"][0].get("delta", {}).get("content"):
            n += 1
            first = first or time.perf_counter()
    end = time.perf_counter()
    rates.append((prompt_tokens / (first - start), (n - 1) / (end - first)))
print(json.dumps({"version": llama_cpp.__version__, "prompt_tokens": prompt_tokens,
                  "prompt_tok_s": round(statistics.median(r[0] for r in rates), 1),
                  "gen_tok_s": round(statistics.median(r[1] for r in rates), 1)}))
"""


def measure(site: str | None) -> dict[str, object]:
    env = dict(os.environ)
    if site:
        env["PYTHONPATH"] = os.pathsep.join([site, env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    out = subprocess.run([sys.executable, "-c", MEASURE], env=env, cwd=PROJECT_ROOT,
                         capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        signal = -out.returncode if out.returncode < 0 else None
        return {"error": f"crashed (signal {signal})" if signal else out.stderr.strip()[-300:]}
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main(argv: list[str]) -> None:
    variants: dict[str, str | None] = {"avx2": None}
    for arg in argv:
        name, _, site = arg.partition("=")
        variants[name] = site
    results = {name: measure(site) for name, site in variants.items()}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
