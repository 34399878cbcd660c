#!/usr/bin/env python3
"""Sanity check for the dev_colloq QA set. Exits 0 when clean, 1 otherwise.

Checks: every line is a JSON object with exactly the keys
  id, question, category, answer, figures, evidence, difficulty  (+ "computed": true on computed items);
ids unique and sequential (c-001 ...); category / difficulty in the allowed sets;
every figure of a non-computed item and every evidence string (<= 40 chars) occurs verbatim
in the item's source report; unanswerable items carry no figures and no evidence;
each source report has the test-only title mark and 5,000-9,000 Chinese characters.
"""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
QA = os.path.join(HERE, "dev_qa.jsonl")

# id ranges -> source report (the QA file itself has no source key)
SOURCES = [
    (1, 30, "qinglan_sifaju_2024.txt"),      # 青岚市司法局 2024 部门整体支出绩效自评 (corpus: PDF)
    (31, 60, "yunxi_tuiyijunren_2025.txt"),  # 云溪县 退役军人服务保障项目 2025 项目自评 (corpus: DOCX)
    (61, 90, "songling_gengdi_2024.txt"),    # 松岭市 耕地保护补偿专项资金 2024 第三方评价 (corpus: TXT)
]
KEYS = {"id", "question", "category", "answer", "figures", "evidence", "difficulty"}
CATS = {"spending", "target", "outcome", "function", "evaluation", "multi_hop", "unanswerable"}
DIFFS = {"easy", "medium", "hard"}
CJK = re.compile(r"[\u4e00-\u9fff]")


def source_for(n):
    for lo, hi, name in SOURCES:
        if lo <= n <= hi:
            return name
    return None


def main():
    errs = []
    texts = {}
    for _, _, name in SOURCES:
        t = open(os.path.join(HERE, "source", name), encoding="utf-8").read()
        texts[name] = t
        first = t.splitlines()[0]
        if "（虚构示例，仅供测试）" not in first:
            errs.append("%s: title lacks the test-only mark" % name)
        n = len(CJK.findall(t))
        if not 5000 <= n <= 9000:
            errs.append("%s: %d Chinese characters, outside 5,000-9,000" % (name, n))

    items, seen = [], set()
    for ln, line in enumerate(open(QA, encoding="utf-8"), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except ValueError as e:
            errs.append("line %d: bad JSON (%s)" % (ln, e))
            continue
        if not isinstance(d, dict):
            errs.append("line %d: not an object" % ln)
            continue
        items.append(d)
        keys = set(d)
        comp = d.get("computed")
        want = KEYS | ({"computed"} if "computed" in d else set())
        if keys != want:
            errs.append("line %d: keys %s" % (ln, sorted(keys)))
        if "computed" in d and comp is not True:
            errs.append("line %d: computed must be true when present" % ln)
        i = d.get("id", "")
        m = re.fullmatch(r"c-(\d{3})", str(i))
        if not m:
            errs.append("line %d: bad id %r" % (ln, i))
            continue
        if i in seen:
            errs.append("%s: duplicate id" % i)
        seen.add(i)
        if int(m.group(1)) != len(items):
            errs.append("%s: ids not sequential" % i)
        src = source_for(int(m.group(1)))
        if src is None:
            errs.append("%s: id outside the source ranges" % i)
            continue
        text = texts[src]
        if d.get("category") not in CATS:
            errs.append("%s: category %r" % (i, d.get("category")))
        if d.get("difficulty") not in DIFFS:
            errs.append("%s: difficulty %r" % (i, d.get("difficulty")))
        for k in ("question", "answer"):
            if not isinstance(d.get(k), str) or not d.get(k).strip():
                errs.append("%s: empty %s" % (i, k))
        figs, evs = d.get("figures"), d.get("evidence")
        if not isinstance(figs, list) or not all(isinstance(x, str) and x for x in figs):
            errs.append("%s: figures must be a list of non-empty strings" % i)
            figs = []
        if not isinstance(evs, list) or not all(isinstance(x, str) and x for x in evs):
            errs.append("%s: evidence must be a list of non-empty strings" % i)
            evs = []
        if d.get("category") == "unanswerable":
            if figs or evs:
                errs.append("%s: unanswerable item with figures/evidence" % i)
            if comp:
                errs.append("%s: unanswerable item marked computed" % i)
        else:
            if not evs:
                errs.append("%s: answerable item without evidence" % i)
        if comp and not figs:
            errs.append("%s: computed item without a computed figure" % i)
        if not comp:
            for f in figs:
                if f not in text:
                    errs.append("%s: figure %r not in %s" % (i, f, src))
        for e in evs:
            if len(e) > 40:
                errs.append("%s: evidence longer than 40 chars: %r" % (i, e))
            if "\n" in e or e not in text:
                errs.append("%s: evidence not verbatim in %s: %r" % (i, src, e))

    for e in errs:
        print("ERROR", e)
    by_src = collections.Counter(source_for(int(d["id"][2:])) for d in items if "id" in d)
    by_cat = collections.Counter(d.get("category") for d in items)
    by_lang = collections.Counter("zh" if CJK.search(d.get("question", "")) else "en" for d in items)
    by_diff = collections.Counter(d.get("difficulty") for d in items)
    print("items:", len(items), "| computed:", sum(1 for d in items if d.get("computed")),
          "| qualitative (answerable, no figures):",
          sum(1 for d in items if d.get("category") != "unanswerable" and not d.get("figures")))
    print("by report:", dict(by_src))
    print("by category:", dict(by_cat))
    print("by language:", dict(by_lang))
    print("by difficulty:", dict(by_diff))
    print("OK" if not errs else "%d error(s)" % len(errs))
    return 0 if not errs else 1


if __name__ == "__main__":
    sys.exit(main())
