"""Generate FICTIONAL 部门整体支出 / 项目支出绩效自评报告 (PDF, DOCX, GBK TXT) for tests and evals.

Every document's first body line is MARKER ("（虚构测试数据，非真实报告）"); the departments belong to the
made-up 广州市示例区. The layout follows a real report (corpus/huadu_hrss_2023_dept_self_eval.txt): title
block, 一、基本情况 … 四、下一步改进措施, and in （三）项目自评情况 the sentence
"1.项目名。2023年，预算安排X万元，全年执行数为Y万元，预算执行率为Z%。自评得分N分，等级为优。"
followed by the ruled table "表1 项目支出执行情况".

Deterministic: one random.Random(seed) and nothing else random; reportlab's invariant mode (fixed dates and
document id) and fixed zip timestamps in the DOCX make every file byte-identical from run to run.

    python -m evals.synthetic.generate OUT_DIR [--seed 7]

writes 15 department PDFs (5 departments x 2021-2023), 10 department DOCX (2022, 2023), 5 GBK TXT (2021,
with the PDF's hard line wraps), 15 project-level PDFs (each department's key project x 3 years) and
facts.json (one ReportFacts per file; `path` is relative to OUT_DIR).
"""

from __future__ import annotations

import argparse
import copy
import io
import json
import random
import re
import sys
import time
import zipfile
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Table, TableStyle

MARKER = "（虚构测试数据，非真实报告）"
REGION = "广州市示例区"
YEARS = (2021, 2022, 2023)
DOCX_YEARS = (2022, 2023)
TXT_YEARS = (2021,)
TABLE_CAPTION = "表1 项目支出执行情况"
TABLE_HEADER = ["项目名称", "预算数（万元）", "执行数（万元）", "执行率"]


# ---------------------------------------------------------------------------------------------------------
# Department specifications (all fictional)
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldSpec:
    """A figure inside an outcome sentence: int (with unit), pct (two decimals) or wan (万元, two decimals)."""

    key: str
    kind: str
    lo: float
    hi: float
    unit: str = ""
    ask: str = ""  # question fragment, e.g. "全年新增公办中小学学位多少个"


@dataclass(frozen=True)
class OutcomeSpec:
    title: str
    template: str
    fields: tuple[FieldSpec, ...]


@dataclass(frozen=True)
class IndicatorSpec:
    """A performance target; kind "count" (target/actual/completion rate) or "pct" (target floor, actual %)."""

    name: str
    unit: str
    lo: int
    hi: int
    kind: str = "count"


@dataclass(frozen=True)
class ProjectSpec:
    name: str
    lo: float  # budget range in 万元
    hi: float
    desc: str
    problem: str
    measure: str
    subitems: tuple[str, ...] = ()
    indicators: tuple[IndicatorSpec, ...] = ()


@dataclass(frozen=True)
class DeptSpec:
    code: str
    name: str
    short: str
    aliases: tuple[str, ...]
    budget: tuple[float, float]
    basic_share: tuple[float, float]
    functions: tuple[str, ...]
    summary: str
    outcomes: tuple[OutcomeSpec, ...]
    indicators: tuple[IndicatorSpec, ...]
    projects: tuple[ProjectSpec, ...]  # projects[0] also gets a project-level report


SATISFACTION = IndicatorSpec("受益群体满意度", "%", 90, 90, kind="pct")

