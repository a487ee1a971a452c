"""The compiled build (setup.py, Cython) is used only while it matches its source."""

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import compliance
from compliance._stale import SourceOfStaleModules, stale_modules

PACKAGE = Path(compliance.__file__).parent
COMPILED = sorted(PACKAGE.glob("text.*.so"))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def test_a_module_whose_source_changed_since_the_build_is_stale(tmp_path: Path) -> None:
    package = tmp_path / "compliance"
    package.mkdir()
    (package / "text.py").write_text("A = 1\n")
    (package / "labels.py").write_text("B = 1\n")
    recorded = {"text": _digest("A = 1\n"), "labels": _digest("B = 0\n"), "gone": _digest("")}

    assert stale_modules(package, recorded) == {"compliance.labels": package / "labels.py"}


def test_a_stale_module_is_found_at_its_source(tmp_path: Path) -> None:
    source = tmp_path / "labels.py"
    source.write_text("B = 1\n")
    finder = SourceOfStaleModules({"compliance.labels": source})

    spec = finder.find_spec("compliance.labels")
    assert spec is not None
    assert spec.origin == str(source)
    assert finder.find_spec("compliance.text") is None


@pytest.mark.skipif(not COMPILED, reason="installed without a C compiler: nothing compiled")
def test_the_compiled_modules_are_used_while_they_match_their_source() -> None:
    import compliance.text

    assert compliance.STALE_COMPILED == {}
    assert compliance.text.__file__.endswith(".so")


@pytest.mark.skipif(not COMPILED, reason="installed without a C compiler: nothing compiled")
def test_an_edited_module_is_imported_from_its_source_not_its_stale_compiled_copy(tmp_path: Path) -> None:
    copy = tmp_path / "compliance"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.c"))
    with (copy / "text.py").open("a") as source:
        source.write("\nEDITED_AFTER_THE_BUILD = True\n")

    probe = (
        "import compliance, compliance.text as t; "
        "print(t.__file__.rsplit('/', 1)[-1], getattr(t, 'EDITED_AFTER_THE_BUILD', False), "
        "compliance.labels.__file__.endswith('.so'))"
    )
    seen = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=True, timeout=60
    ).stdout.split()

    assert seen == ["text.py", "True", "True"]  # the edited module from source, the others still compiled
