"""Browser chat: `python app.py` (or ./run.sh) serves it on http://127.0.0.1:7860.

The UI is built from rag's public API only. The handlers are plain functions
with the rag calls passed in, so tests/test_app.py drives them with fakes.
"""

from __future__ import annotations

import argparse
import html
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import rag
from rag import Answer, Citation, Settings

EXAMPLES = [
    "What does season 2 explore?",
    "Who plays Malcolm?",
    "When is season 2 expected to come out?",
    "What does Jessica envy most about Trish?",
]
TITLE = "Ask the articles"
UPLOAD_TYPES = [".txt", ".md", ".html", ".htm", ".pdf"]
MAX_UPLOAD = "10mb"
CLOSEST_CHARS = 400  # how much of the closest passage a refusal shows

Stream = Callable[[str, Sequence[tuple[str, str]]], Iterator["str | Answer"]]
Progress = Callable[[int, int], None]
Messages = list[dict[str, Any]]


# --- rendering: everything from documents is escaped (they are untrusted text) -------------


# Characters that would make markdown out of document text: a quoted "![x](http://...)"
# must stay text, never become a remote image that leaks the question.
_MARKDOWN = str.maketrans({c: f"&#{ord(c)};" for c in "[]()!*_`#|~\\<>&\"'"})


_URL_SCHEME = re.compile(r"(?i)\b(https?|ftp|file|javascript|data|mailto):")


def inert(text: str) -> str:
    """Text that renders as itself in the chat's markdown: no HTML, links or images
    (a URL's colon is encoded too, so that the renderer does not auto-link it)."""
    return _URL_SCHEME.sub(r"\1&#58;", text.translate(_MARKDOWN))


def render_answer(answer: Answer) -> str:
    """The answer as chat HTML, its [n] markers turned into citation chips."""
    if answer.refused:
        return f'<div class="refused">🔎 {inert(answer.text)}</div>'
    return re.sub(r"&#91;(\d+)&#93;", r'<sup class="chip">[\1]</sup>', inert(answer.text))


def _highlight(citation: Citation) -> str:
    text = html.escape(citation.text)
    quote = html.escape(citation.quote)
    return text.replace(quote, f"<mark>{quote}</mark>", 1) if quote else text


def render_sources(answer: Answer | None) -> str:
    if answer is None:
        return "<p class='muted'>Cited passages will appear here.</p>"
    if answer.refused or not answer.citations:
        return _closest(answer) or (
            "<p class='muted refused-note'>No passage in the articles answers this.</p>")
    items = []
    for c in answer.citations:
        source = html.escape(c.document)
        if c.publication:
            source += f" <span class='muted'>· {html.escape(c.publication)}</span>"
        items.append(
            f"<div class='source'><div><span class='chip'>[{c.marker}]</span> <b>{source}</b></div>"
            f"<div class='muted'>{html.escape(c.path)}</div><p>{_highlight(c)}</p></div>"
        )
    return "\n".join(items)


def _closest(answer: Answer) -> str:
    """The best relevant passage under a refusal, labelled as such. A question worded away
    from the articles can be refused although they answer it; the reader can judge the
    passage itself, which is never shown as a cited answer."""
    floor = Settings.from_env().min_relevance
    relevant = [p for p in answer.passages if p.similarity >= floor]
    if not relevant:
        return ""
    best = relevant[0]
    text = " ".join(best.text.split())
    text = html.escape(text[:CLOSEST_CHARS]) + ("…" if len(text) > CLOSEST_CHARS else "")
    return ("<p class='muted refused-note'>No passage answers this clearly enough to cite. "
            "The closest one found:</p>"
            f"<div class='source closest'><div><b>{html.escape(best.document)}</b></div>"
            f"<div class='muted'>{html.escape(best.path)}</div><p>{text}</p></div>")


def render_passages(answer: Answer | None) -> str:
    if answer is None or not answer.passages:
        return ""
    rows = [
        f"| {i} | {p.score:.4f} | {p.similarity:.2f} | {inert(p.document[:50])} | "
        f"{inert(' '.join(p.text.split())[:150])}… |"
        for i, p in enumerate(answer.passages, 1)
    ]
    head = "| # | fused score | similarity | article | passage |\n|---|---|---|---|---|\n"
    timings = ", ".join(f"{k} {v:g}" for k, v in answer.timings.items())
    return head + "\n".join(rows) + f"\n\n<span class='muted'>{inert(timings)}</span>"


