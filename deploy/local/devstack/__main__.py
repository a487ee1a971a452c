"""`python -m devstack run`: everything on embedded defaults, until Ctrl-C."""

import argparse
import asyncio
import os
import signal
import sys
import time
from pathlib import Path

import httpx

from devstack import demo
from devstack.broker import EmbeddedBroker
from devstack.mailbox import Mailbox, MailWatch
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
        if args.demo and not load_demo(stack, Path(mail_dir)):
            return 1
        if args.demo:
            mail = None if mail is None else MailWatch(mail_dir)  # the demo's own mails are not news
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


def load_demo(stack: Stack, mail_dir: Path) -> bool:
    """The demo account through the gateway (devstack.demo), or why not."""
    gateway = stack.url("gateway")
    if os.environ.get("GATEWAY_SMTP_SERVER"):
        print("the demo confirms its sign-ups from the mail folder: unset GATEWAY_SMTP_SERVER", file=sys.stderr)
        return False
    started = time.monotonic()
    print("loading the demo account through the API...", flush=True)

    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    handlers = {sig: signal.signal(sig, interrupt) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        loaded = asyncio.run(_load(gateway, Mailbox(mail_dir), {**stack.env, **stack.service_env.get("gateway", {})}))
    except demo.AlreadyLoaded as exc:
        print(f"not loaded again: {exc} (to start afresh: stop, `rm -rf var`, `make demo`)", flush=True)
        print(demo.logins(gateway) + "\n", flush=True)
        return True
    except (AssertionError, httpx.HTTPError, RuntimeError) as exc:
        print(f"could not load the demo: {exc}", file=sys.stderr)
        return False
    except KeyboardInterrupt:
        print("demo load interrupted: the account is partly there (`rm -rf var` starts afresh)", file=sys.stderr)
        return False
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
    print(f"loaded in {time.monotonic() - started:.0f} s: {loaded.summary()}", flush=True)
    print(demo.logins(gateway, loaded.s["api_key"]) + "\n", flush=True)
    return True


async def _load(gateway_url: str, mailbox: Mailbox, gateway_env: dict[str, str]) -> demo.Northwind:
    async with httpx.AsyncClient(base_url=gateway_url, timeout=30) as gateway:
        return await demo.load(gateway, mailbox, gateway_env)


def main() -> int:
    parser = argparse.ArgumentParser(prog="devstack")
    sub = parser.add_subparsers(dest="command", required=True)
    run_parser = sub.add_parser("run", help="start everything and wait for Ctrl-C")
    run_parser.add_argument("--demo", action="store_true", help="load the demo account once ready (make demo)")
    run_parser.add_argument("--timeout", type=float, default=90, help="seconds to wait for readiness")
    args = parser.parse_args()
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
