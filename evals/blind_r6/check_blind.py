#!/usr/bin/env python3
"""Self-check for blind r6 (stdlib only; pypdf used for the PDF if importable).
Exit 0 when clean.

    python3 check_blind.py

1. blind_qa.jsonl: exact keys, ids r6-NNN unique, allowed categories and
   difficulties; every evidence string (<= 40 chars, whitespace-normalised) and every figure of an
   answerable, non-computed item occurs verbatim in ONE source report;
   unanswerable items have empty figures and evidence.  Evidence is matched
   after removing all whitespace (table rows may be quoted with their
   " | " separators or as single cells).
2. Computed items ("computed": true): the first figure is re-derived with
   Decimal from the operands in COMPUTED (each operand must occur in the
   item's evidence, and so in the source); their other figures must occur in
   the source.
3. Source arithmetic: every 合计 row of every table is re-added, every
   执行率/到位率/得分率 cell is re-divided, and every arithmetic claim in the
   prose listed in ARITH (sums, shares, rates, differences, scores) is
   recomputed; all operands and results must occur in the source.
4. Corpus: the DOCX unzips and its word/document.xml holds every paragraph
   and every table cell (real w:tbl tables); the GBK text decodes strictly and,
   with page headers, page-number lines and form feeds removed, holds every
   paragraph and table row; the PDF is a PDF using STSong-Light, and (when
   pypdf is importable) its text holds every paragraph and cell once
   whitespace and the running header/footer are removed.
Prints counts by category, difficulty, report, language and colloquial style.
"""

import collections
import glob
import json
import os
import re
import sys
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from xml.etree import ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = {"id", "question", "category", "answer", "figures", "evidence", "difficulty"}
CATS = {"spending", "target", "outcome", "function", "evaluation", "multi_hop", "unanswerable"}
DIFFS = {"easy", "medium", "hard"}
A, B, C = "a_lanting_yingjiguanli_2023", "b_tongchuan_gongzufang_2025", "c_songyang_heliuzhili_2024"
CORPUS = {
    A: ("docx", "lanting_yingjiguanli_2023.docx", None),
    B: ("pdf", "tongchuan_gongzufang_2025.pdf", "桐川县住房和城乡建设局  2025年度公共租赁住房保障项目支出绩效自评报告"),
    C: ("gbk", "songyang_heliuzhili_2024.txt", "崧阳市2024年度中小河流治理及山洪灾害防治专项资金重点绩效评价报告"),
}
# report key -> words that name it in a question (used only to count
# unanswerable items, which have no evidence)
NAMES = {
    A: ["澜汀", "瀾汀", "Lanting", "Tingxi", "应急", "應急", "汀溪", "消防", "地震", "安全生产", "emergency", "Emergency"],
    B: ["桐川", "Tongchuan", "Hetang", "公租房", "租赁", "租賃", "沁园", "白鹭镇", "共有产权", "rental", "housing"],
    C: ["崧阳", "崧陽", "Songyang", "Shidai", "河流", "山洪", "崧东", "崧西", "白沙", "石埭", "水库", "embankment"],
}
TRAD = set("瀾應急經費實際執檢查縣賃滿對陽專項資評價得級區違規這們為說數據個補貼會議預撥覆蓋護災裡還")
TRAD -= set("汀查急得覆")  # shared with simplified
# colloquial markers (short years like 24年 only when not part of 2024年)
COLLOQ = re.compile(
    r"(?<!\d)2[2-6]年|应急局|花了|多少钱|钱到位|钱里|为啥|咋|怎么样|还差|打算|搞得|没花|没拨|还剩|"
    r"打分|怎么改|高了多少|拨了多少|差了多少|差多少|多了多少|去年|今年|大概|几个|啥|哪些钱|住建局"
)

