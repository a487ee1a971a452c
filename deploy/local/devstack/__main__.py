"""`python -m devstack run`: everything on embedded defaults, until Ctrl-C."""

import argparse
import os
import signal
import sys
import time
from pathlib import Path

from devstack.broker import EmbeddedBroker
from devstack.mailbox import MailWatch
from devstack.stack import Stack


def run(args: argparse.Namespace) -> int:
    var = Path("var")
    (var / "log").mkdir(parents=True, exist_ok=True)
    env: dict[str, str] = {}
    broker = None
    if os.environ.get("KAFKA_BOOTSTRAP_SERVERS"):
        print(f"using the Kafka at {os.environ['KAFKA_BOOTSTRAP_SERVERS']}")
    else:
        port = int(os.environ.get("EMBEDDED_BROKER_PORT", "9092"))
        broker = EmbeddedBroker(port, log_path=var / "log" / "broker.log")
        broker.start()
        env["KAFKA_BOOTSTRAP_SERVERS"] = broker.bootstrap_servers
        # The embedded broker answers InitProducerId with an error.
        env.setdefault("KAFKA_IDEMPOTENT_PRODUCER", "false")
        print(f"embedded broker on {broker.bootstrap_servers} (in memory)")
    stack = Stack(env=env, log_dir=var / "log")
    # The gateway's development mailer writes each mail there (unless it has a mail server).
    mail_dir = os.environ.get("GATEWAY_MAIL_DIR", var / "mail")
    mail = None if os.environ.get("GATEWAY_SMTP_SERVER") else MailWatch(mail_dir)
    stopping = False

    def request_stop(_signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    try:
        stack.start(timeout_s=args.timeout)
        gateway = stack.url("gateway")
        print(f"\nready: the API is at {gateway}/api/v1  (docs: {gateway}/docs)")
        print(f"logs in {var / 'log'}/; Ctrl-C stops everything\n", flush=True)
        if mail is not None:
            print(f"each mail the gateway sends is a file in {mail.directory}/ and a line here\n", flush=True)
        reported: set[str] = set()
        while not stopping:
            for name, process in list(stack.processes.items()):
                if process.poll() is not None and name not in reported:
                    # The others keep running: the gateway answers 503 for it and /readyz says so.
                    print(f"{name} exited with {process.returncode}; see {var / 'log' / (name + '.log')}", flush=True)
                    reported.add(name)
            for line in mail.new_lines() if mail is not None else ():
                print(line, flush=True)
            time.sleep(0.5)
        return 0
    except (RuntimeError, TimeoutError) as exc:
        print(f"could not start: {exc}", file=sys.stderr)
        return 1
    finally:
        print("stopping...", flush=True)
        stack.stop()
        if broker is not None:
            broker.stop()


def main() -> int:
    parser = argparse.ArgumentParser(prog="devstack")
    sub = parser.add_subparsers(dest="command", required=True)
    run_parser = sub.add_parser("run", help="start everything and wait for Ctrl-C")
    run_parser.add_argument("--timeout", type=float, default=90, help="seconds to wait for readiness")
    args = parser.parse_args()
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