def render_status(info: dict[str, Any]) -> str:
    parts = [f"Model: **{inert(str(info.get('model')))}**"]
    if not info.get("ready"):
        parts.append("loading model…")
    if info.get("passages") is not None:
        parts.append(f"{info['passages']} passages")
    if info.get("built_at"):
        parts.append(f"index built {info['built_at']}")
    return " · ".join(parts)


# --- handlers -----------------------------------------------------------------------------


def _history(messages: Messages) -> list[tuple[str, str]]:
    return [
        (messages[i]["content"], messages[i + 1]["content"])
        for i in range(0, len(messages) - 1, 2)
        if messages[i]["role"] == "user" and messages[i + 1]["role"] == "assistant"
    ]


def _error_text(exc: Exception) -> str:
    from rag.errors import user_facing

    return user_facing(exc) or f"Something went wrong: {type(exc).__name__}: {exc}"


def chat(
    question: str, messages: Messages, stream: Stream = rag.answer_stream
) -> Iterator[tuple[Messages, str, str]]:
    """Stream one turn: yields (chat messages, sources html, retrieval table)."""
    question = (question or "").strip()
    messages = list(messages or [])
    if not question:
        yield messages, render_sources(None), ""
        return
    history = _history(messages)
    messages += [{"role": "user", "content": question}, {"role": "assistant", "content": "…"}]
    yield list(messages), "<p class='muted'>Searching the articles…</p>", ""
    partial = ""
    try:
        for event in stream(question, history):
            if isinstance(event, Answer):
                messages[-1] = {"role": "assistant", "content": render_answer(event)}
                yield messages, render_sources(event), render_passages(event)
                return
            partial += event
            messages[-1] = {"role": "assistant", "content": inert(partial)}
            yield list(messages), "<p class='muted'>Writing the answer…</p>", ""
    except Exception as exc:  # shown in the chat; the app stays up
        messages[-1] = {"role": "assistant", "content": f"⚠️ {inert(_error_text(exc))}"}
        yield messages, render_sources(None), ""


def update_index(
    full: bool = False,
    progress: Progress | None = None,
    build: Callable[..., rag.IndexReport] = rag.build_index,
) -> str:
    try:
        return str(build(rebuild=full, progress=progress).summary())
    except Exception as exc:
        return f"⚠️ {_error_text(exc)}"


def upload(
    files: Sequence[str] | None,
    progress: Progress | None = None,
    add: Callable[..., Sequence[Any]] = rag.add_documents,
    build: Callable[..., rag.IndexReport] = rag.build_index,
) -> str:
    """Check the uploaded files, add the readable ones to the corpus, then index them."""
    if not files:
        return "Choose one or more .txt, .md, .html or .pdf files first."
    paths = [str(f) for f in files]
    try:
        results = add(paths, names=[Path(p).name for p in paths])
    except Exception as exc:
        return f"⚠️ {_error_text(exc)}"
    lines = [f"{r.name}: {r.message}" for r in results]
    if any(r.saved_as and r.message.startswith("added") for r in results):
        lines.append(update_index(False, progress, build))
    else:
        lines.append("Nothing new to index; the index is unchanged.")
    return "\n".join(lines)


def ask(question: str) -> dict[str, Any]:
    """The public API endpoint: one question in, the answer and its citations out.

    A citation's file is under "source" (not "path"): gradio_client would take
    a dict with a "path" key for a file to download.
    """
    try:
        result = rag.answer(question)
    except Exception as exc:
        return {"error": _error_text(exc), "text": "", "refused": False, "citations": []}
    citations = [
        {"marker": c.marker, "document": c.document, "publication": c.publication,
         "source": c.path, "quote": c.quote, "text": c.text}
        for c in result.citations
    ]
    return {"text": result.text, "refused": result.refused, "citations": citations,
            "timings": result.timings}


def status_line() -> str:
    return render_status(rag.status())


# --- layout --------------------------------------------------------------------------------

CSS = """
.chip { color: #1d4ed8; font-weight: 600; }
.source { border-left: 3px solid #1d4ed8; padding: 4px 10px; margin-bottom: 12px; }
.source.closest { border-left-color: #d1d5db; }
.source mark { background: #fde68a; padding: 0 2px; }
.muted { color: #6b7280; font-size: 0.9em; }
.refused { color: #92400e; background: #fef3c7; padding: 6px 10px; border-radius: 6px; }
"""


def _gradio_progress(progress: Any) -> Progress:
    return lambda done, total: progress((done, total), desc="Embedding passages", unit="passages")


