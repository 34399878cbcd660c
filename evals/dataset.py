"""The eval dataset format (JSONL, one item per line) and its validation."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

CATEGORIES = ("spending", "target", "outcome", "function", "evaluation", "multi_hop", "unanswerable")
DIFFICULTIES = ("easy", "medium", "hard")
_REQUIRED = ("id", "question", "category", "answer", "figures", "evidence", "difficulty")


@dataclass(frozen=True)
class EvalItem:
    id: str
    question: str
    category: str
    answer: str
    figures: tuple[str, ...]
    evidence: tuple[str, ...]
    difficulty: str
    computed: bool = False

    @property
    def answerable(self) -> bool:
        return self.category != "unanswerable"


class DatasetError(ValueError):
    pass


def load_dataset(path: Path) -> list[EvalItem]:
    items: list[EvalItem] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DatasetError(f"{path}:{number}: 不是合法的 JSON（{exc.msg}）") from exc
        missing = [key for key in _REQUIRED if key not in raw]
        extra = sorted(set(raw) - set(_REQUIRED) - {"computed"})
        if missing or extra:
            raise DatasetError(f"{path}:{number}: 缺少字段 {missing}，多余字段 {extra}")
        if raw["category"] not in CATEGORIES or raw["difficulty"] not in DIFFICULTIES:
            raise DatasetError(f"{path}:{number}: category 或 difficulty 取值无效")
        items.append(
            EvalItem(
                id=raw["id"],
                question=raw["question"],
                category=raw["category"],
                answer=raw["answer"],
                figures=tuple(raw["figures"]),
                evidence=tuple(raw["evidence"]),
                difficulty=raw["difficulty"],
                computed=bool(raw.get("computed", False)),
            )
        )
    if len({item.id for item in items}) != len(items):
        raise DatasetError(f"{path}: id 有重复")
    return items
