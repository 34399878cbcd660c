from assistant.figures import find_figures
from ingest.chunker import chunk_document
from ingest.normalize import compact, normalize_document
from ingest.settings import ChunkingSettings
from ingest.structure import parse_blocks
from tests.conftest import CORPUS_REPORT

RAW = CORPUS_REPORT.read_text(encoding="utf-8")


def _chunks(settings: ChunkingSettings | None = None):
    settings = settings or ChunkingSettings()
    doc = normalize_document(RAW)
    return doc, chunk_document("0" * 64, doc, parse_blocks(doc), settings)


def test_chunks_carry_their_section_path():
    _, chunks = _chunks()
    chunk = next(c for c in chunks if "执行率为99.99%" in c.text)
    assert chunk.section_path == ("二、绩效自评情况", "（三）项目自评情况", "1.市就业补助资金")
    assert chunk.page_start == 11


def test_no_figure_is_split_from_its_unit():
    doc, chunks = _chunks(ChunkingSettings(max_chars=80, max_sentence_chars=60))
    for match in find_figures(doc.text):
        figure = compact(match.group(0))
        assert any(figure in compact(s.text) for c in chunks for s in c.sentences), figure


def test_chunks_respect_size_unless_one_sentence_is_longer():
    _, chunks = _chunks(ChunkingSettings(max_chars=120))
    for chunk in chunks:
        assert len(chunk.text) <= 120 or len(chunk.sentences) == 1


def test_sentences_end_at_chinese_sentence_marks_and_list_items():
    _, chunks = _chunks()
    problems = next(c for c in chunks if c.section_path == ("三、存在的主要问题",))
    starts = [s.text[:2] for s in problems.sentences]
    assert {"一是", "二是", "三是"} <= set(starts)


def test_chunk_raw_span_shows_the_passage_as_the_document_has_it():
    _, chunks = _chunks()
    chunk = next(c for c in chunks if "执行率为99.99%" in c.text)
    assert chunk.raw_text == RAW[chunk.raw_start : chunk.raw_end]
    assert compact(chunk.raw_text) == compact(chunk.text)
