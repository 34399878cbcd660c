"""A section split into numbered items ("七、存在的问题" > "（一）支出进度不够均衡。…"): one line per item.

Asked "有哪些问题" of the whole report, the answer is every item of the section, not the one item the
retrieval ranked first; the items are read from the store, since retrieval returns only some of them.
"""

from __future__ import annotations

from assistant.frame import QuestionFrame
from assistant.matching import Candidate, cached_facts, coverage, heading_roles, names_document
from assistant.retrieval import Passage
from ingest.chunker import chunk_id_of, chunk_index
from ingest.lexical import LexicalIndex
from ingest.models import Chunk, Sentence
from ingest.store import ReportStore
from ingest.tokenize import tokenize

MAX_ITEMS = 6
# How far from the retrieved item the section's other items are looked for, in chunks.
_REACH = 12


def role_heading_depth(section_path: tuple[str, ...], role: str) -> int | None:
    """The depth of the deepest heading that names the role, when the section is an item below it
    ("四、存在的问题" > "（一）…"), not itself titled for the role ("二、评价工作情况" > "（四）评价方法")."""
    naming = [depth for depth, heading in enumerate(section_path) if role in heading_roles((heading,))]
    if not naming or naming[-1] == len(section_path) - 1:
        return None
    return naming[-1]


def asks_whole_section(frame: QuestionFrame, best: Candidate, depth: int, lexical: LexicalIndex) -> bool:
    """The question names nothing narrower than the section: the best item adds none of its words to what
    the report's title and the section heading already cover ("在促进就业方面负责什么" asks for one item)."""
    document = best.document
    terms = frame.subject_terms + frame.soft_terms
    path = best.passage.chunk.section_path
    whole = frozenset(tokenize(" ".join([document.title, *path[: depth + 1]])))
    whole |= {t for t in terms if names_document(t, document)}
    item = whole | frozenset(tokenize(" ".join([*path[depth + 1 :], best.sentence.text])))
    return coverage(terms, whole, lexical) >= coverage(terms, item, lexical)


def section_items(store: ReportStore, best: Candidate, depth: int) -> list[Candidate]:
    """Each item's heading and first sentence, in reading order, from every chunk of the section."""
    chunk = best.passage.chunk
    prefix = chunk.section_path[: depth + 1]
    here = chunk_index(chunk.chunk_id)
    count = best.document.chunk_count or here + 1
    ids = [chunk_id_of(chunk.doc_id, i) for i in range(max(0, here - _REACH), min(count, here + _REACH + 1))]
    first_of_item: dict[tuple[str, ...], Chunk] = {}
    for neighbour in store.get_chunks(ids):
        path = neighbour.section_path
        if len(path) > depth + 1 and path[: depth + 1] == prefix:
            first_of_item.setdefault(path, neighbour)
    ordered = sorted(first_of_item.values(), key=lambda c: c.start)[:MAX_ITEMS]
    return [_line(best, item, sentence) for item in ordered for sentence in _opening(item)]


def _opening(chunk: Chunk) -> list[Sentence]:
    """The item's own heading ("（一）支出进度不够均衡。") and the first sentence after it."""
    item = chunk.section_path[-1]
    heading = [s for s in chunk.sentences if s.text.rstrip("。") == item][:1]
    body = [s for s in chunk.sentences if s.text.rstrip("。") not in chunk.section_path][:1]
    return heading + body


def _line(best: Candidate, chunk: Chunk, sentence: Sentence) -> Candidate:
    passage = Passage(chunk, best.document, 0.0, None, None)
    roles = heading_roles(chunk.section_path)
    facts = cached_facts(sentence.text)
    return Candidate(sentence, passage, best.rank, best.similarity, best.coverage, best.own_coverage, facts, roles)
