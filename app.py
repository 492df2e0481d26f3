"""Browser chat: `python app.py` (or ./run.sh) serves it on http://127.0.0.1:7860.

The UI is built from rag's public API only; the handlers below are plain
functions (tested against a fake pipeline in tests/test_app.py).
"""

from __future__ import annotations

import argparse
import html
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from rag import Answer, Settings, answer_stream, build_index
from rag.types import Citation

EXAMPLES = [
    "What does season 2 explore?",
    "Who plays Malcolm?",
    "When is season 2 expected to come out?",
    "How does Rosenberg work with The Defenders showrunners?",
]
TITLE = "Ask the articles"

Stream = Callable[[str, Sequence[tuple[str, str]]], Iterator["str | Answer"]]


def render_answer(answer: Answer) -> str:
    """Answer text as markdown with [n] markers turned into citation chips."""
    if answer.refused:
        return f"🔎 *{html.escape(answer.text)}*"
    body = html.escape(answer.text, quote=False)
    return re.sub(r"\[(\d+)\]", r'<sup class="chip">[\1]</sup>', body)


def _highlight(citation: Citation) -> str:
    text = html.escape(citation.text)
    quote = html.escape(citation.quote)
    return text.replace(quote, f"<mark>{quote}</mark>", 1) if quote else text


def render_sources(answer: Answer | None) -> str:
    if answer is None:
        return "<p class='muted'>Cited passages will appear here.</p>"
    if answer.refused or not answer.citations:
        return "<p class='muted'>No passage in the articles answers this.</p>"
    items = []
    for c in answer.citations:
        source = html.escape(c.document)
        if c.publication:
            source += f" <span class='muted'>({html.escape(c.publication)})</span>"
        items.append(
            f"<div class='source'><div><b>[{c.marker}]</b> {source}</div>"
            f"<div class='muted'>{html.escape(c.path)}</div><p>{_highlight(c)}</p></div>"
        )
    return "\n".join(items)


def render_passages(answer: Answer | None) -> str:
    if answer is None or not answer.passages:
        return ""
    rows = [
        f"| {p.score:.4f} | {p.similarity:.2f} | {html.escape(p.document[:60])} | "
        f"{html.escape(p.text[:160]).replace('|', '/').replace(chr(10), ' ')}… |"
        for p in answer.passages
    ]
    return "| fused score | similarity | article | passage |\n|---|---|---|---|\n" + "\n".join(rows)


def chat(
    question: str, messages: list[dict[str, Any]], stream: Stream = answer_stream
) -> Iterator[tuple[list[dict[str, Any]], str, str]]:
    """Stream one turn: yields (chat messages, sources html, retrieval table)."""
    question = (question or "").strip()
    messages = list(messages or [])
    if not question:
        yield messages, render_sources(None), ""
        return
    history = [
        (messages[i]["content"], messages[i + 1]["content"])
        for i in range(0, len(messages) - 1, 2)
        if messages[i]["role"] == "user"
    ]
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
            messages[-1] = {"role": "assistant", "content": html.escape(partial, quote=False)}
            yield list(messages), "<p class='muted'>Writing the answer…</p>", ""
    except Exception as exc:  # shown in the chat; the app stays up
        from rag.errors import user_facing

        message = user_facing(exc) or f"Something went wrong: {type(exc).__name__}: {exc}"
        messages[-1] = {"role": "assistant", "content": f"⚠️ {html.escape(message)}"}
        yield messages, render_sources(None), ""


def ask(question: str) -> dict[str, Any]:
    """The public API endpoint: one question in, the answer and its citations out.

    A citation's file is under "source" (not "path"): gradio_client would take
    a dict with a "path" key for a file to download.
    """
    from rag import answer

    result = answer(question)
    citations = [
        {"marker": c.marker, "document": c.document, "publication": c.publication,
         "source": c.path, "quote": c.quote, "text": c.text}
        for c in result.citations
    ]
    return {"text": result.text, "refused": result.refused, "citations": citations,
            "timings": result.timings}


