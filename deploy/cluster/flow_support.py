"""What every flow of platform_flows.py stands on: calls through the gateway as a client makes them,
sign-ups confirmed by the token the gateway mailed (a file in its pod without an SMTP server), and
kubectl ($KUBECTL, a command line) in namespace $NAMESPACE."""

import asyncio
import os
import re
import shlex
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx

PASSWORD = "correct horse battery"
NAMESPACE = os.environ.get("NAMESPACE", "influencer-dev")


def say(message: str) -> None:
    print(f"  {message}", flush=True)


async def kubectl(*args: str, check: bool = True) -> str:
    command = [*shlex.split(os.environ.get("KUBECTL", "kubectl")), "-n", NAMESPACE, *args]
    process = await asyncio.create_subprocess_exec(
        *command, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
    )
    output, _ = await process.communicate()
    text = output.decode()
    if check and process.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({process.returncode}): {text}")
    return text


async def eventually(
    check: Callable[[], Awaitable[httpx.Response | None]], what: str, timeout_s: float = 60
) -> httpx.Response:
    deadline = time.monotonic() + timeout_s
    while True:
        response = await check()
        if response is not None:
            return response
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not reached in {timeout_s}s")
        await asyncio.sleep(0.2)


def expect(response: httpx.Response, status: int) -> dict:
    if response.status_code != status:
        raise AssertionError(
            f"{response.request.method} {response.request.url.path}: {response.status_code} {response.text}"
        )
    return response.json() if response.content else {}


@dataclass
class Caller:
    token: str
    org_id: str = ""

    @property
    def auth(self) -> dict[str, str]:
        return {"authorization": f"Bearer {self.token}"}


async def anonymous_post(gateway: httpx.AsyncClient, path: str, **kwargs: object) -> httpx.Response:
    """Sign-up, confirmation and the token share a small per-address limit: wait as told, as a
    client should, when several sign-ups come in a row."""
    while True:
        response = await gateway.post(path, **kwargs)  # type: ignore[arg-type]
        if response.status_code != 429:
            return response
        await asyncio.sleep(float(response.headers.get("retry-after", "1")))


async def token(gateway: httpx.AsyncClient, email: str) -> str:
    grant = {"grant_type": "password", "username": email, "password": PASSWORD}
    return expect(await anonymous_post(gateway, "/api/v1/auth/token", data=grant), 200)["access_token"]


async def mailed_token(email: str) -> str:
    """The confirmation token the gateway mailed to `email`: without an SMTP server (dev) each mail
    is a file under GATEWAY_MAIL_DIR in the gateway's pod."""
    deadline = time.monotonic() + 30
    while True:
        # Whichever replica answered the sign-up wrote the mail: look in each gateway pod.
        pods = (await kubectl("get", "pods", "-l", "app.kubernetes.io/name=gateway", "-o", "name")).split()
        for pod in pods:
            mail = await kubectl("exec", pod, "--", "sh", "-c", f"cat /tmp/mail/*-{email}.eml", check=False)
            found = re.search(r"^Confirmation token: (\S+)", mail.replace("=\n", ""), re.MULTILINE)
            if found:
                return found.group(1)
        if time.monotonic() > deadline:
            raise AssertionError(f"no confirmation mail to {email} in the gateway pods {pods}")
        await asyncio.sleep(0.5)


async def confirmed(gateway: httpx.AsyncClient, path: str, body: dict[str, object], email: str) -> dict:
    """A sign-up (an org's or a creator's) answered 202, then confirmed with the mailed token."""
    expect(await anonymous_post(gateway, path, json=body), 202)
    confirmation = {"token": await mailed_token(email)}
    return expect(await anonymous_post(gateway, "/api/v1/signups/confirm", json=confirmation), 201)


async def sign_up(gateway: httpx.AsyncClient, name: str, kind: str = "brand") -> tuple[Caller, str]:
    email = f"owner-{uuid.uuid4().hex[:8]}@{name.lower()}.test"
    owner = {"email": email, "password": PASSWORD}
    org = await confirmed(gateway, "/api/v1/orgs", {"name": name, "kind": kind, "owner": owner}, email)
    return Caller(await token(gateway, email), org["org"]["id"]), email