DEPARTMENTS: tuple[DeptSpec, ...] = (
    DeptSpec(
        code="edu",
        name="教育局",
        short="区教育局",
        aliases=("教育局", "区教育局"),
        budget=(150_000, 250_000),
        basic_share=(0.55, 0.68),
        functions=(
            "贯彻执行国家和省、市有关教育工作的方针政策和法律法规，拟订本区教育改革与发展规划、年度工作计划并组织实施。",
            "负责统筹管理本区学前教育、义务教育、高中阶段教育和特殊教育，推进教育公平和义务教育优质均衡发展。",
            "负责本区教育经费的统筹管理，参与拟订教育经费筹措、教育拨款和基本建设投资的政策，监督教育经费的使用。",
            "负责本区中小学教师队伍建设，组织实施教师培训、职称评审和考核工作。",
            "负责本区学生资助工作，落实家庭经济困难学生资助政策，做到应助尽助。",
            "完成区委、区政府交办的其他任务。",
        ),
        summary=(
            "{year}年，在区委区政府的领导下，区教育局坚持以人民为中心的发展思想，全面贯彻党的教育方针，"
            "落实立德树人根本任务，围绕扩大优质学位供给、推进义务教育优质均衡发展、加强教师队伍建设、"
            "健全学生资助体系等重点任务，推动全区教育事业高质量发展。"
        ),
        outcomes=(
            OutcomeSpec(
                "学位供给持续扩大",
                "全年新增公办中小学学位{seats}，新改扩建学校{schools}，有效缓解了城区学位紧张问题。",
                (
                    FieldSpec("seats", "int", 2000, 6000, "个", "全年新增公办中小学学位多少个"),
                    FieldSpec("schools", "int", 3, 9, "所", "新改扩建学校多少所"),
                ),
            ),
            OutcomeSpec(
                "学生资助应助尽助",
                "全年资助家庭经济困难学生{aided}，资助政策覆盖率达{coverage}，未发生因贫失学现象。",
                (
                    FieldSpec("aided", "int", 8000, 15000, "人次", "全年资助家庭经济困难学生多少人次"),
                    FieldSpec("coverage", "pct", 97, 100, "", "资助政策覆盖率是多少"),
                ),
            ),
            OutcomeSpec(
                "教师队伍素质提升",
                "组织各级各类教师培训{trained}，公开招聘新教师{hired}，教师队伍结构进一步优化。",
                (
                    FieldSpec("trained", "int", 9000, 16000, "人次", "组织各级各类教师培训多少人次"),
                    FieldSpec("hired", "int", 150, 400, "人", "公开招聘新教师多少人"),
                ),
            ),
        ),
        indicators=(
            IndicatorSpec("校舍维修改造项目数", "个", 20, 45),
            IndicatorSpec("教师培训覆盖学校数", "所", 80, 140),
            IndicatorSpec("新增普惠性学前教育学位数", "个", 3000, 7000),
            IndicatorSpec("课后服务覆盖学生数", "人", 60000, 90000),
            SATISFACTION,
        ),
        projects=(
            ProjectSpec(
                "学生资助资金",
                3000,
                6000,
                "通过发放学前教育、义务教育和普通高中各类资助资金，保障家庭经济困难学生顺利完成学业。",
                "部分学校资助对象数据更新不够及时",
                "加强学生资助系统数据核查，提高资助精准度",
                subitems=("学前教育幼儿资助", "义务教育阶段学生资助", "普通高中国家助学金"),
                indicators=(
                    IndicatorSpec("资助学前教育幼儿人次", "人次", 2000, 4000),
                    IndicatorSpec("资助义务教育阶段学生人次", "人次", 5000, 9000),
                    IndicatorSpec("发放普通高中国家助学金人数", "人", 800, 1600),
                ),
            ),
            ProjectSpec(
                "校舍维修改造",
                8000,
                15000,
                "对全区中小学校舍、运动场地和消防设施进行维修改造，消除校舍安全隐患，改善办学条件。",
                "部分维修工程受暑期施工窗口限制，进度较为集中",
                "提前开展工程招标和设计，合理安排施工计划",
            ),
            ProjectSpec(
                "教师培训经费",
                500,
                900,
                "组织开展新教师入职培训、骨干教师研修和校长领导力培训，提升教师专业能力。",
                "部分培训课程针对性不够强",
                "开展培训需求调研，优化培训课程设置",
            ),
        ),
    ),
    DeptSpec(
        code="health",
        name="卫生健康局",
        short="区卫生健康局",
        aliases=("卫生健康局", "卫健局"),
        budget=(60_000, 90_000),
        basic_share=(0.35, 0.50),
        functions=(
            "贯彻执行国家和省、市卫生健康工作方针政策和法律法规，拟订本区卫生健康事业发展规划并组织实施。",
            "负责本区疾病预防控制工作，组织实施免疫规划和重大疾病防治。",
            "负责本区基本公共卫生服务项目的组织实施和绩效考核。",
            "统筹规划本区医疗卫生资源配置，推进分级诊疗和家庭医生签约服务。",
            "负责本区卫生应急工作，组织指导突发公共卫生事件的预防控制和医疗卫生救援。",
            "完成区委、区政府交办的其他任务。",
        ),
        summary=(
            "{year}年，区卫生健康局坚持以人民健康为中心，持续深化医药卫生体制改革，围绕提升基层医疗服务能力、"
            "做实基本公共卫生服务、扩大家庭医生签约覆盖面、加强疾病预防控制体系建设等重点任务，"
            "不断满足群众多层次健康需求。"
        ),
        outcomes=(
            OutcomeSpec(
                "基层医疗服务能力提升",
                "全区基层医疗卫生机构全年诊疗{visits}，基层诊疗量占比达{share}。",
                (
                    FieldSpec("visits", "int", 1_200_000, 1_800_000, "人次", "基层医疗卫生机构全年诊疗多少人次"),
                    FieldSpec("share", "pct", 55, 68, "", "基层诊疗量占比是多少"),
                ),
            ),
            OutcomeSpec(
                "公共卫生服务扎实推进",
                "为辖区居民建立电子健康档案{records}，电子健康档案规范化建档率达{ehr}。",
                (
                    FieldSpec("records", "int", 600_000, 900_000, "份", "为辖区居民建立电子健康档案多少份"),
                    FieldSpec("ehr", "pct", 70, 85, "", "电子健康档案规范化建档率是多少"),
                ),
            ),
            OutcomeSpec(
                "家庭医生签约服务扩面",
                "全年家庭医生签约服务{signed}，重点人群签约率达{keyrate}。",
                (
                    FieldSpec("signed", "int", 250_000, 400_000, "人", "全年家庭医生签约服务多少人"),
                    FieldSpec("keyrate", "pct", 70, 85, "", "家庭医生重点人群签约率是多少"),
                ),
            ),
        ),
        indicators=(
            IndicatorSpec("65岁及以上老年人健康管理人数", "人", 40000, 60000),
            IndicatorSpec("适龄儿童免疫规划疫苗接种人次", "人次", 150000, 220000),
            IndicatorSpec("基层医疗卫生机构标准化建设数", "个", 8, 20),
            IndicatorSpec("公共场所卫生监督检查单位数", "家", 2000, 3500),
            SATISFACTION,
        ),
        projects=(
            ProjectSpec(
                "基本公共卫生服务",
                8000,
                12000,
                "为辖区常住居民免费提供健康档案管理、慢性病患者健康管理、孕产妇和儿童健康管理等基本公共卫生服务。",
                "部分基层机构公共卫生人员配备不足",
                "加强基层公共卫生人员培训和配备",
                subitems=("居民健康档案管理", "慢性病患者健康管理", "孕产妇和儿童健康管理"),
                indicators=(
                    IndicatorSpec("高血压患者规范管理人数", "人", 30000, 45000),
                    IndicatorSpec("2型糖尿病患者规范管理人数", "人", 12000, 20000),
                    IndicatorSpec("孕产妇健康管理人数", "人", 6000, 10000),
                ),
            ),
            ProjectSpec(
                "家庭医生签约",
                1500,
                3000,
                "组建家庭医生团队，为签约居民提供基本医疗、公共卫生和健康管理服务。",
                "部分签约居民对个性化服务包知晓度不高",
                "加大家庭医生签约服务宣传，丰富个性化服务包",
            ),
            ProjectSpec(
                "疾病预防控制",
                2000,
                4000,
                "开展传染病监测、免疫规划和慢性病防控工作，提升疾病预防控制能力。",
                "部分监测设备老化，更新不够及时",
                "有序推进监测设备更新，提升检测能力",
            ),
        ),
    ),
    DeptSpec(
        code="civil",
        name="民政局",
        short="区民政局",
        aliases=("民政局", "区民政局"),
        budget=(30_000, 50_000),
        basic_share=(0.15, 0.30),
        functions=(
            "贯彻执行国家和省、市民政工作方针政策和法律法规，拟订本区民政事业发展规划并组织实施。",
            "负责本区社会救助工作，组织实施最低生活保障、特困人员救助供养和临时救助。",
            "负责本区养老服务体系建设，统筹推进居家社区机构养老服务。",
            "负责本区社会组织登记管理和社区治理工作。",
            "负责本区儿童福利、残疾人福利和殡葬管理工作。",
            "完成区委、区政府交办的其他任务。",
        ),
        summary=(
            "{year}年，区民政局坚持民政为民、民政爱民工作理念，围绕兜牢基本民生底线、完善养老服务体系、"
            "提升基层社会治理水平等重点任务，扎实推进各项民政工作，切实保障困难群众基本生活。"
        ),
        outcomes=(
            OutcomeSpec(
                "社会救助兜底保障有力",
                "全年累计发放最低生活保障金{dibao_amt}，保障低保对象{dibao_people}。",
                (
                    FieldSpec("dibao_amt", "wan", 5000, 8000, "", "全年累计发放最低生活保障金多少"),
                    FieldSpec("dibao_people", "int", 6000, 9000, "人", "保障低保对象多少人"),
                ),
            ),
            OutcomeSpec(
                "养老服务体系不断完善",
                "新增社区居家养老服务站点{stations}，全年为老年人提供助餐服务{meals}。",
                (
                    FieldSpec("stations", "int", 8, 25, "个", "新增社区居家养老服务站点多少个"),
                    FieldSpec("meals", "int", 300_000, 600_000, "人次", "全年为老年人提供助餐服务多少人次"),
                ),
            ),
            OutcomeSpec(
                "社区治理水平提升",
                "培育发展社区社会组织{orgs}，社会组织年检合格率达{pass_rate}。",
                (
                    FieldSpec("orgs", "int", 40, 120, "家", "培育发展社区社会组织多少家"),
                    FieldSpec("pass_rate", "pct", 92, 99, "", "社会组织年检合格率是多少"),
                ),
            ),
        ),
        indicators=(
            IndicatorSpec("特困人员救助供养人数", "人", 900, 1500),
            IndicatorSpec("临时救助人次", "人次", 1500, 3000),
            IndicatorSpec("养老服务综合体建设数", "个", 3, 10),
            IndicatorSpec("社区社会工作服务站运营数", "个", 15, 30),
            SATISFACTION,
        ),
        projects=(
            ProjectSpec(
                "城乡低保救助",
                6000,
                9000,
                "按时足额发放城乡最低生活保障金和价格临时补贴，保障低保对象基本生活。",
                "低保对象动态管理存在一定滞后",
                "加强低保对象动态复核，做到应保尽保、应退尽退",
                subitems=("城市最低生活保障金", "农村最低生活保障金", "低保对象价格临时补贴"),
                indicators=(
                    IndicatorSpec("低保动态复核户数", "户", 3000, 5000),
                    IndicatorSpec("入户核查家庭数", "户", 1200, 2500),
                    IndicatorSpec("低保对象走访慰问人次", "人次", 4000, 8000),
                ),
            ),
            ProjectSpec(
                "养老服务补贴",
                2000,
                4000,
                "发放高龄津贴、居家养老服务补贴和养老机构运营补贴，提升老年人生活质量。",
                "部分镇街养老服务补贴申领审核周期较长",
                "优化补贴申领流程，推行线上审核",
            ),
        ),
    ),
    DeptSpec(
        code="hrss",
        name="人力资源和社会保障局",
        short="区人力资源和社会保障局",
        aliases=("人力资源和社会保障局", "人社局"),
        budget=(25_000, 40_000),
        basic_share=(0.20, 0.30),
        functions=(
            "贯彻执行国家和省、市人力资源和社会保障工作方针政策和法律法规，拟订本区实施意见并组织实施。",
            "负责促进就业和职业培训工作，拟订统筹城乡的就业发展规划和政策措施。",
            "统筹建立覆盖城乡的社会保障体系，组织实施社会保险及其补充保险政策。",
            "负责机关事业单位人员工资收入分配政策的组织实施。",
            "负责劳动人事争议调解仲裁和劳动保障监察执法，构建和谐劳动关系。",
            "完成区委、区政府交办的其他任务。",
        ),
        summary=(
            "{year}年，区人力资源和社会保障局坚持以人民为中心的发展思想，全面推进稳就业保就业，"
            "提升全民社保水平，打造技能人才强区，构建和谐劳动关系，着力推动人力资源社会保障事业高质量发展。"
        ),
        outcomes=(
            OutcomeSpec(
                "就业形势总体稳定",
                "全年城镇新增就业{new_jobs}，城镇登记失业人员实现再就业{reemp}。",
                (
                    FieldSpec("new_jobs", "int", 9000, 14000, "人", "全年城镇新增就业多少人"),
                    FieldSpec("reemp", "int", 4000, 7000, "人", "城镇登记失业人员实现再就业多少人"),
                ),
            ),
            OutcomeSpec(
                "技能人才培养提速",
                "完成补贴性职业技能培训{training}，新增取得职业资格证书{certs}。",
                (
                    FieldSpec("training", "int", 10000, 16000, "人次", "完成补贴性职业技能培训多少人次"),
                    FieldSpec("certs", "int", 3000, 6000, "人", "新增取得职业资格证书多少人"),
                ),
            ),
            OutcomeSpec(
                "劳动关系和谐稳定",
                "全年受理劳动人事争议案件{cases}，案件结案率达{closure}。",
                (
                    FieldSpec("cases", "int", 3000, 4800, "宗", "全年受理劳动人事争议案件多少宗"),
                    FieldSpec("closure", "pct", 96, 99.8, "", "劳动人事争议案件结案率是多少"),
                ),
            ),
        ),
        indicators=(
            IndicatorSpec("创业带动就业补贴人数", "人", 3000, 5000),
            IndicatorSpec("申领社会保险补贴人数", "人", 15000, 20000),
            IndicatorSpec("申领一次性创业资助企业数", "家", 900, 1300),
            IndicatorSpec("零工市场促成就业人次", "人次", 15000, 25000),
            SATISFACTION,
        ),
        projects=(
            ProjectSpec(
                "就业补助资金",
                8000,
                11000,
                "通过发放灵活就业社会保险补贴、职业培训补贴和创业资助，促进重点群体就业创业。",
                "资金补贴不能满足所有申请者",
                "积极向市级主管部门申请增加补助资金额度",
                subitems=("社会保险补贴", "职业培训补贴", "一次性创业资助"),
                indicators=(
                    IndicatorSpec("享受社会保险补贴的灵活就业人员数", "人", 8000, 12000),
                    IndicatorSpec("发放职业培训补贴人次", "人次", 6000, 10000),
                    IndicatorSpec("扶持创业人数", "人", 2500, 3800),
                ),
            ),
            ProjectSpec(
                "职业技能培训补贴",
                1500,
                3000,
                "围绕“粤菜师傅”“广东技工”“南粤家政”三项工程开展补贴性职业技能培训。",
                "部分培训项目与企业用工需求衔接不够紧密",
                "加强校企合作，按需设置培训工种",
            ),
            ProjectSpec(
                "退休人员管理服务",
                150,
                300,
                "开展老年大学培训、文体活动和节日慰问，丰富退休人员精神文化生活。",
                "部分课程学员报名人数偏少",
                "增加退休人员感兴趣的课程，加大宣传力度",
            ),
        ),
    ),
    DeptSpec(
        code="finance",
        name="财政局",
        short="区财政局",
        aliases=("财政局", "区财政局"),
        budget=(8_000, 15_000),
        basic_share=(0.45, 0.60),
        functions=(
            "贯彻执行国家和省、市财税方针政策和法律法规，拟订本区财政发展规划和年度财政政策并组织实施。",
            "负责编制区级年度预决算草案并组织执行，组织实施全面预算绩效管理。",
            "负责本区国库集中收付管理和政府采购监督管理。",
            "负责本区政府性债务管理和行政事业单位国有资产管理工作。",
            "负责本区会计管理工作，监督财经法规和会计制度的执行。",
            "完成区委、区政府交办的其他任务。",
        ),
        summary=(
            "{year}年，区财政局坚持稳中求进工作总基调，积极财政政策提质增效，围绕组织财政收入、"
            "优化支出结构、深化预算绩效管理改革、防范化解政府债务风险等重点任务，为全区经济社会发展提供财力保障。"
        ),
        outcomes=(
            OutcomeSpec(
                "财政收入稳步增长",
                "全区一般公共预算收入完成{revenue}，同比增长{growth}。",
                (
                    FieldSpec("revenue", "wan", 600_000, 800_000, "", "全区一般公共预算收入完成多少"),
                    FieldSpec("growth", "pct", 2, 8, "", "一般公共预算收入同比增长多少"),
                ),
            ),
            OutcomeSpec(
                "预算绩效管理全面覆盖",
                "对{evaluated}开展重点绩效评价，涉及资金{eval_amt}。",
                (
                    FieldSpec("evaluated", "int", 20, 45, "个项目", "对多少个项目开展重点绩效评价"),
                    FieldSpec("eval_amt", "wan", 80_000, 150_000, "", "重点绩效评价涉及资金多少"),
                ),
            ),
            OutcomeSpec(
                "政府采购规范高效",
                "全年完成政府采购预算金额{procure}，节约财政资金{saved}。",
                (
                    FieldSpec("procure", "wan", 200_000, 350_000, "", "全年完成政府采购预算金额多少"),
                    FieldSpec("saved", "wan", 3_000, 9_000, "", "政府采购节约财政资金多少"),
                ),
            ),
        ),
        indicators=(
            IndicatorSpec("预算绩效目标编报覆盖部门数", "个", 50, 70),
            IndicatorSpec("政府采购项目备案数", "宗", 1500, 2500),
            IndicatorSpec("国库集中支付笔数", "笔", 90000, 130000),
            IndicatorSpec("会计人员继续教育人数", "人", 3000, 5000),
            SATISFACTION,
        ),
        projects=(
            ProjectSpec(
                "财政信息化建设",
                800,
                1500,
                "推进预算管理一体化系统和非税收入管理系统建设运维，提升财政管理信息化水平。",
                "部分系统模块与上级系统对接不够顺畅",
                "加强与上级财政部门沟通，推进系统数据贯通",
                subitems=("预算管理一体化系统运维", "非税收入管理系统升级"),
                indicators=(
                    IndicatorSpec("系统运维服务响应次数", "次", 800, 1500),
                    IndicatorSpec("接入预算单位数", "个", 150, 260),
                    IndicatorSpec("系统功能模块升级数", "个", 10, 30),
                ),
            ),
            ProjectSpec(
                "预算绩效第三方评价",
                300,
                600,
                "委托第三方机构对重点项目和部门整体支出开展绩效评价，提高财政资金使用效益。",
                "部分第三方机构评价报告质量参差不齐",
                "加强第三方机构执业质量考核",
            ),
        ),
    ),
)

