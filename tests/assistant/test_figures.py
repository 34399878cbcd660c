from assistant.figures import check_figures, contains_figure, find_figures, split_claims


def test_figures_keep_units_and_skip_citation_markers():
    found = [m.group(0) for m in find_figures("支出9,896.45万元，执行率为99.99%。[1] 共13,581人")]
    assert found == ["9,896.45万元", "99.99%", "13,581人"]


def test_whole_numbers_only():
    assert contains_figure("执行率为99.99%", "99.99%")
    assert not contains_figure("执行率为99.99%", "99%")
    assert not contains_figure("共213,581人", "13,581人")
    assert contains_figure("截至去年 12 月 31 日", "12月")
    assert contains_figure("9897 万元", "9,897万元")
    assert contains_figure("合计11,288.05 95.87%", "95.87%")  # a plain-text table: numbers apart by spaces only


def test_each_claim_is_checked_against_the_passages_it_cites():
    answer = "预算9,897万元[1]。执行率99.98%[2]。"
    checks = check_figures(answer, {1: "预算安排9,897 万元", 2: "执行率为99.99%"})
    assert [(c.figure, c.verified) for c in checks] == [("9,897万元", True), ("99.98%", False)]


def test_a_figure_citing_a_passage_that_was_not_given_is_not_verified():
    checks = check_figures("总额32,007.01万元[9]", {1: "总收入合计32,007.01万元"})
    assert not checks[0].verified


def test_split_claims():
    assert split_claims("甲[1][2]乙[3]丙") == [("甲", (1, 2)), ("乙", (3,)), ("丙", ())]
