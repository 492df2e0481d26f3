"""Loading and cleaning articles: txt, md, html and pdf, treated as untrusted text.

A file that cannot be read as text (empty, binary, not UTF-8, a broken PDF) is
skipped and reported with the reason and the fix; it never stops the others.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from rag.formats import UnreadableFile, html_text, markdown_text, pdf_text
from rag.types import Document, SkippedFile

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf")
MAX_FILE_BYTES = 20 * 1024 * 1024

# Zero-width and direction-control characters, soft hyphens, BOMs and Unicode
# "tag" characters: invisible to a reader, but they split words for the
# retriever and can smuggle hidden instructions.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\ufeff\ufe00-\ufe0f\U000e0000-\U000e007f]"
)
_CAPTION = re.compile(r"^(image|photo|picture|video|credit)s?\s*(via|by|credit|courtesy)\b", re.I)
_SOURCE_LINE = re.compile(r"^\s*source:\s*(?P<name>[^.\n]{2,60}?)\.?\s*$", re.I | re.M)


def iter_corpus_files(folder: Path) -> Iterator[Path]:
    """Every supported file under `folder`, sorted, skipping dotfiles and symlink loops."""
    seen: set[Path] = set()
    for path in sorted(folder.rglob("*")):
        rel_parts = path.relative_to(folder).parts
        if any(part.startswith(".") for part in rel_parts):
            continue
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError):  # broken link or a loop
            yield path
            continue
        if real in seen or not path.is_file():
            continue
        seen.add(real)
        yield path


def load_corpus(folder: Path) -> tuple[list[Document], list[SkippedFile]]:
    """Load every supported file under `folder`; report the rest instead of failing."""
    if not folder.is_dir():
        raise FileNotFoundError(
            f"Corpus folder {folder} does not exist. Create it and put .txt/.md/.html/.pdf "
            "files in it, or point RAG_DATA_DIR at your documents."
        )
    documents: list[Document] = []
    skipped: list[SkippedFile] = []
    for path in iter_corpus_files(folder):
        rel = path.relative_to(folder).as_posix()
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            skipped.append(SkippedFile(rel, f"unsupported type {path.suffix or '(none)'}; "
                                       f"use one of {', '.join(SUPPORTED_SUFFIXES)}"))
            continue
        try:
            documents.append(load_document(path, rel))
        except UnreadableFile as exc:
            skipped.append(SkippedFile(rel, str(exc)))
    return documents, skipped


def load_document(path: Path, rel: str | None = None) -> Document:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UnreadableFile(
                f"{size / 1e6:.0f} MB is over the {MAX_FILE_BYTES // 2**20} MiB limit; split it"
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableFile("the file vanished while it was being read") from None
    except OSError as exc:
        raise UnreadableFile(f"cannot be read ({exc.strerror or exc}); check it exists "
                             "and its permissions") from None
    if not raw.strip():
        raise UnreadableFile("empty file; add text to it or remove it")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        text, title = pdf_text(raw), ""
    else:
        decoded = _decode_text(raw)
        if suffix in (".html", ".htm"):
            text, title = html_text(decoded)
        elif suffix in (".md", ".markdown"):
            text, title = markdown_text(decoded)
        else:
            text, title = decoded, ""
    text = clean_text(text)
    if len(text) < 20:
        raise UnreadableFile("no readable text after cleaning; check the file's content")
    return Document(
        path=rel or path.name,
        title=title or document_title(text),
        text=text,
        # Of what is indexed, not of the file's bytes: when a newer version reads a file
        # differently (unwrapping its lines, keeping its headings), the next `rag index`
        # re-embeds it as changed, and only it.
        content_hash=hashlib.sha256(f"{title}\x00{text}".encode()).hexdigest(),
        publication=publication(text),
    )


def _decode_text(raw: bytes) -> str:
    if b"\x00" in raw[:8192]:
        raise UnreadableFile("binary file (contains NUL bytes); only text, HTML and PDF are read")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(
            f"not valid UTF-8 (byte {raw[exc.start]:#04x} at offset {exc.start}; latin-1 or "
            "cp1252?); re-save it as UTF-8, e.g. `iconv -f latin1 -t utf-8`"
        ) from None
    head = text[:8192]
    controls = sum(1 for ch in head if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    if controls > len(head) * 0.05:
        raise UnreadableFile("binary file (mostly control characters); only text is read")
    return text


_RULE = re.compile(r"[-=*_~#.+|\u2022\u00b7 ]{3,}")  # "*****", "+-----+", "* * *"
_LABEL_CHARACTERS = re.compile(r"[\w\s'\u2019&.,-]+")
_LIST_ITEM = re.compile(r"([-*+\u2022]|\d{1,3}[.)])\s")  # "- ", "* ", "2. ", "3) "
# A short line ending so is a sentence, a quote, a lead-in or an aside, not a byline.
_FINISHED_LINE = (".", "!", "?", '"', "'", "\u201d", "\u2019", ":", ")")


def _is_short_label(line: str) -> bool:
    """Bylines, tags, navigation and caption leftovers: a few plain words, no sentence ending.
    A list item ("* comments,") or a line of code ("~/Library/Caches/pip") is content."""
    return (len(line.split()) <= 6 and not line.endswith(_FINISHED_LINE)
            and not _LIST_ITEM.match(line) and bool(_LABEL_CHARACTERS.fullmatch(line)))


def _clearly_wrapped(line: str, following: str) -> bool:
    """A line break inside a sentence: no sentence ending before it, a lower-case word after."""
    return bool(line) and not line.endswith((".", "!", "?", ":", ";")) and following[:1].islower()


def _continues(paragraph: str, line: str) -> bool:
    """Whether `line` goes on the paragraph of a hard-wrapped text rather than starting a
    new one: not after a heading, a colon or a rule of symbols, and not a list item."""
    if not paragraph or not line or _LIST_ITEM.match(line) or paragraph.endswith(":"):
        return False
    if not any(c.isalnum() for c in paragraph) or not any(c.isalnum() for c in line):
        return False  # an underline ("*****") or a rule ("-----")
    return not (_is_short_label(paragraph) and line[:1].isupper())  # a heading


def _join_wrapped_lines(lines: list[str]) -> list[str]:
    """Hard-wrapped text (plain text at 72 columns, a PDF's lines) as one line per paragraph,
    the form the rest reads: there a line break ends a sentence, and a short line on its own
    is a byline or a tag. Text already written a paragraph to a line is left as it is."""
    if not any(_clearly_wrapped(a, b) for a, b in itertools.pairwise(lines)):
        return lines
    out: list[str] = []
    for line in lines:
        if out and _continues(out[-1], line):
            out[-1] += " " + line
        else:
            out.append(line)
    return out


def clean_text(text: str) -> str:
    """Normalise unicode, drop invisible characters and non-article lines, keep paragraphs."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _INVISIBLE.sub("", text)
    text = text.replace("\u00a0", " ").replace("\t", " ")
    lines = _join_wrapped_lines([re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")])

    first = next((i for i, line in enumerate(lines) if line), None)
    labels = {line for i, line in enumerate(lines) if line and i != first and _is_short_label(line)}
    labels.discard("")
    kept: list[str] = []
    for i, line in enumerate(lines):
        if not line:
            kept.append("")
            continue
        if _CAPTION.match(line) or (i != first and line in labels and not _SOURCE_LINE.match(line)):
            continue
        if _RULE.fullmatch(line):  # an underline or a rule
            continue
        kept.append(line)
    text = "\n".join(kept)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "sept", "jan", "feb", "aug",
                  "oct", "nov", "dec", "inc", "co", "no", "e.g", "i.e", "u.s", "etc", "prof"}


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences in `text`; paragraphs always end a sentence."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        for boundary in _SENTENCE_SPLIT.finditer(para.group()):
            cut = para.start() + boundary.start()
            words = text[start:cut].split()
            last_word = words[-1].rstrip(".").lower() if words else ""
            # An initial ("J. Jones") or a list's number ("1. Install it") ends no
            # sentence; a number after other words does ("... in season 1. With these").
            if last_word in _ABBREVIATIONS or (len(last_word) == 1 and (
                    last_word.isalpha() or len(words) == 1)):
                continue
            end = para.start() + boundary.end()
            spans.append((start, _rstrip_end(text, start, end)))
            start = end
        spans.append((start, _rstrip_end(text, start, para.end())))
    return [(s, e) for s, e in spans if e > s]


def _rstrip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def document_title(text: str, limit: int = 120) -> str:
    """The headline when the text opens with one, else its first sentence, shortened."""
    first_line = text.split("\n", 1)[0].strip()
    if first_line and len(first_line.split()) <= 20 and not first_line.endswith((".", "!", "?")):
        return first_line
    spans = split_sentences(text)
    title = text[spans[0][0]:spans[0][1]] if spans else first_line
    if len(title) > limit:
        title = title[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"
    return title


def publication(text: str) -> str:
    """The publication the text names as its source ("Source: Esquire."), else ''."""
    matches = _SOURCE_LINE.findall(text)
    return html.unescape(matches[-1]).strip() if matches else ""
