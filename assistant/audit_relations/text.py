"""The audit's view of a report: paragraphs of prose and plain-text tables, each with its figures.

A figure is a number with a unit ("9,896.45万元", "98.23%", "十二个", "2.31万"), read by the one number
parser (ingest.numbers) and brought to a comparable base: money in 元, "万人次" as 10,000 人次. Plain-text
tables (tab- or ｜-separated lines) are read from the original text, because normalization joins their
lines; every figure keeps its normalized and original spans so a check can cite both.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from decimal import Decimal

from ingest.models import ParsedDocument
from ingest.normalize import NormalizedText
from ingest.numbers import MONEY_SCALE, parse_quantity
from ingest.structure import TABLE_ROW

# Units a figure may carry. Longer first so "万元" wins over "万" and "个百分点" over "个".
_UNITS = (
    "个百分点 百分点 万亿元 亿元 万元 千元 元 万人次 万人 人次 人 家次 家 个工作日 个月 个次 个 宗 件 起 场次 场 张 分 "
    "% ‰ 天 项 名 次 户 所 期 批 篇 类 条 套 台 辆 平方公里 平方米 公里 千米 米 岁 小时 倍 亩 间 座 处 栋 "
    "吨 公斤 千克 公顷 立方米 册 门 校次 车次 架次 课时 学时 盏 棵 株 根 只 块 万盏 万株 万棵 页 万页 "
    "分值 份 床 张 把 部 支 标段 班 节 趟 人日 万亩 万吨 万平方米 万立方米 亿立方米 亿人次 万份 万户 万件 万个 万次 万"
).split()
_UNIT_ALT = "|".join(sorted((re.escape(u) for u in set(_UNITS)), key=len, reverse=True))
_ARABIC = r"(?<![\d.A-Za-z])\d[\d,]*(?:\.\d+)?"
_CHINESE = r"(?<![零〇一二两三四五六七八九十百千万第])[一二两三四五六七八九十][零〇一二两三四五六七八九十百千]*"
_COUNT_UNITS = "个|场|处|家|人|名|项|户|所|间|次|场次|辆|台|套|条|批|期|件|宗|起|类|部分|方面"
FIGURE = re.compile(
    rf"(?P<num>{_ARABIC})\s*(?P<unit>{_UNIT_ALT})?"
    rf"|(?P<cn>{_CHINESE})(?P<cnunit>{_COUNT_UNITS}|分(?![之别钟]))(?!季度|月|方面|部分|环节|阶段|批次|乡镇|街道|县)"
)
_NOT_MEASURES = {"年", "年度", "月", "日", "号", "岁"}
# A Chinese numeral whose unit begins a word is part of that word: "同一项目", "每一个人", "一人员" are no counts.
_UNIT_STARTS_WORD = re.compile(
    r"项目|人员|人民|人口|人才|人群|个人|个体|个别|所有|所属|所得|家庭|家长|处理|处置|部门|部分|批准|批次|条件|条例|"
    r"期间|期限|次要|名称|名单|场所|场地|户籍|间隔|台账|套餐|件事|起步|起草|类型|类别"
)  # ages name a group ("0—6岁儿童"), not a count
CLAUSE_DELIM = re.compile(r"[，。；：:、（(）)“”！？,;]")
_DATE_AFTER = re.compile(r"^\s*(?:年|月|日|号|季度|月份|时|—|-|－|~|～|至\d)")
_CAPTION_UNIT = re.compile(r"单位[：:]\s*(万亿元|亿元|万元|千元|元|[^\s，。）)]{1,4})")
_HEADER_UNIT = re.compile(r"[（(]([^（()）]{1,4})[）)]")
_CELL_SPLIT = re.compile(r"\t+|｜|\|")


@dataclass(frozen=True)
class Fig:
    """One stated figure: as written, its comparable value, and where it stands."""

    text: str  # as written, spaces removed: "9,896.45万元"
    number: Decimal  # the number as written: 9896.45
    unit: str  # as written: "万元"
    decimals: int
    family: str  # comparable unit: "元", "%", "人次", "分"
    value: Decimal  # in the family's base: 98,964,500 元
    start: int  # normalized offsets
    end: int
    raw_start: int
    raw_end: int
    para: int  # paragraph index (tables: index of their first line's paragraph)
    local: int  # offset in its paragraph or table line
    label: str = ""  # words before it in its clause
    after: str = ""  # words after it to the end of its clause

    @property
    def scale(self) -> Decimal:
        """Base units per stated unit: 10,000 for 万元 (in 元) and for 万人次 (in 人次)."""
        return self.value / self.number if self.number else Decimal(1)

    @property
    def last_digit(self) -> Decimal:
        """One unit of the last stated digit, in the family's base."""
        return Decimal(1).scaleb(-self.decimals) * self.scale

    def same_family(self, other: Fig) -> bool:
        return self.family == other.family


