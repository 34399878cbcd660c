"""A small archive of fictional PDF reports the team has not seen (generator seed 2024), indexed once and cached."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant.service import Assistant
from evals.synthetic.generate import generate
from tests.conftest import settings_for
from tests.index_cache import cached_index

# Two years of one department (comparisons), two more departments, and one DOCX (section view).
UNSEEN_FILES = (
    "edu_2022_dept.pdf",
    "edu_2023_dept.pdf",
    "health_2023_dept.pdf",
    "civil_2023_dept.pdf",
    "hrss_2023_project.pdf",
    "civil_2023_dept.docx",
)


@dataclass(frozen=True)
class PdfArchive:
    folder: Path
    facts: dict[str, dict]  # by file name
    assistant: Assistant


@pytest.fixture(scope="session")
def pdf_archive(tmp_path_factory: pytest.TempPathFactory) -> PdfArchive:
    generated = tmp_path_factory.mktemp("unseen-generated")
    generate(generated, seed=2024)
    picked = tmp_path_factory.mktemp("unseen")
    for name in UNSEEN_FILES:
        shutil.copyfile(generated / name, picked / name)
    facts = {Path(f["path"]).name: f for f in json.loads((generated / "facts.json").read_text(encoding="utf-8"))}
    data_dir = tmp_path_factory.mktemp("unseen-index")
    folder = cached_index("unseen", picked, data_dir)  # built once, kept in .cache/test-index (read-only files)
    assistant = Assistant(settings_for(data_dir))
    assert len(assistant.index.documents()) == len(UNSEEN_FILES)
    return PdfArchive(folder, {name: facts[name] for name in UNSEEN_FILES}, assistant)
