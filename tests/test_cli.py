import subprocess
import sys

from rag.cli import main
from rag.config import PROJECT_ROOT

HEAVY = ("torch", "sentence_transformers", "llama_cpp", "chromadb", "gradio", "transformers")


def test_import_and_help_load_no_heavy_modules():
    code = (
        "import sys, rag, rag.cli\n"
        "try:\n    rag.cli.main(['--help'])\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=PROJECT_ROOT)
    assert "ask" in out.stdout and "index" in out.stdout
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_config_lists_settings(capsys, monkeypatch):
    monkeypatch.setenv("RAG_TOP_K", "7")
    assert main(["config"]) == 0
    out = capsys.readouterr().out
    assert "RAG_TOP_K" in out and " 7" in out


def test_bad_setting_is_one_clear_line(capsys, monkeypatch):
    monkeypatch.setenv("RAG_TOP_K", "many")
    assert main(["config"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: RAG_TOP_K='many' is not a whole number")


def test_missing_model_names_the_fix(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("RAG_MODELS_DIR", str(tmp_path / "empty"))
    from rag.config import Settings
    from rag.generation import ModelNotFound, find_model

    try:
        find_model(Settings.from_env())
    except ModelNotFound as exc:
        assert "rag fetch-model" in str(exc) and "RAG_MODEL" in str(exc)
    else:
        raise AssertionError("expected ModelNotFound")
