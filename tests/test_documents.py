from pathlib import Path

import pytest

from rag.documents import (
    UnreadableFile,
    clean_text,
    document_title,
    load_corpus,
    load_document,
    publication,
    split_sentences,
)


def test_shipped_corpus_loads_with_titles_and_publications(settings):
    docs, skipped = load_corpus(settings.data_dir)
    assert skipped == []
    by_path = {d.path: d for d in docs}
    assert len(by_path) == 5
    assert by_path["001_61dad8e46c95323a.txt"].title == (
        "'Jessica Jones' Showrunner Melissa Rosenberg Teases Season 2"
    )
    assert by_path["000_b55949e5afad05ef.txt"].publication == "Esquire"
    assert by_path["003_c77748d9f702d4b9.txt"].publication == "Entertainment Weekly"
    assert by_path["004_d98b2c6786ce758e.txt"].publication == "IGN"
    assert by_path["002_2997a68a253baf3d.txt"].publication == ""
    # headline-less articles are titled by their first sentence, shortened
    assert by_path["000_b55949e5afad05ef.txt"].title.startswith("Following the show")


def test_captions_bylines_and_navigation_are_removed(settings):
    docs, _ = load_corpus(settings.data_dir)
    text = "\n".join(d.text for d in docs)
    for junk in ("Image via", "Not Available Lead", "Complex Original", "Latest in Pop Culture",
                 "\nLeon Brill\n"):
        assert junk not in text
    assert "Source: IGN" in text  # kept: it names the publication
    # kept: a sentence, and the only place that says who wrote the article
    assert "Leon Brill is a staff writer for Heroic Hollywood" in text


def test_invisible_unicode_is_removed():
    text = clean_text("Jes\u200bsica\u00a0Jones\ufeff is back\U000e0041\u202e.")
    assert text == "Jessica Jones is back."


def test_headline_title_and_first_sentence_title():
    assert document_title("Big News Today\n\nThe body. More.") == "Big News Today"
    assert document_title("The show returns. It is good.") == "The show returns."


def test_publication_takes_the_last_source_line():
    assert publication("Text.\n\nSource: Esquire.") == "Esquire"
    assert publication("Nothing named here.") == ""


WRAPPED = """The "with" statement
********************

The "with" statement is used to wrap the execution of a block with
methods defined by a context manager (see section With Statement
Context Managers). This allows common usage patterns to be
encapsulated for convenient reuse.

The execution proceeds as
follows:

1. The context expression is evaluated to obtain
   a context manager.
2. The context manager's "__enter__()" is loaded
   for later use.
"""


def test_hard_wrapped_text_reads_as_whole_sentences():
    text = clean_text(WRAPPED)
    sentences = [text[s:e] for s, e in split_sentences(text)]
    assert sentences == [
        'The "with" statement',  # its underline, with no letters, goes
        'The "with" statement is used to wrap the execution of a block with methods defined by '
        "a context manager (see section With Statement Context Managers).",
        "This allows common usage patterns to be encapsulated for convenient reuse.",
        "The execution proceeds as follows:",
        "1. The context expression is evaluated to obtain a context manager.",
        "2. The context manager's \"__enter__()\" is loaded for later use.",
    ]
    assert document_title(text) == 'The "with" statement'


def test_short_wrapped_lines_are_kept_not_taken_for_bylines():
    # Four short lines of one wrapped sentence; on their own lines, each would look like a tag.
    text = clean_text("Importing a module means finding it\nand loading it,\nrather than directly\n"
                      "running it.\n\nBy Jane Doe\n\nBy Jane Doe\n")
    assert text == ("Importing a module means finding it and loading it, rather than directly "
                    "running it.")


def test_sentences_respect_abbreviations_and_quotes():
    text = 'Luke Cage hits Netflix on Sept. 30 this year. "It is great." She said so.'
    sentences = [text[s:e] for s, e in split_sentences(text)]
    assert sentences == ["Luke Cage hits Netflix on Sept. 30 this year.", '"It is great."',
                         "She said so."]


