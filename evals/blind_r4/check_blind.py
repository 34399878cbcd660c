#!/usr/bin/env python3
"""Self-check for blind_qa.jsonl against source/*.txt.  Exit 0 when clean.

Checks: exact keys, unique ids, allowed categories/difficulties, every
evidence string (<= 40 chars) and every figure of an answerable,
non-computed item occurs verbatim in ONE source report; computed items have
figures; unanswerable items have empty figures and evidence.
Also prints counts by category, difficulty, report and language.
"""

import collections
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = {"id", "question", "category", "answer", "figures", "evidence", "difficulty"}
CATS = {"spending", "target", "outcome", "function", "evaluation", "multi_hop", "unanswerable"}
DIFFS = {"easy", "medium", "hard"}
# report key -> words that name it in a question (used only for counting
# unanswerable items, which have no evidence)
NAMES = {
    "a_congyang_yibao_2024": [
        "琮阳",
        "琮陽",
        "Congyang",
        "医保",
        "醫保",
        "医疗保障",
        "醫療保障",
        "medical security",
        "medical insurance",
        "卫生健康",
    ],
    "b_yuanting_gaobiaozhunnongtian_2025": [
        "沅汀",
        "Yuanting",
        "高标准农田",
        "高標準農田",
        "farmland",
        "芦湾",
        "桐溪",
        "白鹭",
        "石桥",
        "农田",
        "土壤改良",
        "中央资金",
    ],
    "c_jingchuan_nongcungongshui_2023": [
        "璟川",
        "Jingchuan",
        "供水",
        "水费",
        "water",
        "鹭汀",
        "苍屿",
        "蒼嶼",
        "橘湾",
        "橘灣",
        "棠梨",
        "Tangli",
        "正衡",
        "第三方评价",
    ],
}
TRAD = set("陽醫療險觀農標準眾滿積專價評級麼縣區嶼灣範圍圍測檢規劃劃蓋") | set(
    "霽楓嶺嵐縣幾麼組織蓋災燒評價績標區養護裡這項報時達歲們為對與會長據體總數費業產開關預調錢佔視頻監設備線統計務車運維問發過麼為撲殘聯實際"
)


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
    by = {k: collections.Counter() for k in ("category", "difficulty", "report", "language")}
    n_comp = 0
    for it in items:
        iid = it.get("id", "?")
        keys = set(it)
        if keys != BASE and keys != BASE | {"computed"}:
            errs.append("%s: keys %s" % (iid, sorted(keys)))
            continue
        if "computed" in it:
            if it["computed"] is not True:
                errs.append("%s: computed must be true when present" % iid)
            n_comp += 1
        if not re.fullmatch(r"r4-\d{3}", iid):
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
        report = None
        if it["category"] == "unanswerable":
            if it["figures"] or it["evidence"]:
                errs.append("%s: unanswerable with figures/evidence" % iid)
            if "computed" in it:
                errs.append("%s: unanswerable marked computed" % iid)
            hits = [r for r, ws in NAMES.items() if any(w in it["question"] for w in ws)]
            report = hits[0] if len(hits) >= 1 else "none"
        else:
            if not it["evidence"]:
                errs.append("%s: answerable without evidence" % iid)
            for e in it["evidence"]:
                if len(e) > 40:
                    errs.append("%s: evidence longer than 40 chars: %s" % (iid, e))
            need = list(it["evidence"])
            if "computed" in it:
                if not it["figures"]:
                    errs.append("%s: computed item without figures" % iid)
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
    print("items: %d  computed: %d" % (len(items), n_comp))
    for k, c in by.items():
        print("%-10s %s" % (k, dict(sorted(c.items()))))
    for e in errs:
        print("ERROR", e)
    print("OK" if not errs else "%d error(s)" % len(errs))
    return 0 if not errs else 1


if __name__ == "__main__":
    sys.exit(main())
