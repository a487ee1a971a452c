"""The one image (deploy/docker/Dockerfile) installs every package of this repository that its
components need: ours are not on PyPI, so pip fails the build on any it is not given by path."""

import re
import shutil
import subprocess
import tomllib
import uuid
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "deploy" / "docker" / "Dockerfile"


def local_packages() -> dict[str, Path]:
    """Project name -> folder, for every package of the repository: the pyproject.toml files git
    tracks below the root (a scratch clone or a .venv inside the working tree is none of ours)."""
    tracked = subprocess.run(
        ["git", "ls-files", "-z", "--", "*/pyproject.toml"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    found = {}
    for name in filter(None, tracked.split("\0")):
        pyproject = ROOT / name
        project = tomllib.loads(pyproject.read_text())["project"]
        found[project["name"]] = pyproject.parent.relative_to(ROOT)
    return found


def installed_by_image() -> set[Path]:
    text = DOCKERFILE.read_text().replace("\\\n", " ")
    (install,) = [line for line in text.splitlines() if "pip install" in line and "./" in line]
    return {Path(match.rstrip('"')) for match in re.findall(r"\./([\w/-]+)", install)}


def test_the_image_installs_every_local_package_its_components_depend_on() -> None:
    packages = local_packages()
    folders = {folder: name for name, folder in packages.items()}
    installed = installed_by_image()
    assert installed <= folders.keys(), installed - folders.keys()
    wanted: set[str] = set()
    pending = [folders[folder] for folder in installed]
    while pending:
        name = pending.pop()
        pyproject = tomllib.loads((ROOT / packages[name] / "pyproject.toml").read_text())
        for requirement in pyproject["project"].get("dependencies", []):
            dependency = Requirement(requirement).name
            if dependency in packages and dependency not in wanted:
                wanted.add(dependency)
                pending.append(dependency)
    missing = sorted(str(packages[name]) for name in wanted if packages[name] not in installed)
    assert not missing, f"the Dockerfile's pip install lacks {missing}"


def test_a_copy_of_the_repository_inside_it_is_none_of_its_packages() -> None:
    """A scratch clone in the working tree (untracked) neither replaces nor adds to the packages."""
    before = local_packages()
    scratch = ROOT / f"scratch-{uuid.uuid4().hex[:8]}"
    try:
        for folder in before.values():
            (scratch / folder).mkdir(parents=True)
            shutil.copy(ROOT / folder / "pyproject.toml", scratch / folder / "pyproject.toml")
        assert local_packages() == before
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
