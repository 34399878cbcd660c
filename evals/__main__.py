"""python -m evals run --dataset FILE [--corpus PATH ...] [--json OUT]"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from dataclasses import asdict
from pathlib import Path

from evals.dataset import DatasetError, load_dataset
from evals.runner import format_table, run_eval
from ingest.settings import EmbeddingBackend, SettingsError, load_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals", description="在问答数据集上评测")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="运行评测")
    run.add_argument("--dataset", type=Path, required=True, help="JSONL 数据集")
    run.add_argument("--corpus", type=Path, nargs="*", help="先把这些文件/目录索引到临时库再评测")
    run.add_argument("--json", type=Path, help="把指标和逐题结果写成 JSON")
    run.add_argument("--embedding", choices=[b.value for b in EmbeddingBackend], help="覆盖嵌入模型")
    run.add_argument(
        "--llm-base-url", help="用 OpenAI 兼容模型作答（如 http://127.0.0.1:8000/v1）；密钥取自 PERFQA_LLM_API_KEY"
    )
    run.add_argument("--llm-model", help="模型名称")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)

    try:
        items = load_dataset(args.dataset)
    except (OSError, DatasetError) as exc:
        print(f"无法读取数据集：{exc}", file=sys.stderr)
        return 2
    try:
        settings = load_settings()
    except SettingsError as error:
        print(error, file=sys.stderr)  # one line per wrong variable, no traceback
        return 2
    if args.embedding:
        settings = settings.model_copy(
            update={"embedding": settings.embedding.model_copy(update={"backend": EmbeddingBackend(args.embedding)})}
        )
    if args.llm_base_url:
        llm = settings.llm.model_copy(update={"base_url": args.llm_base_url, "model": args.llm_model or ""})
        settings = settings.model_copy(update={"llm": llm})
    report = run_eval(items, settings, args.corpus)
    print(format_table(report))
    if args.json:
        payload = {"metrics": report.metrics(), "results": [asdict(r) for r in report.results]}
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
