"""`pip install .` (not only editable) must give a working install: every package, prompts and data files.

Builds a wheel from a copy of the source (the checkout gets no build/ or egg-info), checks what it
holds, then imports from the unpacked wheel in another directory, as an installed copy would run.
"""

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT

PACKAGES = ("ingest", "assistant", "evals", "prompts")
RUNTIME = ("ingest", "assistant", "prompts")  # what the product reads at run time (evals' data is given by path)


def _package_files(root: str) -> tuple[set[str], set[str]]:
    """(modules, data files) of every package under `root`: folders with an __init__.py."""
    modules, data = set(), set()
    for init in (ROOT / root).rglob("__init__.py"):
        for path in init.parent.iterdir():
            if path.is_file() and path.suffix != ".pyc":
                (modules if path.suffix == ".py" else data).add(path.relative_to(ROOT).as_posix())
    return modules, data


def test_wheel_holds_every_package_prompts_and_data_and_runs_outside_the_source_tree(tmp_path: Path):
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for package in PACKAGES:
        shutil.copytree(ROOT / package, source / package, ignore=ignore)
    wheels = tmp_path / "wheels"
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "--no-index"]
    subprocess.run([*command, "--wheel-dir", str(wheels), str(source)], check=True, cwd=tmp_path)
    (wheel,) = wheels.glob("perfqa-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())

    for root in PACKAGES:
        modules, data = _package_files(root)
        assert modules <= names, sorted(modules - names)  # subpackages too (assistant/audit_relations)
        if root in RUNTIME:
            assert data <= names, sorted(data - names)  # prompt texts, dictionaries, vocabularies
    assert {"prompts/refusal.txt", "prompts/__init__.py", "ingest/stopwords.txt", "evals/bench/run.py"} <= names

    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = (
        "import assistant.__main__, assistant.prompts as p, ingest.tokenize as t; "
        "print(p.__file__); print(t.__file__); print(p.REFUSAL); print(p.load_prompt('condense.txt')[:4]); "
        "print(len(t.tokenize('预算执行率为99.64%')))"
    )
    # -P: the current directory is not on sys.path; the unpacked wheel comes first.
    env = {**os.environ, "PYTHONPATH": str(site)}
    done = subprocess.run(
        [sys.executable, "-P", "-c", probe], capture_output=True, text=True, cwd=tmp_path, env=env, check=True
    )
    prompts_file, tokenize_file, refusal, condense, tokens = done.stdout.splitlines()
    assert Path(prompts_file).is_relative_to(site) and Path(tokenize_file).is_relative_to(site)
    assert refusal == (ROOT / "prompts" / "refusal.txt").read_text(encoding="utf-8").strip()
    assert condense and int(tokens) > 0
