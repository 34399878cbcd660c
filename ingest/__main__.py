"""python -m ingest PATH... : index report files and folders."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from ingest.coordination import IndexUnavailableError
from ingest.pipeline import ReportIndex
from ingest.settings import Settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest", description="把报告文件（TXT/MD/PDF）加入索引")
    parser.add_argument("paths", nargs="+", type=Path, help="文件或文件夹")
    parser.add_argument("--quiet", action="store_true", help="不显示进度条")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")

    index = ReportIndex(Settings())
    try:
        report = index.ingest(args.paths, progress=not args.quiet)
    except IndexUnavailableError as error:
        print(f"无法导入：{error}", file=sys.stderr)
        return 2
    for line in report.details():
        print(line, file=sys.stderr)
    print(report.summary())
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