def rebuild(full: bool = False) -> str:
    try:
        return build_index(rebuild=full).summary()
    except Exception as exc:
        from rag.errors import user_facing

        return f"⚠️ {user_facing(exc) or f'{type(exc).__name__}: {exc}'}"


def status() -> str:
    from rag.generation import find_model

    settings = Settings.from_env()
    try:
        model = find_model(settings).name
    except Exception as exc:
        model = f"none ({exc})"
    return f"Model: {model} · corpus: {settings.data_dir} · index: {settings.index_dir}"


CSS = """
.chip { color: #1d4ed8; font-weight: 600; }
.source { border-left: 3px solid #1d4ed8; padding: 4px 10px; margin-bottom: 10px; }
.source mark { background: #fde68a; }
.muted { color: #6b7280; font-size: 0.9em; }
"""


def build_ui() -> Any:
    import gradio as gr

    with gr.Blocks(title=TITLE) as demo:
        gr.Markdown(f"# {TITLE}\nAnswers come only from the indexed articles and cite them.")
        status_line = gr.Markdown(status())
        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(label="Chat", height=460, sanitize_html=True,
                                     allow_tags=False, feedback_options=None)
                question = gr.Textbox(placeholder="Ask about the articles…", show_label=False,
                                      submit_btn=True, max_length=4000)
                gr.Examples(EXAMPLES, inputs=question)
            with gr.Column(scale=2):
                gr.Markdown("### Sources")
                sources = gr.HTML(render_sources(None))
        with gr.Accordion("Why this answer: every retrieved passage", open=False):
            passages = gr.Markdown()
        with gr.Accordion("Index", open=False):
            report = gr.Textbox(label="Last build", lines=4, interactive=False)
            with gr.Row():
                update_btn = gr.Button("Update index")
                rebuild_btn = gr.Button("Rebuild index from scratch")

        # One model instance: every generation shares one concurrency slot.
        question.submit(chat, [question, chatbot], [chatbot, sources, passages],
                        api_visibility="private", concurrency_limit=1, concurrency_id="model"
                        ).then(lambda: "", None, question, api_visibility="private")
        update_btn.click(lambda: rebuild(False), None, report, api_visibility="private",
                         concurrency_limit=1, concurrency_id="index")
        rebuild_btn.click(lambda: rebuild(True), None, report, api_visibility="private",
                          concurrency_limit=1, concurrency_id="index")
        demo.load(status, None, status_line, api_visibility="private")
        gr.api(ask, api_name="ask", concurrency_limit=1, concurrency_id="model")
    demo.queue(max_size=32, default_concurrency_limit=1)
    return demo


def _warm_up() -> None:
    """Load the embedder, index and model in the background so the page opens at once."""
    from rag.pipeline import default_pipeline

    try:
        pipeline = default_pipeline()
        pipeline.retriever()
        pipeline.model()
    except Exception as exc:  # reported in the chat when a question is asked
        print(f"warm-up: {exc}")


def main(argv: Sequence[str] | None = None) -> None:
    settings = Settings.from_env()
    parser = argparse.ArgumentParser(description="Serve the browser chat.")
    parser.add_argument("--host", default=settings.host, help="default 127.0.0.1 (RAG_HOST)")
    parser.add_argument("--port", type=int, default=settings.port, help="default 7860 (RAG_PORT)")
    parser.add_argument("--no-warm-up", action="store_true", help="load models on first question")
    args = parser.parse_args(argv)
    if not args.no_warm_up:
        threading.Thread(target=_warm_up, daemon=True).start()
    build_ui().launch(
        server_name=args.host,
        server_port=args.port,
        share=False,
        max_file_size="10mb",
        show_error=False,
        css=CSS,
        footer_links=["api"],
    )


if __name__ == "__main__":
    main()
