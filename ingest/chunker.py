"""Split a structured document into sentence-aligned chunks.

Chunks never cross a section boundary and never cut a sentence, so a number stays with its unit
and a figure with its label. Sentences end at 。！？； (with trailing closing quotes/brackets);
"一是…二是…" list items start new sentences. Only over-long sentences are split further, at '，'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.models import Chunk, Sentence
from ingest.normalize import NormalizedText
from ingest.settings import ChunkingSettings
from ingest.structure import Block

_SENTENCE_END = re.compile(r"[。！？；!?;][”’」』）)]*")
_LIST_ITEM = re.compile(r"(?<=[。；，])(?=[一二三四五六七八九十]是)")


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


def split_sentences(text: str, start: int, end: int, max_chars: int) -> list[_Span]:
    """Sentence spans of text[start:end] (absolute offsets), whitespace-trimmed."""
    cuts = {m.end() for m in _SENTENCE_END.finditer(text, start, end)}
    cuts.update(m.start() for m in _LIST_ITEM.finditer(text, start, end))
    cuts.add(end)
    spans: list[_Span] = []
    begin = start
    for cut in sorted(cuts):
        if cut <= begin:
            continue
        spans.extend(_split_long(text, begin, cut, max_chars))
        begin = cut
    return [s for s in (_trim(text, s) for s in spans) if s.end > s.start]


def _split_long(text: str, start: int, end: int, max_chars: int) -> list[_Span]:
    if end - start <= max_chars:
        return [_Span(start, end)]
    # Full-width commas only: an ASCII comma may be a thousands separator.
    commas = [m.end() for m in re.finditer("，", text[start:end])]
    spans, begin = [], start
    for offset in commas:
        cut = start + offset
        if cut - begin >= max_chars // 2 and end - cut >= 10:
            spans.append(_Span(begin, cut))
            begin = cut
    spans.append(_Span(begin, end))
    return spans


def _trim(text: str, span: _Span) -> _Span:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return _Span(start, end)


def chunk_document(doc_id: str, doc: NormalizedText, blocks: list[Block], settings: ChunkingSettings) -> list[Chunk]:
    """Pack the sentences of each section into chunks of at most `max_chars` characters."""
    chunks: list[Chunk] = []
    for section_path, section_blocks in _sections(blocks):
        sentences = [
            span
            for block in section_blocks
            for span in split_sentences(doc.text, block.start, block.end, settings.max_sentence_chars)
        ]
        for group in _pack(sentences, settings):
            chunks.append(_make_chunk(doc_id, len(chunks), doc, section_path, group))
    return chunks


def _sections(blocks: list[Block]) -> list[tuple[tuple[str, ...], list[Block]]]:
    """Consecutive blocks under one section path; a bare heading joins the section after it."""
    sections: list[tuple[tuple[str, ...], list[Block]]] = []
    pending: list[Block] = []
    for block in blocks:
        if sections and not pending and block.heading_level is None and sections[-1][0] == block.section_path:
            sections[-1][1].append(block)
            continue
        group = [*pending, block]
        pending = []
        if block.is_bare_heading:
            pending = group
        else:
            sections.append((block.section_path, group))
    if pending:
        sections.append((pending[-1].section_path, pending))
    return sections


def _pack(sentences: list[_Span], settings: ChunkingSettings) -> list[list[_Span]]:
    groups: list[list[_Span]] = []
    current: list[_Span] = []
    for sentence in sentences:
        if current and sentence.end - current[0].start > settings.max_chars:
            groups.append(current)
            current = current[len(current) - settings.overlap_sentences :] if settings.overlap_sentences else []
        current.append(sentence)
    if current:
        groups.append(current)
    return groups


def chunk_id_of(doc_id: str, index: int) -> str:
    """Chunks are numbered in reading order, so a chunk's neighbours can be fetched by id."""
    return f"{doc_id[:16]}-{index:04d}"


def sentence_id_of(chunk_id: str, index: int) -> str:
    """A chunk's sentences are numbered from 0, so they can be read by id (faster than by metadata)."""
    return f"{chunk_id}-s{index:02d}"


def chunk_index(chunk_id: str) -> int:
    return int(chunk_id.rsplit("-", 1)[1])


def _make_chunk(
    doc_id: str, index: int, doc: NormalizedText, section_path: tuple[str, ...], group: list[_Span]
) -> Chunk:
    chunk_id = chunk_id_of(doc_id, index)
    start, end = group[0].start, group[-1].end
    raw_start, raw_end = doc.raw_span(start, end)
    sentences = tuple(
        Sentence(
            sentence_id_of(chunk_id, i),
            chunk_id,
            doc.text[s.start : s.end].replace("\n", ""),
            s.start,
            s.end,
            *doc.raw_span(s.start, s.end),
        )
        for i, s in enumerate(group)
    )
    return Chunk(
        chunk_id=chunk_id,
        doc_id=doc_id,
        text=doc.text[start:end],
        section_path=section_path,
        start=start,
        end=end,
        raw_start=raw_start,
        raw_end=raw_end,
        page_start=doc.page_at(start),
        page_end=doc.page_at(end - 1),
        raw_text=doc.raw[raw_start:raw_end],
        sentences=sentences,
    )
