#!/usr/bin/env python3
"""Self-check for the blind audit set in this folder (standard library only).

For every <name>_audit.json next to this file it verifies that:
  * the report exists, carries the fictional-example marker, has 2,500-4,500
    CJK characters and avoids the banned stock phrases;
  * every snippet (planted and consistent) is an exact substring of the report;
  * every operand listed for a check occurs in the report, either as the plain
    number (thousands separators ignored, whole-number match) or via its
    "as_written" text (used for Chinese numerals); an operand marked
    "implicit" (with a reason, e.g. 365 days in a year) is not looked up;
  * planted inconsistencies: the stated figure is inside its snippet, the
    formula over the operands reproduces the "correct" value (Decimal,
    ROUND_HALF_UP to "decimals"), and the stated figure is off by at least two
    units of its own last digit; exactly three per report, of three different
    types;
  * consistent checks really are consistent:
      eq            round(formula) == expected
      rounding_trap 0 < |formula - expected| <= one unit of the last digit
      partial_lt    formula < expected   (a partial "其中" list)
Exit status 0 when everything passes.
"""
import ast
import json
import re
import sys
from decimal import ROUND_HALF_UP, Decimal, getcontext
from pathlib import Path

getcontext().prec = 40
HERE = Path(__file__).resolve().parent
BANNED = ["任务数为", "具体情况如下"]
MARKER = "（虚构示例，仅供测试）"
NUM_RE = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


def num(text):
    m = NUM_RE.search(text)
    if not m:
        raise ValueError(f"no number in {text!r}")
    return Decimal(m.group(0).replace(",", ""))


def decimals_of(text):
    m = NUM_RE.search(text)
    s = m.group(0)
    return len(s.split(".")[1]) if "." in s else 0


def q(value, places):
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def evaluate(formula, env):
    tree = ast.parse(formula, mode="eval")

    def ev(node):
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.BinOp):
            a, b = ev(node.left), ev(node.right)
            if isinstance(node.op, ast.Add):
                return a + b
            if isinstance(node.op, ast.Sub):
                return a - b
            if isinstance(node.op, ast.Mult):
                return a * b
            if isinstance(node.op, ast.Div):
                return a / b
            raise ValueError(f"operator not allowed in {formula!r}")
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -ev(node.operand)
        if isinstance(node, ast.Name):
            return env[node.id]
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return Decimal(str(node.value))
        raise ValueError(f"syntax not allowed in {formula!r}")

    return ev(tree)


def operand_env(operands, report, plain, errors, where):
    env = {}
    for name, spec in operands.items():
        if isinstance(spec, dict):
            value, written = spec["value"], spec.get("as_written")
        else:
            value, written = spec, None
        env[name] = Decimal(value)
        if isinstance(spec, dict) and spec.get("implicit"):
            pass  # a constant not printed in the report (e.g. 365 days); reason given
        elif written is not None:
            if written not in report:
                errors.append(f"{where}: operand {name} as_written {written!r} not in report")
        else:
            pat = r"(?<![\d.])" + re.escape(value) + r"(?!\d|\.\d)"
            if not re.search(pat, plain):
                errors.append(f"{where}: operand {name}={value} not found in report")
    return env


def check_file(audit_path):
    errors = []
    audit = json.loads(audit_path.read_text(encoding="utf-8"))
    doc = HERE / audit["document"]
    report = doc.read_text(encoding="utf-8")
    plain = report.replace(",", "")
    tag = audit["document"]

    cjk = len(re.findall(r"[\u4e00-\u9fff]", report))
    if not 2500 <= cjk <= 4500:
        errors.append(f"{tag}: {cjk} CJK characters, outside 2500-4500")
    if MARKER not in "\n".join(report.splitlines()[:3]):
        errors.append(f"{tag}: marker missing from title block")
    for phrase in BANNED:
        if phrase in report:
            errors.append(f"{tag}: banned phrase {phrase!r}")

    planted = audit["planted_inconsistencies"]
    if len(planted) != 3:
        errors.append(f"{tag}: {len(planted)} planted, expected 3")
    if len({p["type"] for p in planted}) != len(planted):
        errors.append(f"{tag}: planted types are not all different")
    for p in planted:
        where = f"{tag} planted {p['id']}"
        if p["snippet"] not in report:
            errors.append(f"{where}: snippet not in report")
        if p["stated"] not in p["snippet"]:
            errors.append(f"{where}: stated {p['stated']!r} not in snippet")
        env = operand_env(p["operands"], report, plain, errors, where)
        got = q(evaluate(p["formula"], env), p["decimals"])
        if got != num(p["correct"]):
            errors.append(f"{where}: formula gives {got}, correct says {p['correct']}")
        unit = Decimal(1).scaleb(-decimals_of(p["stated"]))
        if abs(num(p["stated"]) - got) < 2 * unit:
            errors.append(f"{where}: stated {p['stated']} is within one unit of {got}")

    cons = audit["consistent_checks"]
    counts = {}
    for i, c in enumerate(cons):
        where = f"{tag} consistent #{i} ({c['note'][:20]})"
        rel = c.get("relation", "eq")
        counts[rel] = counts.get(rel, 0) + 1
        if c["snippet"] not in report:
            errors.append(f"{where}: snippet not in report")
        shown = c.get("expected_as_written")
        if shown is not None:
            if shown not in report:
                errors.append(f"{where}: expected as written {shown!r} not in report")
        else:
            pat = r"(?<![\d.])" + re.escape(c["expected"]) + r"(?!\d|\.\d)"
            if not re.search(pat, plain):
                errors.append(f"{where}: expected {c['expected']} not in report")
        env = operand_env(c["operands"], report, plain, errors, where)
        val = evaluate(c["formula"], env)
        exp = Decimal(c["expected"])
        places = c.get("decimals", 2)
        unit = Decimal(1).scaleb(-places)
        if rel == "eq":
            ok = q(val, places) == exp
        elif rel == "rounding_trap":
            ok = Decimal(0) < abs(val - exp) <= unit
        elif rel == "partial_lt":
            ok = val < exp
        else:
            ok = False
        if not ok:
            errors.append(f"{where}: {rel} fails: {c['formula']} = {val}, expected {exp}")
    return errors, len(planted), counts, cjk


def main():
    audits = sorted(HERE.glob("*_audit.json"))
    if not audits:
        print("no audit files found")
        return 1
    all_errors = []
    for a in audits:
        errors, n_planted, counts, cjk = check_file(a)
        total = sum(counts.values())
        detail = ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))
        print(f"{a.name}: {cjk} CJK chars, {n_planted} planted, {total} consistent checks ({detail})"
              f" -> {'OK' if not errors else str(len(errors)) + ' problem(s)'}")
        all_errors += errors
    for e in all_errors:
        print("  FAIL", e)
    print("ALL CLEAN" if not all_errors else f"{len(all_errors)} problem(s)")
    return 0 if not all_errors else 1


if __name__ == "__main__":
    sys.exit(main())
