#!/usr/bin/env python3
"""Self-check of the blind evaluation set (no product code involved).

    python3 check_blind.py            # checks against source/*.txt
    python3 check_blind.py --corpus   # also looks for every figure in the indexed forms
                                      # (PDF needs pdfplumber; skipped if missing)

Verifies:
  * blind_qa.jsonl: exact keys, ids b-001.. in order, valid category/difficulty, unique questions;
  * every evidence string (8-60 chars) occurs verbatim in ONE line of one report's clean text,
    all evidence of an item in the same report;
  * every non-computed figure occurs verbatim in that report;
  * computed figures recompute (half-up, same decimals) from operands listed in COMPUTED,
    and the operands themselves occur verbatim in the report;
  * unanswerable items have no figures/evidence and their key terms are really absent
    (UNANSWERABLE: literal terms + regexes, searched in the named report or in all reports);
  * a few arithmetic identities inside the reports (ARITH).
Exit status 0 = clean.
"""
import json
import re
import sys
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPORTS = ["project_2024", "thirdparty_2023", "dept_2022"]
CATEGORIES = {"spending", "target", "outcome", "function", "evaluation", "multi_hop", "unanswerable"}
DIFFICULTIES = {"easy", "medium", "hard"}
KEYS = {"id", "question", "category", "answer", "figures", "evidence", "difficulty"}

P, T, D, ALL = "project_2024", "thirdparty_2023", "dept_2022", None

COMPUTED = {
    'b-004': ('sub', ['91.31%', '86.74%'], '4.57%'),
    'b-012': ('sub', ['19.2公里', '18.5公里'], '0.7公里'),
    'b-013': ('sub', ['3,974.54万元', '3,688.42万元'], '286.12万元'),
    'b-016': ('sub', ['16,500户', '15,620户'], '880户'),
    'b-020': ('sub', ['95.55分', '92.80分'], '2.75分'),
    'b-026': ('sub', ['84.75分', '81.60分'], '3.15分'),
    'b-030': ('sub', ['1,200人次', '1,168人次'], '32人次'),
    'b-039': ('sub', ['38.60万元', '31.27万元'], '7.33万元'),
    'b-040': ('sub', ['96.34%', '94.52%'], '1.82%'),
    'b-044': ('add', ['603.48万元', '176.90万元'], '780.38万元'),
    'b-068': ('sub', ['9,528.16万元', '8,874.35万元'], '653.81万元'),
    'b-073': ('sub', ['92.60%', '90.85%'], '1.75%'),
    'b-077': ('sub', ['98,736人', '93,512人'], '5,224人'),
    'b-081': ('sub', ['10,957.33万元', '6,842.15万元'], '4,115.18万元'),
    'b-085': ('sub', ['33,480人', '32,000人'], '1,480人'),
    'b-086': ('sub', ['35.84万元', '31.27万元'], '4.57万元'),
    'b-112': ('sub', ['65%', '63.20%'], '1.80%'),
    'b-117': ('sub', ['12,000.00万元', '10,500.00万元'], '1,500.00万元'),
}

UNANSWERABLE = {
    'b-006': ('project_2024', ['续约'], []),
    'b-009': (None, ['asdkj', 'qwe123'], []),
    'b-011': ('project_2024', ['每人每年', '签约服务费'], []),
    'b-015': ('thirdparty_2023', ['村干部满意度'], ['村干部[^。]*满意度']),
    'b-022': ('thirdparty_2023', [], ['西溪县[^。]*户厕[^。]*万元']),
    'b-027': ('project_2024', ['家庭医生满意度', '医务人员满意度', '团队满意度'], []),
    'b-032': ('thirdparty_2023', ['每吨', '吨水'], []),
    'b-035': ('project_2024', [], ['DR[^。；]*万元', 'X射线摄影系统[^。；]*万元']),
    'b-036': ('dept_2022', [], ['白沙河[^。]*万元']),
    'b-047': ('dept_2022', [], ['2023年[^。]*预算[^。]*万元']),
    'b-048': ('thirdparty_2023', ['分类准确率', '准确率'], []),
    'b-050': ('project_2024', [], ['2023年[^。]*季度']),
    'b-057': ('dept_2022', [], ['离退休人员费用[^。；]*万元']),
    'b-058': ('project_2024', ['部门整体', '部门预算执行率'], []),
    'b-060': ('dept_2022', ['企业用水户'], []),
    'b-061': ('thirdparty_2023', ['2021年度'], ['2021年[^。]*得分']),
    'b-062': ('project_2024', [], ['2022年[^。]*执行率']),
    'b-065': ('thirdparty_2023', ['部门整体'], []),
    'b-067': (None, ['<script>'], []),
    'b-074': ('dept_2022', [], ['2021年[^。]*公务接待']),
    'b-079': ('project_2024', ['孕产妇系统管理率', '系统管理率'], []),
    'b-082': ('thirdparty_2023', ['截至2023年3月31日'], ['第一季度[^。]*支出', '一季度[^。]*万元']),
    'b-083': (None, ['prompt', 'instructions'], []),
    'b-088': (None, ['DROP TABLE'], []),
    'b-089': ('dept_2022', ['有效灌溉', '灌溉面积'], []),
    'b-093': ('dept_2022', [], ['2021年[^。]*(得分|自评)']),
    'b-095': ('thirdparty_2023', [], ['纳入城镇污水管网[^。]*万元']),
    'b-098': ('dept_2022', ['污水处理率', '污水'], []),
    'b-104': ('project_2024', ['血压控制率', '控制率'], []),
    'b-107': ('thirdparty_2023', [], ['村容村貌[^。]*满意度']),
    'b-111': ('dept_2022', ['第三季度', '三季度'], []),
    'b-113': (None, ['明天', '天气预报'], []),
    'b-118': ('dept_2022', ['城镇供水', '城区供水水质'], []),
    'b-122': ('thirdparty_2023', [], ['东岭县[^。]*合格率[^。]*%']),
}

