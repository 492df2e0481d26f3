"""Answer every question of some sets with the model's replies cached, to see in a minute
which answers a change to retrieval, evidence or grounding moves.

The model decodes greedily, so the same prompt always gets the same reply: a reply is
cached by its prompt, and only prompts the change alters reach the model again. A full
`rag eval` of every set takes about half an hour on two cores; a replay after the first
takes about a minute.

    .venv/bin/python eval/replay.py answers-before.jsonl --skip unseen37  # not the blind set
    (change the code)
    .venv/bin/python eval/replay.py answers-after.jsonl --skip unseen37
    .venv/bin/python eval/replay.py --compare answers-before.jsonl answers-after.jsonl

The cache lives in eval/.replay-cache (RAG_REPLAY_CACHE to move it). Figures for the
README still come from `rag eval`: a replay reports no latency.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shelve
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rag.config import Settings  # noqa: E402
from rag.evaluation import load_questions, score  # noqa: E402
from rag.generation import Generator, Message, load_generator  # noqa: E402
from rag.pipeline import Pipeline  # noqa: E402

EVAL = Path(__file__).resolve().parent
# Sets on other documents need their own index (`rag eval --corpus`): not replayed here.
OTHER_DOCUMENTS = ("python-reference", "pip-docs", "pino-docs", "libffi-manual")


class CachedGenerator:
    """`generator`, with each reply kept under a digest of its prompt."""

    def __init__(self, generator: Generator, cache: Any) -> None:
        self._generator, self._cache = generator, cache
        self.name, self.n_ctx = generator.name, generator.n_ctx

    def count_tokens(self, text: str) -> int:
        return self._generator.count_tokens(text)

    def stream(self, messages: Sequence[Message], max_tokens: int,
               stop: Sequence[str] = ()) -> Iterator[str]:
        key = hashlib.sha256(json.dumps([self.name, list(messages), max_tokens, list(stop)])
                             .encode()).hexdigest()
        if key not in self._cache:
            self._cache[key] = "".join(self._generator.stream(messages, max_tokens, stop))
        yield self._cache[key]


def replay(out: Path, sets: Sequence[str]) -> None:
    settings = Settings.from_env()
    cache_path = os.environ.get("RAG_REPLAY_CACHE", str(EVAL / ".replay-cache"))
    with shelve.open(cache_path) as cache, out.open("w", encoding="utf-8") as handle:
        pipeline = Pipeline(settings, generator=CachedGenerator(load_generator(settings), cache))
        for name in sets:
            for q in load_questions(EVAL / f"{name}.jsonl"):
                result = score(q, pipeline.answer(q.question), settings.top_k)
                handle.write(json.dumps({"set": name, **vars(result)}) + "\n")
            print(f"{name} done", file=sys.stderr)


def compare(before: Path, after: Path) -> None:
    """Print each answer that changed, and the facts gained and lost."""
    def read(path: Path) -> dict[tuple[str, str], dict[str, Any]]:
        rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
        return {(r["set"], r["id"]): r for r in rows}

    old, new = read(before), read(after)
    gained = lost = changed = 0
    for key in old.keys() & new.keys():
        a, b = old[key], new[key]
        if (a["answer"], a["refused"]) == (b["answer"], b["refused"]):
            continue
        changed += 1
        delta = (b["fact_recall"] or 0.0) - (a["fact_recall"] or 0.0)
        gained, lost = gained + (delta > 0), lost + (delta < 0)
        print(f"{key[0]}:{key[1]} ({a['kind']}) fact recall {a['fact_recall']} -> "
              f"{b['fact_recall']}, refused {a['refused']} -> {b['refused']}: {a['question']}\n"
              f"  before: {a['answer'][:300]!r}\n  after:  {b['answer'][:300]!r}")
    print(f"{changed} answers changed: {gained} gained facts, {lost} lost some")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, nargs="+", help="answers file (or two, to compare)")
    parser.add_argument("--sets", nargs="*", help="set names (default: every article set)")
    parser.add_argument("--skip", nargs="*", default=[],
                        help="sets to leave out: a blind set nobody may read yet")
    parser.add_argument("--compare", action="store_true", help="compare two answers files")
    args = parser.parse_args()
    if args.compare:
        compare(*args.out)
        return
    sets = args.sets or sorted(p.stem for p in EVAL.glob("*.jsonl")
                               if p.stem not in OTHER_DOCUMENTS)
    sets = [name for name in sets if name not in args.skip]
    replay(args.out[0], sets)


if __name__ == "__main__":
    main()