# (problem, measure) pairs for 三、存在的主要问题 / 四、下一步改进措施; three are drawn per report.
GENERIC_ISSUES: tuple[tuple[str, str], ...] = (
    ("部分绩效指标设置不够细化，量化程度不高", "进一步细化量化绩效指标，提高指标的可衡量性"),
    ("部分项目预算执行进度偏慢，年中调整较多", "加强预算执行进度监控，按月通报项目执行情况"),
    ("绩效自评结果应用不够充分", "强化绩效评价结果应用，将评价结果与下年度预算安排挂钩"),
    ("业务科室绩效管理意识有待加强", "加强绩效管理培训，压实业务科室绩效管理主体责任"),
    ("项目前期论证不够充分，部分项目实施进度滞后", "加强项目前期论证和入库管理，确保项目按计划实施"),
)
SHORTFALL_REASONS = ("服务对象实际需求较年初预计有所减少", "部分工作受实施周期影响顺延至下一年度")
ORDINALS = ("一", "二", "三", "四", "五")


# ---------------------------------------------------------------------------------------------------------
# Facts (what each file states)
# ---------------------------------------------------------------------------------------------------------


@dataclass
class ProjectFacts:
    """A row of 表1: a named project (department report) or a sub-item (project report)."""

    name: str
    budget: float  # 万元
    spend: float  # 万元
    rate: float  # percent, two decimals, = spend / budget
    score: float | None = None  # 自评得分 of a named project in a department report


