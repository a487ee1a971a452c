import asyncio
import os
from collections.abc import Callable, Coroutine
from typing import Any

import pytest


@pytest.fixture(scope="session")
def kafka_control() -> Callable[[str], Coroutine[Any, Any, None]]:
    """Stops and starts the test broker (deploy/local/kafka.sh), which keeps its log on disk."""
    script = os.environ.get("TEST_KAFKA_CONTROL")
    if not script:
        pytest.fail("fault tests need TEST_KAFKA_CONTROL (run them with make test-integration)")

    async def control(action: str) -> None:
        process = await asyncio.create_subprocess_exec(
            "bash", script, action, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
        )
        output, _ = await asyncio.wait_for(process.communicate(), 120)
        assert process.returncode == 0, f"kafka.sh {action}: {output.decode()}"

    return control