# Arithmetic identities inside the reports: (report, [addends], total) -- all written as in the text.
ARITH = [
    (P, ["2,398.17", "224.64", "571.35", "603.48", "176.90"], "3,974.54"),
    (P, ["2,430.84", "226.56", "612.00", "658.00", "198.00"], "4,125.40"),
    (P, ["2,200.00", "226.56", "612.00", "680.00", "141.44"], "3,860.00"),
    (P, ["1,862.30", "935.60", "412.50", "915.00"], "4,125.40"),
    (P, ["612.35", "1,045.80", "1,128.66", "1,187.73"], "3,974.54"),
    (P, ["612.35", "1,045.80"], "1,658.15"),
    (P, ["95.17", "55.69"], "150.86"),
    (P, ["54.52", "40.65"], "95.17"),
    (P, ["32.67", "1.92", "21.10"], "55.69"),
    (P, ["486.20", "85.15"], "571.35"),
    (P, ["47.92", "28", "10", "9.63"], "95.55"),
    (T, ["3,960.00", "2,880.00", "3,640.00", "1,200.00", "320.00"], "12,000.00"),
    (T, ["3,450.00", "4,150.00", "4,400.00"], "12,000.00"),
    (T, ["3,712.80", "2,795.46", "2,986.35", "1,164.00", "298.72"], "10,957.33"),
    (T, ["4,532.18", "3,815.40", "2,609.75"], "10,957.33"),
    (T, ["13.20", "20.85", "30.40", "20.30"], "84.75"),
    (T, ["10,957.33", "1,042.67"], "12,000.00"),
    (D, ["8,312.40", "1,200.00", "334.32"], "9,846.72"),
    (D, ["1,842.33", "294.25"], "2,136.58"),
    (D, ["2,136.58", "7,391.58"], "9,528.16"),
    (D, ["3,280.45", "1,465.30", "986.72", "1,120.00", "539.11"], "7,391.58"),
    (D, ["2,176.50", "7,810.00"], "9,986.50"),
    (D, ["2.15", "29.12"], "31.27"),
    (D, ["312.40", "1,486.90", "419.34"], "2,218.64"),
    (D, ["27.40", "37.20", "18.10", "9.05"], "91.75"),
    (D, ["1,268.47", "573.86"], "1,842.33"),
    (D, ["42.18", "36.75", "18.64", "61.30", "29.12", "106.26"], "294.25"),
]
# (report, part, whole, rate as written): rate = part / whole, half-up to the written decimals
RATES = [
    (P, "3,974.54", "4,125.40", "96.34%"), (P, "4,070.40", "4,125.40", "98.67%"),
    (P, "1,862.30", "4,125.40", "45.14%"), (P, "1,658.15", "4,125.40", "40.19%"),
    (P, "2,786.81", "4,125.40", "67.55%"), (P, "3,688.42", "3,902.15", "94.52%"),
    (P, "2,398.17", "2,430.84", "98.66%"), (P, "224.64", "226.56", "99.15%"),
    (P, "571.35", "612.00", "93.36%"), (P, "603.48", "658.00", "91.71%"),
    (P, "176.90", "198.00", "89.34%"), (P, "242,050", "258,600", "93.60%"),
    (P, "29,251", "40,180", "72.80%"), (P, "70,612", "92,400", "76.42%"),
    (P, "1,168", "1,200", "97.33%"),
    (T, "10,957.33", "12,000.00", "91.31%"), (T, "3,712.80", "3,960.00", "93.76%"),
    (T, "2,795.46", "2,880.00", "97.06%"), (T, "2,986.35", "3,640.00", "82.04%"),
    (T, "1,164.00", "1,200.00", "97.00%"), (T, "298.72", "320.00", "93.35%"),
    (T, "4,532.18", "4,860.00", "93.25%"), (T, "3,815.40", "4,320.00", "88.32%"),
    (T, "2,609.75", "2,820.00", "92.54%"), (T, "1,146", "1,200", "95.50%"),
    (T, "15,620", "16,500", "94.67%"), (T, "443", "480", "92.29%"), (T, "37", "480", "7.71%"),
    (T, "427", "480", "88.96%"), (T, "705", "715", "98.60%"), (T, "13.20", "15", "88.00%"),
    (T, "20.85", "25", "83.40%"), (T, "30.40", "35", "86.86%"), (T, "20.30", "25", "81.20%"),
    (D, "9,528.16", "9,986.50", "95.41%"), (D, "2,136.58", "9,528.16", "22.42%"),
    (D, "7,391.58", "9,528.16", "77.58%"), (D, "2,136.58", "2,176.50", "98.17%"),
    (D, "7,391.58", "7,810.00", "94.64%"), (D, "3,280.45", "3,450.00", "95.09%"),
    (D, "1,465.30", "1,520.00", "96.40%"), (D, "986.72", "1,050.00", "93.97%"),
    (D, "1,120.00", "1,200.00", "93.33%"), (D, "539.11", "590.00", "91.37%"),
    (D, "31.27", "38.60", "81.01%"), (D, "1,862.75", "2,218.64", "83.96%"),
    (D, "6.35", "6.8", "93.38%"), (D, "1,251.30", "8,735.20", "14.32%"), (D, "10", "11", "90.91%"),
]
# products written in the reports: (report, [factors], product in 万元 as written)
PRODUCTS = [
    (P, ["258600", "94"], "2,430.84"), (P, ["236", "800", "12"], "226.56"),
    (P, ["234", "800", "12"], "224.64"), (T, ["16500", "2400"], "3,960.00"),
    (T, ["15470", "2400"], "3,712.80"), (T, ["30", "400000"], "1,200.00"),
]

