"""Starting real servers on 127.0.0.1 for tests and benchmarks, and stopping them."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from rag.config import PROJECT_ROOT
from rag.model_fetch import DEFAULT_GGUF_NAME

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def http_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return exc.code


@contextmanager
def running(command: Sequence[str], ready_url: str, log: Path, timeout: float = 90,
            env: dict[str, str] | None = None) -> Iterator[subprocess.Popen[bytes]]:
    """Start `command`, wait until `ready_url` answers 200, stop it afterwards."""
    with log.open("wb") as out:
        proc = subprocess.Popen(list(command), cwd=PROJECT_ROOT, stdout=out,
                                stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
        try:
            deadline = time.monotonic() + timeout
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"{command[0]} exited: {log.read_text()[-2000:]}")
                try:
                    if http_status(ready_url) == 200:
                        break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{command[0]} not ready after {timeout} s")
                time.sleep(0.3)
            yield proc
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


@contextmanager
def chroma_server(path: Path) -> Iterator[str]:
    port = free_port()
    command = [str(BIN / "chroma"), "run", "--path", str(path), "--host", "127.0.0.1",
               "--port", str(port)]
    url = f"http://127.0.0.1:{port}"
    with running(command, f"{url}/api/v2/heartbeat", path.parent / "chroma.log",
                 env={"ANONYMIZED_TELEMETRY": "False"}):
        yield url


@contextmanager
def llama_server(models_dir: Path, log: Path, n_ctx: int = 2048) -> Iterator[str]:
    port = free_port()
    command = [sys.executable, "-m", "llama_cpp.server", "--model",
               str(models_dir / DEFAULT_GGUF_NAME), "--host", "127.0.0.1", "--port", str(port),
               "--n_ctx", str(n_ctx), "--n_threads", str(os.cpu_count() or 1)]
    url = f"http://127.0.0.1:{port}/v1"
    with running(command, f"{url}/models", log):
        yield url
