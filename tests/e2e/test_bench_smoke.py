"""`bench/run_all.py --quick` runs every benchmark at small sizes and writes the table (marker bench:
4 to 10 minutes on the shared 2 cores, so in neither make test nor make test-integration; `pytest -m bench`).
Kafka and PostgreSQL: those the environment names, else the runner starts its own on the BENCH_* ports."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.bench
@pytest.mark.timeout(900)
def test_run_all_quick_runs_every_bench_and_writes_the_table(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run_all.py"), "--quick", "--output-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=840,
    )
    report = json.loads((tmp_path / "all.json").read_text())
    failed = {name: run["error"] for name, run in report["benches"].items() if run["status"] != "ok"}
    assert failed == {}, done.stderr[-3000:]
    assert done.returncode == 0
    table = (tmp_path / "all.md").read_text()
    for name in report["benches"]:
        assert f"| {name} | " in table
    assert "**failed**" not in table
    assert len(report["machine"]["load_end"]) == 3
