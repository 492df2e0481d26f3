"""Scale-out with the real engines: a `chroma run` server and llama-cpp-python's
OpenAI-compatible server, started on 127.0.0.1 and stopped afterwards."""

import http.server
import threading
from contextlib import contextmanager

import pytest

from rag.config import ConfigError, Settings
from rag.indexer import build_index
from rag.openai_generation import ModelServerError, OpenAIChatGenerator
from rag.pipeline import Pipeline
from rag.store import ChromaStore
from tests.conftest import QUESTION
from tests.servers import chroma_server, free_port, llama_server

pytestmark = pytest.mark.servers


@pytest.fixture(scope="module")
def embedder():
    from rag.embeddings import load_embedder

    return load_embedder(Settings.from_env())


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    with chroma_server(tmp_path_factory.mktemp("chroma") / "data") as url:
        yield url


@pytest.fixture(scope="module")
def llm_url(tmp_path_factory):
    with llama_server(Settings.from_env().models_dir,
                      tmp_path_factory.mktemp("llm") / "server.log") as url:
        yield url


def check_cited(answer, settings):
    assert not answer.refused and answer.text and answer.citations
    corpus = {p.name: p.read_text() for p in settings.data_dir.iterdir()}
    for c in answer.citations:
        assert c.quote in c.text and c.path in corpus


def test_index_and_answer_through_the_chroma_server(settings, chroma_url, embedder):
    remote = settings.with_(chroma_url=chroma_url, collection="e2e_chroma")
    report = build_index(settings=remote, embedder=embedder, progress=lambda d, t: None)
    assert report.added == 5 and report.passages > 10
    again = build_index(settings=remote, embedder=embedder, progress=lambda d, t: None)
    assert again.embedded == 0 and again.unchanged == 5
    assert not (settings.index_dir / "chroma.sqlite3").exists()  # nothing written locally
    check_cited(Pipeline(remote, embedder=embedder).answer(QUESTION), remote)


def test_answer_through_the_model_server(settings, llm_url, embedder):
    remote = settings.with_(llm_url=llm_url)
    pipeline = Pipeline(remote, embedder=embedder)
    events = list(pipeline.stream(QUESTION))
    assert any(isinstance(e, str) and e for e in events[:-1])  # streamed
    check_cited(events[-1], remote)
    assert isinstance(pipeline.generator, OpenAIChatGenerator)


def test_both_servers_together(settings, chroma_url, llm_url, embedder):
    remote = settings.with_(chroma_url=chroma_url, llm_url=llm_url, collection="e2e_both")
    check_cited(Pipeline(remote, embedder=embedder).answer(QUESTION), remote)


def test_chroma_server_down_is_a_clear_error(settings):
    down = settings.with_(chroma_url=f"http://127.0.0.1:{free_port()}")
    with pytest.raises(ConfigError, match="not answering.*chroma run"):
        ChromaStore(down)


def test_model_server_down_is_a_clear_error(settings):
    generator = OpenAIChatGenerator(settings.with_(llm_url=f"http://127.0.0.1:{free_port()}/v1"))
    with pytest.raises(ModelServerError, match="not reachable.*unset RAG_LLM_URL"):
        list(generator.stream([{"role": "user", "content": "hi"}], 5))


@contextmanager
def fake_model_server(handle_post):
    """A local HTTP server whose POST handler misbehaves as told; yields its /v1 URL."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's naming)
            handle_post(self)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()


@pytest.mark.parametrize(("status", "body", "match"), [
    (200, b"data: {\"unexpected\": true}\n\n", "not a completion"),
    (500, b"internal error", "HTTP 500"),
])
def test_model_server_garbage_is_a_clear_error(settings, status, body, match):
    def garbage(handler):
        handler.send_response(status)
        handler.end_headers()
        handler.wfile.write(body)

    with fake_model_server(garbage) as url:
        generator = OpenAIChatGenerator(settings.with_(llm_url=url))
        with pytest.raises(ModelServerError, match=match):
            list(generator.stream([{"role": "user", "content": "hi"}], 5))


def test_slow_model_server_times_out(settings):
    with fake_model_server(lambda handler: threading.Event().wait(3)) as url:
        generator = OpenAIChatGenerator(settings.with_(llm_url=url, llm_timeout=0.5))
        with pytest.raises(ModelServerError, match="not reachable|did not answer"):
            list(generator.stream([{"role": "user", "content": "hi"}], 5))
