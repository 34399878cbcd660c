#!/usr/bin/env python3
"""Self-check for blind r5 (stdlib only; pypdf used for the PDF if importable).
Exit 0 when clean.

    python3 check_blind.py

1. blind_qa.jsonl: exact keys, ids r5-NNN unique, allowed categories and
   difficulties; every evidence string (<= 40 chars) and every figure of an
   answerable, non-computed item occurs verbatim in ONE source report;
   unanswerable items have empty figures and evidence.
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
A, B, C = "a_lancheng_shengtaihuanjing_2024", "b_yingxi_yanglaofuwu_2025", "c_ronggang_gongjiaobutie_2023"
CORPUS = {
    A: ("docx", "lancheng_shengtaihuanjing_2024.docx", None),
    B: ("pdf", "yingxi_yanglaofuwu_2025.pdf", "潆溪县民政局  2025年度居家和社区养老服务项目支出绩效自评报告"),
    C: ("gbk", "ronggang_gongjiaobutie_2023.txt", "榕岗市2023年度城市公共交通运营补贴专项资金绩效评价报告"),
}
# report key -> words that name it in a question (used only to count
# unanswerable items, which have no evidence)
NAMES = {
    A: ["岚澄", "嵐澄", "Lancheng", "生态", "生態", "青溆", "PM2.5", "臭氧", "环境监测", "noise"],
    B: ["潆溪", "Yingxi", "养老", "養老", "槐荫", "助餐", "家庭养老床位", "民政局"],
    C: ["榕岗", "榕崗", "Rongang", "公交", "北沙", "枫渡", "出租车", "轨道交通", "评价费", "恒筑"],
}
TRAD = set("嵐澄生態環會議費培訓縣養老服務連續運營個們為評價補貼預撥崗參與計劃這項說實際數據")
TRAD -= set("澄生培老服")  # shared with simplified
# colloquial markers (short years like 24年 only when not part of 2024年)
COLLOQ = re.compile(
    r"(?<!\d)2[2-6]年|生态局|花了|多少钱|钱到位|钱里|为啥|咋|怎么样|还差|打算|搞得|拉了|涨了|没花|没拨|"
    r"打分|怎么改|高了多少|拨了多少|差了多少|整改了没有|多了多少|去年|大概"
)

# computed items: id -> (op, operands, decimals, unit); figures[0] must equal the result
COMPUTED = {
    'r5-007': ('add', ['1,187.62', '1,651.41'], 2, '万元'),
    'r5-010': ('sub', ['410.00', '351.46'], 2, '万元'),
    'r5-012': ('pct', ['1,236.84', '2,768.74'], 2, '%'),
    'r5-014': ('sub', ['88.3', '85.0'], 1, '个百分点'),
    'r5-021': ('sub', ['93.6', '1.4'], 1, '%'),
    'r5-024': ('sub', ['91.6', '88.7'], 1, '分'),
    'r5-033': ('sub', ['312.40', '263.19'], 2, '万元'),
    'r5-050': ('pct', ['420.00', '1,050.50'], 2, '%'),
    'r5-051': ('add', ['126.30', '248.15'], 2, '万元'),
    'r5-054': ('pct', ['218', '250'], 2, '%'),
    'r5-056': ('sub', ['16.24', '13.80'], 2, '万人次'),
    'r5-060': ('sub', ['60', '55.3'], 1, '个百分点'),
    'r5-066': ('sub', ['96.96', '91.30'], 2, '分'),
    'r5-091': ('sub', ['28,930', '27,015'], 0, '万人次'),
    'r5-093': ('sub', ['1,450.00', '1,271.24'], 2, '万元'),
    'r5-096': ('sub', ['90', '88.6'], 1, '个百分点'),
    'r5-106': ('div', ['2,761.48', '2,215.8'], 2, '元'),
    'r5-107': ('add', ['5,832', '1,638'], 0, '万人次'),
}

# arithmetic claims in the prose: (report, op, operands, decimals, stated result)
ARITH = [
    # A 岚澄市生态环境局
    (A, "sub", ["5,127.58", "4,862.30"], 2, "265.28"),
    (A, "pct", ["4,915.46", "5,127.58"], 2, "95.86"),
    (A, "add", ["4,736.18", "312.40", "79.00"], 2, "5,127.58"),
    (A, "pct", ["4,736.18", "5,127.58"], 2, "92.37"),
    (A, "sub", ["5,127.58", "4,915.46"], 2, "212.12"),
    (A, "add", ["2,146.72", "2,768.74"], 2, "4,915.46"),
    (A, "add", ["1,873.05", "273.67"], 2, "2,146.72"),
    (A, "pct", ["2,146.72", "4,915.46"], 2, "43.67"),
    (A, "pct", ["2,768.74", "4,915.46"], 2, "56.33"),
    (A, "add", ["4,312.58", "326.47", "98.15", "178.26"], 2, "4,915.46"),
    (A, "add", ["812.35", "1,264.08", "1,187.62", "1,651.41"], 2, "4,915.46"),
    (A, "pct", ["1,651.41", "4,915.46"], 2, "33.60"),
    (A, "add", ["812.35", "1,264.08"], 2, "2,076.43"),
    (A, "sub", ["13.52", "11.86"], 2, "1.66"),
    (A, "pct", ["1.66", "13.52"], 2, "12.28"),
    (A, "add", ["10.62", "1.24"], 2, "11.86"),
    (A, "sub", ["1,036.70", "972.58"], 2, "64.12"),
    (A, "pct", ["716.45", "972.58"], 2, "73.66"),
    (A, "pct", ["2,768.74", "2,951.90"], 2, "93.80"),
    (A, "pct", ["15", "18"], 1, "83.3"),
    (A, "pct", ["607", "612"], 1, "99.2"),
    (A, "sub", ["612", "607"], 0, "5"),
    (A, "sub", ["31.8", "29.6"], 1, "2.2"),
    (A, "pct", ["2.2", "31.8"], 2, "6.92"),
    (A, "pct", ["38", "46"], 1, "82.6"),
    (A, "sub", ["46", "38"], 0, "8"),
    (A, "pct", ["281", "326"], 1, "86.2"),
    (A, "add", ["34", "47"], 0, "81"),
    (A, "add", ["18.5", "18.2", "27.4", "27.5"], 1, "91.6"),
    (A, "sub", ["20", "18.5"], 1, "1.5"),
    (A, "sub", ["20", "18.2"], 1, "1.8"),
    (A, "sub", ["30", "27.4"], 1, "2.6"),
    (A, "sub", ["30", "27.5"], 1, "2.5"),
    # B 潆溪县居家和社区养老服务
    (B, "pct", ["1,050.50", "1,076.80"], 2, "97.56"),
    (B, "pct", ["330.50", "356.80"], 2, "92.63"),
    (B, "sub", ["356.80", "330.50"], 2, "26.30"),
    (B, "sub", ["1,076.80", "1,050.50"], 2, "26.30"),
    (B, "pct", ["997.60", "1,050.50"], 2, "94.96"),
    (B, "sub", ["1,050.50", "997.60"], 2, "52.90"),
    (B, "sub", ["150.00", "131.25"], 2, "18.75"),
    (B, "sub", ["214.00", "198.72"], 2, "15.28"),
    (B, "add", ["126.30", "248.15", "279.42", "343.73"], 2, "997.60"),
    (B, "add", ["126.30", "248.15", "279.42"], 2, "653.87"),
    (B, "pct", ["653.87", "997.60"], 2, "65.54"),
    (B, "pct", ["343.73", "997.60"], 2, "34.46"),
    (B, "pct", ["16.24", "15"], 2, "108.27"),
    (B, "wandiv", ["198.72", "552"], 0, "3,600"),  # 198.72万元 / 552户, in 元
    (B, "pct", ["25", "28"], 1, "89.3"),
    (B, "pct", ["488", "552"], 1, "88.4"),
    (B, "sub", ["552", "488"], 0, "64"),
    (B, "sub", ["600", "552"], 0, "48"),
    (B, "sub", ["250", "218"], 0, "32"),
    (B, "pct", ["24", "28"], 1, "85.7"),
    (B, "add", ["11", "17"], 0, "28"),
    (B, "scale", ["552", "600", "6"], 2, "5.52"),
    (B, "scale", ["218", "250", "6"], 2, "5.23"),
    (B, "scale", ["88.4", "95", "4"], 2, "3.72"),
    (B, "scale", ["55.3", "60", "8"], 2, "7.37"),
    (B, "scale", ["85.7", "90", "8"], 2, "7.62"),
    (B, "scale", ["94.96", "100", "10"], 2, "9.50"),
    (B, "add", ["6.00", "6.00", "5.52", "5.23", "5.00", "5.00", "5.00", "4.00", "3.72", "3.00"], 2, "48.47"),
    (B, "add", ["6", "6", "6", "6", "5", "5", "5", "4", "4", "3"], 0, "50"),
    (B, "add", ["8.00", "7.37", "6.00", "7.62"], 2, "28.99"),
    (B, "add", ["8", "8", "6", "8"], 0, "30"),
    (B, "add", ["9.50", "48.47", "28.99", "10.00"], 2, "96.96"),
    (B, "add", ["10", "4", "1"], 0, "15"),
    (B, "add", ["11", "4"], 0, "15"),
    # C 榕岗市公交运营补贴
    (C, "add", ["9,850.00", "2,830.00"], 2, "12,680.00"),
    (C, "pct", ["9,850.00", "12,680.00"], 2, "77.68"),
    (C, "pct", ["2,830.00", "12,680.00"], 2, "22.32"),
    (C, "sub", ["12,680.00", "12,245.36"], 2, "434.64"),
    (C, "pct", ["12,245.36", "12,680.00"], 2, "96.57"),
    (C, "pct", ["2,657", "2,845"], 1, "93.4"),
    (C, "pct", ["10", "12"], 2, "83.33"),
    (C, "sub", ["12", "10"], 0, "2"),
    (C, "pct", ["30", "186"], 2, "16.13"),
    (C, "pct", ["1,912", "2,000"], 2, "95.60"),
    (C, "div", ["12,245.36", "10,164.6"], 2, "1.20"),
    (C, "div", ["12,245.36", "28,930"], 2, "0.42"),
    (C, "div", ["8,212.64", "6,842.5"], 2, "1.20"),
    (C, "div", ["1,271.24", "1,106.3"], 2, "1.15"),
    (C, "pctchg", ["28,930", "27,015"], 2, "7.09"),
    (C, "pct", ["21,460", "28,930"], 1, "74.2"),
    (C, "pct", ["1,106.3", "10,164.6"], 2, "10.88"),
    (C, "add", ["13.5", "16.8", "30.6", "25.2"], 1, "86.1"),
    (C, "sub", ["86.1", "82.4"], 1, "3.7"),
    (C, "add", ["5.0", "4.0", "4.5"], 1, "13.5"),
    (C, "add", ["8.3", "8.5"], 1, "16.8"),
    (C, "add", ["9.2", "8.4", "6.8", "6.2"], 1, "30.6"),
    (C, "add", ["10.4", "7.6", "3.0", "4.2"], 1, "25.2"),
    (C, "add", ["5", "5", "5"], 0, "15"),
    (C, "add", ["10", "10"], 0, "20"),
    (C, "add", ["10", "10", "8", "7"], 0, "35"),
    (C, "add", ["12", "8", "4", "6"], 0, "30"),
    (C, "sub", ["5", "4.0"], 1, "1.0"),
    (C, "sub", ["5", "4.5"], 1, "0.5"),
    (C, "sub", ["10", "8.3"], 1, "1.7"),
    (C, "sub", ["10", "8.5"], 1, "1.5"),
    (C, "sub", ["4", "3.0"], 1, "1.0"),
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
        if not re.fullmatch(r"r5-\d{3}", iid):
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
            need = list(it["evidence"])
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
            homes = [r for r, t in src.items() if all(s in t for s in need)]
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
