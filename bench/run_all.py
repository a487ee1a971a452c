"""Every benchmark in one run: one JSON (all.json) and a Markdown table (all.md) with each figure beside
its floor measured in the same run, the goal the issues set, the ratio and whether it is met, and the
machine's cores and load average at start and end in the header (bench/summary.py builds the rows).

    python bench/run_all.py [--quick] [--only name,...] [--infra auto|embedded] [--output-dir DIR]
        [--args name="--sizes 100000"] ...

Each benchmark runs as its own process (as it runs alone), bounded in time; one that fails or times
out is a row saying so, and the others still run. Apache Kafka and PostgreSQL: with --infra auto
(the default) KAFKA_BOOTSTRAP_SERVERS and TEST_POSTGRES_URL if set, else deploy/local/kafka.sh and
postgres.sh started here on BENCH_KAFKA_PORT (29092), BENCH_KAFKA_CONTROLLER_PORT (29093) and
BENCH_PG_PORT (25432), away from the test ports, and stopped at the end; --infra embedded uses the
embedded broker and SQLite. --quick: small sizes, seconds each, written to bench/results/quick/.
"""

import argparse
import contextlib
import json
import os
import platform
import shlex
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
LOCAL = ROOT / "deploy" / "local"
sys.path.insert(0, str(BENCH))

from summary import Row, markdown, rows_for  # noqa: E402


@dataclass(frozen=True)
class Bench:
    full: tuple[str, ...] = ()
    quick: tuple[str, ...] = ()
    timeout_s: float = 600
    quick_timeout_s: float = 180
    uses: tuple[str, ...] = ("kafka", "postgres")  # what of the run's Kafka and PostgreSQL it takes
    kafka_flag: str | None = None  # benches that take the broker as a flag rather than KAFKA_BOOTSTRAP_SERVERS
    database_flag: str | None = None  # and PostgreSQL as a flag rather than TEST_POSTGRES_URL


SPINE_FLAGS = {"kafka_flag": "--kafka", "database_flag": "--database-url"}
# In the order they run: the cheap and self-contained first, the 1M-profile search last. Those that
# use neither start their own embedded broker and SQLite files.
BENCHES: dict[str, Bench] = {
    "compliance_checks": Bench(quick=("--captions", "500", "--rounds", "1"), timeout_s=300, uses=()),
    "spine_throughput": Bench(quick=("--events", "1000", "--rates", "50", "--seconds", "1"), **SPINE_FLAGS),
    "partnerships_transitions": Bench(quick=("--seconds", "2", "--warmup", "1", "--concurrency", "2"), **SPINE_FLAGS),
    "gateway_hop": Bench(quick=("--seconds", "1", "--rounds", "1", "--scenarios", "trivial"), timeout_s=900, uses=()),
    "metrics_redirect": Bench(quick=("--seconds", "1", "--rounds", "1"), uses=("kafka",)),
    "content_submissions": Bench(
        quick=("--seconds", "1", "--rounds", "1", "--units", "300", "--workers", "4"), uses=()
    ),
    "metrics_ingest": Bench(quick=("--events", "2000"), timeout_s=900),
    "metrics_freshness": Bench(quick=("--samples", "10")),
    "idempotent_writes": Bench(
        quick=("--rounds", "2", "--block", "5"), uses=("postgres",), database_flag="--database-url"
    ),
    "lifecycle_wall_time": Bench(),
    "discovery_import": Bench(
        quick=("--profiles", "1000"), timeout_s=900, uses=("postgres",), database_flag="--database-url"
    ),
    "discovery_posts_import": Bench(
        quick=("--posts", "2000", "--profiles", "200"),
        timeout_s=900,
        uses=("postgres",),
        database_flag="--database-url",
    ),
    # Each size without posts, with 5 posts a profile (5M at 1M: issue 17's goal), and without again.
    "discovery_search": Bench(
        full=("--sizes", "100000,1000000", "--posts-per-profile", "5"),
        quick=("--sizes", "1000", "--queries", "10"),
        timeout_s=3600,
        uses=("postgres",),
        database_flag="--database-url",
    ),
}
# bench/*.py that are not benchmarks: what the benches start or import, and this runner.
HELPERS = {
    "content_bare",
    "discovery_generate",
    "discovery_search_posts",
    "hop_bare_proxy",
    "hop_upstream",
    "metrics_bare_redirect",
    "run_all",
    "summary",
}


