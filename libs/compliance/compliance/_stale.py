"""Compiled modules whose source changed since the build are imported from their source instead.

setup.py compiles the rule modules with Cython in place (an editable install) and records each
source's digest in compliance/_built.py. A module edited afterwards would otherwise still be imported
from its compiled copy (Python prefers an extension module over a .py of the same name): a check
running yesterday's rules. This finder, first on sys.meta_path, hands such a module its source.
"""

import hashlib
import importlib.util
import sys
from importlib.abc import MetaPathFinder
from importlib.machinery import ModuleSpec, SourceFileLoader
from pathlib import Path
from types import ModuleType


def stale_modules(package_dir: Path, recorded: dict[str, str]) -> dict[str, Path]:
    """The modules whose source no longer has the digest recorded when they were compiled."""
    stale: dict[str, Path] = {}
    for name, digest in recorded.items():
        source = package_dir / f"{name}.py"
        if source.is_file() and hashlib.sha256(source.read_bytes()).hexdigest() != digest:
            stale[f"{package_dir.name}.{name}"] = source
    return stale


class SourceOfStaleModules(MetaPathFinder):
    def __init__(self, sources: dict[str, Path]) -> None:
        self.sources = sources

    def find_spec(self, fullname: str, path: object = None, target: ModuleType | None = None) -> ModuleSpec | None:
        source = self.sources.get(fullname)
        if source is None:
            return None
        return importlib.util.spec_from_file_location(fullname, source, loader=SourceFileLoader(fullname, str(source)))


def prefer_fresh_sources(package_dir: Path) -> dict[str, Path]:
    try:
        from compliance._built import SOURCE_SHA256  # written by setup.py when it compiled
    except ImportError:
        return {}  # a pure-Python install: nothing compiled, nothing stale
    stale = stale_modules(package_dir, SOURCE_SHA256)
    if stale:
        sys.meta_path.insert(0, SourceOfStaleModules(stale))
    return stale
