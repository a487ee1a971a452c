"""Where webhooks may go: outside development, only https and only public addresses, so that a
subscription cannot make the gateway call into its own network."""

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit


class ForbiddenTarget(ValueError):
    pass


async def check_target(url: str, *, allow_private: bool) -> None:
    try:
        parts = urlsplit(url)
        port = parts.port  # parsed on access: a port out of range or not a number raises
    except ValueError:
        raise ForbiddenTarget("is not a URL: its host or port cannot be read") from None
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ForbiddenTarget("must be an http(s) URL with a host")
    if allow_private:
        return
    if parts.scheme != "https":
        raise ForbiddenTarget("must use https")
    try:
        infos = await asyncio.to_thread(socket.getaddrinfo, parts.hostname, port or 443)
    except socket.gaierror:
        raise ForbiddenTarget(f"host {parts.hostname} does not resolve") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise ForbiddenTarget(f"host {parts.hostname} resolves to a non-public address ({address})")


class WebhookTargets:
    """check_target as the webhook use cases ask it."""

    def __init__(self, *, allow_private: bool) -> None:
        self.allow_private = allow_private

    async def refusal(self, url: str) -> str | None:
        try:
            await check_target(url, allow_private=self.allow_private)
        except ForbiddenTarget as exc:
            return str(exc)
        return None