class Infra:
    """Apache Kafka and PostgreSQL for the run: those named by the environment, or started here."""

    def __init__(self, mode: str, log: Path) -> None:
        self.mode, self.log = mode, log
        self.kafka = os.environ.get("KAFKA_BOOTSTRAP_SERVERS") if mode == "auto" else None
        self.postgres = os.environ.get("TEST_POSTGRES_URL") if mode == "auto" else None
        self.started: list[str] = []
        self.script_env = {
            **os.environ,
            "KAFKA_PORT": os.environ.get("BENCH_KAFKA_PORT", "29092"),
            "KAFKA_CONTROLLER_PORT": os.environ.get("BENCH_KAFKA_CONTROLLER_PORT", "29093"),
            "PG_PORT": os.environ.get("BENCH_PG_PORT", "25432"),
        }

    def _script(self, name: str, *args: str) -> str:
        with open(self.log, "a") as log:
            done = subprocess.run(
                ["bash", str(LOCAL / name), *args],
                env=self.script_env,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
                timeout=600,
                check=True,
            )
        return done.stdout.strip()

    def _ensure(self, script: str, *before: str) -> None:
        """Starts `script`'s server unless one runs on its port already (then it is left running)."""
        status = subprocess.run(["bash", str(LOCAL / script), "status"], env=self.script_env, capture_output=True)
        if status.returncode != 0:
            for command in (*before, "start"):
                self._script(script, command)
            self.started.append(script)

    def start(self, uses: set[str]) -> None:
        if self.mode != "auto":
            return
        if not self.kafka and "kafka" in uses:
            self._ensure("kafka.sh", "reset")
            self.kafka = f"127.0.0.1:{self.script_env['KAFKA_PORT']}"
        if not self.postgres and "postgres" in uses:
            self._ensure("postgres.sh")
            self.postgres = self._script("postgres.sh", "url")

    def stop(self) -> None:
        for script in reversed(self.started):
            try:
                self._script(script, "stop")
            except (subprocess.SubprocessError, OSError) as exc:
                print(f"could not stop {script}: {exc}", file=sys.stderr)
        self.started.clear()

    @staticmethod
    def uses(what: str, names: list[str]) -> bool:
        return any(what in BENCHES[name].uses for name in names)

    def env(self, bench: Bench) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("KAFKA_BOOTSTRAP_SERVERS", "TEST_POSTGRES_URL")}
        if self.kafka and "kafka" in bench.uses:
            env.update(KAFKA_BOOTSTRAP_SERVERS=self.kafka, KAFKA_IDEMPOTENT_PRODUCER="true")
        if self.postgres and "postgres" in bench.uses:
            env["TEST_POSTGRES_URL"] = self.postgres
        return env

    def flags(self, bench: Bench) -> list[str]:
        flags = []
        if bench.kafka_flag and self.kafka:
            flags += [bench.kafka_flag, self.kafka]
        if bench.database_flag and self.postgres:
            flags += [bench.database_flag, self.postgres]
        return flags