# computed items: id -> (op, operands, decimals, unit); figures[0] must equal the result
COMPUTED = {
    'r6-011': ('add', ['882.51', '1,287.65'], 2, '万元'),
    'r6-013': ('sub', ['512.40', '458.93'], 2, '万元'),
    'r6-015': ('pct', ['362.71', '2,076.93'], 2, '%'),
    'r6-019': ('sub', ['100', '93.6'], 1, '个百分点'),
    'r6-025': ('sub', ['93.2', '90'], 1, '个百分点'),
    'r6-037': ('sub', ['3,412', '2,870'], 0, '人次'),
    'r6-053': ('add', ['268.75', '301.48'], 2, '万元'),
    'r6-054': ('pct', ['520.00', '1,174.60'], 2, '%'),
    'r6-057': ('sub', ['1,500', '1,410'], 0, '户'),
    'r6-061': ('wandiv', ['80.85', '116'], 0, '元'),
    'r6-063': ('sub', ['93.85', '91.20'], 2, '个百分点'),
    'r6-065': ('pct', ['546', '600'], 2, '%'),
    'r6-066': ('sub', ['5.8', '4.5'], 1, '个月'),
    'r6-093': ('sub', ['3,460.00', '3,312.45'], 2, '万元'),
    'r6-095': ('add', ['3,312.45', '1,796.52'], 2, '万元'),
    'r6-097': ('pct', ['2,025.48', '2,260.00'], 2, '%'),
    'r6-100': ('sub', ['24.0', '21.6'], 1, '公里'),
    'r6-106': ('sub', ['88.3', '79.6'], 1, '分'),
    'r6-107': ('sub', ['90', '62.50'], 2, '个百分点'),
    'r6-108': ('sub', ['90', '89.0'], 1, '个百分点'),
    'r6-130': ('sub', ['10,600.00', '9,921.88'], 2, '万元'),
}

