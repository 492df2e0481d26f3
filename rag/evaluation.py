"""`rag eval`: retrieval, answer, citation and refusal quality over a question set.

A question file is JSON lines: {"id", "question", "answerable", "gold": [file
names], "facts": [[alternatives], ...], "kind"}. A fact counts as present when
any of its alternatives occurs in the answer text (case-insensitive).
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rag.types import Answer

DEFAULT_QUESTIONS = Path(__file__).resolve().parent.parent / "eval" / "dev.jsonl"


@dataclass(frozen=True)
class EvalQuestion:
    id: str
    question: str
    answerable: bool
    gold: list[str] = field(default_factory=list)
    facts: list[list[str]] = field(default_factory=list)
    kind: str = ""


@dataclass
class QuestionResult:
    id: str
    kind: str
    question: str
    answer: str
    answerable: bool
    refused: bool
    hit: bool | None  # a gold document among the top-k passages (answerable only)
    fact_recall: float | None
    citations: int
    citations_in_gold: int
    citations_supported: int
    total_ms: float
    first_token_ms: float


def load_questions(path: Path) -> list[EvalQuestion]:
    questions = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            questions.append(EvalQuestion(**json.loads(line)))
        except (json.JSONDecodeError, TypeError) as exc:
            raise ValueError(f"{path}:{n}: not a question record ({exc})") from None
    return questions


def fact_recall(text: str, facts: Sequence[Sequence[str]]) -> float:
    if not facts:
        return 1.0
    lowered = text.lower()
    return sum(any(alt.lower() in lowered for alt in fact) for fact in facts) / len(facts)


def score(q: EvalQuestion, a: Answer, k: int) -> QuestionResult:
    gold = set(q.gold)
    return QuestionResult(
        id=q.id,
        kind=q.kind,
        question=q.question,
        answer=a.text,
        answerable=q.answerable,
        refused=a.refused,
        hit=any(p.path in gold for p in a.passages[:k]) if q.answerable else None,
        fact_recall=fact_recall(a.text, q.facts) if q.answerable else None,
        citations=len(a.citations),
        citations_in_gold=sum(c.path in gold for c in a.citations),
        citations_supported=sum(bool(c.quote) and c.quote in c.text for c in a.citations),
        total_ms=a.timings.get("total_ms", 0.0),
        first_token_ms=a.timings.get("first_token_ms", 0.0),
    )


def _mean(values: Sequence[float]) -> float:
    return round(statistics.fmean(values), 4) if values else 0.0


def _percentile(values: Sequence[float], pct: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))], 1)


def summarize(results: Sequence[QuestionResult]) -> dict[str, float]:
    answerable = [r for r in results if r.answerable]
    unanswerable = [r for r in results if not r.answerable]
    cited = sum(r.citations for r in answerable)
    all_cited = sum(r.citations for r in results)
    latencies = [r.total_ms for r in results if not r.refused]
    return {
        "questions": len(results),
        "hit_at_k": _mean([float(bool(r.hit)) for r in answerable]),
        "fact_recall": _mean([r.fact_recall or 0.0 for r in answerable]),
        "citation_precision": round(sum(r.citations_in_gold for r in answerable) / cited, 4)
        if cited else 0.0,
        "citation_support": round(sum(r.citations_supported for r in results) / all_cited, 4)
        if all_cited else 1.0,
        "refusal_accuracy": _mean([float(r.refused) for r in unanswerable]),
        "false_refusals": _mean([float(r.refused) for r in answerable]),
        "latency_p50_ms": _percentile(latencies, 50),
        "latency_p95_ms": _percentile(latencies, 95),
        "first_token_p50_ms": _percentile([r.first_token_ms for r in results if not r.refused], 50),
    }


def markdown_report(summary: dict[str, float], results: Sequence[QuestionResult]) -> str:
    lines = ["# Evaluation", "", "| metric | value |", "|---|---|"]
    lines += [f"| {name} | {value} |" for name, value in summary.items()]
    lines += ["", "| id | kind | hit | facts | cites (gold/supported) | refused | ms | answer |",
              "|---|---|---|---|---|---|---|---|"]
    for r in results:
        answer = r.answer.replace("|", "/").replace("\n", " ")
        answer = answer[:140] + ("…" if len(answer) > 140 else "")
        facts = "" if r.fact_recall is None else f"{r.fact_recall:.2f}"
        hit = "" if r.hit is None else ("yes" if r.hit else "NO")
        lines.append(
            f"| {r.id} | {r.kind} | {hit} | {facts} | {r.citations} "
            f"({r.citations_in_gold}/{r.citations_supported}) | {'yes' if r.refused else ''} | "
            f"{r.total_ms:.0f} | {answer} |"
        )
    return "\n".join(lines) + "\n"


def run_eval(
    questions: Sequence[EvalQuestion],
    ask: Callable[[str], Answer],
    out_dir: Path,
    k: int = 5,
    log: Callable[[str], None] = print,
) -> dict[str, float]:
    results = []
    started = time.perf_counter()
    for i, q in enumerate(questions, 1):
        result = score(q, ask(q.question), k)
        results.append(result)
        mark = "refused" if result.refused else f"facts={result.fact_recall}"
        log(f"[{i}/{len(questions)}] {q.id} {mark} {result.total_ms:.0f} ms")
    summary = summarize(results)
    summary["wall_s"] = round(time.perf_counter() - started, 1)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "results.json").write_text(json.dumps(
        {"summary": summary, "questions": [asdict(r) for r in results]}, indent=1,
        ensure_ascii=False))
    (out_dir / "report.md").write_text(markdown_report(summary, results), encoding="utf-8")
    return summary