def test_a_number_ends_a_sentence_but_an_initial_or_a_list_number_does_not():
    def sentences(text: str) -> list[str]:
        return [text[s:e] for s, e in split_sentences(text)]

    assert sentences("They laid the foundation in season 1. With these characters, she "
                     "rests.") == ["They laid the foundation in season 1.",
                                   "With these characters, she rests."]
    assert sentences("Written by J. K. Rowling. Next.") == ["Written by J. K. Rowling.", "Next."]
    assert sentences("1. Install it. 2. Run it.") == ["1. Install it.", "2. Run it."]


def test_bad_files_are_skipped_with_reasons(tmp_path: Path):
    tmp_path = tmp_path / "mixed"
    tmp_path.mkdir()
    (tmp_path / "good.txt").write_text("A perfectly fine article about season two of the show.")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 10)
    latin1 = "Caf\xe9 society and the show's r\xf4le.".encode("latin-1")
    (tmp_path / "latin1.txt").write_bytes(latin1)
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden.txt").write_text("never read")
    docs, skipped = load_corpus(tmp_path)
    assert [d.path for d in docs] == ["good.txt"]
    reasons = {s.path: s.reason for s in skipped}
    assert set(reasons) == {"empty.txt", "binary.txt", "latin1.txt", "notes.docx"}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "UTF-8" in reasons["latin1.txt"] and "iconv" in reasons["latin1.txt"]
    assert "unsupported" in reasons["notes.docx"]


def test_html_and_markdown_keep_text_and_drop_scripts_and_images(tmp_path: Path):
    page = tmp_path / "a.html"
    page.write_text("<html><head><title>T</title><script>evil()</script></head><body>"
                    "<h1>Season Two News</h1><p>Jessica returns in a new season.</p>"
                    "<nav>Home | About</nav></body></html>")
    doc = load_document(page)
    assert doc.title == "Season Two News"
    assert "evil" not in doc.text and "Home | About" not in doc.text
    assert "Jessica returns in a new season." in doc.text

    md = tmp_path / "b.md"
    md.write_text("# Plans\n\nSee ![x](http://evil.example/q.png) the [site](http://a.b) now.")
    doc = load_document(md)
    assert doc.title == "Plans"
    assert "evil.example" not in doc.text and "http" not in doc.text
    assert "the site now." in doc.text


def test_short_list_items_and_code_lines_are_content_not_bylines():
    text = clean_text("The only lines that can come before it are:\n\n* the docstring,\n\n"
                      "* comments, and\n\n* blank lines.\n\nOn macOS the cache is in:\n\n"
                      "~/Library/Caches/pip\n\nLeon Brill\n")
    assert text.split("\n\n") == ["The only lines that can come before it are:",
                                  "* the docstring,", "* comments, and", "* blank lines.",
                                  "On macOS the cache is in:", "~/Library/Caches/pip"]  # no byline


def test_markdown_headings_are_kept_as_their_own_lines(tmp_path: Path):
    md = tmp_path / "guide.md"
    md.write_text("# Guide\n\n## Your own model\n\nDrop any GGUF into models/ and\n"
                  "set RAG_MODEL to its name.\n\n### Done? ###\n\nThat is all.\n")
    doc = load_document(md)
    # Not dropped as a byline would be, and not run into the paragraph below it.
    assert doc.text.split("\n\n") == ["Guide:", "Your own model:", "Drop any GGUF into models/ and "
                                      "set RAG_MODEL to its name.", "Done?", "That is all."]
    assert doc.title == "Guide"


def markdown_paragraphs(tmp_path: Path, source: str) -> list[str]:
    """The paragraphs of a Markdown file with this source, as the pipeline reads them."""
    md = tmp_path / "page.md"
    md.write_text(source)
    return load_document(md).text.split("\n\n")