def comparable(number: Decimal, unit: str) -> tuple[str, Decimal]:
    """(family, value in base) for a stated number and unit."""
    if unit in MONEY_SCALE:
        return "元", number * MONEY_SCALE[unit]
    if unit in ("个百分点", "百分点"):
        return "百分点", number
    if unit.startswith("万") and unit != "万":
        return unit[1:], number * 10_000
    if unit.startswith("亿") and len(unit) > 1:
        return unit[1:], number * 100_000_000
    if unit == "万":
        return "", number * 10_000
    if unit == "场次":
        return "场", number
    if unit in ("宗", "起"):  # cases are counted in 件, 宗 or 起 alike
        return "件", number
    if unit == "分值":  # a DOCX cell under "权重（分值）"
        return "分", number
    return unit, number


def make_fig(number_text: str, unit: str, written: str, **where: object) -> Fig | None:
    """A figure from its number ("1,234.5", "十二") and unit, as written in the report ("1,234.5 万元")."""
    quantity = parse_quantity(number_text)
    if quantity is None:
        return None
    family, value = comparable(quantity.value, unit)
    return Fig(
        text=re.sub(r"\s+", "", written),
        number=quantity.value,
        unit=unit,
        decimals=quantity.decimals,
        family=family,
        value=value,
        **where,  # type: ignore[arg-type]
    )


@dataclass
class Para:
    """A paragraph of prose with its figures (offsets local to the paragraph)."""

    index: int
    start: int
    end: int
    text: str
    figs: list[Fig] = field(default_factory=list)
    section: tuple[str, ...] = ()  # the section path the paragraph sits under


@dataclass
class TableRow:
    name: str
    cells: dict[str, Fig]  # column header -> figure
    line: str
    blank: bool = False  # a group heading row with no figures ("一、基本支出")


@dataclass
class Table:
    """A table: its header row, body rows, and the prose just before it (which may state its base)."""

    headers: list[str]
    rows: list[TableRow]
    para: int
    context: str = ""


@dataclass
class ReportView:
    paras: list[Para]
    tables: list[Table]
    parsed: ParsedDocument


def _clause_bounds(text: str, start: int, end: int) -> tuple[str, str]:
    before = text[:start]
    cut = max((m.end() for m in CLAUSE_DELIM.finditer(before)), default=0)
    if cut and before[cut - 1] in "：:" and not before[cut:].strip():
        # "目标值：18个": the words before the colon name the figure
        cut = max((m.end() for m in CLAUSE_DELIM.finditer(before[: cut - 1])), default=0)
    rest = text[end:]
    stop = CLAUSE_DELIM.search(rest)
    return before[cut:], rest[: stop.start() if stop else len(rest)]


def figures_in(text: str, para: int, to_norm: int, norm_to_raw) -> list[Fig]:  # noqa: ANN001
    """Figures of one paragraph of prose; bare numbers in a list take the unit of the list's last item."""
    found: list[Fig] = []
    pending: list[re.Match[str]] = []
    for match in FIGURE.finditer(text):
        if match["cn"]:
            number_text, unit = match["cn"], match["cnunit"]
            word = _UNIT_STARTS_WORD.match(text, match.start("cnunit"))
            if word and word.end() > match.end("cnunit"):
                continue
        else:
            number_text, unit = match["num"], match["unit"] or ""
        after = text[match.end() :]
        if unit in _NOT_MEASURES or (not unit and _DATE_AFTER.match(after)):
            continue
        if not unit:
            # "分别为18、17.5、36分": a bare number followed by a list separator waits for the unit
            if re.match(r"^\s*(?:[、和及与]|、)", after):
                pending.append(match)
            else:
                pending.clear()
            continue
        for bare in pending:
            found.append(_fig(text, bare, bare["num"] or bare["cn"], unit, para, to_norm, norm_to_raw))
        pending.clear()
        found.append(_fig(text, match, number_text, unit, para, to_norm, norm_to_raw))
    return sorted((f for f in found if f is not None), key=lambda f: f.local)