# arithmetic claims in the prose: (report, op, operands, decimals, stated result)
ARITH = [
    # A 澜汀市应急管理局
    (A, "sub", ["3,918.74", "3,426.50"], 2, "492.24"),
    (A, "add", ["1,568.50", "1,858.00"], 2, "3,426.50"),
    (A, "add", ["111.74", "380.50"], 2, "492.24"),
    (A, "sub", ["2,238.50", "1,858.00"], 2, "380.50"),
    (A, "add", ["3,602.34", "241.40", "75.00"], 2, "3,918.74"),
    (A, "pct", ["3,602.34", "3,918.74"], 2, "91.93"),
    (A, "pct", ["3,701.28", "3,918.74"], 2, "94.45"),
    (A, "sub", ["3,918.74", "3,701.28"], 2, "217.46"),
    (A, "add", ["1,624.35", "2,076.93"], 2, "3,701.28"),
    (A, "add", ["1,402.18", "222.17"], 2, "1,624.35"),
    (A, "pct", ["1,624.35", "3,701.28"], 2, "43.89"),
    (A, "pct", ["2,076.93", "3,701.28"], 2, "56.11"),
    (A, "pct", ["2,076.93", "2,238.50"], 2, "92.78"),
    (A, "add", ["596.40", "934.72", "882.51", "1,287.65"], 2, "3,701.28"),
    (A, "add", ["596.40", "934.72"], 2, "1,531.12"),
    (A, "pct", ["1,287.65", "3,701.28"], 2, "34.79"),
    (A, "sub", ["11.20", "9.74"], 2, "1.46"),
    (A, "pct", ["1.46", "11.20"], 2, "13.04"),
    (A, "add", ["8.36", "1.38"], 2, "9.74"),
    (A, "sub", ["826.40", "791.35"], 2, "35.05"),
    (A, "pct", ["612.80", "791.35"], 2, "77.44"),
    (A, "pct", ["1,286", "1,200"], 2, "107.17"),
    (A, "sub", ["598.50", "420.00"], 2, "178.50"),
    (A, "pct", ["146", "156"], 1, "93.6"),
    (A, "sub", ["156", "146"], 0, "10"),
    (A, "wandiv", ["362.71", "8,640"], 2, "419.80"),
    (A, "pct", ["45", "46"], 1, "97.8"),
    (A, "sub", ["22", "17"], 0, "5"),
    (A, "pct", ["5", "22"], 2, "22.73"),
    (A, "pct", ["1,443", "1,548"], 1, "93.2"),
    (A, "sub", ["93.2", "91.5"], 1, "1.7"),
    (A, "add", ["18.6", "18.0", "27.6", "26.6"], 1, "90.8"),
    (A, "sub", ["90.8", "87.5"], 1, "3.3"),
    (A, "sub", ["20.0", "18.6"], 1, "1.4"),
    (A, "sub", ["20.0", "18.0"], 1, "2.0"),
    (A, "sub", ["30.0", "27.6"], 1, "2.4"),
    (A, "sub", ["30.0", "26.6"], 1, "3.4"),
    (A, "pct", ["492.24", "3,426.50"], 2, "14.37"),
    (A, "sub", ["236.84", "222.17"], 2, "14.67"),
    (A, "pct", ["14.67", "236.84"], 2, "6.19"),
    (A, "div", ["1,286", "24"], 1, "53.6"),
    (A, "sub", ["3,701.28", "3,482.65"], 2, "218.63"),
    (A, "pct", ["218.63", "3,482.65"], 2, "6.28"),
    # B 桐川县公共租赁住房保障
    (B, "add", ["520.00", "186.00", "340.00", "128.60"], 2, "1,174.60"),
    (B, "add", ["520.00", "186.00", "306.50", "121.48"], 2, "1,133.98"),
    (B, "pct", ["1,133.98", "1,174.60"], 2, "96.54"),
    (B, "pct", ["306.50", "340.00"], 2, "90.15"),
    (B, "sub", ["340.00", "306.50"], 2, "33.50"),
    (B, "pct", ["121.48", "128.60"], 2, "94.46"),
    (B, "pct", ["1,071.35", "1,133.98"], 2, "94.48"),
    (B, "pct", ["1,071.35", "1,174.60"], 2, "91.21"),
    (B, "sub", ["1,133.98", "1,071.35"], 2, "62.63"),
    (B, "pct", ["338.40", "1,071.35"], 2, "31.59"),
    (B, "pct", ["192.00", "1,071.35"], 2, "17.92"),
    (B, "add", ["146.20", "268.75", "301.48", "354.92"], 2, "1,071.35"),
    (B, "add", ["146.20", "268.75"], 2, "414.95"),
    (B, "pct", ["414.95", "1,071.35"], 2, "38.73"),
    (B, "pct", ["354.92", "1,071.35"], 2, "33.13"),
    (B, "mulwan", ["16,920", "200"], 2, "338.40"),  # 户次 x 元 -> 万元
    (B, "div", ["16,920", "12"], 0, "1,410"),
    (B, "pct", ["1,410", "1,500"], 2, "94.00"),
    (B, "sub", ["420", "396"], 0, "24"),
    (B, "add", ["148", "132", "116"], 0, "396"),
    (B, "pct", ["240", "300"], 2, "80.00"),
    (B, "sub", ["300", "240"], 0, "60"),
    (B, "pct", ["2,046", "2,180"], 2, "93.85"),
    (B, "sub", ["2,180", "2,046"], 0, "134"),
    (B, "div", ["276.85", "396"], 2, "0.70"),
    (B, "div", ["192.00", "240"], 2, "0.80"),
    (B, "pct", ["36", "2,180"], 2, "1.65"),
    (B, "pct", ["722", "780"], 1, "92.6"),
    (B, "pct", ["1,838", "1,862"], 2, "98.71"),
    (B, "scale", ["94.48", "100", "10"], 2, "9.45"),
    (B, "scale", ["1,410", "1,500", "6"], 2, "5.64"),
    (B, "scale", ["396", "420", "6"], 2, "5.66"),
    (B, "scale", ["240", "300", "6"], 2, "4.80"),
    (B, "scale", ["546", "600", "8"], 2, "7.28"),
    (B, "scale", ["94.46", "95", "8"], 2, "7.95"),
    (B, "add", ["5.64", "5.66", "4.80", "5.00", "6.00", "5.00", "5.00", "2.00", "4.00", "3.00"], 2, "46.10"),
    (B, "add", ["6", "6", "6", "5", "6", "5", "5", "4", "4", "3"], 0, "50"),
    (B, "add", ["7.28", "8.00", "7.95", "6.00"], 2, "29.23"),
    (B, "add", ["8", "8", "8", "6"], 0, "30"),
    (B, "add", ["9.45", "46.10", "29.23", "10.00"], 2, "94.78"),
    (B, "sub", ["1,071.35", "986.20"], 2, "85.15"),
    (B, "pct", ["85.15", "986.20"], 2, "8.63"),
    (B, "sub", ["1,410", "1,325"], 0, "85"),
    (B, "sub", ["94.78", "91.40"], 2, "3.38"),
    # C 崧阳市中小河流治理及山洪灾害防治专项资金
    (C, "add", ["6,800.00", "2,400.00", "1,520.00"], 2, "10,720.00"),
    (C, "pct", ["6,800.00", "10,720.00"], 2, "63.43"),
    (C, "pct", ["2,400.00", "10,720.00"], 2, "22.39"),
    (C, "pct", ["1,520.00", "10,720.00"], 2, "14.18"),
    (C, "add", ["8,460.00", "2,260.00"], 2, "10,720.00"),
    (C, "add", ["7,896.40", "2,025.48"], 2, "9,921.88"),
    (C, "pct", ["10,600.00", "10,720.00"], 2, "98.88"),
    (C, "sub", ["10,720.00", "10,600.00"], 2, "120.00"),
    (C, "sub", ["2,420.00", "2,300.00"], 2, "120.00"),
    (C, "pct", ["9,921.88", "10,600.00"], 2, "93.60"),
    (C, "pct", ["9,921.88", "10,720.00"], 2, "92.55"),
    (C, "pct", ["16", "42"], 2, "38.10"),
    (C, "pct", ["1,436", "1,500"], 2, "95.73"),
    (C, "add", ["13.2", "16.4", "30.5", "24.5"], 1, "84.6"),
    (C, "sub", ["84.6", "81.2"], 1, "3.4"),
    (C, "add", ["15", "20", "35", "30"], 0, "100"),
    (C, "add", ["4.6", "4.2", "4.4"], 1, "13.2"),
    (C, "add", ["7.9", "8.5"], 1, "16.4"),
    (C, "add", ["10.4", "9.6", "5.8", "4.7"], 1, "30.5"),
    (C, "add", ["10.2", "6.9", "3.0", "4.4"], 1, "24.5"),
    (C, "pct", ["78.9", "84.0"], 2, "93.93"),
    (C, "pct", ["21.6", "24.0"], 2, "90.00"),
    (C, "pct", ["16.8", "19.5"], 2, "86.15"),
    (C, "pct", ["10", "16"], 2, "62.50"),
    (C, "div", ["7,896.40", "78.9"], 2, "100.08"),
    (C, "add", ["3", "2", "2"], 0, "7"),
]

