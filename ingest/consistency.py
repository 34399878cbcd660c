"""Does the registry agree with Chroma and with the BM25 index? (`python -m ingest check`)"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ingest.archive import archive_path
from ingest.lexical import LexicalIndex
from ingest.pipeline import ReportIndex


@dataclass
class CheckResult:
    documents: int = 0
    chunks: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_index(index: ReportIndex) -> CheckResult:
    """Every problem found, each naming the document or records concerned and what to do."""
    store = index.store
    documents = index.documents()
    result = CheckResult(documents=len(documents))
    chunk_counts = store.chunk_counts()
    sentence_counts = store.sentence_counts()
    result.chunks = sum(chunk_counts.get(doc_id, 0) for doc_id in documents)
    for doc_id, document in documents.items():
        name = f"{doc_id[:12]}（{archive_path(document.source, index.settings)}）"
        stored = chunk_counts.get(doc_id, 0)
        if stored != document.chunk_count:
            result.problems.append(
                f"{name}：登记了 {document.chunk_count} 个段落，Chroma 中有 {stored} 个；"
                f"请运行 python -m ingest remove {doc_id[:12]} 后重新导入"
            )
        if document.chunk_count and not sentence_counts.get(doc_id):
            result.problems.append(f"{name}：Chroma 中没有它的句子；请删除后重新导入")
        if not Path(document.source).is_file():
            result.problems.append(f"{name}：源文件已不在原位置，引用和核对无法打开原文；请重新导入或删除")
    for record in store.registry_records():
        if record.get("replaces"):
            result.problems.append(f"{record['doc_id'][:12]}：替换旧版本的操作没有完成；再运行一次导入会自动完成")
    for kind, counts in (("段落", chunk_counts), ("句子", sentence_counts)):
        stray = sum(n for doc_id, n in counts.items() if doc_id not in documents)
        if stray:
            result.problems.append(f"Chroma 中有 {stray} 条未登记的{kind}（中断的写入留下）；再运行一次导入会自动清理")
    result.problems.extend(_lexical_problems(index, chunk_counts))
    return result


def _lexical_problems(index: ReportIndex, chunk_counts: dict[str, int]) -> list[str]:
    saved = LexicalIndex.load(index.lexical_dir)
    if saved is None:
        return ["BM25 索引不存在或无法读取；再运行一次导入会重建它"] if index.documents() else []
    problems = []
    if saved.fingerprint != index.fingerprint():
        problems.append("BM25 索引对应的报告集合与登记表不同；再运行一次导入会重建它")
    indexed: dict[str, int] = {}
    for doc_id in saved.doc_ids:
        indexed[doc_id] = indexed.get(doc_id, 0) + 1
    for doc_id in index.documents():
        in_bm25, in_chroma = indexed.get(doc_id, 0), chunk_counts.get(doc_id, 0)
        if in_bm25 != in_chroma:
            problems.append(f"{doc_id[:12]}：BM25 索引中有 {in_bm25} 个段落，Chroma 中有 {in_chroma} 个")
    return problems