def _fig(text, match, number_text, unit, para, to_norm, norm_to_raw):  # noqa: ANN001, ANN202
    start, end = match.start(), match.end()
    norm_start, norm_end = to_norm + start, to_norm + end
    raw_start, raw_end = norm_to_raw(norm_start, norm_end)
    label, after = _clause_bounds(text, start, end)
    return make_fig(
        number_text,
        unit,
        text[start:end],
        start=norm_start,
        end=norm_end,
        raw_start=raw_start,
        raw_end=raw_end,
        para=para,
        local=start,
        label=label.strip(),
        after=after,
    )


def _is_table_line(line: str) -> bool:
    """Cells split by tabs or ｜; a group heading row ("一、基本支出\t") has one cell and a separator."""
    return bool(_CELL_SPLIT.search(line)) and any(c.strip() for c in _CELL_SPLIT.split(line))


def read_report(parsed: ParsedDocument) -> ReportView:
    """Paragraphs of prose (table lines left out) and the tables of a parsed report."""
    doc = parsed.normalized
    origin = doc.origin

    def to_raw(start: int, end: int) -> tuple[int, int]:
        return doc.raw_span(start, end)

    def raw_to_norm(raw_pos: int) -> int:
        return min(bisect.bisect_left(origin, raw_pos), max(len(origin) - 1, 0))

    section_at = _section_finder(parsed)
    tables, covered = _plain_tables(doc.raw, raw_to_norm, doc.paragraphs)
    tables += _keyed_tables(parsed, covered, raw_to_norm)
    paras = []
    for index, (start, end) in enumerate(_sentences_joined(doc, covered)):
        if start < 0:
            paras.append(Para(index, end, end, ""))
            continue
        text = doc.text[start:end]
        paras.append(Para(index, start, end, text, figures_in(text, index, start, to_raw), section_at(start)))
    return ReportView(paras, tables, parsed)


def _section_finder(parsed: ParsedDocument):  # noqa: ANN202
    spans = sorted((c.start, c.section_path) for c in parsed.chunks)
    starts = [s for s, _ in spans]

    def section_at(offset: int) -> tuple[str, ...]:
        at = bisect.bisect_right(starts, offset) - 1
        return spans[at][1] if at >= 0 else ()

    return section_at


def clause_before(para: Para, fig: Fig) -> str:
    """The words before a figure back to the last comma, colon, stop or semicolon (a 、 list stays in its clause)."""
    head = para.text[: fig.local]
    return head[max(head.rfind(c) for c in "，。；：,;") + 1 :]


def clause_across_colon(para: Para, fig: Fig) -> str:
    """The words before a figure back to the last comma, stop or semicolon: a colon does not end the clause
    ("本级资金（区级和街道）：A万元" keeps its head)."""
    head = para.text[: fig.local]
    return head[max(head.rfind(c) for c in "，。；,;") + 1 :]


def earlier_in_section(view: ReportView, para: Para, reach: int = 8) -> list[Para]:
    """The paragraphs before `para` under the same top-level heading, nearest first."""
    top = para.section[:1]
    found = []
    for other in reversed(view.paras[max(0, para.index - reach) : para.index]):
        if other.section[:1] != top:
            break
        found.append(other)
    return found


