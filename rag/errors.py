"""Which exceptions are the user's to fix (shown as one clear line) and which are bugs."""

from __future__ import annotations


def user_facing(exc: BaseException) -> str | None:
    """The message to show for an error the user can act on; None for a bug (show the traceback)."""
    from rag.config import ConfigError
    from rag.indexer import IndexBusy
    from rag.model_fetch import ModelFetchError
    from rag.pipeline import QuestionError
    from rag.store import IndexCorrupt, IndexMismatch

    known = (ConfigError, IndexBusy, IndexCorrupt, IndexMismatch, ModelFetchError, QuestionError,
             FileNotFoundError)
    return str(exc) if isinstance(exc, known) else None
