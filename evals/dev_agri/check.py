"""Checks dev_qa.jsonl against source/dev_agri_2024.txt (python3 stdlib only)."""
import json
import os
import re
import sys
from decimal import ROUND_HALF_UP, Decimal

here = os.path.dirname(os.path.abspath(__file__))
src = open(os.path.join(here, 'source/dev_agri_2024.txt'), encoding='utf-8').read()
KEYS = {"id", "question", "category", "answer", "figures", "evidence", "difficulty"}
CATS = {"spending", "target", "outcome", "function", "evaluation", "multi_hop", "unanswerable"}
# computed items: id -> (op, [operand figures as written in the report], expected figure)
COMPUTED = {
    "d-026": ("sub", ["10,862.20万元", "8,935.60万元"], "1,926.60万元"),
    "d-027": ("sub", ["4.76万亩", "3.80万亩"], "0.96万亩"),
    "d-028": ("sub", ["62.00公里", "60.40公里"], "1.60公里"),
    "d-029": ("sub", ["550.00万元", "430.00万元"], "120.00万元"),
    "d-030": ("sub", ["11,250.00万元", "10,862.20万元"], "387.80万元"),
    "d-031": ("share", ["5,600.00万元", "11,250.00万元"], "49.78%"),
    "d-032": ("sub", ["96.55%", "93.42%"], "3.13个百分点"),
    "d-033": ("yoy", ["10,862.20万元", "8,935.60万元"], "21.56%"),
}
def num(s):
    return Decimal(re.match(r'[\d,]+(?:\.\d+)?', s).group().replace(',', ''))
def unit(s):
    return re.sub(r'^[\d,]+(?:\.\d+)?', '', s)
def fmt(d, like):
    n = re.match(r'[\d,]+(?:\.\d+)?', like).group()
    places = len(n.split('.')[1]) if '.' in n else 0
    q = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return ('{:,.%df}' % places).format(q) if ',' in like else ('{:.%df}' % places).format(q)
errs = []
rows = [json.loads(l) for l in open(os.path.join(here, 'dev_qa.jsonl'), encoding='utf-8') if l.strip()]
seen = set()
for r in rows:
    i = r['id']
    if i in seen: errs.append(f'{i}: duplicate id')
    seen.add(i)
    extra = set(r) - KEYS - {"computed"}
    if extra or KEYS - set(r): errs.append(f'{i}: bad keys {sorted(set(r) ^ KEYS)}')
    if r['category'] not in CATS: errs.append(f'{i}: bad category')
    if r['difficulty'] not in {'easy', 'medium', 'hard'}: errs.append(f'{i}: bad difficulty')
    if r['category'] == 'unanswerable' and (r['figures'] or r['evidence']):
        errs.append(f'{i}: unanswerable must have empty figures/evidence')
    if r['category'] != 'unanswerable' and not 1 <= len(r['evidence']) <= 2:
        errs.append(f'{i}: need 1-2 evidence strings')
    for e in r['evidence']:
        if not 8 <= len(e) <= 40: errs.append(f'{i}: evidence length {len(e)}: {e}')
        if e not in src: errs.append(f'{i}: evidence not in source: {e}')
    if r.get('computed'):
        if i not in COMPUTED: errs.append(f'{i}: computed but no operands listed'); continue
        op, ops, want = COMPUTED[i]
        for o in ops:
            if o not in src: errs.append(f'{i}: operand not in source: {o}')
        a, b = num(ops[0]), num(ops[1])
        if op == 'sub': v, got = a - b, None
        elif op == 'share': v = a / b * 100
        elif op == 'yoy': v = (a - b) / b * 100
        got = fmt(v, want) + unit(want)
        if op == 'sub' and unit(want) not in (unit(ops[0]), '个百分点'):
            errs.append(f'{i}: unit mismatch')
        if got != want: errs.append(f'{i}: recomputed {got} != {want}')
        if r['figures'] != [want]: errs.append(f'{i}: figures {r["figures"]} != [{want}]')
    else:
        if i in COMPUTED: errs.append(f'{i}: listed as computed but flag missing')
        for f in r['figures']:
            if f not in src: errs.append(f'{i}: figure not in source: {f}')
cjk = len(re.findall(r'[\u4e00-\u9fff]', src))
if not 6000 <= cjk <= 8000: errs.append(f'source has {cjk} Chinese characters')
from collections import Counter

print('items', len(rows), dict(Counter(r['category'] for r in rows)), dict(Counter(r['difficulty'] for r in rows)),
      'computed', sum(1 for r in rows if r.get('computed')), 'cjk', cjk)
print('\n'.join(errs) if errs else 'OK: all checks passed')
sys.exit(1 if errs else 0)