def _sentences_joined(doc: NormalizedText, covered: set[int]) -> list[tuple[int, int]]:
    """Paragraph spans, one per normalized paragraph (table lines as (-1, end)), except that a paragraph
    goes on in the next one when it ends in "；" or "，", or when the original has no line break between
    them (a one-line text split into sentences): the words of one paragraph stay together."""
    text, paragraphs = doc.text, doc.paragraphs
    spans: list[tuple[int, int]] = []
    head: int | None = None  # index of the span a continuing sentence extends
    for index, (start, end) in enumerate(paragraphs):
        if index in covered:
            spans.append((-1, end))
            head = None
            continue
        if head is not None:
            spans[head] = (spans[head][0], end)
            spans.append((-1, end))  # keep indices aligned with the normalized paragraphs
        else:
            spans.append((start, end))
            head = index
        following = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
        same_line = (
            following is not None and end > start and "\n" not in doc.raw[doc.origin[end - 1] : doc.origin[following]]
        )
        if not (text[start:end].rstrip().endswith(("；", "，", ";", ",")) or same_line):
            head = None
    return spans


def _para_of(paragraphs: list[tuple[int, int]], norm: int) -> int:
    starts = [s for s, _ in paragraphs]
    return max(bisect.bisect_right(starts, norm) - 1, 0)


_SPACED_SPLIT = re.compile(r" {2,}|\u3000+")
_CAPTION = re.compile(r"^表\s*\d")


def _spaced_cells(line: str) -> int:
    """Cells of a line whose columns are aligned with runs of spaces (a plain-text table row)."""
    stripped = line.strip()
    if not stripped or _CAPTION.match(stripped) or stripped.endswith("。"):
        return 0
    return len([c for c in _SPACED_SPLIT.split(stripped) if c.strip()])


def _plain_tables(raw: str, raw_to_norm, paragraphs) -> tuple[list[Table], set[int]]:  # noqa: ANN001
    """Runs of tab-, ｜- or space-aligned lines in the original text, read as tables."""
    tables: list[Table] = []
    covered: set[int] = set()
    lines: list[tuple[int, str]] = []
    position = 0
    for line in raw.splitlines(keepends=True):
        lines.append((position, line.rstrip("\r\n")))
        position += len(line)
    run: list[tuple[int, str]] = []
    splitter = _CELL_SPLIT
    previous_text = ""
    for offset, line in [*lines, (len(raw), "")]:
        if line.strip() and not TABLE_ROW.match(line.strip()) and _is_table_line(line):
            if splitter is not _CELL_SPLIT and run:
                run = []
            splitter = _CELL_SPLIT
            run.append((offset, line))
            continue
        if line.strip() and _spaced_cells(line) >= 2 and (not run or splitter is _SPACED_SPLIT):
            splitter = _SPACED_SPLIT
            run.append((offset, line))
            continue
        wrapped = 0 < len(line.strip()) <= 16 and "。" not in line and not _CAPTION.match(line.strip())
        if run and splitter is _SPACED_SPLIT and wrapped:
            continue  # a cell's text wrapped onto a line of its own ("滞后", "95%"); a caption starts a new table
        numeric_rows = sum(1 for _, row in run[1:] if re.search(r"(?:^|\s)\d[\d,.]*%?(?:\s|$)", row))
        if len(run) >= 2 and (splitter is _CELL_SPLIT or numeric_rows >= 2):
            table = _grid(run, raw_to_norm, paragraphs, previous_text, splitter)
            if table:
                tables.append(table)
                for row_offset, row_line in run:
                    first = raw_to_norm(row_offset)
                    last = raw_to_norm(row_offset + max(len(row_line) - 1, 0))
                    covered.update(range(_para_of(paragraphs, first), _para_of(paragraphs, last) + 1))
        run = []
        splitter = _CELL_SPLIT
        if line.strip():
            previous_text = line
    return tables, covered


def _cells(offset: int, line: str, splitter: re.Pattern[str] = _CELL_SPLIT) -> list[tuple[int, str]]:
    cells, position = [], 0
    for piece in splitter.split(line):
        at = line.find(piece, position)
        position = at + len(piece)
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            cells.append((offset + at + lead, piece.strip()))
    return cells


_BAR = re.compile(r"｜|\|")
_NUMBERING = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]+[）)]?[、.．]?)$")