RATE_HEADS = ("执行率", "到位率", "得分率")


def D(s):
    return Decimal(s.replace(",", ""))


def derive(op, ops, dec):
    v = [D(x) for x in ops]
    if op == "add":
        r = sum(v)
    elif op == "sub":
        r = v[0] - v[1]
    elif op == "pct":
        r = v[0] / v[1] * 100
    elif op == "div":
        r = v[0] / v[1]
    elif op == "pctchg":
        r = (v[0] - v[1]) / v[1] * 100
    elif op == "wandiv":  # 万元 / count, result in 元
        r = v[0] * 10000 / v[1]
    elif op == "mulwan":  # count x 元, result in 万元
        r = v[0] * v[1] / 10000
    elif op == "scale":
        r = v[0] / v[1] * v[2]
    else:
        raise ValueError(op)
    return r.quantize(Decimal(1).scaleb(-dec), ROUND_HALF_UP)


def fmt(r, dec, unit):
    return ("{:,.%df}" % dec).format(r) + unit


# ------------------------------------------------------------ source parsing (as make_blind.py)
CAP = re.compile(r"^表\d+\s")


def parse(text):
    lines = [l for l in text.split("\n") if l.strip()]
    title, rest = lines[0], lines[1:]
    paras, tables, i = [], [], 0
    while i < len(rest):
        line = rest[i]
        if CAP.match(line):
            unit, j = None, i + 1
            if j < len(rest) and rest[j].startswith("单位："):
                unit, j = rest[j], j + 1
            rows = []
            while j < len(rest) and " | " in rest[j]:
                rows.append([c.strip() for c in rest[j].split(" | ")])
                j += 1
            tables.append((line, unit, rows))
            paras.append(line)
            if unit:
                paras.append(unit)
            i = j
            continue
        paras.append(line)
        i += 1
    return title, paras, tables


