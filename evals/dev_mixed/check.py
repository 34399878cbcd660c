#!/usr/bin/env python3
"""Self-check of the dev_mixed set (standard library only).

    python3 check.py            # checks source/ and dev_qa.jsonl
    python3 check.py --corpus   # also checks the indexed forms in corpus/
                                # (GBK text and DOCX with the standard library;
                                #  the PDF only if pdfplumber happens to be importable)

Prints ALL CLEAN and exits 0 when every check passes.
"""
import json
import re
import sys
import zipfile
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

HERE = Path(__file__).resolve().parent

REPORTS = {
    "garbage_2024": "source/garbage_2024.txt",
    "sci_fund_2023": "source/sci_fund_2023.txt",
    "market_2025": "source/market_2025.txt",
}
# ids are ordered by report; the last eight belong to no report
RANGES = [
    (1, 28, "garbage_2024"),
    (29, 56, "sci_fund_2023"),
    (57, 82, "market_2025"),
    (83, 90, None),
]
KEYS = ["id", "question", "category", "answer", "figures", "evidence", "difficulty"]
CATEGORIES = {"spending", "target", "outcome", "function", "evaluation", "multi_hop", "unanswerable"}
DIFFICULTIES = {"easy", "medium", "hard"}
EXPECTED = {"lookup": 35, "computed": 12, "qualitative": 15, "near_miss": 20, "nonsense": 8}
EXPECTED_LANG = {"english": 10, "traditional": 5}

# Computed items: (expression over the operands {0}, {1}, ..., operands, result as written).
COMPUTED = {
    "d-013": [("{0}-{1}", ["5,180.00万元", "4,972.35万元"], "207.65万元")],
    "d-014": [("{0}-{1}", ["4,972.35万元", "4,415.80万元"], "556.55万元"),
              ("({0}-{1})/{1}*100", ["4,972.35万元", "4,415.80万元"], "12.60%")],
    "d-015": [("{0}/{1}*100", ["1,500.00万元", "5,180.00万元"], "28.96%")],
    "d-016": [("{0}-{1}", ["39.6%", "38%"], "1.6%")],
    "d-041": [("{0}-{1}", ["8,600.00万元", "7,948.62万元"], "651.38万元")],
    "d-042": [("{0}-{1}", ["38.62亿元", "31.47亿元"], "7.15亿元"),
              ("({0}-{1})/{1}*100", ["38.62亿元", "31.47亿元"], "22.72%")],
    "d-043": [("{0}-{1}", ["16件", "15.8件"], "0.2件")],
    "d-044": [("{0}*{1}", ["20万元", "52家"], "1,040万元")],
    "d-068": [("{0}-{1}", ["12,135.28万元", "11,728.94万元"], "406.34万元"),
              ("({0}-{1})/{1}*100", ["12,135.28万元", "11,728.94万元"], "3.46%")],
    "d-069": [("{0}-{1}", ["59.62万元", "54.27万元"], "5.35万元")],
    "d-070": [("{0}/{1}*100", ["11,902.15万元", "12,486.73万元"], "95.32%")],
    "d-071": [("{0}-{1}", ["99.62%", "98%"], "1.62%")],
}