def test_markdown_table_rows_become_sentences(tmp_path: Path):
    # Each cell named by its column: a row answers "What is RAG_PORT's default?" by itself.
    assert markdown_paragraphs(tmp_path, "Settings:\n\n| variable | default | what |\n"
                               "|---|:---:|---|\n| `RAG_TOP_K` | `5` | passages retrieved |\n"
                               "| `RAG_PORT` | `7860` | the port |\n\n| a | b |\n") == [
        "Settings:", 'variable: "RAG_TOP_K"; default: "5"; what: passages retrieved.',
        'variable: "RAG_PORT"; default: "7860"; what: the port.',  # code keeps straight quotes
        "a; b."]  # a row with no header row


def test_a_table_row_ending_in_a_bracket_or_quote_can_be_quoted(tmp_path: Path):
    from rag.evidence import candidate_spans
    from rag.types import Passage

    rows = markdown_paragraphs(tmp_path, "| variable | what |\n|---|---|\n"
                               "| `RAG_FUSION` | how results are combined (`rrf` or `relative`) |\n"
                               "| `RAG_HOST` | binds to `127.0.0.1` |\n")
    assert rows == ['variable: "RAG_FUSION"; what: how results are combined ("rrf" or '
                    '"relative").', 'variable: "RAG_HOST"; what: binds to "127.0.0.1".']
    for row in rows:  # evidence is drawn only from sentences that end as one
        assert candidate_spans(Passage("p", "page", "page.md", row, 0.0)) == [(0, len(row))]


def _one_page_pdf(lines: list[str]) -> bytes:
    """A real PDF whose text layer is `lines`, one per visual line (Helvetica, 12 pt)."""
    ops = ["BT /F1 12 Tf 72 720 Td 14 TL", *(f"({line}) Tj T*" for line in lines), "ET"]
    stream = "\n".join(ops).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(pdf)


def test_a_pdfs_lines_read_as_whole_sentences(tmp_path: Path):
    pdf = tmp_path / "news.pdf"
    pdf.write_bytes(_one_page_pdf(["Season two of the show explores how Jessica",
                                   "copes with the trauma of killing",
                                   "Kilgrave. Filming starts early", "next year."]))
    text = load_document(pdf).text
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Season two of the show explores how Jessica copes with the trauma of killing Kilgrave.",
        "Filming starts early next year."]


def test_myst_markup_is_read_as_text(tmp_path: Path):
    assert markdown_paragraphs(
        tmp_path, "(caching)=\n# Caching\n\n```{versionadded} 20.1\n```\n\nUse {ref}`pip cache dir`"
        " to see it.\n\n````{tab} MacOS\n```\n~/Library/Caches/pip\n```\n````\n\n"
        "```{note}\nSee `__init__.py` and **this**.\n```\n") == [
        "Caching:", "New in version 20.1.", 'Use "pip cache dir" to see it.', "MacOS:",
        "~/Library/Caches/pip", 'See "__init__.py" and this.']


def test_markdown_code_fences_and_inline_html_leave_no_trace(tmp_path: Path):
    source = ('<a id="caller"></a>\n### `reportCaller` (Boolean)\n\nIt captures the\n'
              "callsite, for instance:\n```js\npino.info('hi') // logs <ts>\n```\nDone.<br>\n")
    # The fence's language ("js") was read as a word of the code, and the anchor as text;
    # a heading that ends in a bracket still gets its colon.
    assert markdown_paragraphs(tmp_path, source) == [
        '"reportCaller" (Boolean):', "It captures the callsite, for instance:",
        "pino.info('hi') // logs <ts>", "Done."]


def test_truncated_pdf_is_reported(tmp_path: Path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    with pytest.raises(UnreadableFile, match="PDF"):
        load_document(broken)


def test_missing_folder_names_the_fix(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="RAG_DATA_DIR"):
        load_corpus(tmp_path / "nope")