def _columns(
    offset: int, line: str, splitter: re.Pattern[str] = _CELL_SPLIT, framed: bool = False
) -> list[tuple[int, str]]:
    """Cells in their columns: a ｜-separated line keeps its empty cells ("合计｜｜600.00" puts 600.00 in the
    third column; "｜合计｜…" has an empty first cell unless the table's lines are framed by ｜); other lines
    have no empty cells to keep."""
    if splitter is not _CELL_SPLIT or "\t" in line or not _BAR.search(line):
        return _cells(offset, line, splitter)
    body = line.rstrip()
    lead = len(body) - len(body.lstrip())
    body = body.strip()
    framed = framed and bool(_BAR.match(body))
    start = lead + (1 if framed else 0)
    body = body[1:] if framed else body
    body = body[:-1] if body and _BAR.fullmatch(body[-1]) else body
    cells, position = [], start
    for piece in _BAR.split(body):
        inner = len(piece) - len(piece.lstrip())
        cells.append((offset + position + inner, piece.strip()))
        position += len(piece) + 1
    return cells


_COUNT_OF = {"人次": "人次", "人数": "人", "户数": "户", "个数": "个", "件数": "件", "次数": "次", "家数": "家"}
_HEADER_COUNT = re.compile(r"(?:人次|人数|户数|个数|件数|次数|家数)$")
# "计划处数", "完成台数", "验收批数" under a caption "（单位：万元、处）": a column counted in a measure word the
# caption names beside its money unit is in that measure word, not in the money unit
_HEADER_MEASURE = re.compile(r"(?P<w>[座处台套辆栋间所项批宗条艘架名])数$")
_CELL_NUMBER = re.compile(rf"^(?P<num>-?\d[\d,]*(?:\.\d+)?)\s*(?P<unit>{_UNIT_ALT})?$")
# "不少于40个", "≥8场" in a target column: a floor target states its figure with the words of a floor before it
# (a percentage floor, "≥95%", is a standard to meet, not a quantity a completion rate is over)
_FLOOR_CELL = re.compile(rf"^(?:不少于|不低于|至少|≥|>=)\s*(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>{_UNIT_ALT})?$")
# "满意度（%）｜≥90": a bare floor in a row of a rate or a level is a standard to meet, like "≥90%"; in a row of a
# quantity ("亲本更新（组）｜≥300") it is the quantity aimed at, its unit in the row's name
_RATE_ROW = re.compile(r"率|度|[%％‰]|比例|比重|占比")


def _number_cell(cell: str) -> bool:
    return bool(_CELL_NUMBER.match(cell) or _FLOOR_CELL.match(cell))


Cell = tuple[int, str]  # (raw offset, text as written); an empty cell keeps its column with ""


@dataclass
class GridRow:
    """A body row with one cell per column, whichever way the table was written."""

    offset: int  # raw offset where the row starts
    line: str  # the row as written
    cells: list[Cell]


def _grid(run, raw_to_norm, paragraphs, context: str, splitter=_CELL_SPLIT) -> Table | None:  # noqa: ANN001
    framed = bool(_BAR.match(run[0][1].strip()))
    headers = [c for _, c in _columns(*run[0], splitter, framed)]
    if any(_CELL_NUMBER.match(h) for h in headers[1:]):
        return None
    body = [GridRow(offset, line, _columns(offset, line, splitter, framed)) for offset, line in run[1:]]
    para = _para_of(paragraphs, raw_to_norm(run[0][0]))
    return read_grid(headers, body, context, para, raw_to_norm, paragraphs)


