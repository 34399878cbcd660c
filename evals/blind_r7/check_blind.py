#!/usr/bin/env python3
"""Self-check for blind r7 (stdlib only; pypdf used for the PDF if importable).
Exit 0 when clean.

    python3 check_blind.py

1. blind_qa.jsonl: exact keys, ids r7-NNN unique, allowed categories and
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
A, B, C = "a_longwan_tiyu_2024", "b_liaotang_wenhuamianfei_2025", "c_ruoyang_chubeiliang_2023"
CORPUS = {
    A: ("pdf", "longwan_tiyu_2024.pdf", "泷湾市体育局  2024年度部门整体支出绩效自评报告"),
    B: ("gbk", "liaotang_wenhuamianfei_2025.txt", "蓼塘县2025年度公共文化设施免费开放项目支出绩效自评报告"),
    C: ("docx", "ruoyang_chubeiliang_2023.docx", None),
}
# report key -> words that name it in a question (used only to count
# unanswerable items, which have no evidence)
NAMES = {
    A: ["泷湾", "瀧灣", "Longwan", "体育", "體育", "体校", "省运会", "健身"],
    B: ["蓼塘", "Liaotang", "文化", "图书馆", "圖書館", "博物馆", "博物館", "文化站"],
    C: ["箬阳", "箬陽", "Ruoyang", "储备粮", "儲備糧", "粮库", "糧庫", "grain"],
}
# characters that only occur in traditional writing (none is also a simplified form)
TRAD = set("瀧灣體預執離經費訓練動員標圖書館讀縣級資調達蓋數儲備糧規萬噸陽評價滿嶺庫補貼")
# colloquial markers (short years like 24年 only when not part of 2024年)
COLLOQ = re.compile(
    r"(?<!\d)2[2-6]年|体育局|体校|花了|多少钱|为啥|咋|怎么样|还差|打算|没花|还剩|剩了|"
    r"打了|达标没|达标了吗|差多少|多了多少|少了多少|多几|一共|加起来|拿了|出了啥|搞了|啥|几个人|大概|"
    r"去年|今年|管些|哪来|拨了|办了|谁做的|哪家|那项|准备怎么|几份|几次|目标呢|多大|涨了|贷的款|多少了"
)
COMPUTED = {
    'r7-005': ('sub', ['612.00', '561.30'], 2, '万元'),
    'r7-008': ('sub', ['1,987.45', '1,958.36'], 2, '万元'),
    'r7-010': ('sub', ['1,495.69', '712.40'], 2, '万元'),
    'r7-011': ('add', ['1,174.28', '1,495.69'], 2, '万元'),
    'r7-015': ('sub', ['968.00', '931.40'], 2, '万元'),
    'r7-019': ('pct', ['705.85', '2,510.56'], 2, '%'),
    'r7-020': ('pct', ['1,702.48', '4,468.92'], 2, '%'),
    'r7-021': ('sub', ['2,744.40', '2,510.56'], 2, '万元'),
    'r7-027': ('sub', ['2.64', '2.60'], 2, '平方米'),
    'r7-033': ('sub', ['1,164', '1,092'], 0, '份'),
    'r7-039': ('sub', ['95.33', '91.00'], 2, '个百分点'),
    'r7-043': ('sub', ['36', '34'], 0, '人'),
    'r7-059': ('add', ['286.00', '142.00'], 2, '万元'),
    'r7-060': ('pct', ['286.00', '623.00'], 2, '%'),
    'r7-062': ('sub', ['86.00', '79.35'], 2, '万元'),
    'r7-065': ('add', ['96.40', '138.72', '152.36'], 2, '万元'),
    'r7-070': ('sub', ['558.00', '530.16'], 2, '万元'),
    'r7-071': ('sub', ['596.50', '558.00'], 2, '万元'),
    'r7-072': ('pct', ['52.80', '79.35'], 2, '%'),
    'r7-073': ('div', ['128.64', '41.2'], 2, '元'),
    'r7-079': ('sub', ['128', '120'], 0, '期'),
    'r7-082': ('sub', ['95', '92.4'], 1, '个百分点'),
    'r7-085': ('sub', ['2.74', '2.50'], 2, '万人'),
    'r7-088': ('sub', ['580', '514'], 0, '份'),
    'r7-110': ('pct', ['476.40', '1,284.50'], 2, '%'),
    'r7-112': ('add', ['258.88', '192.96'], 2, '万元'),
    'r7-113': ('add', ['122.40', '89.76'], 2, '万元'),
    'r7-115': ('add', ['302.46', '438.24'], 2, '万元'),
    'r7-117': ('pct', ['24.00', '1,350.00'], 2, '%'),
    'r7-119': ('div', ['1,308.50', '8.0'], 2, '元'),
    'r7-134': ('gap2', ['15', '13.0', '25', '21.8'], 1, '分'),
    'r7-135': ('sub', ['90.5', '78.0'], 1, '分'),
    'r7-137': ('sub', ['98', '95.83'], 2, '个百分点'),
    'r7-139': ('sub', ['2.80', '2.68'], 2, '万吨'),
}

# arithmetic claims in the prose: (report, op, operands, decimals, stated result)
ARITH = [
    # A 泷湾市体育局
    (A, "add", ["28", "36", "22"], 0, "86"),
    (A, "add", ["26", "34", "21"], 0, "81"),
    (A, "add", ["1,952.60", "2,315.70"], 2, "4,268.30"),
    (A, "sub", ["4,731.85", "4,268.30"], 2, "463.55"),
    (A, "add", ["34.85", "428.70"], 2, "463.55"),
    (A, "pct", ["463.55", "4,268.30"], 2, "10.86"),
    (A, "add", ["1,952.60", "34.85"], 2, "1,987.45"),
    (A, "add", ["2,315.70", "428.70"], 2, "2,744.40"),
    (A, "add", ["1,987.45", "2,744.40"], 2, "4,731.85"),
    (A, "add", ["3,826.15", "612.00", "213.70", "80.00"], 2, "4,731.85"),
    (A, "pct", ["4,468.92", "4,731.85"], 2, "94.44"),
    (A, "sub", ["4,731.85", "4,468.92"], 2, "262.93"),
    (A, "add", ["1,958.36", "2,510.56"], 2, "4,468.92"),
    (A, "pct", ["1,958.36", "4,468.92"], 2, "43.82"),
    (A, "pct", ["2,510.56", "4,468.92"], 2, "56.18"),
    (A, "pct", ["1,958.36", "1,987.45"], 2, "98.54"),
    (A, "pct", ["2,510.56", "2,744.40"], 2, "91.48"),
    (A, "add", ["1,702.48", "255.88"], 2, "1,958.36"),
    (A, "pct", ["1,702.48", "1,958.36"], 2, "86.93"),
    (A, "add", ["712.40", "1,086.55", "1,174.28", "1,495.69"], 2, "4,468.92"),
    (A, "add", ["712.40", "1,086.55"], 2, "1,798.95"),
    (A, "pct", ["1,798.95", "4,731.85"], 2, "38.02"),
    (A, "add", ["1,798.95", "1,174.28"], 2, "2,973.23"),
    (A, "pct", ["2,973.23", "4,731.85"], 2, "62.83"),
    (A, "pct", ["1,495.69", "4,468.92"], 2, "33.47"),
    (A, "add", ["16.46", "2.18"], 2, "18.64"),
    (A, "sub", ["21.30", "18.64"], 2, "2.66"),
    (A, "pct", ["2.66", "21.30"], 2, "12.49"),
    (A, "pct", ["726.50", "931.40"], 2, "78.00"),
    (A, "add", ["356.00", "256.00"], 2, "612.00"),
    (A, "pct", ["356.00", "612.00"], 2, "58.17"),
    (A, "mul", ["64", "4.85"], 2, "310.40"),
    (A, "sub", ["475.00", "367.72"], 2, "107.28"),
    (A, "sub", ["23", "17"], 0, "6"),
    (A, "add", ["10", "1", "1"], 0, "12"),
    (A, "sub", ["12", "11"], 0, "1"),
    (A, "sub", ["420", "412"], 0, "8"),
    (A, "sub", ["2.64", "2.48"], 2, "0.16"),
    (A, "sub", ["41.3", "39.5"], 1, "1.8"),
    (A, "pct", ["1,164", "1,200"], 2, "97.00"),
    (A, "pct", ["1,092", "1,164"], 1, "93.8"),
    (A, "sub", ["93.8", "91.6"], 1, "2.2"),
    (A, "sub", ["4,468.92", "4,105.66"], 2, "363.26"),
    (A, "pct", ["363.26", "4,105.66"], 2, "8.85"),
    (A, "sub", ["94.44", "92.17"], 2, "2.27"),
    (A, "sub", ["92.6", "90.2"], 1, "2.4"),
    (A, "add", ["18.4", "18.2", "28.6", "27.4"], 1, "92.6"),
    (A, "sub", ["20", "18.4"], 1, "1.6"),
    (A, "sub", ["20", "18.2"], 1, "1.8"),
    (A, "sub", ["30", "28.6"], 1, "1.4"),
    (A, "sub", ["30", "27.4"], 1, "2.6"),
    # B 蓼塘县公共文化设施免费开放
    (B, "add", ["5", "7"], 0, "12"),
    (B, "add", ["286.00", "142.00", "195.00"], 2, "623.00"),
    (B, "add", ["286.00", "142.00", "168.50"], 2, "596.50"),
    (B, "pct", ["596.50", "623.00"], 2, "95.75"),
    (B, "pct", ["168.50", "195.00"], 2, "86.41"),
    (B, "sub", ["195.00", "168.50"], 2, "26.50"),
    (B, "pct", ["575.25", "596.50"], 2, "96.44"),
    (B, "pct", ["575.25", "623.00"], 2, "92.34"),
    (B, "sub", ["596.50", "575.25"], 2, "21.25"),
    (B, "mul", ["12", "8"], 2, "96.00"),
    (B, "mul", ["164", "1"], 2, "164.00"),
    (B, "mul", ["158", "1"], 2, "158.00"),
    (B, "sub", ["164", "158"], 0, "6"),
    (B, "add", ["4", "2"], 0, "6"),
    (B, "sub", ["164.00", "158.00"], 2, "6.00"),
    (B, "add", ["96.40", "138.72", "152.36", "187.77"], 2, "575.25"),
    (B, "add", ["96.40", "138.72"], 2, "235.12"),
    (B, "pct", ["235.12", "596.50"], 2, "39.42"),
    (B, "pct", ["187.77", "575.25"], 2, "32.64"),
    (B, "sub", ["41.2", "36.5"], 1, "4.7"),
    (B, "pctchg", ["2.74", "2.50"], 1, "9.6"),
    (B, "sub", ["13.9", "12.6"], 1, "1.3"),
    (B, "sub", ["15", "12.6"], 1, "2.4"),
    (B, "div", ["301", "12"], 0, "25"),
    (B, "mul", ["12", "24"], 0, "288"),
    (B, "sub", ["66.5", "61.2"], 1, "5.3"),
    (B, "div", ["66.5", "35.0"], 1, "1.9"),
    (B, "scale", ["12.6", "15", "6"], 2, "5.04"),
    (B, "scale", ["158", "164", "6"], 2, "5.78"),
    (B, "scale", ["97.6", "100", "5"], 2, "4.88"),
    (B, "scale", ["92.4", "95", "8"], 2, "7.78"),
    (B, "scale", ["80", "100", "7"], 2, "5.60"),
    (B, "scale", ["88.6", "90", "10"], 2, "9.84"),
    (B, "scale", ["95.75", "100", "5"], 2, "4.79"),
    (B, "add", ["6.00", "6.00", "5.04", "6.00", "5.78", "4.88", "5.00", "5.00", "5.00"], 2, "48.70"),
    (B, "add", ["6", "6", "6", "6", "6", "5", "5", "5", "5"], 0, "50"),
    (B, "add", ["8.00", "7.00", "7.78", "5.60"], 2, "28.38"),
    (B, "add", ["8", "7", "8", "7"], 0, "30"),
    (B, "add", ["4.79", "5.00"], 2, "9.79"),
    (B, "add", ["48.70", "28.38", "9.84", "9.79"], 2, "96.71"),
    (B, "sub", ["6", "5.04"], 2, "0.96"),
    (B, "sub", ["6", "5.78"], 2, "0.22"),
    (B, "sub", ["5", "4.88"], 2, "0.12"),
    (B, "sub", ["8", "7.78"], 2, "0.22"),
    (B, "sub", ["7", "5.60"], 2, "1.40"),
    (B, "sub", ["10", "9.84"], 2, "0.16"),
    (B, "sub", ["5", "4.79"], 2, "0.21"),
    (B, "add", ["0.96", "0.22", "0.12", "0.22", "1.40", "0.16", "0.21"], 2, "3.29"),
    (B, "sub", ["100", "96.71"], 2, "3.29"),
    (B, "pct", ["580", "600"], 2, "96.67"),
    (B, "pct", ["514", "580"], 1, "88.6"),
    (B, "sub", ["90.3", "88.6"], 1, "1.7"),
    (B, "sub", ["90", "88.6"], 1, "1.4"),
    (B, "pct", ["530.16", "558.00"], 2, "95.01"),
    (B, "sub", ["575.25", "530.16"], 2, "45.09"),
    (B, "pctchg", ["575.25", "530.16"], 2, "8.50"),
    (B, "sub", ["96.44", "95.01"], 2, "1.43"),
    (B, "sub", ["96.71", "94.25"], 2, "2.46"),
    # C 箬阳市市级储备粮保管及轮换费用补贴
    (C, "add", ["3.2", "4.0", "0.8"], 1, "8.0"),
    (C, "sub", ["8.0", "7.5"], 1, "0.5"),
    (C, "mul", ["8.0", "100"], 2, "800.00"),  # 万吨 x 元/吨 -> 万元
    (C, "mul", ["2.80", "60"], 2, "168.00"),
    (C, "add", ["800.00", "168.00", "358.00", "24.00"], 2, "1,350.00"),
    (C, "pct", ["1,308.50", "1,350.00"], 2, "96.93"),
    (C, "sub", ["1,350.00", "1,308.50"], 2, "41.50"),
    (C, "sub", ["168.00", "158.10"], 2, "9.90"),
    (C, "sub", ["358.00", "326.40"], 2, "31.60"),
    (C, "add", ["9.90", "31.60"], 2, "41.50"),
    (C, "add", ["1.06", "1.35", "0.27"], 2, "2.68"),
    (C, "dot", ["1.06", "60", "1.35", "60", "0.27", "50"], 2, "158.10"),
    (C, "mul", ["3.0", "100"], 2, "300.00"),
    (C, "mul", ["2.2", "100"], 2, "220.00"),
    (C, "mul", ["1.6", "100"], 2, "160.00"),
    (C, "mul", ["1.2", "100"], 2, "120.00"),
    (C, "add", ["300.00", "54.00", "122.40"], 2, "476.40"),
    (C, "add", ["220.00", "46.50", "89.76"], 2, "356.26"),
    (C, "add", ["160.00", "33.60", "65.28"], 2, "258.88"),
    (C, "add", ["120.00", "24.00", "48.96"], 2, "192.96"),
    (C, "add", ["1,284.50", "24.00"], 2, "1,308.50"),
    (C, "pct", ["800.00", "1,308.50"], 2, "61.14"),
    (C, "pct", ["326.40", "1,308.50"], 2, "24.94"),
    (C, "pct", ["158.10", "1,308.50"], 2, "12.08"),
    (C, "add", ["281.60", "286.20", "302.46", "438.24"], 2, "1,308.50"),
    (C, "add", ["281.60", "286.20"], 2, "567.80"),
    (C, "pct", ["567.80", "1,308.50"], 2, "43.39"),
    (C, "add", ["2", "2", "2"], 0, "6"),
    (C, "pct", ["396", "420"], 2, "94.29"),
    (C, "pct", ["352", "396"], 2, "88.89"),
    (C, "add", ["15", "25", "35", "25"], 0, "100"),
    (C, "add", ["13.0", "20.5", "31.2", "21.8"], 1, "86.5"),
    (C, "sub", ["86.5", "82.3"], 1, "4.2"),
    (C, "add", ["4.0", "4.0", "5.0"], 1, "13.0"),
    (C, "add", ["10.5", "10.0"], 1, "20.5"),
    (C, "add", ["11.2", "10.5", "4.5", "5.0"], 1, "31.2"),
    (C, "add", ["13.6", "3.8", "4.4"], 1, "21.8"),
    (C, "add", ["4", "5", "6"], 0, "15"),
    (C, "add", ["13", "12"], 0, "25"),
    (C, "add", ["12", "12", "6", "5"], 0, "35"),
    (C, "add", ["15", "5", "5"], 0, "25"),
    (C, "sub", ["5", "4.0"], 1, "1.0"),
    (C, "sub", ["6", "5.0"], 1, "1.0"),
    (C, "sub", ["25", "20.5"], 1, "4.5"),
    (C, "pct", ["2.68", "2.80"], 2, "95.71"),
    (C, "pct", ["46", "48"], 2, "95.83"),
    (C, "sub", ["48", "46"], 0, "2"),
    (C, "sub", ["5.5", "4"], 1, "1.5"),
    (C, "sub", ["56", "50"], 0, "6"),
    (C, "sub", ["1,308.50", "1,246.80"], 2, "61.70"),
    (C, "pctchg", ["1,308.50", "1,246.80"], 2, "4.95"),
    (C, "sub", ["97.50", "95.83"], 2, "1.67"),
    (C, "pct", ["41.50", "1,350.00"], 2, "3.07"),
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
        if not re.fullmatch(r"r7-\d{3}", iid):
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
                stated = [r for r, t in src.items() if all(nows(e) in nows(t) for e in it["evidence"]) and re.search(rf"(?<![\d.,]){re.escape(bare)}(?![\d,]|\.\d)", t)]
                if stated and len(bare) >= 3:
                    notes.append(f"{iid}: computed result {bare} also occurs in {stated}")
                need += it["figures"][1:]
            else:
                need += it["figures"]
            homes = [r for r, t in src.items()
                     if all(s in t for s in need) and all(nows(e) in nows(t) for e in it["evidence"])]
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