def check_tables(key, tables, errs):
    n = 0
    for cap, _unit, rows in tables:
        head = rows[0]
        ncol = len(head)
        for r in rows:
            if len(r) != ncol:
                errs.append("%s %s: row with %d cells, header has %d: %s" % (key, cap, len(r), ncol, r))
        body = [r for r in rows[1:] if r[0] != "合计"]
        tot = [r for r in rows[1:] if r[0] == "合计"]
        for ci, h in enumerate(head):
            if ci == 0:
                continue
            is_rate = any(h.endswith(x) for x in RATE_HEADS)
            if is_rate:
                # rate = previous column / the column before it
                for r in rows[1:]:
                    num, den, got = r[ci - 1], r[ci - 2], r[ci]
                    want = fmt(derive("pct", [num, den], 2), 2, "%")
                    n += 1
                    if want != got:
                        errs.append("%s %s: %s %s=%s, recomputed %s" % (key, cap, r[0] or r[1], h, got, want))
            elif tot:
                cells = [r[ci] for r in body]
                if not all(re.fullmatch(r"[\d,]+(\.\d+)?", c) for c in cells):
                    continue
                dec = max(len(c.split(".")[1]) if "." in c else 0 for c in cells)
                want = fmt(derive("add", cells, dec), dec, "")
                n += 1
                if tot[0][ci] != want:
                    errs.append("%s %s: 合计 %s=%s, recomputed %s" % (key, cap, h, tot[0][ci], want))
    return n


# ------------------------------------------------------------ corpus checks
def nows(s):
    return re.sub(r"\s+", "", s)


def check_docx(path, title, paras, tables, errs):
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    body = root.find(W + "body")
    ptexts, cells, ntbl = [], [], 0
    for el in body:
        if el.tag == W + "p":
            ptexts.append("".join(t.text or "" for t in el.iter(W + "t")))
        elif el.tag == W + "tbl":
            ntbl += 1
            for tc in el.iter(W + "tc"):
                cells.append("".join(t.text or "" for t in tc.iter(W + "t")))
    if ntbl != len(tables):
        errs.append("docx: %d w:tbl, source has %d tables" % (ntbl, len(tables)))
    pset = set(ptexts)
    for p in [title] + paras:
        if p not in pset:
            errs.append("docx: paragraph missing: %s" % p[:30])
    cset = collections.Counter(cells)
    for _, _, rows in tables:
        for r in rows:
            for c in r:
                if c and c not in cset:
                    errs.append("docx: cell missing: %s" % c)
    return "docx ok: %d paragraphs, %d tables, %d cells" % (len(ptexts), ntbl, len(cells))


def check_gbk(path, header, title, paras, tables, errs):
    raw = open(path, "rb").read()
    text = raw.decode("gbk")  # strict
    pages = text.split("\f")
    kept = []
    for pg in pages:
        for line in pg.split("\n"):
            if line == header or re.fullmatch(r"—\d+—", line):
                continue
            kept.append(line)
    flat = nows("".join(kept))
    for p in [title] + paras:
        if nows(p) not in flat:
            errs.append("gbk: paragraph missing: %s" % p[:30])
    for _, _, rows in tables:
        for r in rows:
            if nows("".join(r)) not in flat:
                errs.append("gbk: row missing: %s" % r[:2])
    return "gbk ok: %d bytes, %d pages, %d header lines, form feeds %d" % (
        len(raw), len(pages), text.count(header), text.count("\f"))


