"""Generates clients/python from the merged OpenAPI (make client), or checks that the checked-in
client is what the API's current document generates (make client-check).

The document is built in-process (devstack.openapi: every app created, none started), so neither
network nor a running server is needed. openapi-python-client writes the package; ruff then formats
it with this folder's settings. Same code, same bytes."""

import argparse
import difflib
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from devstack.openapi import dump, merged_document

HERE = Path(__file__).resolve().parent / "python"
PACKAGE = "influencer_platform_client"
GENERATED = ("openapi.json", PACKAGE)  # what make client writes; the rest of this folder is by hand
TOOLS = Path(sys.executable).parent


def generate(into: Path) -> None:
    document = into / "openapi.json"
    document.write_text(dump(merged_document()), encoding="utf-8")
    package = into / PACKAGE
    shutil.rmtree(package, ignore_errors=True)
    _run(
        TOOLS / "openapi-python-client", "generate", "--path", str(document), "--output-path", str(package),
        "--meta", "none", "--config", str(HERE / "generator.yaml"), "--fail-on-warning",
    )  # fmt: skip
    (package / "py.typed").write_text("# Marker file for PEP 561\n", encoding="utf-8")
    settings = str(HERE / "pyproject.toml")
    _run(TOOLS / "ruff", "check", "--fix-only", "--quiet", "--config", settings, str(package))
    _run(TOOLS / "ruff", "format", "--quiet", "--config", settings, str(package))


def _run(*command: str | Path) -> None:
    done = subprocess.run([str(part) for part in command], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, command))} failed:\n{done.stdout}{done.stderr}")


def differences(kept: Path, fresh: Path) -> list[str]:
    """What differs between two files or two folders (missing, extra, or changed: as a diff)."""
    if kept.is_file() and fresh.is_file():
        if filecmp.cmp(kept, fresh, shallow=False):
            return []
        old = kept.read_text(encoding="utf-8").splitlines(keepends=True)
        new = fresh.read_text(encoding="utf-8").splitlines(keepends=True)
        return ["".join(difflib.unified_diff(old, new, f"kept {kept.name}", f"generated {fresh.name}", n=2))]
    if not (kept.is_dir() and fresh.is_dir()):
        return [f"{kept} or {fresh} is missing"]
    found: list[str] = []
    names = {p.name for p in kept.iterdir()} | {p.name for p in fresh.iterdir()}
    for name in sorted(names - {"__pycache__"}):
        found += differences(kept / name, fresh / name)
    return found


def check() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        generate(Path(scratch))
        found = [change for name in GENERATED for change in differences(HERE / name, Path(scratch) / name)]
    if found:
        print("\n".join(found)[:20_000], file=sys.stderr)
        print(f"clients/python is not what the API's OpenAPI generates ({len(found)} files differ): make client")
        return 1
    print("clients/python matches the API's OpenAPI")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only compare the checked-in client with a fresh one")
    if parser.parse_args().check:
        return check()
    generate(HERE)
    print(f"generated {HERE.relative_to(Path.cwd()) if HERE.is_relative_to(Path.cwd()) else HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
