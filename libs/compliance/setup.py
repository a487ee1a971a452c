"""Builds the rule modules with Cython when a C compiler is at hand: checks run about 1.2x faster.

Without Cython or a compiler (a slim image), or with COMPLIANCE_PURE_PYTHON=1, the package installs
as plain Python and behaves the same. Each compiled module's source digest is written to
compliance/_built.py, so that a module edited after the build is imported from its source, never
from a stale compiled copy (compliance/__init__.py).
"""

import hashlib
import os
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.errors import CCompilerError, ExecError, PlatformError

# What a missing or failing C compiler raises (CompileError and LinkError are CCompilerErrors).
# Anything else, a broken Cython say, fails the install rather than quietly giving pure Python.
NO_COMPILER = (CCompilerError, ExecError, PlatformError, OSError)

HERE = Path(__file__).resolve().parent
PACKAGE = HERE / "compliance"
# The modules a check and a detection run through (rules, platforms and compare hold tables or run
# rarely); __init__ and _stale stay Python: they hold the stale-module guard.
COMPILED = ("brief", "check", "collaboration", "detection", "disclosure", "labels", "model", "text", "x_weight")


class OptionalBuildExt(build_ext):
    """A module that does not compile stays Python: a warning, never a failed install."""

    def finalize_options(self) -> None:
        super().finalize_options()
        if not self.parallel:
            self.parallel = os.cpu_count() or 1  # one C compiler per core: about a minute in all on two

    def run(self) -> None:
        try:
            super().run()
        except NO_COMPILER as error:  # no compiler at all: every module stays Python
            print(f"compliance: not compiled ({error}); the pure-Python modules are used", file=sys.stderr)

    def build_extension(self, ext: Extension) -> None:
        try:
            super().build_extension(ext)
        except NO_COMPILER as error:
            print(f"compliance: {ext.name} not compiled ({error}); its Python source is used", file=sys.stderr)


def extensions() -> list[Extension]:
    if os.environ.get("COMPLIANCE_PURE_PYTHON") == "1":
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:
        return []
    digests = {name: hashlib.sha256((PACKAGE / f"{name}.py").read_bytes()).hexdigest() for name in COMPILED}
    (PACKAGE / "_built.py").write_text(
        '"""Written by setup.py: the source digest of each module it compiled."""\n\nSOURCE_SHA256 = {\n'
        + "".join(f'    "{name}": "{digest}",\n' for name, digest in digests.items())
        + "}\n"
    )
    return cythonize(
        [f"compliance/{name}.py" for name in COMPILED],
        compiler_directives={"language_level": 3},
        quiet=True,
    )


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
