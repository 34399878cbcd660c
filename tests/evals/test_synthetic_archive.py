"""The fictional archive: 45 reports (PDF, DOCX, GBK text) from the generator, indexed once.

Floors from the archive issue: every PDF citation's page holds the quoted text, no answer is drawn
from another department's or year's report, and the archive eval meets its thresholds.
"""

import json
import re
from pathlib import Path

import pdfplumber
import pytest

from assistant.answer_types import Answer
from assistant.figures import find_figures
from assistant.service import Assistant
from evals.dataset import EvalItem, load_dataset
from evals.runner import score_item, summarize, threshold_failures
from evals.synthetic.generate import generate
from ingest.normalize import compact
from tests.conftest import ROOT, settings_for
from tests.index_cache import cached_index

DATASET = ROOT / "evals" / "synthetic_dataset.jsonl"


pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Assistant]:
    """The generated archive and its index, cached between runs (tests/index_cache.py).

    Generating takes under a second and is byte-identical from run to run; the cache entry keeps the
    files (read-only: the index cites them by path) and the index, of which this module gets a copy.
    """
    generated = tmp_path_factory.mktemp("archive-generated")
    facts = generate(generated)
    assert len(facts) >= 40
    data_dir = tmp_path_factory.mktemp("archive-index")
    folder = cached_index("archive", generated, data_dir)
    assistant = Assistant(settings_for(data_dir))
    assert len(assistant.index.documents()) == len(facts)
    return folder, assistant


def test_metadata_of_every_report(archive):
    folder, assistant = archive
    facts = {Path(f["path"]).name: f for f in json.loads((folder / "facts.json").read_text(encoding="utf-8"))}
    for document in assistant.index.documents().values():
        fact = facts[Path(document.source).name]
        assert document.year == fact["year"]
        assert document.department.endswith(fact["department"]) and document.district == "示例区"


@pytest.fixture(scope="module")
def archive_answers(archive) -> list[tuple[EvalItem, Answer]]:
    """Every archive question asked once; the tests below check the same answers from different sides."""
    _, assistant = archive
    return [(item, assistant.ask(item.question)) for item in load_dataset(DATASET)]


def test_every_pdf_citation_names_the_page_that_holds_the_quote(archive_answers):
    checked = 0
    for item, answer in archive_answers:
        for citation in answer.citations:
            if not citation.source.endswith(".pdf"):
                continue
            with pdfplumber.open(citation.source) as pdf:
                pages = [
                    pdf.pages[n - 1].extract_text() or "" for n in range(citation.page_start, citation.page_end + 1)
                ]
            page_text = compact("".join(pages))
            for quote in citation.quotes:
                # The cited page must hold the quote's most specific number (a table row's cells have no units).
                numbers = [re.match(r"[\d,.]+", m.group(0)).group(0) for m in find_figures(quote)]
                expected = compact(max(numbers, key=len)) if numbers else compact(quote)[:12]
                assert expected in page_text, (item.id, quote, citation.page_start)
            checked += 1
    assert checked >= 20


def test_archive_eval_meets_thresholds_with_no_wrong_document_answers(archive, archive_answers):
    _, assistant = archive
    thresholds = json.loads((ROOT / "evals" / "synthetic_thresholds.json").read_text(encoding="utf-8"))
    documents = assistant.index.documents()
    report = summarize([score_item(item, answer, documents) for item, answer in archive_answers])
    assert report.wrong_document_answers == 0
    failures = threshold_failures(report.metrics(), thresholds)
    assert not failures, failures


def test_ranking_question_answers_one_report_per_department_side_by_side(archive):
    _, assistant = archive
    answer = assistant.ask("哪些部门自评得分低于90分？")
    documents = assistant.index.documents()
    cited = [documents[c.doc_id] for c in answer.citations]
    assert len({d.department for d in cited}) == 5
    assert {d.year for d in cited} == {2023} and {d.report_type for d in cited} == {"部门整体支出绩效自评"}
    lines = answer.text.splitlines()
    assert answer.all_figures_verified and len(lines) == 5
    assert all(line.startswith("《广州市示例区") and "2023年部门整体支出绩效自评报告》：" in line for line in lines)
