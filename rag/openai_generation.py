"""A generator backed by any OpenAI-compatible chat-completions server.

llama.cpp's server, llama-cpp-python's server and vLLM all speak this. Only the
standard library is used: a streamed POST to {RAG_LLM_URL}/chat/completions,
read as server-sent events.
"""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence

from rag.config import ConfigError, Settings
from rag.generation import Message


class ModelServerError(ConfigError):
    """The model server is down, slow, or answered something that is not a completion."""


class OpenAIChatGenerator:
    def __init__(self, settings: Settings) -> None:
        base = settings.llm_url.rstrip("/")
        if not base.startswith(("http://", "https://")):
            raise ConfigError(f"RAG_LLM_URL={settings.llm_url!r} is not a URL; use e.g. "
                              "http://127.0.0.1:8080/v1")
        self.url = base if base.endswith("/chat/completions") else base + "/chat/completions"
        self.name = f"{settings.llm_model} @ {base}"
        self.model = settings.llm_model
        self.n_ctx = settings.n_ctx
        self.timeout = settings.llm_timeout
        self.temperature = settings.temperature
        self.seed = settings.seed
        self.lock = threading.Lock()  # kept for symmetry; the server does its own queueing

    def count_tokens(self, text: str) -> int:
        # No tokenizer here: over-estimate (about 3 characters a token for English) so
        # the prompt always fits the server's context.
        return len(text.encode("utf-8")) // 3 + 1

    def _fail(self, why: str) -> ModelServerError:
        return ModelServerError(
            f"The model server at {self.url} {why}. Check that it is running, or unset "
            "RAG_LLM_URL to use the embedded model."
        )

    def stream(
        self, messages: Sequence[Message], max_tokens: int, stop: Sequence[str] = ()
    ) -> Iterator[str]:
        body = json.dumps({
            "model": self.model, "messages": list(messages), "max_tokens": max_tokens,
            "temperature": self.temperature, "seed": self.seed, "stop": list(stop) or None,
            "stream": True,
        }).encode()
        request = urllib.request.Request(
            self.url, data=body, headers={"Content-Type": "application/json",
                                          "Accept": "text/event-stream"})
        try:
            response = urllib.request.urlopen(request, timeout=self.timeout)
        except urllib.error.HTTPError as exc:
            raise self._fail(f"answered HTTP {exc.code}: {exc.read()[:200]!r}") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise self._fail(f"is not reachable ({reason})") from None
        with response:
            try:
                for raw_line in response:
                    line = raw_line.decode("utf-8", "replace").strip()
                    if not line.startswith("data:"):
                        continue
                    data = line[5:].strip()
                    if data == "[DONE]":
                        return
                    try:
                        choice = json.loads(data)["choices"][0]
                    except (json.JSONDecodeError, KeyError, IndexError, TypeError):
                        raise self._fail(f"sent something that is not a completion: {data[:200]!r}"
                                         ) from None
                    delta = (choice.get("delta") or {}).get("content")
                    if delta:
                        yield delta
            except TimeoutError:
                raise self._fail(f"did not answer within {self.timeout:g} s") from None