# Near misses: patterns that must NOT occur in the item's report (the thing asked is absent).
ABSENT = {
    "d-022": [r"督导员[^。]{0,6}满意度", r"满意度[^。]{0,4}督导员"],
    "d-023": [r"2022"],
    "d-024": [r"每辆", r"单价", r"单车"],
    "d-025": [r"无害化"],
    "d-026": [r"补贴[^。]{0,10}[第一二三四]+季度", r"[第一二三四]+季度[^。]{0,10}补贴"],
    "d-027": [r"督导员\d", r"\d+名督导员", r"督导员[共约计]\d", r"督导员[^。]{0,4}\d+人"],
    "d-028": [r"其他垃圾[^。]{0,12}\d[\d,.]*吨", r"其他垃圾日均"],
    "d-050": [r"2022年度"],
    "d-051": [r"高校", r"科研院所"],
    "d-052": [r"贴息"],
    "d-053": [r"季度"],
    "d-054": [r"技术合同[^。]{0,10}\d+项", r"\d+项技术合同"],
    "d-055": [r"高价值"],
    "d-056": [r"验收通过率", r"验收率"],
    "d-077": [r"2023"],
    "d-078": [r"城关", r"所[^。]{0,4}经费\d"],
    "d-079": [r"药品[^。]{0,10}合格率", r"药品抽检"],
    "d-080": [r"满意度\s*\d", r"满意度[为达是]"],
    "d-081": [r"2026年[^。]{0,12}\d[\d,.]*万元"],
    "d-082": [r"\d[\d,]*台"],
}
# Nonsense inputs: patterns that must not occur in any report (beyond the shared place names).
NONSENSE_ABSENT = {
    "d-083": [r"<script"], "d-084": [r"系统提示词"], "d-085": [r"下雨", r"天气"],
    "d-086": [r"七言", r"绝句"], "d-087": [r"啊啊"], "d-088": [r"SELECT", r"DROP"],
    "d-089": [r"比特币"], "d-090": [r"火锅"],
}

# Internal arithmetic of the reports: (report, expression, expected figure).
ARITH = [
    ("garbage_2024", "4860.00+320.00", "5,180.00万元"),
    ("garbage_2024", "3680.00+1500.00", "5,180.00万元"),
    ("garbage_2024", "1260.00+1540.00+1380.00+620.00+380.00", "5,180.00万元"),
    ("garbage_2024", "1218.40+1502.66+1329.75+566.32+355.22", "4,972.35万元"),
    ("garbage_2024", "612.48+1186.90+1403.27+1769.70", "4,972.35万元"),
    ("garbage_2024", "612.48+1186.90", "1,799.38万元"),
    ("garbage_2024", "1799.38/5180.00*100", "34.74%"),
    ("garbage_2024", "4972.35/5180.00*100", "95.99%"),
    ("garbage_2024", "566.32/620.00*100", "91.34%"),
    ("garbage_2024", "1236/1200*100", "103.00%"),
    ("garbage_2024", "241773*55/10000", "1,329.75万元"),
    ("garbage_2024", "241773/366", "660.6吨"),
    ("garbage_2024", "14.5+19.0+33.2+28.9", "95.6分"),
    ("sci_fund_2023", "3200.00+2400.00+1300.00+1100.00+600.00", "8,600.00万元"),
    ("sci_fund_2023", "3156.80+2038.50+1290.00+962.42+500.90", "7,948.62万元"),
    ("sci_fund_2023", "7948.62/8600.00*100", "92.43%"),
    ("sci_fund_2023", "2038.50/2400.00*100", "84.94%"),
    ("sci_fund_2023", "962.42/1100.00*100", "87.49%"),
    ("sci_fund_2023", "20*52+10*25", "1,290.00万元"),
    ("sci_fund_2023", "241/260*100", "92.69%"),
    ("sci_fund_2023", "3412.60/7948.62*100", "42.93%"),
    ("sci_fund_2023", "33/36*100", "91.67%"),
    ("sci_fund_2023", "17.00+16.50+26.30+23.80", "83.60分"),
    ("market_2025", "11902.15+318.40+266.18", "12,486.73万元"),
    ("market_2025", "7105.36+1159.15", "8,264.51万元"),
    ("market_2025", "8264.51+3870.77", "12,135.28万元"),
    ("market_2025", "12135.28/12580.00*100", "96.46%"),
    ("market_2025", "46.83+7.44", "54.27万元"),
    ("market_2025", "842.16/1089.73*100", "77.28%"),
    ("market_2025", "135+36", "171人"),
    ("market_2025", "18.50+23.20+28.75+23.00", "93.45分"),
]

TRAD_CHARS = set("對滿為麼沒買臨評機後議場監幾區類調問報費總與這們說會時產業車輛應過還經發開關項專頁實際額獲導補資與請標準處級數據聯網認識變")
CJK = re.compile(r"[\u4e00-\u9fff]")
NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")

errors = []


