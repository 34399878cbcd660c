"""The extractive answerer on the real corpus report."""

from assistant.prompts import REFUSAL
from assistant.render import answer_to_json, answer_to_text


def test_figure_question_gets_the_sentence_with_its_label_and_a_verified_citation(corpus_assistant):
    answer = corpus_assistant.ask("去年就业补助资金执行率多少？")
    assert not answer.refused
    assert "执行率为99.99%" in answer.text and "[1]" in answer.text
    citation = answer.citations[0]
    assert citation.section.endswith("1.市就业补助资金") and citation.page_start == 11
    assert citation.raw_end > citation.raw_start
    assert answer.all_figures_verified and "99.99%" in [c.figure for c in answer.figure_checks]


def test_every_shown_figure_is_verbatim_in_its_cited_passage(corpus_assistant):
    for question in ["2023年部门整体总收入是多少？", "城镇新增就业完成了多少人？", "12345热线满意率多少？"]:
        answer = corpus_assistant.ask(question)
        assert answer.figure_checks and answer.all_figures_verified, question


def test_list_question_quotes_the_listed_items(corpus_assistant):
    answer = corpus_assistant.ask("人社局有哪些主要问题？")
    assert all(item in answer.text for item in ("一是", "二是", "三是"))


def test_unanswerable_questions_are_refused_with_the_closest_passages(corpus_assistant):
    for question in [
        "人社局去年三公经费花了多少？",
        "区教育局部门整体自评得分是多少？",
        "2021年部门整体支出执行率是多少？",
    ]:
        answer = corpus_assistant.ask(question)
        assert answer.refused and answer.text == REFUSAL, question
        assert answer.related and not answer.citations
        assert "最接近的段落" in answer_to_text(answer)


def test_english_questions_never_show_an_unverified_figure(corpus_assistant):
    # English support rests on the multilingual embedding alone (no shared vocabulary with the
    # report), so the answerer often refuses; whatever it shows must still be verified.
    for question in ["What was the total expenditure of the bureau in 2023?", "How much did it spend on receptions?"]:
        answer = corpus_assistant.ask(question)
        assert answer.refused or (answer.citations and answer.all_figures_verified)


def test_document_filter(corpus_assistant):
    answer = corpus_assistant.ask("市就业补助资金执行率多少？", doc_ids=["no-such-document"])
    assert answer.refused and not answer.retrieved


def test_json_form_carries_sources_and_checks(corpus_assistant):
    data = answer_to_json(corpus_assistant.ask("退管服务项目预算执行率是多少？"))
    assert data["all_figures_verified"] and data["citations"][0]["passage"]
    assert {"figure", "verified", "found_in"} <= set(data["figure_checks"][0])


def test_near_miss_is_refused_with_the_closest_passage_apart(corpus_assistant):
    # A fund the report does not state: the refusal, and the nearest figure shown as not the answer.
    answer = corpus_assistant.ask("失业保险基金去年支出了多少？")
    assert answer.refused and answer.text == REFUSAL and not answer.figure_checks
    assert answer.closest is not None and answer.closest.quotes


def test_computed_answer_cites_operands_and_is_recomputed(corpus_assistant):
    answer = corpus_assistant.ask("退管服务项目预算和实际执行差了多少钱？")
    assert not answer.refused and "计算得出" in answer.text
    computed = [c for c in answer.figure_checks if c.computed]
    assert computed and all(c.verified for c in computed) and computed[0].figure == "7.32万元"
    assert all(c.verified for c in answer.figure_checks if not c.computed)


def test_department_wide_question_is_not_answered_by_a_project(corpus_assistant):
    answer = corpus_assistant.ask("人社局存在哪些主要问题？")
    assert not answer.refused and all(c.section.startswith("三、") for c in answer.citations)