@dataclass
class IndicatorFacts:
    name: str
    unit: str
    target: str  # as written, e.g. "3,200个" or "90%"
    actual: str  # as written, e.g. "3,350个" or "96.35%"
    completion: float | None  # percent, None for percentage indicators
    met: bool


@dataclass
class OutcomeFacts:
    key: str
    ask: str  # question fragment
    figure: str  # as written, with unit
    sentence: str  # the whole outcome paragraph


@dataclass
class ReportFacts:
    path: str  # file name, relative to the output directory
    department: str  # e.g. "教育局"
    year: int
    report_type: str  # "dept" (部门整体支出) or "project" (项目支出)
    total_budget: float  # 万元 (department budget, or the project's budget)
    total_spend: float  # 万元
    execution_rate: float  # percent
    self_score: float  # 分
    projects: list[ProjectFacts]  # rows of 表1 (without the 合计 row)
    department_code: str = ""
    format: str = ""  # pdf | docx | txt
    encoding: str = "utf-8"
    title: str = ""
    project: str | None = None  # project name of a project-level report
    grade: str = ""
    total_income: float | None = None
    fiscal_income: float | None = None
    other_income: float | None = None
    basic_spend: float | None = None
    project_spend: float | None = None
    indicators: list[IndicatorFacts] = field(default_factory=list)
    outcomes: list[OutcomeFacts] = field(default_factory=list)
    functions: list[str] = field(default_factory=list)
    summary: str = ""
    problems: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)
    pages: int | None = None


# ---------------------------------------------------------------------------------------------------------
# Number formatting (exactly as written in the documents)
# ---------------------------------------------------------------------------------------------------------