def read_grid(headers: list[str], body: list[GridRow], context: str, para: int, raw_to_norm, paragraphs) -> Table:  # noqa: ANN001
    """The one reading of a table's cells, for text lines and keyed rows alike: a header that goes on in the
    first body row, row names (序号 and group columns), each figure's unit from its cell, its header or the
    caption."""
    if len(body) > 1:
        continued = _header_continuation(body[0].cells, body[0].line, headers)
        if continued is not None:
            headers, body = continued, body[1:]
    caption_unit = _CAPTION_UNIT.search(context)
    rows = []
    for row in body:
        cells = row.cells
        # A line shorter than the header with one leading cell is a group heading ("一、基本支出").
        name = cells[0][1] if cells else ""
        if (not name or _NUMBERING.match(name)) and len(cells) > 1 and not _number_cell(cells[1][1]):
            name = name + cells[1][1]  # a 序号 column before the item's name
        elif len(cells) > 1 and cells[1][1] not in ("", name) and not _number_cell(cells[1][1]):
            # "培训类｜小计｜…": a second text column names the row within its group (小计, 合计 too); a name
            # merged over both columns comes out of a Word table twice and stays one
            name = f"{name} {cells[1][1]}"
        figures: dict[str, Fig] = {}
        for column, (raw_at, cell) in enumerate(cells[1:], start=1):
            if column >= len(headers):
                break
            match = _CELL_NUMBER.match(cell)
            floor = None if match else _FLOOR_CELL.match(cell)
            if floor is not None and floor["unit"] != "%" and (floor["unit"] or not _RATE_ROW.search(name)):
                match = floor
                cell = cell[floor.start("num") :]
                raw_at += floor.start("num")
            elif not match:
                continue
            header = headers[column]
            unit = match["unit"] or _column_unit(header, caption_unit)
            norm_start = raw_to_norm(raw_at)
            norm_end = raw_to_norm(raw_at + len(cell) - 1) + 1
            fig = make_fig(
                match["num"],
                unit,
                match["num"] + unit,
                start=norm_start,
                end=norm_end,
                raw_start=raw_at,
                raw_end=raw_at + len(cell),
                para=_para_of(paragraphs, norm_start),
                local=raw_at - row.offset,
                label=f"{name} · {_HEADER_UNIT.sub('', header)}",
                after="",
            )
            if fig is not None:
                figures[header] = fig
        rows.append(TableRow(name, figures, row.line, blank=not figures and len([c for c in cells if c[1]]) <= 1))
    return Table(headers, rows, para, context)


def _column_unit(header: str, caption_unit: re.Match[str] | None) -> str:
    """The unit of a bare number: its header's "（万元）", a count header's, else the caption's."""
    unit_match = _HEADER_UNIT.search(header)
    counted = _HEADER_COUNT.search(header)
    if unit_match:
        unit = unit_match.group(1)
    elif counted:  # "受助人次", "户数": a count column is not in the caption's money unit
        unit = _COUNT_OF[counted.group(0)]
    elif (measure := _HEADER_MEASURE.search(header)) and measure["w"] in _caption_units(caption_unit):
        unit = measure["w"]
    else:
        listed = [u for u in re.split(r"[、，,/和\s]+", _caption_units(caption_unit)) if u]
        money = [u for u in listed if u.endswith("元")]
        counts = [u for u in listed if not u.endswith("元")]
        if money and counts:
            # "（单位：个、万元）": a count column ("项目数", "受益村") in the count unit, the others in money
            unit = counts[0] if _COUNT_HEADER.search(_HEADER_UNIT.sub("", header)) else money[0]
        else:
            unit = caption_unit.group(1) if caption_unit else ""
    return "" if unit.startswith("单位") else unit


_COUNT_HEADER = re.compile(r"(?:数|[个村户人家所处座项批宗条台套辆名次])$")


def _caption_units(caption_unit: re.Match[str] | None) -> str:
    """All the units a caption's "（单位：万元、处）" names, as written."""
    if caption_unit is None:
        return ""
    listed = re.split(r"[）)\n]", caption_unit.string[caption_unit.start() :], maxsplit=1)[0]
    return re.sub(r"^单位[：:]\s*", "", listed)


_HEADER_WORD = re.compile(r"^[^\d\s，。；]{1,6}$")


def _header_continuation(cells: list[tuple[int, str]], line: str, headers: list[str]) -> list[str] | None:
    """ "类别  项目  全年  一季度 … 支出" over "      预算  支出 … 进度": a header split over two lines. The second
    line holds only short words, no figure; it is indented past the label columns (so its words continue the
    last columns) or has a cell for every column but an empty first one. Returns the joined headers, or None
    for a data or heading row."""
    words = [c for _, c in cells]
    filled = [w for w in words if w]
    if len(filled) < 2 or not all(_HEADER_WORD.match(w) for w in filled):
        return None
    if any(re.search(r"小计|合计|总计|其中", w) for w in filled):
        return None
    if len(words) == len(headers) and not words[0]:
        return [h + w for h, w in zip(headers, words, strict=True)]
    if len(filled) < len(headers) and line[:1].isspace() and len(filled) == len(words):
        offset = len(headers) - len(filled)
        return headers[:offset] + [h + w for h, w in zip(headers[offset:], filled, strict=True)]
    return None