def descendants(pid: int) -> list[int]:
    """Every process under `pid` (/proc), those in their own sessions included (the embedded
    broker, a stack's services), so that a bench stopped at its time limit leaves none behind."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, pending = [], [pid]
    while pending:
        for child in children.get(pending.pop(), []):
            found.append(child)
            pending.append(child)
    return found


def stop_tree(process: subprocess.Popen[bytes]) -> None:
    """SIGINT first (the bench's finally blocks stop what it started), then SIGKILL what is left."""
    tree = descendants(process.pid)
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    for pid in tree:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def last_words(log: Path) -> str:
    lines = [line for line in log.read_text(errors="replace").splitlines() if line.strip()]
    return lines[-1].strip() if lines else "no output"


def idle_share(before: list[int], after: list[int]) -> float:
    """The share of CPU time idle between two samples of /proc/stat's "cpu" line (idle and iowait)."""
    spent = [b - a for a, b in zip(before, after, strict=True)]
    total = sum(spent)
    return (spent[3] + spent[4]) / total if total > 0 else 1.0


def _cpu_times() -> list[int] | None:
    try:
        with open("/proc/stat") as stat:
            return [int(x) for x in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return None


def settle(idle: float = 0.85, at_most_s: float = 60.0) -> float:
    """Waits (at most a minute) until the machine is idle for a second: what the previous bench or the
    start of Kafka and PostgreSQL left running (a JVM warming up, autovacuum) otherwise lands on the next
    bench's figures (a CPU-bound bench right after the start measured 0.62x its quiet figure)."""
    started = time.perf_counter()
    before = _cpu_times()
    while before is not None and time.perf_counter() - started < at_most_s:
        time.sleep(1.0)
        after = _cpu_times()
        if after is None or idle_share(before, after) >= idle:
            break
        before = after
    return round(time.perf_counter() - started, 1)


def run_one(name: str, args: list[str], env: dict[str, str], timeout_s: float, out: Path) -> dict[str, Any]:
    output, log = out / f"{name}.json", out / "logs" / f"{name}.log"
    output.unlink(missing_ok=True)
    settled_s = settle()
    when, load_start = datetime.now(UTC).strftime("%H:%M UTC"), os.getloadavg()
    log.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, str(BENCH / f"{name}.py"), *args, "--output", str(output)]
    print(f"== {name}: {shlex.join(command[1:])} (at most {timeout_s:.0f} s)", file=sys.stderr, flush=True)
    started = time.perf_counter()
    with open(log, "wb") as sink:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=sink, stderr=subprocess.STDOUT)
        try:
            process.wait(timeout=timeout_s)
            error = None if process.returncode == 0 else f"exit {process.returncode}: {last_words(log)}"
        except subprocess.TimeoutExpired:
            stop_tree(process)
            error = f"timed out after {timeout_s:.0f} s"
        except BaseException:
            stop_tree(process)
            raise
    seconds = round(time.perf_counter() - started, 1)
    result = None
    if error is None:
        try:
            result = json.loads(output.read_text())
        except (OSError, ValueError) as exc:
            error = f"no readable result: {exc}"
    status = "ok" if error is None else ("timeout" if error.startswith("timed out") else "failed")
    print(f"   {name}: {status} in {seconds} s{'' if error is None else ': ' + error}", file=sys.stderr, flush=True)
    return {
        "status": status,
        "seconds": seconds,
        "settled_s": settled_s,  # waited before it for the machine to be idle
        "when": when,
        "load_1_5_15_start_end": [round(x, 2) for x in (*load_start, *os.getloadavg())],
        "command": shlex.join(command[1:]),
        "error": error,
        "log": str(log.relative_to(ROOT) if log.is_relative_to(ROOT) else log),
        "result": result,
    }


def machine() -> dict[str, Any]:
    return {
        "cores": os.cpu_count(),
        "platform": f"{platform.machine()} {platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "load_start": [round(x, 2) for x in os.getloadavg()],
    }


def table_rows(report: dict[str, Any]) -> list[Row]:
    return [row for name, run in report["benches"].items() for row in rows_for(name, run.get("result"), run["error"])]


def merge(report: dict[str, Any], previous: dict[str, Any]) -> None:
    """--update: the benches run now replace theirs in the previous report; the rest stay, and the
    header keeps the previous run's machine facts with a line for this one."""
    ran = report["benches"]
    kept = {name: run for name, run in previous["benches"].items() if name not in ran}
    report["benches"] = {name: ran.get(name) or kept[name] for name in BENCHES if name in ran or name in kept}
    m = report["machine"]
    note = f"{', '.join(ran)} re-run at {report['started']} (load {m['load_start']} to {m['load_end']})"
    report["updates"] = [*previous.get("updates", []), note]
    for key in ("started", "mode", "machine", "broker", "database", "wall_s"):
        report[key] = previous[key]