def check_pdf(path, header, title, paras, tables, errs):
    raw = open(path, "rb").read()
    if not raw.startswith(b"%PDF-"):
        errs.append("pdf: not a PDF")
    if b"STSong-Light" not in raw:
        errs.append("pdf: STSong-Light not used")
    npages = len(re.findall(rb"/Type /Page\b", raw))
    try:
        import pypdf
    except ImportError:
        return "pdf: %d pages; pypdf not importable, text extraction skipped" % npages
    rd = pypdf.PdfReader(path)
    kept = []
    for pg in rd.pages:
        for line in pg.extract_text().split("\n"):
            if line.strip() == header or re.fullmatch(r"\s*第 \d+ 页 共 \d+ 页\s*", line):
                continue
            kept.append(line)
    flat = nows("".join(kept))
    for p in [title] + paras:
        if nows(p) not in flat:
            errs.append("pdf: paragraph missing: %s" % p[:30])
    ncell = 0
    for _, _, rows in tables:
        for r in rows:
            for c in r:
                ncell += 1
                if c and nows(c) not in flat:
                    errs.append("pdf: cell missing: %s" % c)
    return "pdf ok: %d pages, all paragraphs and %d cells found by pypdf" % (len(rd.pages), ncell)


def language(q):
    latin = len(re.findall(r"[A-Za-z]", q))
    cjk = len(re.findall(r"[\u4e00-\u9fff]", q))
    if latin > 2 * cjk and latin > 10:
        return "en"
    if any(c in TRAD for c in q):
        return "zh-Hant"
    return "zh-Hans"