def _keyed_cells(line: str, start: int) -> list[tuple[str, Cell]]:
    """(header, cell) of each cell of a keyed row from `start` on ("项目：X，预算数：5.00万元。"); a "，" with no
    header after it belongs to the cell before it, and a Word cell merged over two columns, written twice, once."""
    body = line[start:].rstrip()
    body = body[:-1] if body.endswith("。") else body
    cells: list[tuple[str, Cell]] = []
    position = start
    for piece in body.split("，"):
        header, colon, value = piece.partition("：")
        if colon and 0 < len(header) <= 20:
            at = position + len(header) + 1
            cell = (header, (at + len(value) - len(value.lstrip()), value.strip()))
            if not cells or cells[-1][0] != header or cells[-1][1][1] != cell[1][1]:
                cells.append(cell)
        elif cells:
            header, (at, text) = cells[-1]
            cells[-1] = (header, (at, f"{text}，{piece}".strip()))
        else:
            cells.append(("", (position, piece.strip())))
        position += len(piece) + 1
    return cells


def _merged_headers(rows: list[list[str]]) -> list[str]:
    """The columns of a table whose rows each name only their filled cells, in the order they stand."""
    merged: list[str] = []
    for headers in rows:
        at = 0
        for header in headers:
            if header in merged[at:]:
                at = merged.index(header, at) + 1
            else:
                merged.insert(at, header)
                at += 1
    return merged


@dataclass
class _KeyedTable:
    caption: str
    para: int
    context: str
    rows: list[tuple[int, str, list[tuple[str, Cell]]]] = field(default_factory=list)  # (raw offset, line, cells)

    @property
    def headers(self) -> set[str]:
        return {header for _, _, cells in self.rows for header, _ in cells}


def _keyed_tables(parsed: ParsedDocument, covered: set[int], raw_to_norm) -> list[Table]:  # noqa: ANN001
    """Rows the ingest writes for PDF and DOCX tables ("表1 …｜项目名称：X，预算数：5,336.44万元"), put back
    into a grid of columns and read like a text table."""
    doc = parsed.normalized
    found: list[_KeyedTable] = []
    current: _KeyedTable | None = None
    for index, (start, end) in enumerate(doc.paragraphs):
        if not TABLE_ROW.match(doc.text[start:end]):
            current = None
            continue
        covered.add(index)
        raw_start, raw_end = doc.raw_span(start, end)
        line = doc.raw[raw_start:raw_end]
        row = TABLE_ROW.match(line)
        if not row:
            continue
        caption = row.group(1)
        cells = _keyed_cells(line, row.end())
        headers = [h for h, _ in cells]
        # Two uncaptioned tables one after the other: a row whose first column is none of the table's starts the
        # next (a row whose first cells are empty, "合计" under 项目 with no 序号, stays).
        new_columns = current is not None and bool(headers) and headers[0] not in current.headers
        # A table broken by a page goes on uncaptioned ("表格") with the same columns: still the same table.
        continued = current is not None and caption.strip() == "表格" and current.caption != caption
        if continued and current is not None and not new_columns:
            current.caption = caption
        elif current is None or caption != current.caption or new_columns:
            before = doc.text[doc.paragraphs[index - 1][0] : doc.paragraphs[index - 1][1]] if index else ""
            current = _KeyedTable(caption, index, f"{caption}\n{before}")
            found.append(current)
        current.rows.append((raw_start, line, cells))
    return [_keyed_grid(table, raw_to_norm, doc.paragraphs) for table in found]


def _keyed_grid(table: _KeyedTable, raw_to_norm, paragraphs) -> Table:  # noqa: ANN001
    """A keyed table as the grid a text table gives: every row with a cell (maybe empty) under each column."""
    headers = _merged_headers([[h for h, _ in cells] for _, _, cells in table.rows])
    body = []
    for offset, line, cells in table.rows:
        grid: list[Cell] = [(offset, "")] * len(headers)
        at = 0
        for header, cell in cells:
            at = headers.index(header, at) if header in headers[at:] else headers.index(header)
            grid[at] = (offset + cell[0], cell[1])
            at += 1
        body.append(GridRow(offset, line, grid))
    return read_grid(headers, body, table.context, table.para, raw_to_norm, paragraphs)
