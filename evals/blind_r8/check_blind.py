#!/usr/bin/env python3
"""Self-check for blind r8 (stdlib only; pypdf used for the PDF if importable).
Exit 0 when clean.

    python3 check_blind.py

1. blind_qa.jsonl: exact keys, ids r8-NNN unique, allowed categories and
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
   执行率/到位率/得分率/拨付率 cell is re-divided, and every arithmetic claim in the
   prose listed in ARITH (sums, shares, rates, differences, scores) is
   recomputed; all operands and results must occur in the source.
4. Corpus: the DOCX (report A) unzips and its word/document.xml holds every
   paragraph and every table cell (real w:tbl tables); the GBK text (report C)
   decodes strictly and, with page headers, page-number lines and form feeds
   removed, holds every paragraph and table row; the PDF (report B) is a PDF
   using STSong-Light, and (when pypdf is importable) its text holds every
   paragraph and cell once whitespace and the running header/footer are
   removed.
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
A, B, C = "a_zhilan_jiguanshiwu_2023", "b_quxi_chuqinfenwu_2024", "c_xuanzhou_xianyushangye_2025"
CORPUS = {
    A: ("docx", "zhilan_jiguanshiwu_2023.docx", None),
    B: ("pdf", "quxi_chuqinfenwu_2024.pdf", "蕖溪县农业农村局  2024年度畜禽粪污资源化利用项目支出绩效自评报告"),
    C: ("gbk", "xuanzhou_xianyushangye_2025.txt", "瑄州市2025年度县域商业体系建设专项资金绩效评价报告"),
}
# report key -> words that name it in a question (used only to count
# unanswerable items, which have no evidence)
NAMES = {
    A: [
        "芷岚",
        "芷嵐",
        "Zhilan",
        "机关事务",
        "機關事務",
        "事务局",
        "公车",
        "公务用车",
        "物业",
        "offices administration",
    ],
    B: ["蕖溪", "Quxi", "粪污", "糞污", "粪肥", "有机肥", "养殖", "杉坪", "荇塘", "manure"],
    C: ["瑄州", "Xuanzhou", "县域商业", "縣域商業", "便民商店", "冷链", "桦溪", "芩岭", "蓍坪", "瑄东", "乡镇商贸"],
}
# characters that only occur in traditional writing (none is also a simplified form)
TRAD = set("嵐機關務經費輛單運實際縣糞項補貼標準資級達業體佔幾個計劃與為產處環設營數")
# colloquial markers (short years like 24年 only when not part of 2024年)
COLLOQ = re.compile(
    r"(?<!\d)2[2-6]年|事务局|粪污项目|县域商业资金|花了|多少钱|为啥|咋|怎么样|还差|打算|没花|还剩|剩了|"
    r"打了|达标没|达标了吗|差多少|多了多少|少了多少|多几|一共|加起来|拿了|出了啥|搞了|啥|几个人|大概|"
    r"去年|今年|管些|哪来|拨了|办了|谁做的|哪家|那项|准备怎么|几份|几次|目标呢|多大|涨了|多少了|"
    r"那块|干的|乱用|补了|分了|多花|算得对|对得上|对吗|对不对|平均一下|准备|降了|快了|多建|一亩"
)
COMPUTED = {
    "r8-005": ("sub", ["398.00", "336.52"], 2, "万元"),
    "r8-012": ("sub", ["2", "1.7"], 1, "个百分点"),
    "r8-019": ("add", ["31.6", "23.1"], 1, "分"),
    "r8-022": ("sub", ["5,018.45", "4,826.32"], 2, "万元"),
    "r8-037": ("sub", ["1,356.92", "1,218.60"], 2, "万元"),
    "r8-041": ("add", ["3.20", "6.85"], 2, "万元"),
    "r8-043": ("pct", ["13", "15"], 2, "%"),
    "r8-044": ("sub", ["286.70", "268.14"], 2, "万元"),
    "r8-047": ("sub", ["628", "604"], 0, "份"),
    "r8-050": ("sub", ["45", "36.83"], 2, "个百分点"),
    "r8-053": ("sub", ["2.04", "1.8"], 2, "万车次"),
    "r8-062": ("pct", ["1.92", "12.86"], 2, "%"),
    "r8-092": ("sub", ["386", "353"], 0, "份"),
    "r8-094": ("pct", ["800.00", "1,200.00"], 2, "%"),
    "r8-099": ("sub", ["300.00", "276.00"], 2, "万元"),
    "r8-112": ("pct", ["76.71", "1,102.46"], 2, "%"),
    "r8-115": ("add", ["148.20", "118.80"], 2, "万元"),
    "r8-119": ("sub", ["318.42", "248.65"], 2, "万元"),
    "r8-124": ("sub", ["320.00", "286.40"], 2, "万元"),
    "r8-139": ("add", ["0.27", "3.00", "0.05", "0.50"], 2, "分"),
    "r8-146": ("sub", ["87.3", "85"], 1, "个百分点"),
    "r8-147": ("sub", ["93.84", "91.26"], 2, "分"),
    "r8-154": ("sub", ["740.00", "712.58"], 2, "万元"),
    "r8-167": ("add", ["2.4", "1.6"], 1, "分"),
    "r8-168": ("sub", ["1,260", "1,000"], 0, "人"),
    "r8-169": ("sub", ["310", "300"], 0, "个"),
    "r8-172": ("pct", ["648.30", "3,530.44"], 2, "%"),
    "r8-178": ("add", ["1,120.00", "960.00"], 2, "万元"),
    "r8-179": ("sub", ["3,200.00", "2,876.48"], 2, "万元"),
    "r8-184": ("sub", ["89.6", "78.4"], 1, "分"),
    "r8-189": ("sub", ["96.5", "4.3"], 1, "%"),
    "r8-200": ("sub", ["532", "466"], 0, "份"),
    "r8-204": ("avg", ["89.6", "86.2", "78.4", "87.1"], 2, "分"),
    "r8-210": ("sub", ["3.0", "2.6"], 1, "万吨"),
    "r8-216": ("div", ["648.30", "2.6"], 2, "元/吨"),
    "r8-220": ("sub", ["92.91", "84.36"], 2, "个百分点"),
}

# arithmetic claims in the prose: (report, op, operands, decimals, stated result)
ARITH = [
    # A 芷岚市机关事务管理局
    (A, "add", ["24", "22", "16"], 0, "62"),
    (A, "add", ["22", "20", "15"], 0, "57"),
    (A, "add", ["1,986.40", "3,140.40"], 2, "5,126.80"),
    (A, "add", ["26.75", "398.60"], 2, "425.35"),
    (A, "add", ["5,126.80", "425.35"], 2, "5,552.15"),
    (A, "pct", ["425.35", "5,126.80"], 2, "8.30"),
    (A, "add", ["1,986.40", "26.75"], 2, "2,013.15"),
    (A, "add", ["3,140.40", "398.60"], 2, "3,539.00"),
    (A, "add", ["2,013.15", "3,539.00"], 2, "5,552.15"),
    (A, "add", ["5,018.45", "286.70", "112.00", "135.00"], 2, "5,552.15"),
    (A, "pct", ["5,321.12", "5,552.15"], 2, "95.84"),
    (A, "sub", ["5,552.15", "5,321.12"], 2, "231.03"),
    (A, "add", ["1,998.46", "3,322.66"], 2, "5,321.12"),
    (A, "pct", ["1,998.46", "5,321.12"], 2, "37.56"),
    (A, "pct", ["3,322.66", "5,321.12"], 2, "62.44"),
    (A, "pct", ["1,998.46", "2,013.15"], 2, "99.27"),
    (A, "pct", ["3,322.66", "3,539.00"], 2, "93.89"),
    (A, "add", ["1,712.38", "286.08"], 2, "1,998.46"),
    (A, "pct", ["1,712.38", "1,998.46"], 2, "85.68"),
    (A, "add", ["826.45", "1,218.60", "1,356.92", "1,919.15"], 2, "5,321.12"),
    (A, "add", ["826.45", "1,218.60"], 2, "2,045.05"),
    (A, "pct", ["2,045.05", "5,552.15"], 2, "36.83"),
    (A, "add", ["2,045.05", "1,356.92"], 2, "3,401.97"),
    (A, "pct", ["3,401.97", "5,552.15"], 2, "61.27"),
    (A, "pct", ["1,919.15", "5,321.12"], 2, "36.07"),
    (A, "add", ["10.94", "1.92"], 2, "12.86"),
    (A, "sub", ["14.35", "12.86"], 2, "1.49"),
    (A, "pct", ["1.49", "14.35"], 2, "10.38"),
    (A, "pct", ["1,412.42", "1,846.30"], 2, "76.50"),
    (A, "add", ["286.00", "112.60"], 2, "398.60"),
    (A, "sub", ["826.00", "742.16"], 2, "83.84"),
    (A, "sub", ["15", "13"], 0, "2"),
    (A, "div", ["281.40", "22"], 2, "12.79"),
    (A, "div", ["598.75", "146"], 2, "4.10"),
    (A, "pctchg", ["2.04", "1.8"], 1, "13.3"),
    (A, "add", ["9", "2", "1"], 0, "12"),
    (A, "pct", ["628", "650"], 2, "96.62"),
    (A, "pct", ["604", "628"], 1, "96.2"),
    (A, "sub", ["96.2", "95.4"], 1, "0.8"),
    (A, "sub", ["5,321.12", "4,986.25"], 2, "334.87"),
    (A, "pctchg", ["5,321.12", "4,986.25"], 2, "6.72"),
    (A, "sub", ["95.84", "94.12"], 2, "1.72"),
    (A, "sub", ["91.7", "90.3"], 1, "1.4"),
    (A, "add", ["15", "25", "35", "25"], 0, "100"),
    (A, "add", ["14.2", "22.8", "31.6", "23.1"], 1, "91.7"),
    (A, "sub", ["15", "14.2"], 1, "0.8"),
    (A, "sub", ["25", "22.8"], 1, "2.2"),
    (A, "sub", ["35", "31.6"], 1, "3.4"),
    (A, "sub", ["25", "23.1"], 1, "1.9"),
    (A, "add", ["0.8", "2.2", "3.4", "1.9"], 1, "8.3"),
    (A, "sub", ["100", "91.7"], 1, "8.3"),
    # B 蕖溪县畜禽粪污资源化利用
    (B, "add", ["800.00", "240.00", "160.00"], 2, "1,200.00"),
    (B, "add", ["1,200.00", "300.00"], 2, "1,500.00"),
    (B, "add", ["800.00", "240.00", "128.00"], 2, "1,168.00"),
    (B, "pct", ["1,168.00", "1,200.00"], 2, "97.33"),
    (B, "pct", ["128.00", "160.00"], 2, "80.00"),
    (B, "sub", ["160.00", "128.00"], 2, "32.00"),
    (B, "pct", ["276.00", "300.00"], 2, "92.00"),
    (B, "add", ["1,168.00", "276.00"], 2, "1,444.00"),
    (B, "pct", ["1,444.00", "1,500.00"], 2, "96.27"),
    (B, "pct", ["1,102.46", "1,168.00"], 2, "94.39"),
    (B, "sub", ["1,168.00", "1,102.46"], 2, "65.54"),
    (B, "pct", ["472.35", "1,102.46"], 2, "42.85"),
    (B, "div", ["472.35", "43"], 2, "10.98"),
    (B, "mulwan", ["7,410", "200"], 2, "148.20"),
    (B, "mul", ["3.96", "30"], 2, "118.80"),
    (B, "add", ["126.30", "248.65", "318.42", "409.09"], 2, "1,102.46"),
    (B, "add", ["126.30", "248.65"], 2, "374.95"),
    (B, "pct", ["374.95", "1,168.00"], 2, "32.10"),
    (B, "add", ["374.95", "318.42"], 2, "693.37"),
    (B, "pct", ["693.37", "1,168.00"], 2, "59.36"),
    (B, "pct", ["409.09", "1,102.46"], 2, "37.11"),
    (B, "sub", ["45", "43"], 0, "2"),
    (B, "pct", ["140", "142"], 1, "98.6"),
    (B, "pct", ["7", "8"], 1, "87.5"),
    (B, "pct", ["37.2", "42.6"], 1, "87.3"),
    (B, "sub", ["87.3", "84.1"], 1, "3.2"),
    (B, "pctdrop", ["50", "42"], 0, "16"),
    (B, "pct", ["40", "43"], 1, "93.0"),
    (B, "sub", ["43", "40"], 0, "3"),
    (B, "pct", ["386", "400"], 2, "96.50"),
    (B, "pct", ["353", "386"], 1, "91.5"),
    (B, "scale", ["80", "100", "5"], 2, "4.00"),
    (B, "scale", ["97.33", "100", "5"], 2, "4.87"),
    (B, "scale", ["94.39", "100", "5"], 2, "4.72"),
    (B, "scale", ["43", "45", "6"], 2, "5.73"),
    (B, "scale", ["50", "100", "6"], 2, "3.00"),
    (B, "scale", ["3.96", "4", "5"], 2, "4.95"),
    (B, "scale", ["87.5", "100", "4"], 2, "3.50"),
    (B, "scale", ["16", "20", "4"], 2, "3.20"),
    (B, "scale", ["93.0", "95", "6"], 2, "5.87"),
    (B, "add", ["5.00", "4.00", "5.00"], 2, "14.00"),
    (B, "add", ["4.87", "4.72", "5.00", "5.00"], 2, "19.59"),
    (B, "add", ["5.73", "3.00", "5.00", "4.95", "5.00", "3.50", "4.00"], 2, "31.18"),
    (B, "add", ["6.00", "4.00", "3.20", "5.87"], 2, "19.07"),
    (B, "add", ["14.00", "19.59", "31.18", "19.07", "10.00"], 2, "93.84"),
    (B, "sub", ["5", "4.00"], 2, "1.00"),
    (B, "sub", ["5", "4.87"], 2, "0.13"),
    (B, "sub", ["5", "4.72"], 2, "0.28"),
    (B, "sub", ["6", "5.73"], 2, "0.27"),
    (B, "sub", ["6", "3.00"], 2, "3.00"),
    (B, "sub", ["5", "4.95"], 2, "0.05"),
    (B, "sub", ["4", "3.50"], 2, "0.50"),
    (B, "sub", ["4", "3.20"], 2, "0.80"),
    (B, "sub", ["6", "5.87"], 2, "0.13"),
    (B, "add", ["1.00", "0.13", "0.28", "0.27", "3.00", "0.05", "0.50", "0.80", "0.13"], 2, "6.16"),
    (B, "sub", ["100", "93.84"], 2, "6.16"),
    (B, "sub", ["1,102.46", "865.30"], 2, "237.16"),
    (B, "pctchg", ["1,102.46", "865.30"], 2, "27.41"),
    # C 瑄州市县域商业体系建设专项资金
    (C, "add", ["2,400.00", "900.00", "500.00"], 2, "3,800.00"),
    (C, "pct", ["2,400.00", "3,800.00"], 2, "63.16"),
    (C, "pct", ["900.00", "3,800.00"], 2, "23.68"),
    (C, "pct", ["500.00", "3,800.00"], 2, "13.16"),
    (C, "pct", ["3,530.44", "3,800.00"], 2, "92.91"),
    (C, "sub", ["3,800.00", "3,530.44"], 2, "269.56"),
    (C, "mul", ["310", "2"], 2, "620.00"),
    (C, "sub", ["880.00", "742.36"], 2, "137.64"),
    (C, "add", ["2", "2", "2", "1"], 0, "7"),
    (C, "pct", ["42", "128"], 2, "32.81"),
    (C, "pct", ["532", "560"], 2, "95.00"),
    (C, "pct", ["466", "532"], 2, "87.59"),
    (C, "pct", ["112", "128"], 2, "87.50"),
    (C, "pct", ["2.6", "3.0"], 2, "86.67"),
    (C, "add", ["7", "6", "4", "5"], 0, "22"),
    (C, "sub", ["24", "22"], 0, "2"),
    (C, "sub", ["6", "4"], 0, "2"),
    (C, "add", ["96", "84", "62", "68"], 0, "310"),
    (C, "div", ["1,096.52", "4"], 2, "274.13"),
    (C, "add", ["6", "6", "6", "12", "10", "14", "8", "6", "6", "10", "8", "4", "4"], 0, "100"),
    (C, "add", ["5.5", "4.8", "5.4"], 1, "15.7"),
    (C, "add", ["9.6", "8.4"], 1, "18.0"),
    (C, "add", ["12.3", "7.0", "4.8", "5.4"], 1, "29.5"),
    (C, "add", ["8.6", "7.2", "3.2", "3.5"], 1, "22.5"),
    (C, "add", ["15.7", "18.0", "29.5", "22.5"], 1, "85.7"),
    (C, "sub", ["85.7", "81.2"], 1, "4.5"),
    (C, "sub", ["6", "4.8"], 1, "1.2"),
    (C, "sub", ["6", "5.4"], 1, "0.6"),
    (C, "sub", ["12", "9.6"], 1, "2.4"),
    (C, "sub", ["10", "8.4"], 1, "1.6"),
    (C, "sub", ["4", "3.2"], 1, "0.8"),
    (C, "pct", ["2,876.48", "3,200.00"], 2, "89.89"),
    (C, "sub", ["3,530.44", "2,876.48"], 2, "653.96"),
    (C, "pctchg", ["3,530.44", "2,876.48"], 2, "22.73"),
    (C, "sub", ["92.91", "89.89"], 2, "3.02"),
    (C, "pct", ["1,086.40", "1,120.00"], 2, "97.00"),
]

RATE_HEADS = ("执行率", "到位率", "得分率", "拨付率")


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
    elif op == "mul":
        r = v[0] * v[1]
    elif op == "dot":  # a1*b1 + a2*b2 + ...
        r = sum(v[k] * v[k + 1] for k in range(0, len(v), 2))
    elif op == "gap2":  # (a - b) + (c - d)
        r = (v[0] - v[1]) + (v[2] - v[3])
    elif op == "avg":  # arithmetic mean
        r = sum(v) / len(v)
    elif op == "pctdrop":  # fall from v0 to v1 as % of v0
        r = (v[0] - v[1]) / v[0] * 100
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
                        errs.append(f"{key} {cap}: {r[0] or r[1]} {h}={got}, recomputed {want}")
            elif tot:
                cells = [r[ci] for r in body]
                if not all(re.fullmatch(r"[\d,]+(\.\d+)?", c) for c in cells):
                    continue
                dec = max(len(c.split(".")[1]) if "." in c else 0 for c in cells)
                want = fmt(derive("add", cells, dec), dec, "")
                n += 1
                if tot[0][ci] != want:
                    errs.append(f"{key} {cap}: 合计 {h}={tot[0][ci]}, recomputed {want}")
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
            errs.append(f"docx: paragraph missing: {p[:30]}")
    cset = collections.Counter(cells)
    for _, _, rows in tables:
        for r in rows:
            for c in r:
                if c and c not in cset:
                    errs.append(f"docx: cell missing: {c}")
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
            errs.append(f"gbk: paragraph missing: {p[:30]}")
    for _, _, rows in tables:
        for r in rows:
            if nows("".join(r)) not in flat:
                errs.append(f"gbk: row missing: {r[:2]}")
    return "gbk ok: %d bytes, %d pages, %d header lines, form feeds %d" % (
        len(raw),
        len(pages),
        text.count(header),
        text.count("\f"),
    )


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
            errs.append(f"pdf: paragraph missing: {p[:30]}")
    ncell = 0
    for _, _, rows in tables:
        for r in rows:
            for c in r:
                ncell += 1
                if c and nows(c) not in flat:
                    errs.append(f"pdf: cell missing: {c}")
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
        errs.append(f"source files {sorted(src)}")

    # --- 3. source arithmetic
    n_tab = 0
    parsed = {}
    for key, text in src.items():
        title, paras, tables = parse(text)
        parsed[key] = (title, paras, tables)
        if "（虚构示例，仅供测试）" not in title:
            errs.append(f"{key}: title lacks the fiction marker")
        n_tab += check_tables(key, tables, errs)
    for key, op, ops, dec, want in ARITH:
        got = derive(op, ops, dec)
        if got != D(want):
            errs.append(f"ARITH {key} {op} {ops} = {got}, stated {want}")
        for s in ops + [want]:
            if s not in src[key]:
                errs.append(f"ARITH {key}: {s} not in source")
    print("source arithmetic: %d table cells and %d prose claims re-derived" % (n_tab, len(ARITH)))

    # --- 4. corpus
    for key, (kind, fname, header) in CORPUS.items():
        path = os.path.join(HERE, "corpus", fname)
        if not os.path.exists(path):
            errs.append(f"corpus missing: {fname}")
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
    notes = []
    una_lang = collections.Counter()
    for it in items:
        iid = it.get("id", "?")
        keys = set(it)
        if keys != BASE and keys != BASE | {"computed"}:
            errs.append(f"{iid}: keys {sorted(keys)}")
            continue
        if not re.fullmatch(r"r8-\d{3}", iid):
            errs.append(f"{iid}: bad id")
        if iid in seen:
            errs.append(f"{iid}: duplicate id")
        seen.add(iid)
        if it["category"] not in CATS:
            errs.append("{}: category {!r}".format(iid, it["category"]))
        if it["difficulty"] not in DIFFS:
            errs.append("{}: difficulty {!r}".format(iid, it["difficulty"]))
        for k in ("question", "answer"):
            if not isinstance(it[k], str) or not it[k].strip():
                errs.append(f"{iid}: empty {k}")
        if not isinstance(it["figures"], list) or not isinstance(it["evidence"], list):
            errs.append(f"{iid}: figures/evidence must be lists")
            continue
        comp = "computed" in it
        if comp:
            n_comp += 1
            if it["computed"] is not True:
                errs.append(f"{iid}: computed must be true when present")
        if comp != (iid in COMPUTED):
            errs.append(f"{iid}: computed flag and COMPUTED table disagree")
        for f in it["figures"]:
            if f not in it["answer"]:
                errs.append(f"{iid}: figure {f} not in answer")
        if it["category"] == "unanswerable":
            if it["figures"] or it["evidence"]:
                errs.append(f"{iid}: unanswerable with figures/evidence")
            if comp:
                errs.append(f"{iid}: unanswerable marked computed")
            if not it["answer"].startswith("报告中没有相关信息"):
                errs.append(f"{iid}: unanswerable answer must start with 报告中没有相关信息")
            hits = [r for r, ws in NAMES.items() if any(w in it["question"] for w in ws)]
            report = hits[0] if hits else "none"
            una_lang[language(it["question"])] += 1
        else:
            if not it["evidence"]:
                errs.append(f"{iid}: answerable without evidence")
            for e in it["evidence"]:
                if len(e) > 40:
                    errs.append(f"{iid}: evidence longer than 40 chars: {e}")
            for e in it["evidence"]:
                if not any(nows(e) in nows(t) for t in src.values()):
                    errs.append(f"{iid}: evidence not in any source: {e}")
            need = []
            if comp:
                if not it["figures"]:
                    errs.append(f"{iid}: computed item without figures")
                    continue
                op, ops, dec, unit = COMPUTED[iid]
                want = fmt(derive(op, ops, dec), dec, unit)
                if it["figures"][0] != want:
                    errs.append("{}: computed figure {}, re-derived {}".format(iid, it["figures"][0], want))
                for o in ops:
                    if not any(o in e for e in it["evidence"]):
                        errs.append(f"{iid}: operand {o} not in evidence")
                bare = want[: len(want) - len(unit)] if unit else want
                stated = [
                    r
                    for r, t in src.items()
                    if all(nows(e) in nows(t) for e in it["evidence"])
                    and re.search(rf"(?<![\d.,]){re.escape(bare)}(?![\d,]|\.\d)", t)
                ]
                if stated and len(bare) >= 3:
                    notes.append(f"{iid}: computed result {bare} also occurs in {stated}")
                need += it["figures"][1:]
            else:
                need += it["figures"]
            homes = [
                r
                for r, t in src.items()
                if all(s in t for s in need) and all(nows(e) in nows(t) for e in it["evidence"])
            ]
            if not homes:
                missing = [s for s in need if not any(s in t for t in src.values())]
                errs.append(f"{iid}: not all strings in one source; missing anywhere: {missing}")
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
    for nt in notes:
        print("note", nt)
    for e in errs:
        print("ERROR", e)
    print("OK" if not errs else "%d error(s)" % len(errs))
    return 0 if not errs else 1


if __name__ == "__main__":
    sys.exit(main())
