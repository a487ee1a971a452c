"""The whole lifecycle through the one API (tests/e2e/lifecycle.py tells the story), ending with
every total, cost, ROI and ROAS, every payout and commission, and every webhook exactly as worked
out by hand."""

import httpx
import pytest

from devstack.mailbox import Mailbox
from devstack.pytest_plugin import serve_over_http
from devstack.stack import Stack

from .lifecycle import Lifecycle, Subscriber, verify


@pytest.mark.timeout(300)
async def test_the_lifecycle_from_an_export_to_roi_through_the_gateway(
    gateway: httpx.AsyncClient, platform_stack: Stack, mailbox: Mailbox
) -> None:
    subscriber = Subscriber()
    async with serve_over_http(subscriber) as url:
        lifecycle = Lifecycle(gateway, platform_stack, mailbox, f"{url}/hooks", subscriber)
        await lifecycle.run()
        await verify(lifecycle)
        assert lifecycle.server_errors == []