def fmt_cents(cents: int) -> str:
    """12345678 -> "123,456.78" (万元 amounts are kept as integer hundredths)."""
    return f"{cents // 100:,}.{cents % 100:02d}"


def wan(amount: float) -> str:
    """1234.5 -> "1,234.50万元"."""
    return f"{amount:,.2f}万元"


def pct(value: float) -> str:
    """97.2 -> "97.20%"."""
    return f"{value:.2f}%"


def score_text(value: float) -> str:
    """92.5 -> "92.50分"."""
    return f"{value:.2f}分"


def ratio(part: int, whole: int) -> Decimal:
    """part / whole in percent, rounded half-up to two decimals."""
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def grade_of(score_hundredths: int) -> str:
    if score_hundredths >= 9000:
        return "优"
    if score_hundredths >= 8000:
        return "良"
    return "中" if score_hundredths >= 6000 else "差"


def _count(value: int, unit: str) -> str:
    return f"{value:,}{unit}"


# ---------------------------------------------------------------------------------------------------------
# Building the reports (content blocks + facts)
# ---------------------------------------------------------------------------------------------------------

Block = tuple  # ("marker"|"h1"|"h2"|"p"|"caption", str) | ("title", list[str]) | ("table", list[list[str]])


@dataclass
class Report:
    key: str  # e.g. "edu_2023_dept"
    header: str  # running header / full title
    blocks: list[Block]
    facts: ReportFacts  # path and format are filled in per file
    formats: tuple[str, ...]


@dataclass
class _Row:
    name: str
    budget: int  # cents
    spend: int
    score: int | None = None  # hundredths

    @property
    def rate(self) -> Decimal:
        return ratio(self.spend, self.budget)

    def facts(self) -> ProjectFacts:
        return ProjectFacts(
            self.name,
            self.budget / 100,
            self.spend / 100,
            float(self.rate),
            None if self.score is None else self.score / 100,
        )


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    """Split `total` cents into `parts` positive shares that sum exactly to it."""
    weights = [rng.uniform(1.0, 3.0) for _ in range(parts)]
    shares = [int(total * w / sum(weights)) for w in weights[:-1]]
    return shares + [total - sum(shares)]


