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
    assert messages[-1]["content"].startswith("🔎")
    assert "No passage in the articles answers this" in sources


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
