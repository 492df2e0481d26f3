"""Each file format as plain text: PDF, HTML, and Markdown (with MyST and Sphinx markup).
Cleaning the text and splitting it into sentences is `documents.py`'s job."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# A full stop, maybe inside quotes or brackets: '... in 2018.', '... "in 2018."'. Evidence
# is drawn only from sentences that end so, and a table row is made to.
ENDS_SENTENCE = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$")


class UnreadableFile(Exception):
    """Raised with a message that names the problem and the fix."""


def pdf_text(raw: bytes) -> str:
    import io

    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(raw))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # pypdf raises many types for broken files
        name = type(exc).__name__
        raise UnreadableFile(f"broken or truncated PDF ({name}); re-export it") from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise UnreadableFile("PDF has no text layer (scanned?); run OCR on it first")
    return text


class _HTMLText(HTMLParser):
    _SKIP = {"script", "style", "nav", "header", "footer", "aside", "noscript", "template", "svg"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
              "article", "blockquote", "figcaption", "pre"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self.h1 = ""
        self._skip_depth = 0
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip_depth += 1
        if tag in self._BLOCK:
            self.parts.append("\n\n")
        self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skip_depth:
            self._skip_depth -= 1
        if tag in self._BLOCK:
            self.parts.append("\n\n")
        if tag in self._in:
            while self._in and self._in.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        current = self._in[-1] if self._in else ""
        if current == "title":
            self.title += data
            return
        if self._skip_depth:
            return
        if current == "h1" and not self.h1:
            self.h1 = data.strip()
        self.parts.append(data)


def html_text(source: str) -> tuple[str, str]:
    parser = _HTMLText()
    parser.feed(source)
    parser.close()
    text = re.sub(r"[ \t]+", " ", "".join(parser.parts))
    return text, (parser.h1 or parser.title).strip()


def _heading(match: re.Match[str]) -> str:
    """A heading as the lead-in of what follows ("Installation:"), unless it is a sentence
    already ("What is pip?") or ends in a colon. A name in brackets is not a sentence:
    "`reportCaller` (Boolean)"."""
    words = match[1]
    return words if not words or words.endswith(":") or ENDS_SENTENCE.search(words) else words + ":"


_TABLE_RULE = re.compile(r"^[ \t]*\|?([ \t]*:?-{3,}:?[ \t]*\|?)+[ \t]*$")
_TABLE_ROW = re.compile(r"^[ \t]*\|(.*)\|[ \t]*$")


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.split("|")]


def _sentence(cells: list[str]) -> str:
    """Cells joined by semicolons, as a sentence that can be quoted: a row is a fact."""
    row = "; ".join(cell for cell in cells if cell)
    return row if not row or ENDS_SENTENCE.search(row) else row + "."


def _tables(text: str) -> str:
    """Each row of a table as a sentence of its own, each cell named by its column:
    "| 8.x | 2022-06-01 |" under "| Version | Release Date |" reads "Version: 8.x; Release
    Date: 2022-06-01.", which answers "When was 8.x released?" by itself."""
    lines = text.split("\n")
    out: list[str] = []
    header: list[str] = []
    for i, line in enumerate(lines):
        if _TABLE_RULE.match(line):  # "|---|:---:|", or a "---" rule
            continue
        row = _TABLE_ROW.match(line)
        if not row:
            header = []
            out.append(line)
            continue
        cells = _cells(row[1])
        if not header and i + 1 < len(lines) and _TABLE_RULE.match(lines[i + 1]):
            header = cells  # the header row names the columns; it is no fact itself
            continue
        if len(header) == len(cells):
            cells = [f"{name}: {cell}" if name and cell else cell
                     for name, cell in zip(header, cells, strict=True)]
        out.append(_sentence(cells) + "\n")
    return "\n".join(out)


# MyST and Sphinx markup: "```{note}" and "```{tab} MacOS" open a block, "{ref}`pip freeze`"
# is a role, "(caching)=" a link target.
_DIRECTIVE = re.compile(r"^[ \t]*(?:`{3,}|:{3,})\{([\w-]+)\}[ \t]*(.*)$", re.M)
_VERSION_DIRECTIVES = {"versionadded": "New in version", "versionchanged": "Changed in version",
                       "deprecated": "Deprecated since version"}


def _directive(match: re.Match[str]) -> str:
    name, args = match[1], match[2].strip()
    if name in _VERSION_DIRECTIVES and args:
        return f"{_VERSION_DIRECTIVES[name]} {args}."
    return f"{args}:" if args else ""  # "MacOS:" over the tab's text


# HTML written into Markdown: '<a id="windows"></a>' anchors, <details>, <br>.
_INLINE_HTML = re.compile(
    r"</?(?:a|abbr|b|br|code|del|details|div|em|i|img|ins|kbd|p|picture|pre|small|source|span|"
    r"strong|sub|summary|sup|u)\b[^>\n]*>", re.I)
# The fence of a code block, with its language: "```js". The code stays, as a paragraph
# of its own.
_FENCE = re.compile(r"^[ \t]*(?:`{3,}|~{3,})[\w+#.-]*[ \t]*$", re.M)


def markdown_text(source: str) -> tuple[str, str]:
    title_match = re.search(r"^#\s+(.+)$", source, re.M)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", source)  # images: never carried along
    text = _INLINE_HTML.sub("", _FENCE.sub("", text))
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links: keep the words
    # A heading ends with a colon: then it is neither taken for a byline and dropped, nor run
    # into the paragraph under it, and the section keeps the words that name its topic.
    text = re.sub(r"^#{1,6}[ \t]*(.*?)[ \t#]*$", _heading, text, flags=re.M)
    text = _tables(text)
    text = _DIRECTIVE.sub(_directive, text)
    text = re.sub(r"^\([\w.-]+\)=[ \t]*$", "", text, flags=re.M)
    text = re.sub(r"\{[\w:.-]+\}(?=`)", "", text)
    # Inline code keeps a mark, straight quotes, by which a name in code is told apart from
    # prose ("pip freeze"); "__" is left alone, for it is more often __init__ than bold.
    text = re.sub(r"(?<!`)`([^`\n]+)`(?!`)", r'"\1"', text)
    text = re.sub(r"(\*\*|`)", "", text)
    return text, title_match.group(1).strip() if title_match else ""
