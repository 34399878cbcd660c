"""A rate jieba does not know, asked with a colloquial word for the fund, end to end on a fictional report
written for these tests: the rate is one search word, "补贴款" meets the report's "补贴资金", and the figure
listed under the report's targets is not the answer to what was achieved.
"""

from __future__ import annotations

import pytest

from assistant.retrieval import HybridRetriever
from assistant.service import Assistant
from ingest.tokenize import tokenize
from ingest.vocabulary import vocabulary
from tests.conftest import assistant_on_report

REPORT = """禾塘县农业农村局
2024年度农机报废更新补贴资金项目支出绩效自评报告（虚构示例，仅供测试）
一、项目基本情况
禾塘县2024年度农机报废更新补贴资金总额860.00万元，用于对报废老旧拖拉机、联合收割机的农户给予补贴。
补贴资金由县农机服务中心审核，乡镇农业站配合核验，补贴资金按季度集中兑付。
二、项目绩效目标
（一）总体目标
推动老旧农机淘汰，提高农机作业安全水平。
（二）年度绩效指标
数量指标：报废老旧农机不少于420台。
质量指标：补贴资金核验到户率100%，报废机具回收拆解率100%。
三、项目资金使用情况
全年实际支出补贴资金812.35万元，预算执行率94.46%，结余补贴资金47.65万元按规定结转下年。
补贴资金全部通过“一卡通”发放，未发现截留挪用补贴资金的情况，补贴资金台账完整。
四、绩效目标实现情况
全年共报废老旧农机436台，其中拖拉机298台、联合收割机138台，新购置农机312台，农机作业事故起数较上年下降三成，全县主要农作物耕种收综合机械化率达到81.6%，较上年提高1.9个百分点；补贴资金核验到户率为97.3%，未达到年度目标，主要是部分农户外出务工未能按时现场核验；报废机具回收拆解率100%。
五、存在的问题
部分乡镇补贴资金核验进度偏慢，影响了核验到户率。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_on_report(tmp_path_factory, "hetang_farm_machinery_2024.txt", REPORT)


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("案件办结率为98.5%", "办结率"),
        ("核验到户率仅为97.3%", "到户率"),
        ("整改率控制在", "整改率"),
        ("兑付到户率到了多少", "到户率"),
    ],
)
def test_a_rate_jieba_does_not_know_is_one_search_word(text, rate):
    tokens = tokenize(text)
    assert rate in tokens, tokens
    assert not any(t.startswith("率") for t in tokens), tokens  # no "率为" meeting every rate of a report


def test_words_that_begin_with_rate_are_not_a_rates_ending():
    assert not any(t.endswith("率") for t in tokenize("率先完成改造任务"))


def test_a_sum_of_money_is_met_whichever_money_word_ends_it():
    forms = vocabulary().forms("补贴款")
    assert {"补贴资金", "补贴经费", "补贴钱"} <= forms
    assert vocabulary().forms("资金") == {"资金"} | vocabulary().synonyms["资金"]  # a money word alone is itself


def test_the_rate_achieved_not_the_target_listed_under_the_targets(assistant):
    answer = assistant.ask("禾塘补贴款核验到户率到了多少？")
    assert not answer.refused and "97.3%" in answer.text, answer.text
    assert "100%" not in answer.text.split("[1]")[0], answer.text  # the target is no answer to what was reached


def test_words_every_passage_holds_are_not_searched_for(assistant):
    # "补贴" of "补贴款" is in every passage of this report: searched for, it finds those that repeat it most.
    retriever, doc_ids = HybridRetriever(assistant.index), list(assistant.index.documents())
    assert retriever.by_terms(["补贴款"], 3, doc_ids)
    assert retriever.by_terms(["补贴款"], 3, doc_ids, without=frozenset({"补贴"})) == []
    found = retriever.by_terms(["到户率", "补贴款"], 3, doc_ids, without=frozenset({"补贴"}))
    assert found and all("到户率" in p.chunk.text for p in found), [p.chunk.text[:40] for p in found]