def build_ui() -> Any:
    import gradio as gr

    with gr.Blocks(title=TITLE) as demo:
        gr.Markdown(f"# {TITLE}\nAnswers come only from the indexed articles, with their sources.")
        status = gr.Markdown(status_line(), elem_id="status")
        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(label="Chat", height=440, elem_id="chat",
                                     feedback_options=None, sanitize_html=True,
                                     buttons=["copy", "copy_all"])
                question = gr.Textbox(placeholder="Ask about the articles…", show_label=False,
                                      submit_btn=True, max_length=4000, elem_id="question")
                gr.Examples(EXAMPLES, inputs=question, label="Try")
            with gr.Column(scale=2):
                gr.Markdown("### Sources")
                sources = gr.HTML(render_sources(None), elem_id="sources")
        with gr.Accordion("Why this answer: every retrieved passage", open=False):
            passages = gr.Markdown(elem_id="passages")
        with gr.Accordion("Documents and index", open=False):
            files = gr.File(label=f"Add documents ({', '.join(UPLOAD_TYPES)}, up to {MAX_UPLOAD})",
                            file_count="multiple", file_types=UPLOAD_TYPES, type="filepath")
            with gr.Row():
                add_btn = gr.Button("Add to the corpus and index")
                update_btn = gr.Button("Update index")
                rebuild_btn = gr.Button("Rebuild index from scratch")
            report = gr.Textbox(label="What changed", lines=5, interactive=False)

        def on_upload(paths: list[str] | None, progress: Any = gr.Progress()) -> str:
            return upload(paths, _gradio_progress(progress))

        def on_update(progress: Any = gr.Progress()) -> str:
            return update_index(False, _gradio_progress(progress))

        def on_rebuild(progress: Any = gr.Progress()) -> str:
            return update_index(True, _gradio_progress(progress))

        private: dict[str, Any] = {"api_visibility": "private"}
        # One model instance: every generation shares one concurrency slot.
        question.submit(chat, [question, chatbot], [chatbot, sources, passages],
                        concurrency_limit=1, concurrency_id="model", **private
                        ).then(lambda: "", None, question, **private)
        for button, handler in ((add_btn, on_upload), (update_btn, on_update),
                                (rebuild_btn, on_rebuild)):
            inputs = [files] if handler is on_upload else None
            button.click(handler, inputs, report, concurrency_limit=1, concurrency_id="index",
                         **private).then(status_line, None, status, **private)
        timer = gr.Timer(3.0)
        timer.tick(status_line, None, status, **private)
        gr.api(ask, api_name="ask", concurrency_limit=1, concurrency_id="model")
    demo.queue(max_size=32, default_concurrency_limit=1)
    return demo


def _warm_up() -> None:
    """Load the embedder, index, model and WordNet in the background; the page opens at once."""
    from rag.pipeline import default_pipeline

    try:
        pipeline = default_pipeline()
        pipeline.retriever()
        pipeline.model()
        wordnet = pipeline.wordnet()
        if wordnet is not None:
            wordnet.preload()
    except Exception as exc:  # the same error is shown in the chat when a question is asked
        print(f"warm-up failed: {_error_text(exc)}")


def main(argv: Sequence[str] | None = None) -> None:
    settings = Settings.from_env()
    parser = argparse.ArgumentParser(description="Serve the browser chat.")
    parser.add_argument("--host", default=settings.host, help="default 127.0.0.1 (RAG_HOST)")
    parser.add_argument("--port", type=int, default=settings.port, help="default 7860 (RAG_PORT)")
    parser.add_argument("--no-warm-up", action="store_true", help="load models on first question")
    args = parser.parse_args(argv)
    root = Path(__file__).resolve().parent
    demo = build_ui()
    demo.launch(
        prevent_thread_lock=True,  # serve first, then load models: the page opens at once
        server_name=args.host,
        server_port=args.port,
        share=False,
        max_file_size=MAX_UPLOAD,
        show_error=False,
        css=CSS,
        footer_links=["api"],
        # Gradio serves only its own temp files; these are refused even if asked for.
        blocked_paths=[str(settings.index_dir), str(settings.models_dir), str(settings.data_dir),
                       str(root / ".env"), str(root / ".git"), str(root / ".venv")],
    )
    if not args.no_warm_up:
        threading.Thread(target=_warm_up, daemon=True).start()
    try:
        demo.block_thread()
    except KeyboardInterrupt:
        demo.close()


if __name__ == "__main__":
    main()
