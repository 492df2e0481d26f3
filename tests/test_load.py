"""20 concurrent chat sessions for 2 minutes against the real app (about 3 minutes in all).

Not in the default run: `./run.sh test -m load` runs it. The figures of the last
run are in bench/results/load.json (written by `python -m bench.load_test`).
"""

import pytest

from bench.load_test import run_load

pytestmark = pytest.mark.load


def test_twenty_sessions_for_two_minutes():
    result = run_load(sessions=20, seconds=120)
    assert result["requests"] >= 40  # the single model answered steadily
    assert result["errors"] == 0, result["error_samples"]
    assert result["complete"] + result["queue_full"] == result["requests"]
    assert result["rss_peak_mb"] - result["rss_before_mb"] < 500
