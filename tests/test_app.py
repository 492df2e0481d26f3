"""The UI handlers against a scripted stream: no model, no browser."""

import app
from rag.types import Answer, Citation, Passage

PASSAGE = Passage("p1", "Doc <One>", "a.txt", "Season 2 explores <trauma>. More text.", 0.03,
                  "Esquire", 0.5)
CITED = Citation(1, "Doc <One>", "a.txt", PASSAGE.text, "Season 2 explores <trauma>.", "Esquire")


def scripted(*events):
    def stream(question, history):
        stream.calls.append((question, list(history)))
        yield from events

    stream.calls = []
    return stream


def test_chat_streams_then_renders_chips_and_highlight():
    final = Answer("q", "Season 2 explores trauma [1].", [CITED], [PASSAGE])
    stream = scripted("Season ", "2 ", final)
    frames = list(app.chat("What does season 2 explore?", [], stream=stream))
    assert frames[1][0][-1]["content"] == "Season "
    messages, sources, passages = frames[-1]
    assert '<sup class="chip">[1]</sup>' in messages[-1]["content"]
    assert "<mark>Season 2 explores &lt;trauma&gt;.</mark>" in sources
    assert "Doc &lt;One&gt;" in sources and "Esquire" in sources
    assert "0.0300" in passages


def test_history_is_passed_as_question_answer_pairs():
    stream = scripted(Answer("q", "ok [1].", [CITED], [PASSAGE]))
    earlier = [{"role": "user", "content": "Who is Trish?"},
               {"role": "assistant", "content": "A friend [1]."}]
    list(app.chat("And her plans?", earlier, stream=stream))
    assert stream.calls == [("And her plans?", [("Who is Trish?", "A friend [1].")])]


def test_refusal_has_its_own_look():
    refused = Answer("q", "I could not find this in the articles.", [], [PASSAGE], refused=True)
    messages, sources, _ = list(app.chat("Capital of France?", [], stream=scripted(refused)))[-1]
    assert messages[-1]["content"].startswith('<div class="refused">🔎')
    # the closest relevant passage is shown, escaped and labelled, never as a citation
    assert "No passage answers this clearly enough to cite. The closest one found" in sources
    assert "Season 2 explores &lt;trauma&gt;. More text." in sources
    assert "<mark>" not in sources and "chip" not in sources


def test_a_refusal_shows_no_passage_below_the_relevance_threshold():
    unrelated = Passage("p2", "Doc", "b.txt", "Unrelated text.", 0.01, "", 0.05)
    refused = Answer("q", "I could not find this in the articles.", [], [unrelated], refused=True)
    sources = app.render_sources(refused)
    assert "No passage in the articles answers this" in sources
    assert "Unrelated text" not in sources and "closest" not in sources


def test_errors_are_shown_not_raised():
    def broken(question, history):
        raise RuntimeError("model server down")
        yield  # pragma: no cover

    messages, _, _ = list(app.chat("q?", [], stream=broken))[-1]
    assert "model server down" in messages[-1]["content"]


def test_empty_question_changes_nothing():
    frames = list(app.chat("   ", [], stream=scripted()))
    assert frames[-1][0] == []


def test_document_html_is_escaped_in_the_stream():
    final = Answer("q", "x", [], [])
    frames = list(app.chat("q?", [], stream=scripted("<img src=x onerror=alert(1)>", final)))
    assert "<img" not in frames[1][0][-1]["content"]


def test_upload_refuses_bad_files_and_leaves_the_index_alone(settings, tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    big = tmp_path / "big.md"
    big.write_text("word " * (3 * 2**20))
    exe = tmp_path / "tool.exe"
    exe.write_bytes(b"MZ")
    builds = []
    out = app.upload([str(binary), str(big), str(exe)], build=lambda **kw: builds.append(kw))
    assert "photo.txt: refused: binary" in out
    assert "big.md: refused:" in out and "limit" in out
    assert "tool.exe: refused:" in out
    assert "index is unchanged" in out and builds == []
    assert not any(p.name in ("photo.txt", "big.md", "tool.exe")
                   for p in settings.data_dir.iterdir())


def test_upload_adds_a_good_file_then_indexes(settings, tmp_path):
    good = tmp_path / "notes.md"
    good.write_text("# Season notes\n\nTrish trains to become Hellcat in the new season.\n")

    class Report:
        def summary(self):
            return "1 added"

    calls = []
    out = app.upload([str(good)], build=lambda **kw: calls.append(kw) or Report())
    assert "notes.md: added: \u201cSeason notes\u201d" in out and "1 added" in out
    assert calls == [{"rebuild": False, "progress": None}]
    assert (settings.data_dir / "notes.md").read_text() == good.read_text()
    # The same file again is recognised, not copied twice.
    again = app.upload([str(good)], build=lambda **kw: calls.append(kw) or Report())
    assert "already in the corpus as notes.md" in again and len(calls) == 1


def test_upload_with_nothing_chosen():
    assert "Choose one or more" in app.upload([])


def test_index_errors_are_reported_not_raised():
    from rag.indexer import IndexBusy

    def busy(**kw):
        raise IndexBusy("Another index build (pid 1) is writing index.")

    assert app.update_index(True, build=busy).startswith("⚠️ Another index build")


def test_status_line_says_loading_until_ready():
    loading = app.render_status({"model": "m.gguf", "ready": False, "passages": None})
    assert "loading model" in loading
    ready = app.render_status({"model": "m.gguf", "ready": True, "passages": 44,
                               "built_at": "2026-11-21T19:00:00+00:00"})
    assert "44 passages" in ready and "loading" not in ready