def main():
    src = {}
    for p in sorted(glob.glob(os.path.join(HERE, "source", "*.txt"))):
        with open(p, encoding="utf-8") as fh:
            src[os.path.splitext(os.path.basename(p))[0]] = fh.read()
    errs = []
    if sorted(src) != sorted(CORPUS):
        errs.append("source files %s" % sorted(src))

    # --- 3. source arithmetic
    n_tab = 0
    parsed = {}
    for key, text in src.items():
        title, paras, tables = parse(text)
        parsed[key] = (title, paras, tables)
        if "（虚构示例，仅供测试）" not in title:
            errs.append("%s: title lacks the fiction marker" % key)
        n_tab += check_tables(key, tables, errs)
    for key, op, ops, dec, want in ARITH:
        got = derive(op, ops, dec)
        if got != D(want):
            errs.append("ARITH %s %s %s = %s, stated %s" % (key, op, ops, got, want))
        for s in ops + [want]:
            if s not in src[key]:
                errs.append("ARITH %s: %s not in source" % (key, s))
    print("source arithmetic: %d table cells and %d prose claims re-derived" % (n_tab, len(ARITH)))

    # --- 4. corpus
    for key, (kind, fname, header) in CORPUS.items():
        path = os.path.join(HERE, "corpus", fname)
        if not os.path.exists(path):
            errs.append("corpus missing: %s" % fname)
            continue
        title, paras, tables = parsed[key]
        if kind == "docx":
            print(check_docx(path, title, paras, tables, errs))
        elif kind == "gbk":
            print(check_gbk(path, header, title, paras, tables, errs))
        else:
            print(check_pdf(path, header, title, paras, tables, errs))

    # --- 1./2. questions
    items = []
    with open(os.path.join(HERE, "blind_qa.jsonl"), encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                items.append(json.loads(line))
            except ValueError as e:
                errs.append("line %d: bad JSON (%s)" % (n, e))
    seen = set()
    by = {k: collections.Counter() for k in ("category", "difficulty", "report", "language", "style")}
    n_comp = 0
    una_lang = collections.Counter()
    for it in items:
        iid = it.get("id", "?")
        keys = set(it)
        if keys != BASE and keys != BASE | {"computed"}:
            errs.append("%s: keys %s" % (iid, sorted(keys)))
            continue
        if not re.fullmatch(r"r6-\d{3}", iid):
            errs.append("%s: bad id" % iid)
        if iid in seen:
            errs.append("%s: duplicate id" % iid)
        seen.add(iid)
        if it["category"] not in CATS:
            errs.append("%s: category %r" % (iid, it["category"]))
        if it["difficulty"] not in DIFFS:
            errs.append("%s: difficulty %r" % (iid, it["difficulty"]))
        for k in ("question", "answer"):
            if not isinstance(it[k], str) or not it[k].strip():
                errs.append("%s: empty %s" % (iid, k))
        if not isinstance(it["figures"], list) or not isinstance(it["evidence"], list):
            errs.append("%s: figures/evidence must be lists" % iid)
            continue
        comp = "computed" in it
        if comp:
            n_comp += 1
            if it["computed"] is not True:
                errs.append("%s: computed must be true when present" % iid)
        if comp != (iid in COMPUTED):
            errs.append("%s: computed flag and COMPUTED table disagree" % iid)
        for f in it["figures"]:
            if f not in it["answer"]:
                errs.append("%s: figure %s not in answer" % (iid, f))
        if it["category"] == "unanswerable":
            if it["figures"] or it["evidence"]:
                errs.append("%s: unanswerable with figures/evidence" % iid)
            if comp:
                errs.append("%s: unanswerable marked computed" % iid)
            if not it["answer"].startswith("报告中没有相关信息"):
                errs.append("%s: unanswerable answer must start with 报告中没有相关信息" % iid)
            hits = [r for r, ws in NAMES.items() if any(w in it["question"] for w in ws)]
            report = hits[0] if hits else "none"
            una_lang[language(it["question"])] += 1
        else:
            if not it["evidence"]:
                errs.append("%s: answerable without evidence" % iid)
            for e in it["evidence"]:
                if len(e) > 40:
                    errs.append("%s: evidence longer than 40 chars: %s" % (iid, e))
            for e in it["evidence"]:
                if not any(nows(e) in nows(t) for t in src.values()):
                    errs.append("%s: evidence not in any source: %s" % (iid, e))
            need = []
            if comp:
                if not it["figures"]:
                    errs.append("%s: computed item without figures" % iid)
                    continue
                op, ops, dec, unit = COMPUTED[iid]
                want = fmt(derive(op, ops, dec), dec, unit)
                if it["figures"][0] != want:
                    errs.append("%s: computed figure %s, re-derived %s" % (iid, it["figures"][0], want))
                for o in ops:
                    if not any(o in e for e in it["evidence"]):
                        errs.append("%s: operand %s not in evidence" % (iid, o))
                need += it["figures"][1:]
            else:
                need += it["figures"]
            homes = [r for r, t in src.items()
                     if all(s in t for s in need) and all(nows(e) in nows(t) for e in it["evidence"])]
            if not homes:
                missing = [s for s in need if not any(s in t for t in src.values())]
                errs.append("%s: not all strings in one source; missing anywhere: %s" % (iid, missing))
                report = "?"
            else:
                report = homes[0]
        by["category"][it["category"]] += 1
        by["difficulty"][it["difficulty"]] += 1
        by["report"][report] += 1
        by["language"][language(it["question"])] += 1
        if language(it["question"]) == "zh-Hans":
            by["style"]["colloquial" if COLLOQ.search(it["question"]) else "formal"] += 1
    print("items: %d  computed: %d  unanswerable by language: %s" % (len(items), n_comp, dict(una_lang)))
    for k, c in by.items():
        print("%-10s %s" % (k, dict(sorted(c.items()))))
    for e in errs:
        print("ERROR", e)
    print("OK" if not errs else "%d error(s)" % len(errs))
    return 0 if not errs else 1


if __name__ == "__main__":
    sys.exit(main())
