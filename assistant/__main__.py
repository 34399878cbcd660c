"""python -m assistant ask "问题" [--json] | figures | audit | export chat|audit … | serve"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import sys
from pathlib import Path

from assistant.audit import audit_document
from assistant.figure_table import extract_figures
from assistant.render import FIGURE_COLUMNS, answer_to_json, answer_to_text, audit_to_json, audit_to_text, figure_rows
from assistant.service import Assistant
from ingest.archive import with_archive_paths
from ingest.models import IngestError, ParsedDocument
from ingest.pipeline import parse_document
from ingest.settings import Settings, SettingsError, load_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant", description="绩效问答")
    sub = parser.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", help="提一个问题")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="输出 JSON")
    ask.add_argument("--doc", action="append", help="只在这些文档（doc_id）中查找")
    figures = sub.add_parser("figures", help="列出报告中的全部数字")
    figures.add_argument("doc", help="报告文件路径，或索引中的 doc_id（可写前缀）")
    out = figures.add_mutually_exclusive_group()
    out.add_argument("--csv", type=Path, help="写成 CSV")
    out.add_argument("--json", type=Path, help="写成 JSON")
    audit = sub.add_parser("audit", help="复算报告中的比率和合计")
    audit.add_argument("doc", help="报告文件路径，或索引中的 doc_id（可写前缀）")
    audit.add_argument("--json", type=Path, help="把核对结果写成 JSON")
    export = sub.add_parser("export", help="把问答或核对导出为工作底稿（Excel、Word）")
    export.add_argument("kind", choices=("chat", "audit"), help="chat：逐行提问并导出问答；audit：导出报告的核对")
    export.add_argument("source", help="chat：问题文件（UTF-8，每行一个问题）；audit：报告文件路径或 doc_id")
    export.add_argument("--xlsx", type=Path, help="写成 Excel 工作簿")
    export.add_argument("--docx", type=Path, help="写成 Word 文档")
    export.add_argument("--doc", action="append", help="chat：只在这些文档（doc_id）中查找")
    serve = sub.add_parser("serve", help="启动聊天界面（首次启动时从 corpus/ 建索引）")
    serve.add_argument("--host", help="监听地址，默认 127.0.0.1")
    serve.add_argument("--port", type=int, help="端口，默认 7860")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        load_settings()  # invalid settings: one line naming the variable, no traceback
    except SettingsError as error:
        print(error, file=sys.stderr)
        return 2

    if args.command == "serve":
        from assistant.ui import serve as serve_ui

        serve_ui(host=args.host, port=args.port)
        return 0
    if args.command in ("figures", "audit"):
        return _figures_or_audit(args)
    if args.command == "export":
        return _export(args)
    assistant = Assistant()
    if not assistant.index.documents():
        print("索引为空：请先运行 python -m ingest corpus/ 或 make run", file=sys.stderr)
        return 2
    answer = assistant.ask(args.question, doc_ids=args.doc)
    if args.json:
        data = with_archive_paths(answer_to_json(answer), assistant.settings)  # no server paths in output
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(answer_to_text(answer))
    return 0


def _load(doc: str) -> ParsedDocument:
    path = Path(doc)
    if path.is_file():
        return parse_document(path, None, Settings())
    assistant = Assistant()
    matches = [doc_id for doc_id in assistant.index.documents() if doc_id.startswith(doc)]
    if len(matches) != 1:
        raise IngestError(path, "既不是文件，也不是索引中唯一的 doc_id", "请给出报告文件路径或完整的 doc_id")
    return assistant.parsed(matches[0])


def _figures_or_audit(args: argparse.Namespace) -> int:
    try:
        parsed = _load(args.doc)
    except IngestError as error:
        print(f"无法读取：{error}", file=sys.stderr)
        return 2
    if args.command == "figures":
        rows = figure_rows(extract_figures(parsed), parsed.info.title)
        if args.csv:
            with args.csv.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(FIGURE_COLUMNS)
                writer.writerows(rows)
        elif args.json:
            records = [dict(zip(FIGURE_COLUMNS, row, strict=True)) for row in rows]
            args.json.write_text(json.dumps(records, ensure_ascii=False, indent=2), encoding="utf-8")
        else:
            for row in rows:
                print("\t".join(str(cell) for cell in (*row[1:8], *row[11:])))
        print(f"共 {len(rows)} 个数字", file=sys.stderr)
        return 0
    checks = audit_document(parsed)
    print(audit_to_text(checks))
    if args.json:
        args.json.write_text(json.dumps(audit_to_json(checks), ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def _export(args: argparse.Namespace) -> int:
    """Working papers: questions asked in order as one conversation, or one report's audit."""
    from assistant.export import AuditedReport, Turn, audit_docx, audit_xlsx, conversation_docx, conversation_xlsx

    if not (args.xlsx or args.docx):
        print("请用 --xlsx 和/或 --docx 指定输出文件", file=sys.stderr)
        return 2
    if args.kind == "audit":
        try:
            parsed = _load(args.source)
        except IngestError as error:
            print(f"无法读取：{error}", file=sys.stderr)
            return 2
        reports = [AuditedReport(parsed.info.title, parsed.info.source, audit_document(parsed))]
        written = [w(reports, p) for w, p in ((audit_xlsx, args.xlsx), (audit_docx, args.docx)) if p]
    else:
        path = Path(args.source)
        if not path.is_file():
            print(f"找不到问题文件：{path}", file=sys.stderr)
            return 2
        questions = [q.strip() for q in path.read_text(encoding="utf-8-sig").splitlines()]
        questions = [q for q in questions if q and not q.startswith("#")]
        assistant = Assistant()
        if not assistant.index.documents():
            print("索引为空：请先运行 python -m ingest corpus/ 或 make run", file=sys.stderr)
            return 2
        turns: list[Turn] = []
        for question in questions:
            answer = assistant.ask(question, doc_ids=args.doc, history=[t.answer.question for t in turns])
            turns.append(Turn(question, answer))
        written = [w(turns, p) for w, p in ((conversation_xlsx, args.xlsx), (conversation_docx, args.docx)) if p]
    print("已写入：" + "、".join(str(p) for p in written), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
