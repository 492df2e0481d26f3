"""The `rag` command: ask, index, eval, fetch-model, config (the browser chat is `python app.py`).

Only argparse and the standard library load before a command runs, so
`rag --help` answers at once.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rag.evaluation import EvalQuestion


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rag",
        description="Ask questions about your articles; answers cite the passages they come from.",
        epilog="Settings come from RAG_* environment variables; `rag config` lists them.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    ask = sub.add_parser("ask", help="answer a question and print its numbered sources")
    ask.add_argument("question", help='e.g. "What does season 2 explore?"')
    ask.add_argument("--no-stream", action="store_true", help="print the answer only when done")
    ask.add_argument("--passages", action="store_true", help="also list every retrieved passage")

    index = sub.add_parser("index", help="update the index from the corpus folder (incremental)")
    index.add_argument("--rebuild", action="store_true", help="rebuild the index from scratch")

    ev = sub.add_parser("eval", help="measure retrieval, answers, citations and refusals")
    ev.add_argument("questions", nargs="?", help="JSON-lines file (default eval/dev.jsonl)")
    ev.add_argument("--out", default="eval/results", help="folder for results.json and report.md")
    ev.add_argument("--limit", type=int, help="only the first N questions")
    ev.add_argument("--corpus", help="a folder of other documents to answer from, indexed "
                    "into a temporary folder (your own index is not touched)")

    sub.add_parser("fetch-model",
                   help="fetch and verify the default GGUF model and WordNet into models/")
    sub.add_parser("config", help="print the settings in force")
    return parser


def _ask(args: argparse.Namespace) -> int:
    from rag import answer_stream
    from rag.types import Answer

    final: Answer | None = None
    streamed = False
    for event in answer_stream(args.question):
        if isinstance(event, Answer):
            final = event
        elif not args.no_stream and sys.stdout.isatty():
            print(event, end="", flush=True)
            streamed = True
    assert final is not None
    if streamed:
        print("\n")  # the grounded answer below replaces the raw stream
    print(final)
    if args.passages:
        print("\nRetrieved passages:")
        for p in final.passages:
            print(f"  {p.score:.4f} sim={p.similarity:.2f} {p.path}: {p.text[:100]}...")
    return 0


def _index(args: argparse.Namespace) -> int:
    from rag import build_index

    report = build_index(rebuild=args.rebuild)
    print(report.summary())
    return 0


def _eval(args: argparse.Namespace) -> int:
    from rag.evaluation import DEFAULT_QUESTIONS, load_questions, run_eval
    from rag.pipeline import default_pipeline

    questions = load_questions(Path(args.questions) if args.questions else DEFAULT_QUESTIONS)
    if args.corpus:
        summary = _eval_other_corpus(Path(args.corpus), questions[: args.limit], Path(args.out))
    else:
        summary = run_eval(questions[: args.limit], default_pipeline().answer, Path(args.out))
    width = max(map(len, summary))
    for name, value in summary.items():
        print(f"{name:{width}}  {value}")
    print(f"report: {Path(args.out) / 'report.md'}")
    return 0


def _eval_other_corpus(corpus: Path, questions: list[EvalQuestion], out: Path) -> dict[str, Any]:
    import tempfile

    from rag.config import Settings
    from rag.evaluation import run_eval
    from rag.pipeline import Pipeline

    if not corpus.is_dir():
        raise SystemExit(f"rag eval: --corpus {corpus} is not a folder of documents.")
    with tempfile.TemporaryDirectory(prefix="rag-eval-index-") as index_dir:
        # Always an embedded index of its own: never the configured one or a Chroma server's.
        settings = Settings.from_env().with_(data_dir=corpus.resolve(), index_dir=Path(index_dir),
                                             chroma_url="")
        return run_eval(questions, Pipeline(settings).answer, out)


def _fetch_model(_: argparse.Namespace) -> int:
    from rag.config import Settings
    from rag.model_fetch import fetch_default_model, fetch_wordnet

    models_dir = Settings.from_env().models_dir
    print(fetch_default_model(models_dir))
    print(fetch_wordnet(models_dir))
    return 0


def _config(_: argparse.Namespace) -> int:
    from rag.config import Settings, describe

    for name, value in describe(Settings.from_env()).items():
        print(f"RAG_{name.upper():24} {value}")
    return 0


COMMANDS = {"ask": _ask, "index": _index, "eval": _eval, "fetch-model": _fetch_model,
            "config": _config}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from rag.errors import user_facing

    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        message = user_facing(exc)
        if message is None:
            raise
        print(f"error: {message}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
