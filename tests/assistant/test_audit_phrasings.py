"""Relation families read in many phrasings: sentences written for these tests (none taken from a sample
report or an eval set), about half of them with a slip, plus consistent traps. Each case names the figure
whose check it expects and the verdict: 不一致 for a slip, 一致/尾差 for a consistent statement, None where
no 不一致 may be raised on that figure (a partial list, a figure no words tie)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.audit import VERDICT_LABELS, AuditCheck, audit_document
from ingest.pipeline import parse_document
from ingest.settings import Settings

HEADER = "某区某局2025年度绩效自评报告\n一、基本情况\n"


def _audit(tmp_path: Path, body: str) -> list[AuditCheck]:
    path = tmp_path / "report.txt"
    path.write_text(HEADER + body, encoding="utf-8")
    return audit_document(parse_document(path, None, Settings()))


def _verdicts(checks: list[AuditCheck], figure: str) -> set[str]:
    """Verdicts of the checks that state `figure` or use it as an operand."""
    return {VERDICT_LABELS[c.verdict] for c in checks if figure in (c.stated.text, *(s.text for s in c.sources))}


def _stated_verdicts(checks: list[AuditCheck], figure: str) -> set[str]:
    return {VERDICT_LABELS[c.verdict] for c in checks if c.stated.text == figure}


def run_case(tmp_path: Path, body: str, figure: str, expected: str | None) -> None:
    checks = _audit(tmp_path, body)
    described = [(c.formula, VERDICT_LABELS[c.verdict]) for c in checks]
    if expected is None:
        assert "不一致" not in _verdicts(checks, figure), described
    elif expected == "不一致":
        assert "不一致" in _verdicts(checks, figure), described
    else:
        got = _stated_verdicts(checks, figure)
        assert got and got <= {"一致", "尾差"}, described
    others = [c for c in checks if c.verdict.value == "inconsistent" and figure not in _figure_texts(c)]
    assert not others, [(c.formula, c.stated.text) for c in others]


def _figure_texts(check: AuditCheck) -> set[str]:
    return {check.stated.text, *(s.text for s in check.sources)}


# ---- year over year: amounts, rates and percentage points, values stated before the change -----------------

THREE_YEARS_CHANGE = (
    "2024年该项资金共安排1,560.00万元，其中中央资金600.00万元、市级资金960.00万元。"
    "2022年、2023年分别安排1,300.00万元和1,440.00万元，2024年比2023年增长{p}%。"
)
BENCHMARK = "截至9月底支出进度为68.20%，低于75%的序时进度6.80个百分点，比上年同期的61.40%提高{x}个百分点。"
CHANGES = [
    # a benchmark ("低于75%的序时进度") is not this period's value
    (BENCHMARK.format(x="6.80"), "75%", None),
    (BENCHMARK.format(x="6.80"), "6.80个百分点", "一致"),
    (BENCHMARK.format(x="5.80"), "5.80个百分点", "不一致"),
    # last year's figure after a "；", this period's stated earlier in the sentence; a "其中" part is not it
    ("一季度门诊接诊5.24万人次，其中急诊0.86万人次；上年同期接诊4.80万人次，同比增长9.17%。", "9.17%", "一致"),
    ("一季度门诊接诊5.24万人次，其中急诊0.86万人次；上年同期接诊4.80万人次，同比增长8.40%。", "8.40%", "不一致"),
    ("一季度门诊接诊5.24万人次，急诊0.86万人次；上年同期接诊4.80万人次，同比增长9.17%。", "9.17%", None),
    (THREE_YEARS_CHANGE.format(p="8.33"), "8.33%", "一致"),
    (THREE_YEARS_CHANGE.format(p="9.33"), "9.33%", "不一致"),
    ("就诊等候时间由2023年的42分钟缩短至35分钟，降幅16.67%。", "16.67%", "一致"),
    ("投诉量由2023年的250件降至190件，降幅26.00%。", "26.00%", "不一致"),
    ("2023年受理投诉250件。2024年受理投诉190件，较上年下降24.00%。", "24.00%", "一致"),
    ("2023年受理投诉250件。2024年受理投诉190件，较上年下降31.58%。", "31.58%", "不一致"),
    (
        "2024年门诊服务52,300人次，2023年为48,100人次。2024年门诊服务比上年增加4,200人次，增长8.73%。",
        "8.73%",
        "一致",
    ),
    (
        "2024年门诊服务52,300人次，2023年为48,100人次。2024年门诊服务比上年增加4,200人次，增长9.73%。",
        "9.73%",
        "不一致",
    ),
    (
        "2024年生活垃圾分类覆盖率为92.4%，2023年生活垃圾分类覆盖率为88.1%。全年生活垃圾分类覆盖率提高4.3个百分点。",
        "4.3个百分点",
        "一致",
    ),
    (
        "2024年垃圾分类覆盖率为92.4%；2023年垃圾分类覆盖率为88.1%。2024年垃圾分类覆盖率较上年提升5.3个百分点。",
        "5.3个百分点",
        "不一致",
    ),
    (
        "2024年培训经费支出102.20万元，主要用于师资培训。2023年培训经费为120.50万元，2024年比上年减少18.30万元，"
        "下降15.19%。",
        "15.19%",
        "一致",
    ),
    (
        "2024年培训经费支出102.20万元，主要用于师资培训。2023年培训经费为120.50万元，2024年比上年减少18.30万元，"
        "下降14.19%。",
        "14.19%",
        "不一致",
    ),
    (
        "2024年参保率为64.1%，比2023年的61.2%提高2.9个百分点，超过60%的年度目标。",
        "2.9个百分点",
        "一致",
    ),
    (
        "全县适龄儿童接种率达到97.6%，比2023年的95.8%上升2.8个百分点，高于95%的省定标准。",
        "2.8个百分点",
        "不一致",
    ),
    (
        "与上年相比，2023年同一项目支出1,240.00万元，2024年增加到1,364.00万元，同比增长10.00%。",
        "10.00%",
        "一致",
    ),
    (
        "与上年相比，2023年同一项目支出1,240.00万元，2024年增加到1,364.00万元，同比增长11.00%。",
        "11.00%",
        "不一致",
    ),
]


# ---- shares: "占…的x%", 所占比重, a whole named in another part of the report, 亿元 beside 万元 ----------------------

BY_SOURCE_SHARES = (
    "全年预算2,500.00万元。其中中央资金1,000.00万元，占全年预算的40.00%；"
    "省级资金900.00万元，占{p}%；县级资金600.00万元，占24.00%。"
)
USES = (
    "2024年补助资金总额为3,200.00万元。从用途看，培训补贴1,280.00万元，所占比重为40.00%；"
    "岗位补贴960.00万元，所占比重为{p}%；其他补贴960.00万元，所占比重为30.00%。"
)
NESTED = (
    "本年收入1,000.00万元，其中财政拨款收入900.00万元（其中政府性基金预算财政拨款收入60.00万元），其他收入100.00万元。"
    "财政拨款收入占本年收入的比重为{p}%。"
)
UNIT_WHOLE = (
    "全年支出4,820.00万元，年末结余180.00万元。{other}\n二、项目情况\n培训项目支出1,205.00万元，占部门全年支出的{p}%。"
)
SEMICOLON_SHARES = (
    "全年总支出4,000.00万元。一般公共预算支出2,600.00万元，执行率97.00%，占总支出的{p}%；"
    "政府性基金支出执行率92.00%，占总支出的35.00%。"
)
SHARES = [
    # the share's subject named in the sentence before; a nested breakdown naming more is not the subject
    (NESTED.format(p="90.00"), "90.00%", "一致"),
    (NESTED.format(p="92.00"), "92.00%", "不一致"),
    (USES.format(p="30.00"), "40.00%", "一致"),
    (USES.format(p="32.00"), "32.00%", "不一致"),
    # "占单位全年支出的": the reporting unit's own whole, stated elsewhere as "全年支出"
    (UNIT_WHOLE.format(p="25.00", other=""), "25.00%", "一致"),
    (UNIT_WHOLE.format(p="27.00", other=""), "27.00%", "不一致"),
    # a "；" closes one subject's statements: the next subject's share is not of the amount stated before it
    (SEMICOLON_SHARES.format(p="65.00"), "35.00%", None),
    (SEMICOLON_SHARES.format(p="60.00"), "60.00%", "不一致"),
    ("全年新增城镇就业3.15万人，完成年度目标3万人的105.00%。", "105.00%", "一致"),
    ("全年新增城镇就业3.15万人，完成年度目标3万人的115.00%。", "115.00%", "不一致"),
    # later bare "占x%" clauses share the whole the first one named
    (BY_SOURCE_SHARES.format(p="36.00"), "36.00%", "一致"),
    (BY_SOURCE_SHARES.format(p="39.00"), "39.00%", "不一致"),
    ("全年发放助学金356.40万元。其中，中职学生助学金128.30万元，占助学金总额的36.00%。", "36.00%", "一致"),
    ("全年发放助学金356.40万元。其中，中职学生助学金128.30万元，占助学金总额的38.00%。", "38.00%", "不一致"),
    (
        "2024年部门支出合计2,560.00万元，其中项目支出1,024.00万元。\n二、项目情况\n"
        "道路维修是项目支出中最大的一项，全年支出409.60万元，占项目支出的40.00%。",
        "40.00%",
        "一致",
    ),
    (
        "2024年部门支出合计2,560.00万元，其中项目支出1,024.00万元。\n二、项目情况\n"
        "道路维修是项目支出中最大的一项，全年支出409.60万元，占项目支出的42.00%。",
        "42.00%",
        "不一致",
    ),
    (
        "2024年部门支出合计2,000.00万元。一季度支出300.00万元，二季度支出450.00万元，上半年累计支出750.00万元，"
        "占全年支出的37.50%。",
        "37.50%",
        "一致",
    ),
    ("全县共有专任教师3,000人，其中农村学校教师1,260人，所占比重为42.00%。", "42.00%", "一致"),
    ("全县共有专任教师3,000人，其中农村学校教师1,260人，所占比重为44.00%。", "44.00%", "不一致"),
    ("全市教育投入12.50亿元，其中市级财政安排37,500.00万元，占全市教育投入的30.00%。", "30.00%", "一致"),
    ("全市教育投入12.50亿元，其中市级财政安排37,500.00万元，占全市教育投入的32.00%。", "32.00%", "不一致"),
]


# ---- periods: quarters or halves of the year against the year's total stated before them -----------------------

QUARTERS = "第一季度拨付320.00万元，第二季度拨付410.00万元，第三季度拨付380.00万元，第四季度拨付{q4}万元"
PROGRESS = (
    "年度预算2,000.00万元。\n"
    "第一季度支付300.00万元，第二季度支付500.00万元，第三季度支付600.00万元，第四季度支付500.00万元。{words}。"
)
LISTED_QUARTERS = "全年实际支出2,000.00万元。\n{words}300.00万元、500.00万元、600.00万元和{q4}万元。"
PERIODS = [
    (LISTED_QUARTERS.format(words="一至四季度分别支出", q4="600.00"), "2,000.00万元", "一致"),
    (LISTED_QUARTERS.format(words="一至四季度分别支出", q4="650.00"), "650.00万元", "不一致"),
    (LISTED_QUARTERS.format(words="各季度支出依次为", q4="600.00"), "2,000.00万元", "一致"),
    (PROGRESS.format(words="上半年支付进度为40.00%，前三季度支付进度为70.00%"), "70.00%", "一致"),
    (PROGRESS.format(words="上半年支付进度为40.00%，前三季度支付进度为72.00%"), "72.00%", "不一致"),
    (PROGRESS.format(words="截至二季度末，累计支出进度为42.00%"), "42.00%", "不一致"),
    ("全年拨付资金1,600.00万元。\n分季度看，" + QUARTERS.format(q4="490.00") + "。", "1,600.00万元", "一致"),
    ("全年拨付资金1,600.00万元。\n分季度看，" + QUARTERS.format(q4="590.00") + "。", "590.00万元", "不一致"),
    (
        "2024年度支出总额865.20万元，主要用于设备购置。\n从时间分布看，上半年完成支出402.10万元，下半年完成支出463.10万元。",
        "865.20万元",
        "一致",
    ),
    (
        "2024年度支出总额865.20万元，主要用于设备购置。\n从时间分布看，上半年完成支出402.10万元，下半年完成支出473.10万元。",
        "473.10万元",
        "不一致",
    ),
    (
        "2023年实际支出900.00万元，2024年实际支出980.00万元。\n"
        "一季度支出200.00万元，二季度支出260.00万元，三季度支出240.00万元，四季度支出280.00万元。",
        "980.00万元",
        "一致",
    ),
    (
        "2023年实际支出900.00万元，2024年实际支出980.00万元。\n"
        "一季度支出200.00万元，二季度支出260.00万元，三季度支出240.00万元，四季度支出300.00万元。",
        "300.00万元",
        "不一致",
    ),
    # a budget is not what the quarters spent
    (
        "年初预算1,000.00万元。\n一季度支出200.00万元，二季度支出260.00万元，三季度支出240.00万元，四季度支出280.00万元。",
        "280.00万元",
        None,
    ),
    # the paragraph states its own cumulative total: read once, as parts first
    (
        "全年实际支出980.00万元。\n一季度支出200.00万元，二季度支出260.00万元，三季度支出240.00万元，"
        "四季度支出280.00万元，全年累计支出980.00万元。",
        "980.00万元",
        "一致",
    ),
]


# ---- completion rates: target and actual in either order and wording, or the actual and its excess ---------------

COMPLETION = [
    # "完成全年计划的x%": the share of the plan done so far
    ("全年计划开展入户走访1,200户，前三季度已走访870户，完成全年计划的72.50%。", "72.50%", "一致"),
    ("全年计划开展入户走访1,200户，前三季度已走访870户，完成全年计划的78.50%。", "78.50%", "不一致"),
    ("设备购置计划采购监护仪、呼吸机等设备80台（套），实际采购84台（套），完成率105.00%。", "105.00%", "一致"),
    ("设备购置计划采购监护仪、呼吸机等设备80台（套），实际采购84台（套），完成率104.00%。", "104.00%", "不一致"),
    ("防护栏安装工程计划实施60.0公里，截至年底完成57.0公里，完成比例为95.00%。", "95.00%", "一致"),
    ("防护栏安装工程计划实施60.0公里，截至年底完成57.0公里，完成比例为97.00%。", "97.00%", "不一致"),
    ("年度计划新建、改建村级活动场所40个，实际建成38个，完成率95.00%。", "95.00%", "一致"),
    ("年度计划新建、改建村级活动场所40个，实际建成38个，完成率97.50%。", "97.50%", "不一致"),
    ("实际完成培训2,150人次，目标任务2,000人次，任务完成率107.50%。", "107.50%", "一致"),
    ("实际完成培训2,150人次，目标任务2,000人次，任务完成率105.70%。", "105.70%", "不一致"),
    ("排查整治隐患点：目标值为12处，实际值为15处，达成率125.00%。", "125.00%", "一致"),
    ("排查整治隐患点：目标值为12处，实际值为15处，达成率120.00%。", "120.00%", "不一致"),
    ("全年实际办理投诉案件1,248件，比年度目标多出48件，完成率104.00%。", "104.00%", "一致"),
    ("全年实际办理投诉案件1,248件，比年度目标多出48件，完成率103.00%。", "103.00%", "不一致"),
    ("完成人工造林2,850亩，比计划少150亩，完成率95.00%。", "95.00%", "一致"),
    ("完成人工造林2,850亩，比计划少150亩，完成率93.00%。", "93.00%", "不一致"),
]


# ---- the same figure stated twice: the conclusion restating the body with a slip of the pen ----------------------

BODY = (
    "二、资金使用情况\n全年项目实际支出1,562.40万元，预算执行率为97.65%，支出结构合理。\n"
    "三、产出情况\n全年培训基层干部4,350人次。\n"
)
RATE_BODY = (
    "一、资金情况\n全年预算1,000.00万元，实际支出966.70万元，预算执行率为96.67%。\n二、效益情况\n学员满意度为95.4%。\n"
)
SUMMARY = (
    "摘要：本年度共开展送教上门{summary}人次，家长满意度96.5%。\n"
    "二、工作成效\n上半年送教上门1,120人次，下半年送教上门1,230人次，全年共开展送教上门2,350人次。{extra}\n"
)
OVERALL_RATE = "抽样调查显示，居民总体满意度为93.8%。\n二、评分情况\n满意度指标依据居民总体满意度{x}%计分，得9.50分。"
ITEM_RATES = "甲项目预算执行率95.6%，执行较好。\n二、乙项目情况\n乙项目预算执行率96.5%，执行较好。"
REPEATS = [
    # an overall rate (总体/综合…) restated later with a slip; items' own rates are different figures
    (OVERALL_RATE.format(x="98.3"), "98.3%", "不一致"),
    (OVERALL_RATE.format(x="93.8"), "93.8%", None),
    (ITEM_RATES, "96.5%", None),
    ("居民总体满意度为93.8%，上年总体满意度为98.3%。\n二、评分情况\n满意度指标得9.50分。", "98.3%", None),
    # a summary at the head restates the body: its slip is the one flagged
    (SUMMARY.format(summary="2,530", extra=""), "2,530人次", "不一致"),
    (SUMMARY.format(summary="2,350", extra=""), "2,350人次", None),
    (SUMMARY.format(summary="2,530", extra="另有2,530人次通过线上课程参与。"), "2,530人次", None),
    (SUMMARY.format(summary="2,530", extra="").replace("全年共开展", "计划全年开展"), "2,530人次", None),
    (
        BODY + "四、自评结论\n综上，项目全年实际支出1,562.40万元，培训基层干部4,350人次，目标基本实现。",
        "1,562.40万元",
        None,
    ),
    (
        BODY + "四、自评结论\n综上，项目全年实际支出1,526.40万元，培训基层干部4,350人次，目标基本实现。",
        "1,526.40万元",
        "不一致",
    ),
    (BODY + "四、总体评价\n总体来看，本项目培训基层干部4,360人次，全年实际支出1,562.40万元。", "4,360人次", "不一致"),
    # the same words in two places of the body, a slip of the pen between them
    (
        "二、资金使用情况\n全年实际支出2,310.40万元，执行率96.27%。\n三、产出情况\n全年实际支出2,301.40万元，主要用于设备购置。",
        "2,301.40万元",
        "不一致",
    ),
    # two sub-projects each with its own spending: alike, not one figure
    (
        "二、子项目情况\n（一）道路养护子项目\n全年实际支出1,234.00万元。\n（二）桥梁加固子项目\n全年实际支出1,243.00万元。",
        "1,243.00万元",
        None,
    ),
    # the amount allocated and the amount paid out are two amounts, even in the conclusion
    (
        "一、基本情况\n全年学生资助资金共计0.52亿元。\n二、自评结论\n综上，全年发放学生资助资金5,148.00万元。",
        "5,148.00万元",
        None,
    ),
    # a rate the conclusion restates with two digits transposed; the same rate restated right is no alarm
    (RATE_BODY + "三、自评结论\n综上，项目预算执行率96.76%，满意度95.4%。", "96.76%", "不一致"),
    (RATE_BODY + "三、自评结论\n综上，项目预算执行率96.67%，满意度95.4%。", "96.67%", None),
    # a project name with 提升 in it is no change word
    (
        BODY + "四、自评结论\n综上，2024年能力提升工程全年实际支出1,652.40万元，达到预期效果。",
        "1,652.40万元",
        "不一致",
    ),
    # figures of different meaning that look alike are not one figure restated
    (
        "二、收入情况\n部门总收入2,486.30万元，其中本年收入2,468.30万元，年初结转18.00万元。\n"
        "三、自评结论\n综上，部门本年收入2,468.30万元，收支平衡。",
        "2,468.30万元",
        None,
    ),
]


# ---- scores: indicator scores under a total, complete when the report says so; means ----------------------------

FULL_MARKS = "决策指标满分15分，过程指标满分25分，产出指标满分35分，效益指标满分25分，满分100分。\n"
LEVELS = "其中，决策指标得13.20分，过程指标得22.10分，产出指标得31.60分，效益指标得21.50分。"
FOUR = "本次评价设投入、过程、产出、效果四个一级指标。\n"
FOUR_SCORES = "其中投入指标18.00分、过程指标27.40分、产出指标26.90分、效果指标17.30分。"
BY_NAME = (
    "自评总分{total}分，其中预算编制得分18.50分（满分20分），预算执行得分28.25分（满分30分），"
    "产出得分29.00分（满分30分），效益得分18.00分（满分20分）。"
)
IN_PARENTHESES = (
    "评价设决策、过程、产出、效益四个一级指标。"
    "综合得分{total}分（决策17.50分、过程16.80分、产出26.40分、效益25.10分）。"
)
NAMED_RATE_SCORE = (
    "评价组抽查培训台账60份，其中完整54份，台账完整率90.00%。{other}培训管理指标分值10分，按台账完整率折算得{x}分。"
)
SCORES = [
    # "按X率折算得…分": weight × the rate the words name, stated before in the paragraph
    (NAMED_RATE_SCORE.format(other="", x="9.00"), "9.00分", "一致"),
    (NAMED_RATE_SCORE.format(other="", x="9.50"), "9.50分", "不一致"),
    (NAMED_RATE_SCORE.format(other="另一批次台账完整率95.00%。", x="9.50"), "9.50分", None),
    (IN_PARENTHESES.format(total="85.80"), "85.80分", "一致"),
    (IN_PARENTHESES.format(total="86.80"), "86.80分", "不一致"),
    # named parts in parentheses, with no word that they are all: a shortfall is 待核
    ("全年支出1,200.00万元（人员经费500.00万元、公用经费300.00万元）。", "1,200.00万元", None),
    ("预算执行率（权重10分）按实际执行率92.00%折算，得分9.20分。", "9.20分", "一致"),
    ("预算执行率（权重10分）按实际执行率92.00%折算，得分9.40分。", "9.40分", "不一致"),
    ("预算执行率指标分值为10分，全年预算执行率95.00%，按分值乘以执行率计算得9.50分。", "9.50分", "一致"),
    ("五个子项目自评得分分别为93.50分、97.80分、91.20分、88.60分和98.10分，平均分为94.84分。", "94.84分", "不一致"),
    ("评价指标由决策、过程、产出、效益4个一级指标构成，分值分别为20分、25分、35分、20分，合计100分。", "100分", "一致"),
    (
        "评价指标由决策、过程、产出、效益4个一级指标构成，分值分别为20分、25分、35分、25分，合计100分。",
        "100分",
        "不一致",
    ),
    ("产出指标满分40分，得36.50分，扣3.50分，主要是个别项目验收推迟。", "3.50分", "一致"),
    ("产出指标满分40分，得36.50分，扣4.50分，主要是个别项目验收推迟。", "4.50分", "不一致"),
    ("效益指标满分30分，扣2.40分，得27.60分。", "27.60分", "一致"),
    ("效益指标满分30分，扣2.40分，得26.60分。", "26.60分", "不一致"),
    (FULL_MARKS + "综合评分为88.40分。" + LEVELS, "88.40分", "一致"),
    (FULL_MARKS + "综合评分为89.40分。" + LEVELS, "89.40分", "不一致"),
    # without the full marks or a count of indicators the list may be partial: no 不一致
    ("综合评分为89.40分。" + LEVELS, "89.40分", None),
    (FOUR + "项目总得分为89.60分，" + FOUR_SCORES, "89.60分", "一致"),
    (FOUR + "项目总得分为90.60分，" + FOUR_SCORES, "90.60分", "不一致"),
    (BY_NAME.format(total="93.75"), "93.75分", "一致"),
    (BY_NAME.format(total="94.75"), "94.75分", "不一致"),
    ("三个子项目得分分别为91.50分、88.00分和86.30分，平均得分88.60分。", "88.60分", "一致"),
    ("三个子项目得分分别为91.50分、88.00分和86.30分，平均得分89.60分。", "89.60分", "不一致"),
]


# ---- totals in prose: complete and partial lists, appropriations, units, numerals, years side by side -------------

BY_SOURCE = (
    "年初预算2,000.00万元，年中追加300.00万元，调整后预算为2,300.00万元。"
    "按资金来源分，中央资金1,200.00万元，省级资金700.00万元，县级资金{county}万元。"
)
THREE_YEARS = "2024年安排资金1,500.00万元。2022年、2023年分别安排1,200.00万元和1,300.00万元，三年累计安排{total}万元。"
SOURCES = (
    "项目批复预算1,800.00万元，资金来源为中央资金900.00万元、省级资金540.00万元、县级资金{county}万元，"
    "全年资金到位1,800.00万元。"
)
REMAINING = "截至9月底尚余资金1,240.00万元未拨付，按计划，10月、11月将分别拨付520.00万元和480.00万元，共计{x}万元。"
BY_ITEM = (
    "2025年项目实际支出4,530.20万元，执行率95.10%，结余233.40万元。"
    "其中设备购置支出3,100.00万元，执行率96.00%；运维服务支出{x}万元，执行率93.20%。"
)
TOTALS = [
    # "分为A、B、C三类": the count closing the list says it is complete; "等多种" or "为主" does not
    ("全年开展宣讲活动共52场，分为进社区宣讲20场、进学校宣讲18场、进企业宣讲10场三类。", "52场", "不一致"),
    ("全年开展宣讲活动共48场，分为进社区宣讲20场、进学校宣讲18场、进企业宣讲10场三类。", "48场", "一致"),
    ("全年开展宣讲活动共52场，分为进社区宣讲20场、进学校宣讲18场、进企业宣讲10场等多种类型。", "52场", None),
    ("全年开展宣讲活动共52场，分为进社区宣讲20场、进学校宣讲18场两类为主。", "52场", None),
    # a bare "共计" closing a "分别" list sums that list, not the amount the sentence stated before it
    (REMAINING.format(x="1,000.00"), "1,240.00万元", None),
    (REMAINING.format(x="1,000.00"), "1,000.00万元", "一致"),
    (REMAINING.format(x="1,100.00"), "1,100.00万元", "不一致"),
    # a "其中" opening its sentence breaks down the earlier figure its parts are named by, not the balance
    (BY_ITEM.format(x="1,430.20"), "233.40万元", None),
    (BY_ITEM.format(x="1,430.20"), "4,530.20万元", "一致"),
    (BY_ITEM.format(x="1,530.20"), "1,530.20万元", "不一致"),
    (SOURCES.format(county="360.00"), "1,800.00万元", "一致"),
    (SOURCES.format(county="380.00"), "380.00万元", "不一致"),
    (BY_SOURCE.format(county="400.00"), "2,300.00万元", "一致"),
    (BY_SOURCE.format(county="500.00"), "500.00万元", "不一致"),
    # a partial 其中 / 包括 list falls short of its total: 待核, never 不一致
    ("全县登记在册残疾人8,640人，其中肢体残疾3,120人，视力残疾1,450人。", "8,640人", None),
    ("全年资助学生6,420人次，包括义务教育阶段3,100人次、普通高中1,820人次。", "6,420人次", None),
    # the whole before 其中 is no part of the 合计 the list closes with
    ("全县共有村级卫生室60个，其中标准化卫生室42个、一般卫生室18个，两类合计60个。", "60个", "一致"),
    (
        "项目资金共计1,260.00万元，具体为：设备购置520.00万元、工程建设560.00万元、其他费用180.00万元。",
        "1,260.00万元",
        "一致",
    ),
    (
        "项目资金共计1,260.00万元，具体为：设备购置520.00万元、工程建设560.00万元、其他费用200.00万元。",
        "1,260.00万元",
        "不一致",
    ),
    # a target the result is measured against is not one of its parts
    ("新建示范基地9个，其中省级示范基地4个、市级示范基地5个，未达到12个的目标值。", "9个", "一致"),
    (
        "项目资金共计560.00万元，分别为设备购置230.00万元、人员培训180.00万元和运行维护150.00万元。",
        "560.00万元",
        "一致",
    ),
    (
        "项目资金共计560.00万元，分别为设备购置230.00万元、人员培训180.00万元和运行维护140.00万元。",
        "560.00万元",
        "不一致",
    ),
    ("该项目总投资1,850万元，由中央预算内投资1,000万元、地方配套600万元和社会资本250万元组成。", "1,850万元", "一致"),
    ("该项目总投资1,850万元，由中央预算内投资1,000万元、地方配套600万元和社会资本300万元组成。", "1,850万元", "不一致"),
    ("一级站点发放12.60万元，二级站点发放8.40万元，三级站点发放5.00万元，合计26.00万元。", "26.00万元", "一致"),
    ("一级站点发放12.60万元，二级站点发放8.40万元，三级站点发放5.00万元，合计27.00万元。", "27.00万元", "不一致"),
    ("全区设立服务站点十二个，其中城区站点七个、乡镇站点五个。", "十二个", "一致"),
    ("全区设立服务站点十二个，其中城区站点七个、乡镇站点六个。", "十二个", "不一致"),
    ("全年民生支出3.26亿元，其中教育支出18,000.00万元、医疗支出14,600.00万元。", "3.26亿元", "一致"),
    ("全年民生支出3.26亿元，其中教育支出18,000.00万元、医疗支出15,600.00万元。", "3.26亿元", "不一致"),
    ("2023年、2024年分别投入资金420.00万元和480.00万元，两年累计投入900.00万元。", "900.00万元", "一致"),
    ("2023年、2024年分别投入资金420.00万元和480.00万元，两年累计投入920.00万元。", "920.00万元", "不一致"),
    (THREE_YEARS.format(total="4,000.00"), "4,000.00万元", "一致"),
    (THREE_YEARS.format(total="4,100.00"), "4,100.00万元", "不一致"),
    (
        "部门支出合计980.00万元。基本支出中，人员经费420.00万元，公用经费160.00万元；项目支出400.00万元。",
        "980.00万元",
        None,
    ),
]


# ---- tables: 小计 rows counted once under 合计, cells split by ｜ or by runs of spaces -----------------------------

BAR_TABLE = """表1 资金支出明细（单位：万元）
类别｜金额
（一）设备购置小计｜{a}
　　检测设备｜80.00
　　办公设备｜40.00
（二）运行维护小计｜90.00
　　系统运维｜55.00
　　场地租赁｜35.00
合计｜210.00
"""
SPACED_TABLE = """表2 分项目得分
项目名称        分值      得分
决策            20        18.00
过程            20        17.50
产出            30        27.20
效益            30        {d}
合计            100       {total}
"""
SHARE_TABLE = """表3 支出结构（单位：万元）
类别｜金额｜占比
一、人员类小计｜300.00｜{first}
　　工资｜200.00｜
　　培训｜100.00｜
二、公用类小计｜400.00｜57.14%
　　水电｜150.00｜
　　维修｜250.00｜
合计｜700.00｜100.00%
"""
THIRDS = (
    "表4 分项资金\n项目｜金额（万元）｜占比\n"
    + "".join(f"{name}｜100.00｜33.33%\n" for name in "甲乙丙")
    + "合计｜300.00｜100.00%\n"
)
USE_TABLE = (
    "表7 资金使用情况（单位：万元）\n区县｜下达资金｜实际使用｜使用率\n"
    "甲区｜1,000.00｜960.00｜{a}\n乙区｜500.00｜490.00｜98.00%\n"
)
YOY_TABLE = (
    "表8 收入对比（单位：万元）\n项目｜2023年｜2024年｜增长率\n"
    "财政拨款收入｜3,200.00｜3,520.00｜10.00%\n事业收入｜800.00｜760.00｜-5.00%\n其他收入｜200.00｜230.00｜{c}\n"
)
FALL_TABLE = "表9 三公经费（单位：万元）\n项目｜上年数｜本年数｜下降率\n公务接待费｜40.00｜34.00｜{c}\n"
TWO_BREAKDOWNS = (
    "表11 支出明细（单位：万元）\n科目｜金额\n基本支出｜2,380.00\n其中：人员经费｜1,960.00\n公用经费｜420.00\n"
    "项目支出｜4,232.00\n其中：文物保护｜1,850.00\n公共文化服务｜1,642.00\n旅游推广｜740.00\n合计｜{total}\n"
)
TABLES = [
    # each 其中 breakdown ends where its rows add up to the row above it: the 合计 sums the two parents
    (TWO_BREAKDOWNS.format(total="6,612.00"), "6,612.00", "一致"),
    (TWO_BREAKDOWNS.format(total="6,712.00"), "6,712.00", "不一致"),
    (YOY_TABLE.format(c="15.00%"), "15.00%", "一致"),
    (YOY_TABLE.format(c="17.00%"), "17.00%", "不一致"),
    (FALL_TABLE.format(c="15.00%"), "15.00%", "一致"),
    (FALL_TABLE.format(c="17.65%"), "17.65%", "不一致"),
    (USE_TABLE.format(a="96.00%"), "96.00%", "一致"),
    (USE_TABLE.format(a="94.00%"), "94.00%", "不一致"),
    (THIRDS, "33.33%", "一致"),  # three rounded shares add up to 99.99% beside a printed 100.00%: no slip
    # 42.86% + 57.14% = 100.00%; each share of the 合计, 小计 rows included
    (SHARE_TABLE.format(first="42.86%"), "42.86%", "一致"),
    (SHARE_TABLE.format(first="44.86%"), "44.86%", "不一致"),
    (BAR_TABLE.format(a="120.00"), "210.00", "一致"),
    (BAR_TABLE.format(a="130.00"), "130.00", "不一致"),
    (SPACED_TABLE.format(d="26.30", total="89.00"), "89.00", "一致"),
    (SPACED_TABLE.format(d="26.30", total="90.00"), "90.00", "不一致"),
]


@pytest.mark.parametrize(("body", "figure", "expected"), TABLES)
def test_tables(tmp_path: Path, body: str, figure: str, expected: str | None) -> None:
    checks = _audit(tmp_path, body)
    described = [(c.formula, VERDICT_LABELS[c.verdict]) for c in checks]
    texts = {f.text.removesuffix("万元").removesuffix("分") for c in checks for f in (c.stated, *c.sources)}
    assert figure in texts, described
    verdicts = {
        VERDICT_LABELS[c.verdict]
        for c in checks
        if figure in {f.text.removesuffix("万元").removesuffix("分") for f in (c.stated, *c.sources)}
    }
    assert ("不一致" in verdicts) == (expected == "不一致"), described


# ---- execution rates: spending over the budget the report states, in this part or an earlier one -----------------

TWO_BASES = (
    "年初预算3,000.00万元，年中调减200.00万元，调整后预算2,800.00万元。全年实际支出2,744.00万元，"
    "按调整后预算计算的执行率为{a}%；按年初预算口径计算，执行率为{b}%。"
)
EXECUTION = [
    # 序时进度 is the share of the year gone by, never spending over budget
    ("年度预算3,000.00万元。截至6月30日，累计支出1,230.00万元，预算执行率41.00%，低于序时进度50%。", "50%", "一致"),
    ("截至7月底，累计支出2,100.00万元，低于序时进度63.33%。", "63.33%", "不一致"),
    ("项目年度预算5,000万元，上半年累计支出2,100万元，序时支出进度为44%。", "44%", None),
    # each rate on the base its own words name, not the next clause's; the second of the same spending
    (TWO_BASES.format(a="98.00", b="91.47"), "98.00%", "一致"),
    (TWO_BASES.format(a="98.00", b="91.47"), "91.47%", "一致"),
    (TWO_BASES.format(a="96.00", b="91.47"), "96.00%", "不一致"),
    (TWO_BASES.format(a="98.00", b="93.47"), "93.47%", "不一致"),
    # a 年初 base the report does not state: that rate is not checked against another base
    (
        "调整后预算2,800.00万元。全年实际支出2,744.00万元，执行率98.00%；若按年初预算口径计算，执行率为105.00%。",
        "105.00%",
        None,
    ),
    (
        "年初预算800.00万元，年中追加120.00万元，调整后预算920.00万元。\n二、资金使用情况\n"
        "截至年底，项目实际支出874.00万元，预算执行率95.00%。",
        "95.00%",
        "一致",
    ),
    (
        "年初预算800.00万元，年中追加120.00万元，调整后预算920.00万元。\n二、资金使用情况\n"
        "截至年底，项目实际支出874.00万元，预算执行率97.00%。",
        "97.00%",
        "不一致",
    ),
    (
        "全年共安排专项资金650.00万元。\n二、资金使用情况\n全年实际使用资金611.00万元，执行率为94.00%。",
        "94.00%",
        "一致",
    ),
    (
        "全年共安排专项资金650.00万元。\n二、资金使用情况\n全年实际使用资金611.00万元，执行率为96.00%。",
        "96.00%",
        "不一致",
    ),
    # a sub-item's own rate is of its own allocation, not of the whole budget: no 不一致
    (
        "全年共安排专项资金650.00万元。\n二、资金使用情况\n其中设备购置支出300.00万元，执行率为88.00%。",
        "88.00%",
        None,
    ),
]


# ---- balances: the year's budget less its spending ----------------------------------------------------------------

UNSPENT = "调整后预算2,400.00万元。\n二、资金使用情况\n全年实际支出2,310.40万元，执行率96.27%，尚未支出{left}万元。"
BALANCES = [
    ("全年预算1,250.00万元，实际支出1,187.50万元，年末结余62.50万元。", "62.50万元", "一致"),
    ("全年预算1,250.00万元，实际支出1,187.50万元，年末结余72.50万元。", "72.50万元", "不一致"),
    (UNSPENT.format(left="89.60"), "89.60万元", "一致"),
    (UNSPENT.format(left="98.60"), "98.60万元", "不一致"),
    (
        "全年预算3,000.00万元。全年支出合计2,850.00万元。预算与实际支出相抵，形成结转结余150.00万元。",
        "150.00万元",
        "一致",
    ),
    # last year's carry-over is income, not this year's balance
    (
        "收入合计1,300.00万元，其中本年收入1,250.00万元，年初结转和结余50.00万元；全年支出1,200.00万元。",
        "50.00万元",
        None,
    ),
]


# ---- other rates: any X率 with its parts, and satisfaction from counted answers -----------------------------------

RATES = [
    ("培训后参加考核990人次，考核合格963人次，考核合格率97.27%。", "97.27%", "一致"),
    ("培训后参加考核990人次，考核合格963人次，考核合格率98.27%。", "98.27%", "不一致"),
    ("全年抽检学校食堂食品样品480批次，合格468批次，抽检合格率97.50%。", "97.50%", "一致"),
    ("全年抽检学校食堂食品样品480批次，合格468批次，抽检合格率98.50%。", "98.50%", "不一致"),
    ("组织参加技能鉴定2,400人次，取得证书1,860人次，取证率77.50%。", "77.50%", "一致"),
    ("组织参加技能鉴定2,400人次，取得证书1,860人次，取证率75.50%。", "75.50%", "不一致"),
    # a monitoring statistic with no counts behind it
    ("全年空气质量达标率为89.3%，比上年有所提高。", "89.3%", None),
    ("发放调查问卷1,200份，收回有效问卷1,140份，问卷有效率95.00%。", "95.00%", "一致"),
    ("发放调查问卷1,200份，收回有效问卷1,140份，问卷有效率96.00%。", "96.00%", "不一致"),
    ("在1,140份有效问卷中，表示满意的1,083份，满意度95.00%。", "95.00%", "一致"),
    ("在1,140份有效问卷中，表示满意的1,083份，满意度93.00%。", "93.00%", "不一致"),
    ("全年受理劳动争议案件420件，结案399件，结案率95.00%。", "95.00%", "一致"),
    ("全年受理劳动争议案件420件，结案399件，结案率97.00%。", "97.00%", "不一致"),
    ("全镇适龄儿童2,400人，参加课后服务的2,184人，参与率91.00%。", "91.00%", "一致"),
    ("全镇适龄儿童2,400人，参加课后服务的2,184人，参与率93.00%。", "93.00%", "不一致"),
    ("全县312个行政村中，已有300个村实现5G信号覆盖，覆盖率96.15%。", "96.15%", "一致"),
    ("全县312个行政村中，已有300个村实现5G信号覆盖，覆盖率98.15%。", "98.15%", "不一致"),
    # a satisfaction score from a survey with no counts stated is no ratio of figures
    ("第三方调查显示，群众满意度为92.6%，高于90%的目标值。", "92.6%", None),
]


# ---- averages: a total over the count it is per ------------------------------------------------------------------

AVERAGES = [
    ("年度计划为14家中心配置设备，实际完成14家。设备采购总金额868.00万元，平均每家62.00万元。", "62.00万元", "一致"),
    ("年度计划为14家中心配置设备，实际完成14家。设备采购总金额868.00万元，平均每家64.00万元。", "64.00万元", "不一致"),
    ("全年举办技能培训24期，累计培训学员1,080人次，平均每期45人次。", "45人次", "一致"),
    ("全年举办技能培训24期，累计培训学员1,080人次，平均每期48人次。", "48人次", "不一致"),
    ("全年共办理行政处罚案件160件。作出罚没款合计512.00万元，案均罚没款3.20万元。", "3.20万元", "一致"),
    ("全年共办理行政处罚案件160件。作出罚没款合计512.00万元，案均罚没款3.40万元。", "3.40万元", "不一致"),
    ("全年开展安全检查一百四十四次，月均十二次。", "十二次", "一致"),
    ("全年开展安全检查一百四十四次，月均十四次。", "十四次", "不一致"),
    ("共为85户困难家庭发放救助金合计34.00万元，户均4,000元。", "4,000元", "一致"),
    ("共为85户困难家庭发放救助金合计34.00万元，户均4,200元。", "4,200元", "不一致"),
]


# ---- one amount restated at once in another unit ----------------------------------------------------------------

CONVERSIONS = [
    ("全年累计投入12,640.00万元，约1.26亿元。", "1.26亿元", "一致"),
    ("全年累计投入12,640.00万元，约1.36亿元。", "1.36亿元", "不一致"),
    ("发放补助资金合计3,860,000元（折合386.00万元）。", "386.00万元", "一致"),
    ("发放补助资金合计3,860,000元（折合368.00万元）。", "368.00万元", "不一致"),
    ("项目总投资2.35亿元，即23,500万元。", "23,500万元", "一致"),
    ("项目总投资2.35亿元，即25,300万元。", "25,300万元", "不一致"),
]


# ---- per head: a standard × people (× months) against the amount paid --------------------------------------------

RECKONED = (
    "护理补贴中，市级统筹资金{x}万元，按1,700人、每人每月300元、12个月核定；区级配套资金150.00万元，用于护理员培训。"
)
PER_HEAD = [
    # the standard named after the people, the total's clause naming no standard of its own
    ("全年为1,350名困难老人购买居家服务，标准每人每月300元，全年支出486.00万元。", "486.00万元", "一致"),
    ("全年为1,350名困难老人购买居家服务，标准每人每月300元，全年支出468.00万元。", "468.00万元", "不一致"),
    ("按每人每月800元标准，为320名公益岗位人员发放补贴，全年发放12个月，共计307.20万元。", "307.20万元", "一致"),
    ("按每人每月800元标准，为320名公益岗位人员发放补贴，全年发放12个月，共计370.20万元。", "370.20万元", "不一致"),
    ("补助标准为每户每年1,500元，全年惠及2,860户，发放资金429.00万元。", "429.00万元", "一致"),
    ("补助标准为每户每年1,500元，全年惠及2,860户，发放资金492.00万元。", "492.00万元", "不一致"),
    ("聘用保洁员240名，补贴标准为每人每月900元，按实际在岗11个月计发，合计发放237.60万元。", "237.60万元", "一致"),
    ("聘用保洁员240名，补贴标准为每人每月900元，按实际在岗11个月计发，合计发放273.60万元。", "273.60万元", "不一致"),
    # "人均" is an average worked out from the total and rounded: the average is judged, not the total
    ("全年发放创业补贴3,210.50万元，扶持返乡创业人员1,150名，人均获得补贴2.79万元。", "2.79万元", "一致"),
    ("全年发放创业补贴3,210.50万元，扶持返乡创业人员1,150名，人均获得补贴2.79万元。", "3,210.50万元", None),
    ("全年发放创业补贴3,210.50万元，扶持返乡创业人员1,150名，人均获得补贴2.97万元。", "2.97万元", "不一致"),
    # the amount reckoned "按…核定" is the one just before it; the next amount after "；" is another item
    (RECKONED.format(x="612.00"), "612.00万元", "一致"),
    (RECKONED.format(x="612.00"), "150.00万元", None),
    (RECKONED.format(x="621.00"), "621.00万元", "不一致"),
    ("全年共发放高龄津贴516.00万元，按每人每月200元的标准，惠及2,150名80周岁以上老人。", "516.00万元", "一致"),
    ("全年共发放高龄津贴561.00万元，按每人每月200元的标准，惠及2,150名80周岁以上老人。", "561.00万元", "不一致"),
]


FAMILIES = {
    "changes": CHANGES,
    "shares": SHARES,
    "periods": PERIODS,
    "completion": COMPLETION,
    "repeats": REPEATS,
    "scores": SCORES,
    "totals": TOTALS,
    "execution": EXECUTION,
    "balances": BALANCES,
    "rates": RATES,
    "averages": AVERAGES,
    "conversions": CONVERSIONS,
    "per_head": PER_HEAD,
}


@pytest.mark.parametrize(
    ("body", "figure", "expected"),
    [
        pytest.param(body, figure, expected, id=f"{family}-{number}")
        for family, cases in FAMILIES.items()
        for number, (body, figure, expected) in enumerate(cases)
    ],
)
def test_family_phrasings(tmp_path: Path, body: str, figure: str, expected: str | None) -> None:
    run_case(tmp_path, body, figure, expected)


def test_a_table_broken_by_a_page_goes_on_uncaptioned(tmp_path: Path) -> None:
    """PDF and DOCX rows as ingest writes them: after a page break the rows of one table carry "表格"."""
    rows = [("表5 得分表", "甲", "40", "36"), ("表5 得分表", "乙", "30", "27"), ("表格", "丙", "30", "28.5")]
    lines = [f"{caption}｜指标：{name}，分值：{full}，得分：{score}。" for caption, name, full, score in rows]
    lines.append("表格｜指标：合计，分值：100，得分：91.5。")
    checks = _audit(tmp_path, "\n".join(lines) + "\n")
    totals = {c.stated.text: VERDICT_LABELS[c.verdict] for c in checks if c.kind == "table_total"}
    assert totals == {"100": "一致", "91.5": "一致"}, [(c.formula, c.verdict) for c in checks]


def test_two_space_aligned_tables_with_their_captions_stay_apart(tmp_path: Path) -> None:
    body = (
        "表1  分项目执行情况（单位：万元）\n"
        "项目名称        年度预算      实际支出      执行率\n"
        "甲项目          1,000.00        950.00      95.00%\n"
        "乙项目            500.00        490.00      98.00%\n"
        "合计            1,500.00      1,440.00      96.00%\n"
        "表2  分季度支出（单位：万元）\n"
        "季度      当季支出      累计支出\n"
        "一季度      300.00        300.00\n"
        "二季度      400.00        700.00\n"
        "三季度      350.00      1,050.00\n"
        "四季度      390.00      1,440.00\n"
    )
    checks = _audit(tmp_path, body)
    assert checks and all(c.verdict.value != "inconsistent" for c in checks), [(c.formula, c.verdict) for c in checks]
    assert {c.kind for c in checks} >= {"table_rate", "table_total", "table_cumulative"}


def test_numbered_subtotal_rows_head_their_groups_even_when_the_last_has_no_items(tmp_path: Path) -> None:
    body = (
        "表6  支出构成（单位：万元）\n"
        "支出类别            金额\n"
        "一、工程建设小计    1,500.00\n"
        "  管网延伸          1,000.00\n"
        "  水厂改造            500.00\n"
        "二、设备购置小计      300.00\n"
        "  净水设备            200.00\n"
        "  监测设备            100.00\n"
        "三、其他费用小计       80.00\n"
        "合计                1,890.00\n"
    )
    checks = _audit(tmp_path, body)
    totals = {c.stated.text: VERDICT_LABELS[c.verdict] for c in checks if c.kind == "table_total"}
    # 1,500 + 300 + 80 = 1,880: the 合计 is off by ten, and the 小计 rows are not added twice
    assert totals == {"1,500.00万元": "一致", "300.00万元": "一致", "1,890.00万元": "不一致"}, totals


def test_a_numbered_row_after_a_group_is_its_sibling_and_count_columns_keep_their_unit(tmp_path: Path) -> None:
    body = (
        "表10  分学段资助（单位：万元）\n"
        "学段              资助金额      受助人次\n"
        "一、义务教育小计   2,000.00      12,000\n"
        "  小学             1,200.00       8,000\n"
        "  初中               800.00       4,000\n"
        "二、学前教育         500.00       2,500\n"
        "合计               2,500.00      14,500\n"
    )
    checks = [c for c in _audit(tmp_path, body) if c.kind == "table_total"]
    assert all(c.verdict.value == "consistent" for c in checks), [(c.formula, c.verdict) for c in checks]
    assert {c.stated.text for c in checks} >= {"2,500.00万元", "14,500人次"}
