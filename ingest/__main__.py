"""python -m ingest PATH... : index report files and folders.

Maintainers' commands:
    python -m ingest list [--json]     the indexed reports
    python -m ingest remove DOC_ID     remove one report (a unique doc_id prefix is enough)
    python -m ingest check             registry, Chroma and BM25 agree (exit 1 naming what does not)
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from ingest.archive import archive_path, uploads_dir
from ingest.consistency import check_index
from ingest.coordination import IndexUnavailableError
from ingest.pipeline import ReportIndex
from ingest.settings import Settings, SettingsError, load_settings
from ingest.uploads import discard_upload

_COMMANDS = ("list", "remove", "check")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    try:
        settings = load_settings()
    except SettingsError as error:
        print(error, file=sys.stderr)
        return 2
    if argv and argv[0] in _COMMANDS:
        return _maintain(argv, settings)
    parser = argparse.ArgumentParser(
        prog="python -m ingest",
        description="把报告文件（TXT/MD/PDF/DOCX）加入索引；维护命令：list [--json]、remove DOC_ID、check",
    )
    parser.add_argument("paths", nargs="+", type=Path, help="文件或文件夹")
    parser.add_argument("--quiet", action="store_true", help="不显示进度条")
    args = parser.parse_args(argv)

    index = ReportIndex(settings)
    try:
        report = index.ingest(args.paths, progress=not args.quiet)
    except IndexUnavailableError as error:
        print(f"无法导入：{error}", file=sys.stderr)
        return 2
    for line in report.details():
        print(line, file=sys.stderr)
    print(report.summary())
    return 1 if report.failed else 0


def _maintain(argv: list[str], settings: Settings) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest", description="索引维护")
    sub = parser.add_subparsers(dest="command", required=True)
    listing = sub.add_parser("list", help="列出已索引的报告")
    listing.add_argument("--json", action="store_true", help="输出 JSON（每份报告一个对象）")
    remove = sub.add_parser("remove", help="从索引中删除一份报告")
    remove.add_argument("doc_id", help="doc_id（可写唯一前缀，见 list）")
    sub.add_parser("check", help="检查登记表、Chroma 与 BM25 索引是否一致")
    args = parser.parse_args(argv)
    index = ReportIndex(settings)

    if args.command == "list":
        rows = [
            {
                "doc_id": d.doc_id,
                "title": d.title,
                "department": d.department,
                "year": d.year,
                "source": archive_path(d.source, settings),
                "chunks": d.chunk_count,
            }
            for d in index.documents().values()
        ]
        if args.json:
            print(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            for row in rows:
                year = row["year"] or "—"
                print(f"{row['doc_id'][:12]}  {year}  {row['chunks']:>4} 段  {row['title']}  {row['source']}")
            print(f"共 {len(rows)} 份报告")
        return 0

    if args.command == "remove":
        matches = [doc_id for doc_id in index.documents() if doc_id.startswith(args.doc_id)]
        if len(matches) != 1:
            found = "没有" if not matches else f"有 {len(matches)} 份"
            print(f"索引中{found}以 {args.doc_id} 开头的报告；请用 list 查看完整的 doc_id", file=sys.stderr)
            return 2
        document = index.documents()[matches[0]]
        try:
            index.delete(document.doc_id)
        except IndexUnavailableError as error:
            print(f"无法删除：{error}", file=sys.stderr)
            return 2
        discard_upload(Path(document.source), uploads_dir(settings))
        print(f"已删除 {document.doc_id[:12]}《{document.title}》（{archive_path(document.source, settings)}）")
        return 0

    result = check_index(index)
    for problem in result.problems:
        print(f"不一致：{problem}", file=sys.stderr)
    if result.ok:
        print(f"一致：{result.documents} 份报告，{result.chunks} 个段落")
        return 0
    print(f"发现 {len(result.problems)} 处不一致", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
