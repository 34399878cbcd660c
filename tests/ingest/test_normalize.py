import re

from ingest.normalize import compact, normalize_chars, normalize_document
from tests.conftest import CORPUS_REPORT

RAW = CORPUS_REPORT.read_text(encoding="utf-8")


def test_rejoins_numbers_wrapped_across_lines_and_removes_spaces_around_them():
    doc = normalize_document(RAW)
    assert "发布了3,004个就业岗位信息，促成就业21,307人次" in doc.text
    assert "城镇新增就业13,581人（任务数10,500人，完成率129%）" in doc.text
    assert "2023 年" not in doc.text and "2023年部门整体支出" in doc.text


def test_repairs_paragraph_split_across_page_break():
    doc = normalize_document(RAW)
    paragraphs = [doc.text[s:e] for s, e in doc.paragraphs]
    joined = [p for p in paragraphs if "会同有关部门组织实施国家关于境外人员到本区就业的管理政策" in p]
    assert len(joined) == 1


def test_a_numbered_heading_run_into_its_text_keeps_the_wrapped_line_after_it():
    # Wrapped at 24 characters; a number is never split, so the heading's line breaks early before it.
    body = [
        "二、绩效目标完成情况",
        "（一）水源保护。全县划定饮用水水源保护区十二处，保护",
        "区界标设置率达到百分之百，较上年提高了十个百分点。",
        "（二）管网改造未完成。城区老旧供水管网改造完成了计划的",
        "63.5%，漏损率仍为14.20%，高于目标值两个百分点以上。",
        "（三）水质达标",
        "出厂水水质检测合格率保持在较高水平，全年未发生供水事故。",
    ]
    paragraphs = [normalize_document("\n".join(body * 2), hard_wrapped=True).text.split("\n")][0]
    item = "（二）管网改造未完成。城区老旧供水管网改造完成了计划的63.5%，漏损率仍为14.20%，高于目标值两个百分点以上。"
    assert item in paragraphs
    assert "（三）水质达标" in paragraphs  # a heading alone on its line is still its own paragraph


def test_long_table_rows_do_not_make_wrapped_prose_lines_look_short():
    # Prose wrapped at about 28 characters; each table row is one line of 60 or more, as ingest writes them.
    prose = [
        "三、产出完成情况",
        "全年完成农机具报废更新补贴发放1,284台，完成目标值的",
        "107.00%，其中大中型拖拉机312台，联合收割机186台，其余",
        "为小型农机具。补贴资金当年全部拨付到户。",
    ]
    rows = [
        f"表{i}农机补贴发放情况（单位：万元）｜序号：{i}，乡镇：第{i}片区，计划资金：{i}20.00万元，"
        f"实际拨付：{i}18.50万元，拨付率：98.75%。"
        for i in range(1, 6)
    ]
    paragraphs = normalize_document("\n".join(prose * 3 + rows), hard_wrapped=True).text.split("\n")
    whole = (
        "全年完成农机具报废更新补贴发放1,284台，完成目标值的107.00%，"
        "其中大中型拖拉机312台，联合收割机186台，其余为小型农机具。"
    )
    assert any(p.startswith(whole) for p in paragraphs), paragraphs


def test_every_character_maps_back_to_the_same_character_of_the_original():
    doc = normalize_document(RAW)
    for index, ch in enumerate(doc.text):
        if ch != "\n":
            assert normalize_chars(RAW[doc.origin[index]]) == ch


def test_no_digit_is_changed_lost_or_invented():
    doc = normalize_document(RAW)
    assert re.sub(r"\D", "", RAW) == re.sub(r"\D", "", doc.text)


def test_pages_come_from_layout_gaps_and_form_feeds():
    doc = normalize_document(RAW)
    first = doc.text.index("一、基本情况")
    last = doc.text.index("四、下一步改进措施")
    assert doc.page_at(first) == 1
    assert doc.page_at(last) == len(doc.page_starts) == 13


def test_drops_page_numbers_and_running_headers_but_keeps_body():
    pages = []
    for number in range(1, 5):
        body = "\n".join(["这是正文第一行，内容足够长以便判断换行宽度的情况。" for _ in range(6)])
        pages.append(f"某区人社局2023年绩效自评报告\n{body}\n第 {number} 页")
    doc = normalize_document("\f".join(pages))
    assert "第1页" not in doc.text and "某区人社局2023年绩效自评报告" not in doc.text
    assert doc.text.count("这是正文第一行") == 24
    assert doc.page_at(len(doc.text) - 1) == 4


def test_compact_removes_space_and_thousands_separators_only():
    assert compact("32,007.01 万元") == "32007.01万元"
    assert compact("１２３％") == "123%"


def _maps_back(raw: str, doc) -> bool:
    return all(ch == "\n" or normalize_chars(raw[doc.origin[i]]) == ch for i, ch in enumerate(doc.text))


def test_cr_only_line_endings_make_lines_and_leave_no_carriage_returns():
    raw = "一、基本情况\r2021年收入123万元。\r\r二、存在问题\r\n一是指标不细。"
    doc = normalize_document(raw)
    assert "\r" not in doc.text
    paragraphs = [doc.text[s:e] for s, e in doc.paragraphs]
    assert paragraphs == ["一、基本情况", "2021年收入123万元。", "二、存在问题", "一是指标不细。"]
    assert _maps_back(raw, doc)


def test_invisible_characters_are_dropped_and_full_width_digits_become_ascii():
    raw = "预算\u200b执行率为\ufeff９７．２５％，收入１，２３４万元\u00ad。\u2060"
    doc = normalize_document(raw)
    assert doc.text == "预算执行率为97．25%，收入1，234万元。"
    assert _maps_back(raw, doc)


def test_text_without_line_breaks_is_cut_into_sentences_and_headings():
    raw = "某局2021年绩效自评报告一、基本情况预算执行率为97.25%。总收入2,468.10万元。二、存在问题一是目标不具体。"
    doc = normalize_document(raw)
    paragraphs = [doc.text[s:e] for s, e in doc.paragraphs]
    assert paragraphs[0] == "某局2021年绩效自评报告"
    assert "一、基本情况预算执行率为97.25%。" in paragraphs and "二、存在问题一是目标不具体。" in paragraphs
    assert _maps_back(raw, doc)
