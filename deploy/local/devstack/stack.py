"""Starts the four services and the gateway as processes and waits until each is ready."""

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

APPS = {
    "discovery": "discovery.main:create_app",
    "partnerships": "partnerships.main:create_app",
    "content": "content.main:create_app",
    "metrics": "metrics.main:create_app",
    "gateway": "gateway.main:create_app",
}
REPO = Path(__file__).resolve().parents[3]
# Where each package's project lives: uvicorn puts it first on sys.path (--app-dir), and -P keeps
# the current folder off it, so that the repo's gateway/ folder is never taken for the package.
PROJECT_DIRS = {name: REPO / ("gateway" if name == "gateway" else f"services/{name}") for name in APPS}
DEFAULT_PORTS = {"gateway": 8000, "discovery": 8001, "partnerships": 8002, "content": 8003, "metrics": 8004}
SERVICES = ("discovery", "partnerships", "content", "metrics")


@dataclass
class Stack:
    """`env` is passed to every process (shared settings such as KAFKA_BOOTSTRAP_SERVERS);
    `service_env` adds per-process settings."""

    ports: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_PORTS))
    env: dict[str, str] = field(default_factory=dict)
    service_env: dict[str, dict[str, str]] = field(default_factory=dict)
    log_dir: Path = Path("var/log")
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.ports[name]}"

    def _env_for(self, name: str) -> dict[str, str]:
        env = dict(os.environ)
        env.update(self.env)
        if name == "gateway":
            for service in SERVICES:
                env[f"GATEWAY_{service.upper()}_URL"] = self.url(service)
        if name in ("gateway", "metrics") and "gateway" in self.ports:
            # Links users get (mails, short tracking links) name the gateway where this stack runs it.
            env.setdefault(f"{name.upper()}_PUBLIC_URL", self.url("gateway"))
        env.update(self.service_env.get(name, {}))
        return env

    def start_one(self, name: str) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = open(self.log_dir / f"{name}.log", "ab")  # noqa: SIM115
        self.processes[name] = subprocess.Popen(
            [
                sys.executable,
                "-P",
                "-m",
                "uvicorn",
                APPS[name],
                "--factory",
                "--app-dir",
                str(PROJECT_DIRS[name]),
                "--host",
                "127.0.0.1",
                "--port",
                str(self.ports[name]),
                # uvicorn's plain-text one; each app writes a JSON access line (ACCESS_LOG=false: off).
                "--no-access-log",
                # The gateway reads X-Forwarded-For itself, only when told to trust it.
                "--no-proxy-headers",
                "--timeout-graceful-shutdown",
                "10",
            ],
            env=self._env_for(name),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def start(self, timeout_s: float = 60) -> None:
        for name in APPS:
            self.start_one(name)
        self.wait_ready(timeout_s)

    def wait_ready(self, timeout_s: float = 60, names: tuple[str, ...] | None = None) -> None:
        deadline = time.monotonic() + timeout_s
        pending = list(names or self.processes)
        while pending:
            name = pending[0]
            process = self.processes[name]
            if process.poll() is not None:
                raise RuntimeError(f"{name} exited with {process.returncode}; see {self.log_dir / (name + '.log')}")
            try:
                if httpx.get(self.url(name) + "/readyz", timeout=2).status_code == 200:
                    pending.pop(0)
                    continue
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"{name} not ready after {timeout_s}s; see {self.log_dir / (name + '.log')}")
            time.sleep(0.2)

    def stop_one(self, name: str, sig: int = signal.SIGTERM) -> None:
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        process.send_signal(sig)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def stop(self) -> None:
        for name in reversed(list(self.processes)):
            self.stop_one(name)
