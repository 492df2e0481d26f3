"""The real app in a real browser: Debian's chromium driven by Playwright.

Starts `python app.py` on a free port with its own corpus copy and index, asks
the README's question, and checks what a person sees. Set RAG_SCREENSHOT=path
to keep the screenshot (the README's is made this way).
"""

import os
import shutil
import sys
from pathlib import Path

import pytest

from rag.config import PROJECT_ROOT
from tests.conftest import CORPUS, QUESTION
from tests.servers import free_port, http_status, running

pytestmark = pytest.mark.browser
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Without these, chromium keeps trying to reach Google's hosts, which this network refuses.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    if not CHROMIUM and not os.environ.get("RAG_REQUIRE_BROWSER"):
        pytest.skip("chromium is not installed (apt-get install chromium)")
    tmp = tmp_path_factory.mktemp("app")
    shutil.copytree(CORPUS, tmp / "data")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    env = {"RAG_DATA_DIR": str(tmp / "data"), "RAG_INDEX_DIR": str(tmp / "index"),
           "RAG_PORT": str(port)}
    with running([sys.executable, "app.py"], url, tmp / "app.log", env=env):
        yield url


def test_asking_in_the_browser_shows_a_cited_answer(app_url, tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 860})
            page.goto(app_url)
            box = page.locator("#question textarea")
            box.fill(QUESTION)
            box.press("Enter")
            page.locator("#chat .chip").first.wait_for(timeout=180_000)
            page.locator("#sources mark").first.wait_for(timeout=10_000)
            answer = page.locator("#chat .message").last.inner_text()
            assert len(answer.split()) >= 4
            sources = page.locator("#sources").inner_text()
            assert "[1]" in sources and ".txt" in sources
            highlighted = page.locator("#sources mark").first.inner_text()
            assert len(highlighted.split()) >= 4
            page.locator("#status").get_by_text("passages").wait_for(timeout=30_000)
            shot = Path(os.environ.get("RAG_SCREENSHOT") or tmp_path / "chat.png")
            page.screenshot(path=str(shot))
            assert shot.stat().st_size > 10_000
        finally:
            browser.close()


def test_api_endpoint_answers_with_citations(app_url):
    from gradio_client import Client

    result = Client(app_url, verbose=False).predict(QUESTION, api_name="/ask")
    assert result["text"] and not result["refused"]
    assert result["citations"] and all(c["quote"] in c["text"] for c in result["citations"])


@pytest.mark.parametrize("path", [
    "gradio_api/file=models/SmolLM2-135M-Instruct.Q4_1.gguf",
    "gradio_api/file=index/chroma.sqlite3",
    "gradio_api/file=.env",
    "gradio_api/file=../../../../etc/passwd",
    "gradio_api/file=/etc/passwd",
    f"gradio_api/file={PROJECT_ROOT}/app.py",
    "file=.git/config",
])
def test_private_files_are_not_served(app_url, path):
    assert http_status(app_url + path) in (403, 404)