def interrupted(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes, seconds each (a smoke test)")
    parser.add_argument("--only", default="", help=f"comma-separated, of: {', '.join(BENCHES)}")
    parser.add_argument("--infra", choices=("auto", "embedded"), default="auto")
    parser.add_argument("--output-dir", type=Path, help="default bench/results (quick: bench/results/quick)")
    parser.add_argument(
        "--args",
        action="append",
        default=[],
        metavar='NAME="ARGS"',
        help="a bench's arguments instead of the mode's own, e.g. discovery_search=\"--sizes 100000\"",
    )
    parser.add_argument("--render", action="store_true", help="only write all.md again from all.json")
    parser.add_argument("--update", action="store_true", help="keep the other benches of all.json, replace these")
    parser.add_argument("--timeout-scale", type=float, default=1.0, help="multiplies every bench's time limit")
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.only.split(",") if n.strip()] or list(BENCHES)
    unknown = sorted(set(names) - set(BENCHES))
    if unknown:
        parser.error(f"unknown bench {', '.join(unknown)}; known: {', '.join(BENCHES)}")
    args.names = names
    overrides = {}
    for item in args.args:
        name, sep, value = item.partition("=")
        if not sep or name not in BENCHES:
            parser.error(f"--args takes NAME=ARGS with NAME one of: {', '.join(BENCHES)}")
        overrides[name] = shlex.split(value)
    args.overrides = overrides
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    out = args.output_dir or (BENCH / "results" / ("quick" if args.quick else ""))
    out.mkdir(parents=True, exist_ok=True)
    if args.render:
        report = json.loads((out / "all.json").read_text())
        (out / "all.md").write_text(markdown(report, table_rows(report)))
        return 0
    # SIGTERM as Ctrl-C: the finally below stops the bench running and what this runner started.
    signal.signal(signal.SIGTERM, interrupted)
    report: dict[str, Any] = {
        "started": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "mode": "quick" if args.quick else "full",
        "machine": machine(),
        "benches": {},
    }
    began = time.perf_counter()
    infra = Infra(args.infra, out / "logs" / "infra.log")
    (out / "logs").mkdir(parents=True, exist_ok=True)
    try:
        infra.start({what for what in ("kafka", "postgres") if infra.uses(what, args.names)})
        # Named in the environment but used by none of these benches: not theirs (their own embedded ones are).
        infra.kafka = infra.kafka if infra.uses("kafka", args.names) else None
        infra.postgres = infra.postgres if infra.uses("postgres", args.names) else None
        report["broker"] = f"Apache Kafka at {infra.kafka}" if infra.kafka else "embedded (tansu)"
        report["database"] = "PostgreSQL" if infra.postgres else "SQLite"
        for name in args.names:
            bench = BENCHES[name]
            own = args.overrides.get(name, list(bench.quick if args.quick else bench.full))
            limit = (bench.quick_timeout_s if args.quick else bench.timeout_s) * args.timeout_scale
            report["benches"][name] = run_one(name, [*own, *infra.flags(bench)], infra.env(bench), limit, out)
    except KeyboardInterrupt:  # the table of what ran is still written
        for name in args.names:
            report["benches"].setdefault(name, {"status": "interrupted", "error": "interrupted"})
    except subprocess.SubprocessError as exc:
        report.setdefault("broker", "-")
        report.setdefault("database", "-")
        report["infra_error"] = f"{exc}; see {out / 'logs' / 'infra.log'}"
        for name in args.names:
            report["benches"].setdefault(name, {"status": "failed", "error": "Kafka or PostgreSQL did not start"})
    finally:
        infra.stop()
    report["machine"]["load_end"] = [round(x, 2) for x in os.getloadavg()]
    report["wall_s"] = round(time.perf_counter() - began, 1)
    if args.update and (out / "all.json").exists():
        merge(report, json.loads((out / "all.json").read_text()))
    rows = table_rows(report)
    report["rows"] = [row.as_dict() for row in rows]
    (out / "all.json").write_text(json.dumps(report, indent=2) + "\n")
    (out / "all.md").write_text(markdown(report, rows))
    print(markdown(report, rows))
    return 0 if all(run["status"] == "ok" for run in report["benches"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
