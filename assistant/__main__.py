"""python -m assistant ask "问题" [--json] | python -m assistant serve"""

from __future__ import annotations

import argparse
import json
import logging
import sys

from assistant.render import answer_to_json, answer_to_text
from assistant.service import Assistant


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant", description="绩效问答")
    sub = parser.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", help="提一个问题")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="输出 JSON")
    ask.add_argument("--doc", action="append", help="只在这些文档（doc_id）中查找")
    serve = sub.add_parser("serve", help="启动聊天界面（首次启动时从 corpus/ 建索引）")
    serve.add_argument("--host", help="监听地址，默认 127.0.0.1")
    serve.add_argument("--port", type=int, help="端口，默认 7860")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")

    if args.command == "serve":
        from assistant.ui import serve as serve_ui

        serve_ui(host=args.host, port=args.port)
        return 0
    assistant = Assistant()
    if not assistant.index.documents():
        print("索引为空：请先运行 python -m ingest corpus/ 或 make run", file=sys.stderr)
        return 2
    answer = assistant.ask(args.question, doc_ids=args.doc)
    if args.json:
        print(json.dumps(answer_to_json(answer), ensure_ascii=False, indent=2))
    else:
        print(answer_to_text(answer))
    return 0


if __name__ == "__main__":
    sys.exit(main())
