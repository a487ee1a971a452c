"""Every service has one shape (CONTRIBUTING.md): the same layers under the same names, `api/`
with its dependencies and presenters, and no source file outside migrations over 450 lines (in
the libraries too).
(That domain/ holds rules only is tests/unit/test_domain_purity.py's.)"""

import importlib
from pathlib import Path

import pytest

# The components in the shape (a new one joins here).
SHAPED = ["discovery", "partnerships", "content", "metrics", "gateway"]
LIBRARIES = ["servicekit", "contracts", "compliance"]  # the line limit holds for them too
LAYERS = {"api", "application", "domain", "adapters", "migrations"}
API_FILES = {"dependencies.py", "presenters.py"}
MAX_LINES = 450


def package_dir(name: str) -> Path:
    # By its main module: under pytest, "gateway" alone may name the repository's gateway/ folder.
    module = importlib.import_module(name if name in LIBRARIES else f"{name}.main")
    assert module.__file__ is not None
    return Path(module.__file__).parent


@pytest.mark.parametrize("package", SHAPED)
def test_the_layers_have_the_same_names_in_every_service(package: str) -> None:
    root = package_dir(package)
    assert {p.name for p in root.iterdir()} >= LAYERS
    api = {p.name for p in (root / "api").iterdir()}
    assert api >= API_FILES
    assert not api & {"deps.py", "views.py"}


@pytest.mark.parametrize("package", SHAPED + LIBRARIES)
def test_no_source_file_is_over_450_lines(package: str) -> None:
    sources = [p for p in package_dir(package).rglob("*.py") if "migrations" not in p.parts]
    assert {p.name: n for p in sources if (n := len(p.read_text().splitlines())) > MAX_LINES} == {}
