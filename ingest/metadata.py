"""Document metadata from a report's title block: title, department, district, year, report type."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.normalize import NormalizedText
from ingest.structure import heading_level

# Most specific first: the first one found in the title names the report type.
REPORT_TYPES = ("部门整体支出绩效自评", "项目支出绩效自评", "绩效自评", "绩效评价", "决算")
_ATTACHMENT = re.compile(r"^附件\s*\d*$")
_NOTE = re.compile(r"^[（(][^（()）]*[）)]$")  # "（征求意见稿）", "（虚构测试数据…）": a note, not the title
_YEAR = re.compile(r"(20\d{2}|19\d{2})\s*年")
_DEPARTMENT_END = r"(?:委员会|办公室|局|委|办|中心|厅|院|所|馆|站|队|署|会|部|政府)"


@dataclass(frozen=True)
class DocumentMetadata:
    title: str
    department: str
    district: str
    year: int | None
    report_type: str


def extract_metadata(doc: NormalizedText, fallback_title: str) -> DocumentMetadata:
    title = _title(doc) or fallback_title
    year_match = _YEAR.search(title) or _YEAR.search(doc.text[:300])
    department = _department(title)
    return DocumentMetadata(
        title=title,
        department=department,
        district=_district(department or title),
        year=int(year_match.group(1)) if year_match else None,
        report_type=next((kind for kind in REPORT_TYPES if kind in title), ""),
    )


def _title(doc: NormalizedText) -> str:
    """Paragraphs before the first heading, without the "附件 2" marker, joined."""
    parts: list[str] = []
    for start, end in doc.paragraphs[:8]:
        paragraph = doc.text[start:end]
        if heading_level(paragraph) is not None or len(paragraph) > 60:
            break
        if not _ATTACHMENT.match(paragraph) and not _NOTE.match(paragraph):
            parts.append(paragraph)
    return "".join(parts)


def _department(title: str) -> str:
    """The issuer is what the title says before the year or the report's kind."""
    cut = len(title)
    year = _YEAR.search(title)
    if year:
        cut = year.start()
    for marker in (*REPORT_TYPES, "部门整体", "绩效", "报告"):
        if marker in title[:cut]:
            cut = title.index(marker)
    head = title[:cut].strip("“”《》 ")
    return head if re.search(rf"{_DEPARTMENT_END}$", head) else ""


def _district(name: str) -> str:
    district = re.search(r"(?:(?<=省)|(?<=市)|^)([\u4e00-\u9fff]{1,4}?[区县])", name)
    if district:
        return district.group(1)
    city = re.search(r"(?:(?<=省)|^)([\u4e00-\u9fff]{1,4}?市)", name)
    return city.group(1) if city else ""