def err(msg):
    errors.append(msg)


def num(fig):
    m = NUM.search(fig)
    return Decimal(m.group().replace(",", ""))


def decimals(fig):
    s = NUM.search(fig).group()
    return len(s.split(".")[1]) if "." in s else 0


def recompute(expr, operands, result):
    vals = [str(num(o)) for o in operands]
    value = eval(expr.format(*["Decimal('%s')" % v for v in vals]), {"Decimal": Decimal})
    q = Decimal(1).scaleb(-decimals(result))
    return value.quantize(q, rounding=ROUND_HALF_UP) == num(result).quantize(q)


def report_of(n):
    for lo, hi, rep in RANGES:
        if lo <= n <= hi:
            return rep
    return "?"


def main():
    texts = {k: (HERE / p).read_text(encoding="utf-8") for k, p in REPORTS.items()}
    lines = {k: [ln for ln in t.splitlines() if ln.strip()] for k, t in texts.items()}
    prose = {k: [ln for ln in ls if "｜" not in ln] for k, ls in lines.items()}

    # reports themselves
    for k, t in texts.items():
        title = lines[k][0]
        if "（虚构示例，仅供测试）" not in title:
            err(f"{k}: title lacks （虚构示例，仅供测试）")
        n = len(CJK.findall(t))
        if not 3000 <= n <= 6000:
            err(f"{k}: {n} CJK characters, outside 3,000–6,000")
        try:
            t.encode("gbk")
        except UnicodeEncodeError as e:
            err(f"{k}: not GBK-encodable: {e}")
    for rep, expr, fig in ARITH:
        if fig not in texts[rep]:
            err(f"ARITH {rep}: {fig} not in report")
        value = eval(expr, {}, {})
        q = Decimal(1).scaleb(-decimals(fig))
        if Decimal(repr(value)).quantize(q, rounding=ROUND_HALF_UP) != num(fig).quantize(q):
            err(f"ARITH {rep}: {expr} = {value}, report says {fig}")

    items = [json.loads(ln) for ln in (HERE / "dev_qa.jsonl").read_text(encoding="utf-8").splitlines() if ln.strip()]
    kinds = {k: 0 for k in EXPECTED}
    langs = {"english": 0, "traditional": 0}
    seen_ids, seen_q = set(), set()
    for i, it in enumerate(items, 1):
        iid = it.get("id")
        want_keys = KEYS + (["computed"] if "computed" in it else [])
        if list(it.keys()) != want_keys:
            err(f"{iid}: keys {list(it.keys())}")
        if iid != "d-%03d" % i:
            err(f"{iid}: expected id d-{i:03d}")
        if iid in seen_ids:
            err(f"{iid}: duplicate id")
        seen_ids.add(iid)
        if it["question"] in seen_q:
            err(f"{iid}: duplicate question")
        seen_q.add(it["question"])
        if it["category"] not in CATEGORIES:
            err(f"{iid}: bad category {it['category']}")
        if it["difficulty"] not in DIFFICULTIES:
            err(f"{iid}: bad difficulty {it['difficulty']}")
        if "computed" in it and it["computed"] is not True:
            err(f"{iid}: computed must be true when present")
        q = it["question"]
        if not CJK.search(q) and re.search(r"[A-Za-z]{3,}", q):
            langs["english"] += 1
        if TRAD_CHARS & set(q):
            langs["traditional"] += 1

        rep = report_of(i)
        figs, ev = it["figures"], it["evidence"]
        if it["category"] == "unanswerable":
            if figs or ev:
                err(f"{iid}: unanswerable item with figures/evidence")
            if "computed" in it:
                err(f"{iid}: unanswerable item marked computed")
            if it["answer"] == "unanswerable":
                kinds["nonsense"] += 1
                if rep is not None:
                    err(f"{iid}: nonsense item inside a report's id range")
                for pat in NONSENSE_ABSENT.get(iid, []):
                    for k, t in texts.items():
                        if re.search(pat, t):
                            err(f"{iid}: {pat!r} occurs in {k}")
                if iid not in NONSENSE_ABSENT:
                    err(f"{iid}: no NONSENSE_ABSENT entry")
            else:
                kinds["near_miss"] += 1
                if rep is None:
                    err(f"{iid}: near miss outside the report ranges")
                    continue
                if iid not in ABSENT:
                    err(f"{iid}: no ABSENT entry")
                for pat in ABSENT.get(iid, []):
                    m = re.search(pat, texts[rep])
                    if m:
                        err(f"{iid}: {pat!r} occurs in {rep}: {m.group()!r}")
            continue
        if rep is None:
            err(f"{iid}: answerable item outside the report ranges")
            continue
        if it["answer"] == "unanswerable":
            err(f"{iid}: answer 'unanswerable' on an answerable item")
        if not ev:
            err(f"{iid}: no evidence")
        for e in ev:
            if not any(e in ln for ln in prose[rep]):
                err(f"{iid}: evidence not a substring of one prose line of {rep}: {e}")
            for other, ls in prose.items():
                if other != rep and any(e in ln for ln in ls):
                    err(f"{iid}: evidence also found in {other}: {e}")
        for f in figs:
            if f not in it["answer"]:
                err(f"{iid}: figure {f} not written in the answer")
        if it.get("computed"):
            kinds["computed"] += 1
            spec = COMPUTED.get(iid)
            if not spec:
                err(f"{iid}: computed item without COMPUTED entry")
                continue
            named = set()
            for expr, ops, res in spec:
                named.update(ops)
                named.add(res)
                for o in ops:
                    if o not in texts[rep]:
                        err(f"{iid}: operand {o} not in {rep}")
                if not recompute(expr, ops, res):
                    err(f"{iid}: {expr} over {ops} does not give {res}")
            if named != set(figs):
                err(f"{iid}: figures {figs} differ from COMPUTED operands/results {sorted(named)}")
        elif figs:
            kinds["lookup"] += 1
            for f in figs:
                if f not in texts[rep]:
                    err(f"{iid}: figure {f} not in {rep}")
        else:
            kinds["qualitative"] += 1
    for k in COMPUTED:
        if not any(it["id"] == k and it.get("computed") for it in items):
            err(f"COMPUTED entry {k} has no computed item")

    if len(items) != 90:
        err(f"{len(items)} items, expected 90")
    if kinds != EXPECTED:
        err(f"kinds {kinds}, expected {EXPECTED}")
    if langs != EXPECTED_LANG:
        err(f"languages {langs}, expected {EXPECTED_LANG}")

    if "--corpus" in sys.argv:
        check_corpus(lines)

    print("kinds:", kinds)
    print("languages:", langs)
    if errors:
        for e in errors:
            print("ERROR:", e)
        print(f"{len(errors)} problem(s)")
        return 1
    print("ALL CLEAN")
    return 0


def squash(s):
    return re.sub(r"\s|｜", "", s)


def check_corpus(lines):
    corpus = HERE / "corpus"
    got = {}
    gbk = corpus / "market_2025_gbk.txt"
    raw = gbk.read_bytes().decode("gbk")
    got["market_2025"] = squash(re.sub(r"^- \d+ -$", "", raw, flags=re.M))
    with zipfile.ZipFile(corpus / "sci_fund_2023.docx") as z:
        xml = z.read("word/document.xml").decode("utf-8")
    paras = re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S)
    got["sci_fund_2023"] = squash("".join("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)) for p in paras))
    try:
        import pdfplumber  # optional, not required
        with pdfplumber.open(corpus / "garbage_2024.pdf") as pdf:
            txt = "\n".join(p.extract_text() or "" for p in pdf.pages)
        got["garbage_2024"] = squash(re.sub(r"^- \d+ -$", "", txt, flags=re.M))
    except ImportError:
        print("note: pdfplumber not importable, PDF not checked")
    for rep, flat in got.items():
        for ln in lines[rep]:
            if squash(ln) not in flat:
                err(f"corpus {rep}: line not found in indexed form: {ln[:40]}")


if __name__ == "__main__":
    sys.exit(main())