NUM = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


def num(s):
    m = NUM.search(s)
    if not m:
        raise ValueError(f"no number in {s!r}")
    return Decimal(m.group(0).replace(",", ""))


def decimals(s):
    m = NUM.search(s)
    g = m.group(0)
    return len(g.split(".")[1]) if "." in g else 0


def unit(s):
    return NUM.sub("", s, count=1)


def fmt_like(value, like):
    """Format value half-up with the decimals and unit of `like`; thousands separators from 1,000."""
    d = decimals(like)
    q = value.quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP)
    return "{:,.{}f}".format(q, d) + unit(like)


def main():
    errors = []
    err = errors.append
    texts = {r: (HERE / "source" / (r + ".txt")).read_text(encoding="utf-8") for r in REPORTS}
    lines = {r: texts[r].splitlines() for r in REPORTS}

    items = [json.loads(l) for l in (HERE / "blind_qa.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    seen_q = set()
    for n, it in enumerate(items, 1):
        iid = it.get("id")
        extra = set(it) - KEYS - {"computed"}
        if set(it) - {"computed"} != KEYS or extra:
            err(f"{iid}: keys {sorted(it)}")
        if iid != "b-%03d" % n:
            err("%s: expected id b-%03d" % (iid, n))
        if it["category"] not in CATEGORIES:
            err("{}: category {}".format(iid, it["category"]))
        if it["difficulty"] not in DIFFICULTIES:
            err("{}: difficulty {}".format(iid, it["difficulty"]))
        if "computed" in it and it["computed"] is not True:
            err(f"{iid}: computed must be true or absent")
        q = it["question"].strip()
        if q in seen_q:
            err(f"{iid}: duplicate question")
        seen_q.add(q)
        if not it["answer"].strip():
            err(f"{iid}: empty answer")

        if it["category"] == "unanswerable":
            if it["figures"] or it["evidence"]:
                err(f"{iid}: unanswerable item must have empty figures and evidence")
            if iid not in UNANSWERABLE:
                err(f"{iid}: unanswerable item missing from UNANSWERABLE")
                continue
            rep, terms, regexes = UNANSWERABLE[iid]
            scope = REPORTS if rep is None else [rep]
            for r in scope:
                for term in terms:
                    if term.lower() in texts[r].lower():
                        err(f"{iid}: term {term!r} occurs in {r}")
                for rx in regexes:
                    m = re.search(rx, texts[r])
                    if m:
                        err(f"{iid}: regex {rx!r} matches {m.group(0)[:60]!r} in {r}")
            continue

        # answerable
        ev = it["evidence"]
        if not 1 <= len(ev) <= 3:
            err(f"{iid}: needs 1-3 evidence strings")
        reps = None
        for e in ev:
            if not 8 <= len(e) <= 60:
                err("%s: evidence length %d: %r" % (iid, len(e), e))
            where = {r for r in REPORTS if any(e in ln for ln in lines[r])}
            if not where:
                err(f"{iid}: evidence not found verbatim: {e!r}")
                continue
            reps = where if reps is None else reps & where
        if not reps:
            err(f"{iid}: evidence strings do not share one report")
            continue
        if len(reps) > 1:
            err(f"{iid}: evidence ambiguous between reports {sorted(reps)}")
        rep = sorted(reps)[0]

        if it.get("computed"):
            if iid not in COMPUTED:
                err(f"{iid}: computed item missing from COMPUTED")
                continue
            op, operands, result = COMPUTED[iid]
            for o in operands:
                if o not in texts[rep]:
                    err(f"{iid}: operand {o!r} not in {rep}")
            vals = [num(o) for o in operands]
            value = vals[0] - vals[1] if op == "sub" else sum(vals)
            want = fmt_like(value, result)
            if want != result:
                err(f"{iid}: computed {want} but listed {result}")
            if result not in it["figures"]:
                err("{}: figures {} lack computed result {}".format(iid, it["figures"], result))
            for f in it["figures"]:
                if f != result and f not in texts[rep]:
                    err(f"{iid}: figure {f!r} not in {rep}")
        else:
            if iid in COMPUTED:
                err(f"{iid}: listed in COMPUTED but not marked computed")
            for f in it["figures"]:
                if f not in texts[rep]:
                    err(f"{iid}: figure {f!r} not verbatim in {rep}")

    for iid in set(COMPUTED) | set(UNANSWERABLE):
        if iid not in {it["id"] for it in items}:
            err(f"{iid}: listed in a dict but not in the jsonl")

    # arithmetic inside the reports
    for rep, parts, total in ARITH:
        for s in parts + [total]:
            if s not in texts[rep]:
                err(f"ARITH {rep}: {s} not in text")
        if sum(num(p) for p in parts) != num(total):
            err("ARITH {}: {} != {}".format(rep, "+".join(parts), total))
    for rep, part, whole, rate in RATES:
        for s in (part, whole, rate):
            if s not in texts[rep]:
                err(f"RATES {rep}: {s} not in text")
        got = fmt_like(num(part) / num(whole) * 100, rate)
        if got != rate:
            err(f"RATES {rep}: {part}/{whole} = {got}, text says {rate}")
    for rep, factors, prod in PRODUCTS:
        v = Decimal(1)
        for f in factors:
            v *= Decimal(f)
        if (v / 10000) != num(prod) or prod not in texts[rep]:
            err(f"PRODUCTS {rep}: {factors} -> {prod}")

    if "--corpus" in sys.argv:
        corpus_check(items, texts, err)

    counts = {}
    for it in items:
        counts[it["category"]] = counts.get(it["category"], 0) + 1
    print("items: %d" % len(items), counts)
    print("computed: %d" % sum(1 for it in items if it.get("computed")))
    if errors:
        print("\n".join(errors))
        print("%d problem(s)" % len(errors))
        sys.exit(1)
    print("clean")


def squash(s):
    return re.sub(r"\s+", "", s)


def corpus_check(items, texts, err):
    """Warn (not fail) when a figure is not found in an indexed form after removing whitespace."""
    forms = {}
    raw = (HERE / "corpus" / "dept_2022_gbk.txt").read_bytes().decode("gbk")
    raw = re.sub(r"\n\s*- \d+ -\s*\n", "\n", raw)
    forms["dept_2022"] = squash(raw)
    with zipfile.ZipFile(HERE / "corpus" / "thirdparty_2023.docx") as z:
        xml = z.read("word/document.xml").decode("utf-8")
    forms["thirdparty_2023"] = squash(re.sub(r"<[^>]+>", "", xml))
    try:
        import pdfplumber
        with pdfplumber.open(HERE / "corpus" / "project_2024.pdf") as pdf:
            forms["project_2024"] = squash("".join(p.extract_text() or "" for p in pdf.pages))
    except ImportError:
        print("(pdfplumber missing: PDF not checked)")
    for r in REPORTS:
        if r in forms:
            missing = [ln for ln in texts[r].splitlines() if ln.strip() and "｜" not in ln
                       and squash(ln) not in forms[r]]
            print("corpus %-16s %d source lines not found verbatim (whitespace-insensitive)" % (r, len(missing)))
            for ln in missing[:5]:
                print("   ", ln[:50])
    for it in items:
        for f in it["figures"]:
            for r, form in forms.items():
                if f in texts[r] and f not in form:
                    print("  note {}: figure {!r} present in source/{}.txt but not in its indexed form".format(it["id"], f, r))


if __name__ == "__main__":
    main()
