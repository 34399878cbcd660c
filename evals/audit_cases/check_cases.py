#!/usr/bin/env python3
"""Self-check for the blind audit cases (standard library only, Decimal arithmetic).

Checks
  cases.jsonl
    * ids unique, relation in the allowed set, required fields present;
    * every case-level check in "operands" (a list) is consistent: its "stated"
      figure appears in the text and agrees with the recomputed value
      (exact when the recomputed value has no more decimals than the stated
      figure, otherwise within one unit of the last stated digit);
      a check with "compare": "le" only requires recomputed <= stated
      (partial 其中 lists);
    * every planted item: snippet is a substring of text, stated is a substring
      of snippet, "correct" equals the recomputed value rounded half-up to the
      stated number of decimals, and stated differs from the recomputed value
      by at least two units of its last digit (so it is a real inconsistency,
      not rounding).
  reports/*_audit.json
    * document exists, 2,500-5,000 characters, title block carries the marker;
    * planted inconsistencies checked as above against the document
      ("derived_from" holds the operands);
    * every trap snippet and every "consistent_checks" item is found in the
      document and every consistent check is consistent.

Operands: {"formula": "a/b*100", "a": "6,930", "b": "6,000"}; variables are
any keys other than formula/stated/snippet/compare/note. Values may carry
thousands separators, units (ignored) or simple Chinese numerals (十二, 二十四).
The formula must already produce the stated unit (e.g. "(a+b)/10000" for 亿元).
"""
import ast
import json
import operator
import re
import sys
from decimal import ROUND_HALF_UP, Decimal, getcontext
from pathlib import Path

getcontext().prec = 50
HERE = Path(__file__).resolve().parent
RELATIONS = {"rate", "share", "yoy", "total", "score", "quarterly", "per_capita", "repeat"}
RESERVED = {"formula", "stated", "snippet", "compare", "note"}
MARKER = "（虚构示例，仅供测试）"

CN_DIG = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
          "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNIT = {"十": 10, "百": 100, "千": 1000}


def cn_to_int(s):
    total, cur = 0, 0
    for ch in s:
        if ch in CN_DIG:
            cur = CN_DIG[ch]
        elif ch in CN_UNIT:
            total += (cur or 1) * CN_UNIT[ch]
            cur = 0
        elif ch == "万":
            total = (total + cur) * 10000
            cur = 0
    return total + cur


def parse_num(s):
    """Return (Decimal value, number of decimals) of the first number in s."""
    s = str(s)
    m = re.search(r"-?\d[\d,]*(?:\.\d+)?", s)
    if m:
        txt = m.group().replace(",", "")
        dec = len(txt.split(".")[1]) if "." in txt else 0
        return Decimal(txt), dec
    m = re.search(r"[零〇一二两三四五六七八九十百千万]+", s)
    if m:
        return Decimal(cn_to_int(m.group())), 0
    raise ValueError(f"no number in {s!r}")


OPS = {ast.Add: operator.add, ast.Sub: operator.sub,
       ast.Mult: operator.mul, ast.Div: operator.truediv}


def evaluate(formula, env):
    def ev(node):
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.BinOp) and type(node.op) in OPS:
            return OPS[type(node.op)](ev(node.left), ev(node.right))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -ev(node.operand)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return Decimal(str(node.value))
        if isinstance(node, ast.Name):
            return env[node.id]
        raise ValueError(f"unsupported expression in {formula!r}")
    return ev(ast.parse(formula, mode="eval"))


def compute(ops):
    env = {k: parse_num(v)[0] for k, v in ops.items() if k not in RESERVED}
    return evaluate(ops["formula"], env)


def unit_of(dec):
    return Decimal(1).scaleb(-dec)


def is_consistent(stated, value):
    v, dec = parse_num(stated)
    unit = unit_of(dec)
    if value == value.quantize(unit, rounding=ROUND_HALF_UP):
        return v == value
    return abs(v - value) <= unit


errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def check_consistent_item(where, text, item):
    stated = item.get("stated")
    if stated is None or stated not in text:
        err(where, f"stated {stated!r} not found in text")
        return
    if "snippet" in item:
        if item["snippet"] not in text:
            err(where, "snippet not in text: {!r}".format(item["snippet"]))
        if stated not in item["snippet"]:
            err(where, "stated {!r} not in snippet {!r}".format(stated, item["snippet"]))
    try:
        value = compute(item)
    except Exception as e:  # noqa: BLE001
        err(where, f"cannot compute {item!r}: {e}")
        return
    if item.get("compare") == "le":
        if not value <= parse_num(stated)[0]:
            err(where, f"partial sum {value} exceeds stated {stated}")
    elif not is_consistent(stated, value):
        err(where, f"consistent check fails: stated {stated}, recomputed {value}")


