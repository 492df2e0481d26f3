"""Adding documents to the corpus folder: checked first, copied atomically, never overwriting."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rag.config import Settings
from rag.documents import SUPPORTED_SUFFIXES, UnreadableFile, load_document

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class AddedFile:
    name: str  # as given
    saved_as: str  # file name in the corpus folder; "" when refused
    message: str


def safe_name(name: str) -> str:
    """A plain file name: no folders, no leading dots, only common characters."""
    base = Path(name.replace("\\", "/")).name
    base = re.sub(r"[^A-Za-z0-9._ -]+", "_", base).strip(" .") or "document"
    return base


def _free_name(folder: Path, name: str) -> Path:
    target = folder / name
    stem, suffix = target.stem, target.suffix
    n = 1
    while target.exists():
        target = folder / f"{stem}-{n}{suffix}"
        n += 1
    return target


def add_documents(
    paths: Sequence[str | Path],
    settings: Settings | None = None,
    names: Sequence[str] | None = None,
    max_bytes: int = MAX_UPLOAD_BYTES,
) -> list[AddedFile]:
    """Check each file and copy the readable ones into the corpus folder.

    A file is refused, with the reason, when its type is unsupported, it is
    larger than `max_bytes`, or it holds no readable text. Nothing already in
    the folder is overwritten; an identical file is recognised and not copied
    twice. Call build_index() afterwards to index what was added.
    """
    settings = settings or Settings.from_env()
    folder = settings.data_dir
    folder.mkdir(parents=True, exist_ok=True)
    results = []
    for i, path in enumerate(paths):
        source = Path(path)
        name = safe_name(names[i] if names else source.name)
        if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
            results.append(AddedFile(name, "", f"refused: {Path(name).suffix or 'no'} type; "
                                     f"use {', '.join(SUPPORTED_SUFFIXES)}"))
            continue
        size = source.stat().st_size
        if size > max_bytes:
            results.append(AddedFile(name, "", f"refused: {size / 2**20:.1f} MiB is over the "
                                     f"{max_bytes / 2**20:.0f} MiB limit; split the file"))
            continue
        # Read it under its real suffix, exactly as the indexer will.
        with tempfile.TemporaryDirectory() as tmp:
            probe = Path(tmp) / name
            shutil.copyfile(source, probe)
            try:
                document = load_document(probe, name)
            except UnreadableFile as exc:
                results.append(AddedFile(name, "", f"refused: {exc}"))
                continue
        duplicate = next((p.name for p in folder.iterdir() if p.is_file()
                          and p.stat().st_size == size and p.read_bytes() == source.read_bytes()),
                         None)
        if duplicate:
            results.append(AddedFile(name, duplicate, f"already in the corpus as {duplicate}"))
            continue
        target = _free_name(folder, name)
        partial = folder / f".{target.name}.part"
        shutil.copyfile(source, partial)
        os.replace(partial, target)
        results.append(AddedFile(name, target.name, f"added: \u201c{document.title}\u201d"))
    return results
