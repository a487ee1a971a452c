"""Every service's domain/ holds rules only: nothing in it awaits, and it imports no database,
HTTP, broker or wire-model library, nor servicekit's plumbing. Use cases that await repositories
belong in application/, the Protocols of those repositories in application/ports.py."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOMAINS = sorted([*ROOT.glob("services/*/*/domain"), ROOT / "gateway" / "gateway" / "domain"])

# Libraries of I/O and of wire models; `contracts.events` are the wire events (the shared
# vocabulary and Money of `contracts` are concepts a domain may use).
FORBIDDEN = ("sqlalchemy", "httpx", "pydantic", "pydantic_settings", "fastapi", "starlette", "aiokafka", "asyncpg")
FORBIDDEN_MODULES = ("contracts.events",)
# What of servicekit a rule may use: its domain errors and the campaign directory's ordering rule.
SERVICEKIT_ALLOWED = ("servicekit.errors", "servicekit.campaigns")


def _service(domain: Path) -> str:
    return domain.parent.name


def _within(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


def impurities(path: Path) -> list[str]:
    """Each await, async definition and forbidden import of one module, with its line."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        where = f"{path}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Await | ast.AsyncFunctionDef | ast.AsyncFor | ast.AsyncWith):
            found.append(f"{where}: {type(node).__name__}")
            continue
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules = [node.module]
        else:
            continue
        for module in modules:
            servicekit_plumbing = _within(module, ("servicekit",)) and not _within(module, SERVICEKIT_ALLOWED)
            if _within(module, FORBIDDEN) or _within(module, FORBIDDEN_MODULES) or servicekit_plumbing:
                found.append(f"{where}: imports {module}")
    return found


def test_every_service_has_a_domain() -> None:
    assert {_service(d) for d in DOMAINS} >= {"discovery", "partnerships", "content", "metrics", "gateway"}


@pytest.mark.parametrize("domain", [pytest.param(d, id=_service(d)) for d in DOMAINS])
def test_domain_holds_rules_only(domain: Path) -> None:
    found = [line for path in sorted(domain.rglob("*.py")) for line in impurities(path)]
    assert not found, "domain/ must not await nor import I/O or wire models:\n" + "\n".join(found)


def test_the_scan_finds_what_it_forbids(tmp_path: Path) -> None:
    module = tmp_path / "rules.py"
    module.write_text(
        "import sqlalchemy\nfrom pydantic import BaseModel\nfrom contracts.events.discovery import ShortlistAdded\n"
        "from servicekit.db import Database\nfrom servicekit.errors import NotFound\nfrom contracts import Money\n"
        "async def load(repo):\n    return await repo.get()\n"
    )
    assert {line.split(": ", 1)[1] for line in impurities(module)} == {
        "imports sqlalchemy",
        "imports pydantic",
        "imports contracts.events.discovery",
        "imports servicekit.db",
        "AsyncFunctionDef",
        "Await",
    }