def check_planted_item(where, text, p, ops):
    for key in ("stated", "correct", "snippet"):
        if key not in p:
            err(where, f"planted item lacks {key}")
            return
    if p["snippet"] not in text:
        err(where, "snippet not in text: {!r}".format(p["snippet"]))
    if p["stated"] not in p["snippet"]:
        err(where, "stated {!r} not in snippet {!r}".format(p["stated"], p["snippet"]))
    if text.count(p["snippet"]) != 1:
        err(where, "snippet occurs %d times" % text.count(p["snippet"]))
    if not ops:
        err(where, "planted item lacks operands")
        return
    try:
        value = compute(ops)
    except Exception as e:  # noqa: BLE001
        err(where, f"cannot compute {ops!r}: {e}")
        return
    sv, sdec = parse_num(p["stated"])
    cv, cdec = parse_num(p["correct"])
    if cdec != sdec:
        err(where, "correct {} and stated {} differ in decimals".format(p["correct"], p["stated"]))
    want = value.quantize(unit_of(sdec), rounding=ROUND_HALF_UP)
    if cv != want:
        err(where, "correct {} but recomputed {} ({})".format(p["correct"], want, value))
    if abs(sv - value) < 2 * unit_of(sdec):
        err(where, "stated {} is within rounding distance of {}".format(p["stated"], value))


def check_cases(path):
    ids = set()
    stats = {}
    n = 0
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        n += 1
        c = json.loads(line)
        where = c.get("id", "line %d" % lineno)
        for key in ("id", "relation", "text", "planted", "note"):
            if key not in c:
                err(where, f"missing {key}")
        if c["id"] in ids:
            err(where, "duplicate id")
        ids.add(c["id"])
        if c["relation"] not in RELATIONS:
            err(where, "bad relation {!r}".format(c["relation"]))
        text = c["text"]
        checks = c.get("operands", [])
        if isinstance(checks, dict):
            checks = [checks]
        for i, item in enumerate(checks):
            check_consistent_item("%s/check%d" % (where, i), text, item)
        if len(c["planted"]) > 1:
            err(where, "more than one planted item")
        for p in c["planted"]:
            check_planted_item(where + "/planted", text, p, p.get("operands"))
        if not c["planted"] and not checks:
            err(where, "consistent case without any check")
        if c["planted"] and c.get("trap"):
            err(where, "trap flag on a planted case")
        s = stats.setdefault(c["relation"], [0, 0, 0])
        s[0] += 1
        s[1] += bool(c["planted"])
        s[2] += bool(c.get("trap"))
    print("cases.jsonl: %d cases" % n)
    print("  %-11s %5s %8s %10s %6s" % ("relation", "cases", "planted", "consistent", "traps"))
    tot = [0, 0, 0]
    for rel in sorted(stats):
        a, b, t = stats[rel]
        tot = [tot[0] + a, tot[1] + b, tot[2] + t]
        print("  %-11s %5d %8d %10d %6d" % (rel, a, b, a - b, t))
    print("  %-11s %5d %8d %10d %6d" % ("all", tot[0], tot[1], tot[0] - tot[1], tot[2]))
    if n < 120:
        err("cases", "fewer than 120 cases")
    if tot[2] < 30:
        err("cases", "fewer than 30 consistent traps")


def check_report(audit_path):
    a = json.loads(audit_path.read_text(encoding="utf-8"))
    doc_path = audit_path.parent / a["document"]
    where = audit_path.name
    if not doc_path.exists():
        err(where, "document missing")
        return
    text = doc_path.read_text(encoding="utf-8")
    if not 2500 <= len(text) <= 5000:
        err(where, "document length %d outside 2,500-5,000" % len(text))
    if MARKER not in "\n".join(text.splitlines()[:4]):
        err(where, "title block lacks the fiction marker")
    kinds = set()
    for p in a["planted_inconsistencies"]:
        kinds.add(p["type"])
        if p["type"] not in RELATIONS:
            err(where, "bad type {!r}".format(p["type"]))
        check_planted_item("{}/{}".format(where, p["id"]), text, p, p.get("derived_from"))
    if not 3 <= len(a["planted_inconsistencies"]) <= 4:
        err(where, "expected 3-4 planted inconsistencies")
    if len(kinds) != len(a["planted_inconsistencies"]):
        err(where, "planted kinds repeat")
    for t in a["traps"]:
        if t not in text:
            err(where, f"trap snippet not in document: {t!r}")
    cc = a.get("consistent_checks", [])
    for i, item in enumerate(cc):
        check_consistent_item("%s/consistent%d" % (where, i), text, item)
    if len(cc) < 15:
        err(where, "fewer than 15 consistent relations")
    print("%s: %d chars, %d planted (%s), %d consistent checks, %d traps"
          % (a["document"], len(text), len(a["planted_inconsistencies"]),
             ", ".join(p["type"] for p in a["planted_inconsistencies"]), len(cc), len(a["traps"])))


def main():
    check_cases(HERE / "cases.jsonl")
    for audit in sorted((HERE / "reports").glob("*_audit.json")):
        check_report(audit)
    if errors:
        print("\n%d problem(s):" % len(errors))
        for e in errors:
            print("  " + e)
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
