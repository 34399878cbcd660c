"""Reading the store: a search within reports compares vectors itself and sentences are read by id; both must
give what the parsed report and Chroma's own search give, whatever was read before."""

from __future__ import annotations

import pytest

from assistant.service import Assistant
from ingest import store as store_module
from ingest.store import ReportStore

QUESTIONS = ["执行率是多少", "存在哪些问题", "下一步怎么改进", "完成了多少人次的培训"]


def _fresh_store(assistant: Assistant) -> ReportStore:
    """A second reader of the same data dir: its own handles, nothing cached."""
    return ReportStore(assistant.settings.index, assistant.index.embedding.model_name)


def test_a_search_within_a_report_ranks_as_chromas_own_search(
    corpus_assistant: Assistant, monkeypatch: pytest.MonkeyPatch
):
    doc_id = corpus_assistant.index.store.documents()[0].doc_id
    for question in QUESTIONS:
        vector = corpus_assistant.index.embedding.query_vector(question)
        exact = _fresh_store(corpus_assistant).query_chunks(vector, 8, [doc_id])
        with monkeypatch.context() as patched:
            patched.setattr(store_module, "EXACT_SEARCH_CHUNKS", 0)  # Chroma's filtered search instead
            by_chroma = _fresh_store(corpus_assistant).query_chunks(vector, 8, [doc_id])
        assert len(exact) == len(by_chroma) == 8
        assert [cid for cid, _ in exact[:5]] == [cid for cid, _ in by_chroma[:5]], question
        theirs = dict(by_chroma)
        for chunk_id, similarity in exact:
            if chunk_id in theirs:
                assert similarity == pytest.approx(theirs[chunk_id], abs=1e-4)


@pytest.mark.parametrize("whole", [True, False], ids=["searched-first", "read-by-id"])
@pytest.mark.parametrize("guess", [1, 2, 16])
def test_chunks_come_with_every_sentence_and_vector_however_they_were_read(
    corpus_assistant: Assistant, monkeypatch: pytest.MonkeyPatch, whole: bool, guess: int
):
    document = corpus_assistant.index.store.documents()[0]
    parsed = corpus_assistant.parsed(document.doc_id)
    assert max(len(c.sentences) for c in parsed.chunks) > 2  # sentence ids read in more than one round
    monkeypatch.setattr(store_module, "SENTENCE_ID_GUESS", guess)
    store = _fresh_store(corpus_assistant)
    if whole:  # the search reads the whole report into the caches, the chunks come from there
        store.query_chunks(corpus_assistant.index.embedding.query_vector(QUESTIONS[0]), 3, [document.doc_id])
    chunk_ids = [c.chunk_id for c in parsed.chunks]
    chunks = store.get_chunks(chunk_ids)
    assert [c.chunk_id for c in chunks] == chunk_ids
    for got, expected in zip(chunks, parsed.chunks, strict=True):
        assert got.sentences == expected.sentences
        assert (got.text, got.section_path, got.start, got.end) == (
            expected.text,
            expected.section_path,
            expected.start,
            expected.end,
        )
    vectors = store.sentence_vectors(chunk_ids)
    assert list(vectors) == [s.sentence_id for c in parsed.chunks for s in c.sentences]
    assert all(v.shape == vectors[parsed.chunks[0].sentences[0].sentence_id].shape for v in vectors.values())