def _indicator(rng: random.Random, spec: IndicatorSpec, year: int, number: int) -> tuple[IndicatorFacts, str]:
    if spec.kind == "pct":
        actual = rng.randint(spec.lo * 100 + 100, 9950)
        actual_text = f"{actual // 100}.{actual % 100:02d}%"
        facts = IndicatorFacts(spec.name, "%", f"{spec.lo}%", actual_text, None, True)
        text = f"{number}.{spec.name}：{year}年度目标值为不低于{spec.lo}%，实际值为{actual_text}，完成年初目标。"
        return facts, text
    step = 100 if spec.hi >= 10000 else 10 if spec.hi >= 1000 else 1
    target = max(step, rng.randint(spec.lo, spec.hi) // step * step)
    actual = max(1, round(target * rng.uniform(0.92, 1.22)))
    completion = ratio(actual, target)
    met = actual >= target
    status = "完成年初目标" if met else f"未完成年初目标，主要原因是{rng.choice(SHORTFALL_REASONS)}"
    facts = IndicatorFacts(
        spec.name, spec.unit, _count(target, spec.unit), _count(actual, spec.unit), float(completion), met
    )
    text = (
        f"{number}.{spec.name}：{year}年度目标值为{_count(target, spec.unit)}，"
        f"实际完成{_count(actual, spec.unit)}，完成率为{completion}%，{status}。"
    )
    return facts, text


def _outcome(rng: random.Random, spec: OutcomeSpec, number: int) -> tuple[list[OutcomeFacts], str]:
    values: dict[str, str] = {}
    for f in spec.fields:
        if f.kind == "int":
            values[f.key] = _count(rng.randint(int(f.lo), int(f.hi)), f.unit)
        elif f.kind == "pct":
            hundredths = rng.randint(round(f.lo * 100), round(f.hi * 100))
            values[f.key] = f"{hundredths // 100}.{hundredths % 100:02d}%"
        else:
            values[f.key] = fmt_cents(rng.randint(round(f.lo * 100), round(f.hi * 100))) + "万元"
    text = f"{number}.{spec.title}。" + spec.template.format(**values)
    return [OutcomeFacts(f.key, f.ask, values[f.key], text) for f in spec.fields], text


def _issues(rng: random.Random, first: tuple[str, str] | None = None) -> tuple[list[str], list[str]]:
    pairs = rng.sample(GENERIC_ISSUES, 3 if first is None else 2)
    if first is not None:
        pairs = [first, *pairs]
    return [p for p, _ in pairs], [m for _, m in pairs]


def _enumerate_cn(items: list[str]) -> str:
    return "".join(f"{ORDINALS[i]}是{item}。" for i, item in enumerate(items))


def _table_rows(rows: list[_Row]) -> list[list[str]]:
    budget, spend = sum(r.budget for r in rows), sum(r.spend for r in rows)
    body = [[r.name, fmt_cents(r.budget), fmt_cents(r.spend), f"{r.rate}%"] for r in rows]
    return [TABLE_HEADER, *body, ["合计", fmt_cents(budget), fmt_cents(spend), f"{ratio(spend, budget)}%"]]


def _dept_year(rng: random.Random, dept: DeptSpec, year: int) -> tuple[Report, Report]:
    # Named projects; the key project (projects[0]) is the sum of its sub-items.
    rows: list[_Row] = []
    subrows: list[_Row] = []
    for index, spec in enumerate(dept.projects):
        if index == 0:
            budgets = _split(rng, rng.randint(round(spec.lo * 100), round(spec.hi * 100)), len(spec.subitems))
            for name, budget in zip(spec.subitems, budgets, strict=True):
                subrows.append(_Row(name, budget, round(budget * rng.uniform(0.86, 1.0))))
            budget, spend = sum(r.budget for r in subrows), sum(r.spend for r in subrows)
        else:
            budget = rng.randint(round(spec.lo * 100), round(spec.hi * 100))
            spend = budget if rng.random() < 0.15 else round(budget * rng.uniform(0.85, 0.999))
        rows.append(_Row(spec.name, budget, spend, rng.randint(8800, 10000)))

    total_budget = rng.randint(round(dept.budget[0] * 100), round(dept.budget[1] * 100))
    total_spend = round(total_budget * rng.uniform(0.88, 0.995))
    fiscal = round(total_budget * rng.uniform(0.93, 0.995))
    other = total_budget - fiscal
    basic = round(total_spend * rng.uniform(*dept.basic_share))
    project_spend = total_spend - basic
    if project_spend <= sum(r.spend for r in rows):
        raise AssertionError(f"{dept.code} {year}: 项目支出小于所列项目之和")
    exec_rate = ratio(total_spend, total_budget)
    score = rng.randint(8600, 9950)
    grade = grade_of(score)

    indicators, indicator_texts = [], []
    for number, spec in enumerate(dept.indicators, start=1):
        facts, text = _indicator(rng, spec, year, number)
        indicators.append(facts)
        indicator_texts.append(text)
    outcomes, outcome_texts = [], []
    for number, spec in enumerate(dept.outcomes, start=1):
        facts_list, text = _outcome(rng, spec, number)
        outcomes.extend(facts_list)
        outcome_texts.append(text)
    problems, measures = _issues(rng)

    header = f"{REGION}{dept.name}{year}年部门整体支出绩效自评报告"
    summary = dept.summary.format(year=year)
    blocks: list[Block] = [
        ("marker", MARKER),
        ("title", [f"{REGION}{dept.name}", f"{year} 年部门整体支出", "", "绩效自评报告"]),
        ("h1", "一、基本情况"),
        ("h2", "（一）部门概况"),
        *[("p", f"{i}.{text}") for i, text in enumerate(dept.functions, start=1)],
        ("h2", "（二）年度总体工作和重点工作任务"),
        ("p", summary),
        ("h2", "（三）主要工作成效"),
        *[("p", text) for text in outcome_texts],
        ("h2", "（四）部门整体收支情况"),
        (
            "p",
            f"{year}年{dept.short}部门整体总收入合计{fmt_cents(total_budget)}万元，其中财政拨款收入"
            f"{fmt_cents(fiscal)}万元，其他收入{fmt_cents(other)}万元。总支出{fmt_cents(total_spend)}万元，"
            f"其中基本支出{fmt_cents(basic)}万元，项目支出{fmt_cents(project_spend)}万元。全年部门预算数为"
            f"{fmt_cents(total_budget)}万元，执行数为{fmt_cents(total_spend)}万元，预算执行率为{exec_rate}%。",
        ),
        ("h2", "（五）部门整体绩效管理情况"),
        (
            "p",
            f"{year}年度我部门设置了较为全面的部门整体绩效目标，对照部门职能设置了清晰、可衡量的绩效指标。"
            "年中按照要求开展了财政资金使用情况和绩效目标完成情况的绩效监控，及时纠正执行偏差。",
        ),
        ("h1", "二、绩效自评情况"),
        ("h2", "（一）自评结论综述"),
        (
            "p",
            f"我部门严格按照《{REGION}{year + 1}年预算绩效管理工作方案》要求，开展{year}年度部门整体绩效自评，"
            f"自评得分{score_text(score / 100)}，自评级次为{grade}。从评价情况来看，我部门预算编制、执行及使用效益"
            + ("均达到了预期的绩效目标。" if grade == "优" else "基本达到了预期的绩效目标，个别指标仍有差距。"),
        ),
        ("h2", "（二）各项工作任务绩效目标完成情况分析"),
        *[("p", text) for text in indicator_texts],
        ("h2", "（三）项目自评情况"),
        ("p", f"{year}年我部门纳入绩效自评的重点项目共{len(rows)}个，各项目预算执行情况见表1。"),
    ]
    for number, (row, spec) in enumerate(zip(rows, dept.projects, strict=True), start=1):
        blocks.append(
            (
                "p",
                f"{number}.{row.name}。{year}年，预算安排{fmt_cents(row.budget)}万元，全年执行数为"
                f"{fmt_cents(row.spend)}万元，预算执行率为{row.rate}%。自评得分{score_text(row.score / 100)}，"
                f"等级为{grade_of(row.score)}。",
            )
        )
        blocks.append(("p", f"{spec.desc}存在的主要问题：{spec.problem}。下一步改进措施：{spec.measure}。"))
    blocks += [
        ("caption", TABLE_CAPTION),
        ("table", _table_rows(rows)),
        ("h1", "三、存在的主要问题"),
        ("p", _enumerate_cn(problems)),
        ("h1", "四、下一步改进措施"),
        ("p", _enumerate_cn(measures)),
    ]
    dept_facts = ReportFacts(
        path="",
        department=dept.name,
        year=year,
        report_type="dept",
        total_budget=total_budget / 100,
        total_spend=total_spend / 100,
        execution_rate=float(exec_rate),
        self_score=score / 100,
        projects=[r.facts() for r in rows],
        department_code=dept.code,
        title=header,
        grade=grade,
        total_income=total_budget / 100,
        fiscal_income=fiscal / 100,
        other_income=other / 100,
        basic_spend=basic / 100,
        project_spend=project_spend / 100,
        indicators=indicators,
        outcomes=outcomes,
        functions=list(dept.functions),
        summary=summary,
        problems=problems,
        measures=measures,
    )
    formats = ("pdf",) + (("docx",) if year in DOCX_YEARS else ()) + (("txt",) if year in TXT_YEARS else ())
    dept_report = Report(f"{dept.code}_{year}_dept", header, blocks, dept_facts, formats)
    return dept_report, _project_report(rng, dept, year, rows[0], subrows)


def _project_report(rng: random.Random, dept: DeptSpec, year: int, row: _Row, subrows: list[_Row]) -> Report:
    spec = dept.projects[0]
    header = f"{REGION}{dept.name}{year}年{spec.name}项目支出绩效自评报告"
    indicators, indicator_texts = [], []
    for number, ind in enumerate((*spec.indicators, SATISFACTION), start=1):
        facts, text = _indicator(rng, ind, year, number)
        indicators.append(facts)
        indicator_texts.append(text)
    problems, measures = _issues(rng, first=(spec.problem, spec.measure))
    grade = grade_of(row.score)
    blocks: list[Block] = [
        ("marker", MARKER),
        ("title", [f"{REGION}{dept.name}", f"{year} 年{spec.name}项目", "", "支出绩效自评报告"]),
        ("h1", "一、项目基本情况"),
        ("h2", "（一）项目概况"),
        ("p", f"{spec.name}项目由{dept.short}负责组织实施。{spec.desc}"),
        (
            "p",
            f"{year}年，该项目预算安排{fmt_cents(row.budget)}万元，全年执行数为{fmt_cents(row.spend)}万元，"
            f"预算执行率为{row.rate}%。",
        ),
        ("h2", "（二）项目绩效目标"),
        (
            "p",
            f"项目年初设定产出指标{len(spec.indicators)}项、满意度指标1项，绩效目标与部门职能和年度工作任务相匹配。",
        ),
        ("h1", "二、绩效自评情况"),
        ("h2", "（一）自评结论"),
        (
            "p",
            f"根据《{REGION}{year + 1}年预算绩效管理工作方案》，{dept.short}对{spec.name}项目开展绩效自评，"
            f"自评得分{score_text(row.score / 100)}，等级为{grade}。",
        ),
        ("h2", "（二）预算执行情况"),
        ("p", f"项目资金分{len(subrows)}个子项目安排，各子项目执行情况见表1。"),
        *[
            (
                "p",
                f"{i}.{r.name}：预算安排{fmt_cents(r.budget)}万元，全年执行数为{fmt_cents(r.spend)}万元，"
                f"预算执行率为{r.rate}%。",
            )
            for i, r in enumerate(subrows, start=1)
        ],
        ("caption", TABLE_CAPTION),
        ("table", _table_rows(subrows)),
        ("h2", "（三）绩效目标完成情况"),
        *[("p", text) for text in indicator_texts],
        ("h1", "三、存在的主要问题"),
        ("p", _enumerate_cn(problems)),
        ("h1", "四、下一步改进措施"),
        ("p", _enumerate_cn(measures)),
    ]
    facts = ReportFacts(
        path="",
        department=dept.name,
        year=year,
        report_type="project",
        total_budget=row.budget / 100,
        total_spend=row.spend / 100,
        execution_rate=float(row.rate),
        self_score=row.score / 100,
        projects=[r.facts() for r in subrows],
        department_code=dept.code,
        title=header,
        project=spec.name,
        grade=grade,
        indicators=indicators,
        problems=problems,
        measures=measures,
    )
    return Report(f"{dept.code}_{year}_project", header, blocks, facts, ("pdf",))


def build_reports(seed: int = 7) -> list[Report]:
    """All reports in a fixed order; the only randomness is one random.Random(seed)."""
    rng = random.Random(seed)
    reports: list[Report] = []
    for dept in DEPARTMENTS:
        for year in YEARS:
            reports.extend(_dept_year(rng, dept, year))
    return reports


# ---------------------------------------------------------------------------------------------------------
# Page layout (shared by the PDF and the hard-wrapped TXT)
# ---------------------------------------------------------------------------------------------------------

FONT = "STSong-Light"
BODY_SIZE = 16
CHARS_PER_LINE = 28
TEXT_W = BODY_SIZE * CHARS_PER_LINE  # 448pt: 28 full-width characters, 26 on an indented first line
INDENT = 2 * BODY_SIZE
PAGE_W, PAGE_H = A4
LEFT = (PAGE_W - TEXT_W) / 2
TOP = PAGE_H - 96
BOTTOM = 78
LEADING = 28
HEADER_Y = PAGE_H - 54
FOOTER_Y = 42
TABLE_ROW_H = 24

_TOKEN = re.compile(r"[0-9A-Za-z][0-9A-Za-z,.\-/]*%?|.", re.S)
_NO_LINE_START = set("，。、；：？！）》」』”’%,.;:!?")
_NO_LINE_END = set("（《「『“‘")


def _font_ready() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def _width(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, FONT, size)


def wrap(text: str, size: float, first_width: float, width: float) -> list[str]:
    """Hard-wrap like a word processor: numbers stay whole, closing punctuation hangs, opening never ends a line."""
    lines: list[str] = []
    current, used, avail = "", 0.0, first_width
    for token in _TOKEN.findall(text):
        w = _width(token, size)
        if current and used + w > avail + 0.01 and token not in _NO_LINE_START:
            carry = ""
            while current and current[-1] in _NO_LINE_END:
                carry, current = current[-1] + carry, current[:-1]
            lines.append(current)
            current, used, avail = carry, _width(carry, size), width
        current += token
        used += w
    if current:
        lines.append(current)
    return lines


@dataclass
class _Item:
    kind: str  # "text" | "table"
    x: float
    y: float  # text: baseline; table: bottom edge
    size: float = 0.0
    text: str = ""
    centre: bool = False
    rows: list[list[str]] | None = None


@dataclass
class Page:
    items: list[_Item] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # the page's text lines, as the TXT version has them


def _make_table(rows: list[list[str]]) -> Table:
    table = Table(
        rows,
        colWidths=[TEXT_W * 0.38, TEXT_W * 0.22, TEXT_W * 0.22, TEXT_W * 0.18],
        rowHeights=TABLE_ROW_H,
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("FONTSIZE", (0, 0), (-1, -1), 12),
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("ALIGN", (0, 0), (-1, 0), "CENTER"),
                ("ALIGN", (0, 1), (0, -1), "LEFT"),
                ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


class _Layout:
    def __init__(self) -> None:
        self.pages = [Page()]
        self.top = TOP

    def room(self, height: float) -> None:
        if self.top - height < BOTTOM:
            self.pages.append(Page())
            self.top = TOP

    def line(self, text: str, size: float, leading: float, x: float = LEFT, centre: bool = False) -> None:
        self.room(leading)
        baseline = self.top - leading / 2 - size * 0.35
        self.pages[-1].items.append(_Item("text", x, baseline, size, text, centre))
        self.pages[-1].lines.append(text)
        self.top -= leading

    def paragraph(self, text: str, size: float = BODY_SIZE) -> None:
        for i, line in enumerate(wrap(text, size, TEXT_W - INDENT, TEXT_W)):
            self.line(line, size, LEADING, LEFT + INDENT if i == 0 else LEFT)


def layout(blocks: list[Block]) -> list[Page]:
    _font_ready()
    lay = _Layout()
    for index, block in enumerate(blocks):
        kind = block[0]
        if kind == "marker":
            lay.line(block[1], 12, 24)
            lay.top -= 12
        elif kind == "title":
            for text in block[1]:
                if text:
                    lay.line(text, 22, 40, centre=True)
                else:
                    lay.top -= 16
            # The TXT keeps the title block as the real corpus has it: "名称\n2023 年部门整体支出\n\n绩效自评报告".
            page = lay.pages[-1]
            count = sum(1 for text in block[1] if text)
            page.lines[-count:] = ["\n".join(block[1])]
            lay.top -= 20
        elif kind in ("h1", "h2"):
            lay.room(LEADING * 2)  # keep a heading with the first line after it
            lay.paragraph(block[1])
        elif kind == "p":
            lay.paragraph(block[1])
        elif kind == "caption":
            rows = blocks[index + 1][1]
            lay.room(26 + TABLE_ROW_H * len(rows) + 12)  # keep the caption with its table
            lay.line(block[1], 14, 26, centre=True)
        elif kind == "table":
            rows = block[1]
            height = TABLE_ROW_H * len(rows)
            lay.room(height + 12)
            lay.pages[-1].items.append(_Item("table", LEFT, lay.top - height, rows=rows))
            lay.pages[-1].lines.extend("  ".join(row) for row in rows)
            lay.top -= height + 12
        else:
            raise ValueError(f"unknown block {kind}")
    return lay.pages


def page_number(n: int) -> str:
    return f"- {n} -"


def expected_text(report: Report, fmt: str, pages: list[Page] | None = None) -> str:
    """The text a reader should extract from `fmt` (reading order; compare with whitespace removed)."""
    if fmt == "docx":
        parts = [report.header]
        for block in report.blocks:
            if block[0] == "title":
                parts.extend(t for t in block[1] if t)
            elif block[0] == "table":
                parts.extend(" ".join(row) for row in block[1])
            else:
                parts.append(block[1])
        return "\n".join(parts)
    pages = pages if pages is not None else layout(report.blocks)
    if fmt == "txt":
        return "\n\n\n\n".join("\n\n".join(page.lines) for page in pages) + "\n"
    out = []
    for n, page in enumerate(pages, start=1):
        out += [report.header, *page.lines, page_number(n)]
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------------------------


def write_pdf(report: Report, pages: list[Page], path: Path) -> None:
    _font_ready()
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1)
    c.setTitle(report.header)
    c.setAuthor("perfqa evals.synthetic")
    c.setSubject(MARKER)
    c.setCreator("perfqa evals.synthetic.generate")
    for n, page in enumerate(pages, start=1):
        c.setFont(FONT, 10.5)
        c.drawCentredString(PAGE_W / 2, HEADER_Y, report.header)
        c.setLineWidth(0.6)
        c.line(LEFT, HEADER_Y - 8, LEFT + TEXT_W, HEADER_Y - 8)
        for item in page.items:
            if item.kind == "text":
                c.setFont(FONT, item.size)
                if item.centre:
                    c.drawCentredString(PAGE_W / 2, item.y, item.text)
                else:
                    c.drawString(item.x, item.y, item.text)
            else:
                table = _make_table(item.rows or [])
                table.wrapOn(c, TEXT_W, PAGE_H)
                table.drawOn(c, item.x, item.y)
        c.setFont(FONT, 12)
        c.drawCentredString(PAGE_W / 2, FOOTER_Y, page_number(n))
        c.showPage()
    c.save()


def write_txt(report: Report, pages: list[Page], path: Path) -> None:
    path.write_bytes(expected_text(report, "txt", pages).encode("gbk"))


_ZIP_TIME = (2024, 1, 1, 0, 0, 0)
_DOC_TIME = datetime(2024, 1, 1, 0, 0, 0)


def write_docx(report: Report, path: Path) -> None:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(26)
    for name in ("Normal", "Heading 1", "Heading 2"):
        style = doc.styles[name]
        style.font.name = "FangSong" if name == "Normal" else "SimHei"
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋" if name == "Normal" else "黑体")
    doc.styles["Normal"].font.size = Pt(16)

    header = section.header.paragraphs[0]
    header.text = report.header
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("- ")
    page_field = OxmlElement("w:fldSimple")
    page_field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    page_field.append(run)
    footer._p.append(page_field)
    footer.add_run(" -")

    for block in report.blocks:
        kind = block[0]
        if kind == "marker":
            doc.add_paragraph(block[1])
        elif kind == "title":
            for line in block[1]:
                if not line:
                    continue
                para = doc.add_paragraph()
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run = para.add_run(line)
                run.font.size = Pt(22)
                run.bold = True
        elif kind == "h1":
            doc.add_heading(block[1], level=1)
        elif kind == "h2":
            doc.add_heading(block[1], level=2)
        elif kind == "p":
            doc.add_paragraph(block[1]).paragraph_format.first_line_indent = Pt(32)
        elif kind == "caption":
            doc.add_paragraph(block[1]).alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "table":
            rows = block[1]
            table = doc.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for col, value in enumerate(row):
                    cell = table.cell(r, col)
                    cell.text = value
                    if r and col:
                        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT

    props = doc.core_properties
    props.title = report.header
    props.subject = MARKER
    props.author = "perfqa evals.synthetic"
    props.last_modified_by = "perfqa evals.synthetic"
    props.comments = MARKER
    props.created = props.modified = _DOC_TIME
    props.revision = 1

    raw = io.BytesIO()
    doc.save(raw)
    # python-docx stamps every zip member with the current time; rewrite them with a fixed one.
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            zout.writestr(member, zin.read(info.filename))
    path.write_bytes(out.getvalue())


# ---------------------------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------------------------


def file_name(report: Report, fmt: str) -> str:
    return f"{report.key}.{fmt}"


def generate(out_dir: Path, seed: int = 7) -> list[ReportFacts]:
    """Write every report in every format under `out_dir` plus facts.json; return one ReportFacts per file."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[ReportFacts] = []
    for report in build_reports(seed):
        pages = layout(report.blocks)
        if len(pages) < 2:
            raise AssertionError(f"{report.key}: only {len(pages)} page")
        for fmt in report.formats:
            name = file_name(report, fmt)
            target = out_dir / name
            if fmt == "pdf":
                write_pdf(report, pages, target)
            elif fmt == "docx":
                write_docx(report, target)
            else:
                write_txt(report, pages, target)
            written.append(
                replace(
                    copy.deepcopy(report.facts),
                    path=name,
                    format=fmt,
                    encoding="gbk" if fmt == "txt" else "utf-8",
                    pages=None if fmt == "docx" else len(pages),
                )
            )
    payload = json.dumps([asdict(f) for f in written], ensure_ascii=False, indent=1)
    (out_dir / "facts.json").write_text(payload + "\n", encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m evals.synthetic.generate",
        description="生成虚构的部门整体/项目支出绩效自评报告（PDF、DOCX、GBK TXT）及 facts.json",
    )
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    facts = generate(args.out_dir, args.seed)
    counts: dict[str, int] = {}
    for f in facts:
        counts[f.format] = counts.get(f.format, 0) + 1
    summary = "，".join(f"{fmt.upper()} {n}" for fmt, n in sorted(counts.items()))
    elapsed = time.perf_counter() - started
    print(f"已写入 {len(facts)} 个文件（{summary}）及 facts.json 到 {args.out_dir}，用时 {elapsed:.1f} 秒")
    return 0


if __name__ == "__main__":
    sys.exit(main())
