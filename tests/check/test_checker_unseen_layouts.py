"""Layouts of plans written by other people (issue 5: agreement with a reviewer on unseen plans).

Each plan below was written for this test (names and figures invented); each expected status was
decided by reading the snippet against corpora/plans/GUIDE.md, not taken from the checker:

* a government's 承诺文件 is a separate document: present when attached, empty when the
  attachment's only line puts it off (attached.py);
* a form the notice names by the applicant's role ("申报城市基本情况表") is headed with the
  applicant's own name ("柏川市基本情况表") (matcher.without_applicant);
* an account of past years asked as "近三年（2022年—2024年）…工作情况报告" is headed
  "2022—2024年工作回顾" (matcher.period_report_score);
* a plain title line over numbered parts owns those parts (checker.title_over_parts);
* a loose mention made only of the pairs a sibling shares is no mention (requirements.loose_pairs).
"""

from __future__ import annotations

import pytest

from pipeline.check import check
from pipeline.check.attached import attached_status, is_separate_document
from pipeline.check.matcher import period_report_score, without_applicant
from pipeline.check.requirements import body_state, check_mentions, loose_pairs, run_check
from pipeline.rubric.schema import Rubric, RubricItem


def _material(rid: str, name: str, **params: object) -> RubricItem:
    return RubricItem(rid, name, "material", None, "present", dict(params), 1.0, [])


def _req(rid: str, parent: str, name: str, check_: str = "mentions", **params: object) -> RubricItem:
    return RubricItem(rid, name, "requirement", parent, check_, {"keywords": [name], **params}, 1.0)


def _check(plan: str, items: list[RubricItem]) -> dict[str, str]:
    return {r.name: r.status for r in check(plan, Rubric(items=items)).items}


# ------------------------------------------------------------------ 承诺文件 (attached.py)
COMMITMENT = "县人民政府关于落实县级财政资金的承诺文件"


def test_checker_unseen_layouts_commitment_is_a_separate_document() -> None:
    assert is_separate_document(_material("m", COMMITMENT))
    assert not is_separate_document(_material("m", "县域商业运行情况统计表"))


@pytest.mark.parametrize(
    "plan, expected",
    [
        # "（附后）" on its own line under the plan's attachments
        ("正文。\n附件2\n丰溪县人民政府关于落实县级财政资金的承诺文件（附后）\n", "present"),
        ("正文。\n附件：1．青石县人民政府关于落实县级财政资金的承诺文件\n", "present"),
        # the attachment heads a page whose only line puts the document off: nothing to review
        (f"正文。\n附件2 {COMMITMENT}\n{COMMITMENT}正在履行审批程序，另行报送。\n石桥县人民政府\n", "empty"),
    ],
)
def test_checker_unseen_layouts_commitment_attached(plan: str, expected: str) -> None:
    found = attached_status(_material("m", COMMITMENT), plan)
    assert found is not None and found[0] == expected


def test_checker_unseen_layouts_attachment_heading_with_the_document_is_present() -> None:
    # the attachment heading followed by the text of the commitment itself is no deferral
    plan = f"正文。\n附件2 {COMMITMENT}\n县政府承诺：2025—2027年每年安排县级财政资金300万元。\n"
    found = attached_status(_material("m", COMMITMENT), plan)
    assert found is not None and found[0] == "present"


# ------------------------------------------------------------------ the applicant's role (matcher)
@pytest.mark.parametrize(
    "name, expected",
    [
        ("申报城市基本情况表", "基本情况表"),
        ("申报单位基本情况表", "基本情况表"),
        ("申请单位财务状况表", "财务状况表"),
    ],
)
def test_checker_unseen_layouts_applicant_role_dropped(name: str, expected: str) -> None:
    assert without_applicant(name) == expected


@pytest.mark.parametrize("name", ["申请表", "申报单位承诺书", "基本情况表", "试点县实施方案", "申报书"])
def test_checker_unseen_layouts_applicant_role_must_not_strip(name: str) -> None:
    # no role word at the start, or too little left to name anything (承诺书: 3 characters)
    assert without_applicant(name) == ""


def test_checker_unseen_layouts_form_headed_with_the_applicants_name() -> None:
    plan = (
        "柏溪市中小企业数字化转型试点工作方案\n\n"
        "柏溪市基本情况表\n城市名称：柏溪市\n中小企业数量：21300家\n其中规模以上工业中小企业：980家\n"
        "拟试点细分行业：五金工具（312家）、家具制造（265家）\n本地数字化服务商数量：11家\n"
        "市级配套资金额度：3000万元\n联系人：柏溪市工业和信息化局 王某，0653-86120000\n\n"
        "一、发展现状\n全市中小企业21300家，规模以上工业企业980家，2024年营业收入1890亿元。\n"
    )
    got = _check(plan, [_material("m1", "申报城市基本情况表")])
    assert got["申报城市基本情况表"] == "present"


# ------------------------------------------------------------------ past years' account (matcher)
REPORT = "近三年（2022年—2024年）中小企业数字化转型工作情况报告"


@pytest.mark.parametrize(
    "title",
    [
        "2022—2024年工作回顾",
        "六、2024年工作开展情况",
        "2022年以来中小企业数字化转型工作情况",
        "（五）2023年度工作总结",
    ],
)
def test_checker_unseen_layouts_period_report_heading(title: str) -> None:
    assert period_report_score(title, _material("m3", REPORT)) > 0.8


@pytest.mark.parametrize(
    "title",
    [
        "工作回顾",  # no year: "工作情况" heads many parts of a plan
        "2021年工作总结",  # a year outside the period asked
        "2022—2025年工作回顾",  # runs past the period
        "2024年工作目标",  # a target, not an account
        "2024年财政投入情况",  # another subject before the head
    ],
)
def test_checker_unseen_layouts_period_report_must_not_match(title: str) -> None:
    assert period_report_score(title, _material("m3", REPORT)) == 0.0


def test_checker_unseen_layouts_period_report_needs_a_period_in_the_name() -> None:
    assert period_report_score("2024年工作总结", _material("m", "中小企业数字化转型工作情况报告")) == 0.0


def test_checker_unseen_layouts_period_report_found_and_judged_on_its_years() -> None:
    items = [
        _material("m3", REPORT),
        _req("m3.years", "m3", "覆盖2022年-2024年", "covers_years", years=[2022, 2023, 2024], demand=True),
    ]
    whole = (
        "沅江市中小企业数字化转型试点实施方案\n\n发展基础\n全市中小企业18600家。\n\n"
        "2022—2024年工作回顾\n2022年完成数字化改造企业142家。\n2023年完成171家。\n2024年完成204家。\n"
        "存在的问题是改造深度不够。\n\n沅江市人民政府\n"
    )
    assert _check(whole, items)[REPORT] == "present"
    one_year = (
        "沅江市中小企业数字化转型试点实施方案\n一、发展现状\n全市中小企业18600家。\n"
        "二、主要任务\n聚焦两个行业推进改造。\n三、2024年工作开展情况\n2024年完成数字化改造企业137家。\n"
    )
    # found (not missing), one year of three: partial (GUIDE: "one year only is partial")
    assert _check(one_year, items)[REPORT] == "partial"


# ------------------------------------------------------------------ title over numbered parts (checker)
def _form_rubric() -> list[RubricItem]:
    return [
        _material("m.form", "项目申报书"),
        _req("r1", "m.form", "申报学校基本信息", keywords=["申报学校", "基本信息"]),
        _req("r2", "m.form", "合作企业基本信息", keywords=["合作企业", "基本信息"]),
        _req("r3", "m.form", "项目负责人信息", keywords=["项目负责人"]),
    ]


def test_checker_unseen_layouts_title_line_owns_its_numbered_parts() -> None:
    plan = (
        "某某职业技术学院\n实训基地项目申报材料\n\n项目申报书\n"
        "（一）申报学校基本信息。某某职业技术学院为公办高职院校，在校生11350人。\n"
        "（二）合作企业基本信息。某某港务集团有限公司，从业人员6800余人。\n"
        "（三）项目负责人信息。郑某，教授，联系电话0654-82716390。\n\n"
        "实训基地建设方案\n（一）建设基础\n现有实训场地8400平方米。\n"
    )
    got = _check(plan, _form_rubric())
    assert got == {
        "项目申报书": "present",
        "申报学校基本信息": "present",
        "合作企业基本信息": "present",
        "项目负责人信息": "present",
    }


def test_checker_unseen_layouts_empty_title_before_other_parts_stays_empty() -> None:
    # the title is followed by another material's parts, not its own: nothing of the form is there
    plan = (
        "某某职业技术学院\n实训基地项目申报材料\n\n项目申报书\n"
        "（一）建设基础。现有实训场地8400平方米，实训设备总值3120万元。\n"
        "（二）建设目标。新增实训工位300个。\n"
    )
    assert _check(plan, _form_rubric())["项目申报书"] == "empty"


# ------------------------------------------------------------------ loose mentions (requirements)
SAFETY = _req("r.safety", "s.p", "安全保障")
RULES = _req("r.rules", "s.p", "制度保障")


def test_checker_unseen_layouts_loose_mention_by_a_shared_head_is_none() -> None:
    body = "制定实训基地管理办法和设备维护制度，保障校企合作长期稳定。"
    assert check_mentions(SAFETY, body, 0, len(body)).loose  # 保障 alone: a loose mention
    assert not loose_pairs(SAFETY, [SAFETY, RULES], body, 0, len(body))  # …of the head 制度保障 shares


def test_checker_unseen_layouts_loose_mention_of_its_own_words_stays() -> None:
    body = "落实消防和安全责任，每月开展一次检查。"
    assert loose_pairs(SAFETY, [SAFETY, RULES], body, 0, len(body)) == {"安全"}


def test_checker_unseen_layouts_sibling_head_gives_missing_in_a_plan() -> None:
    items = [
        RubricItem("s.p", "保障措施", "section", None, "present", {}, 1.0, ["保障措施"]),
        SAFETY,
        RULES,
    ]
    plan = (
        "某某实训基地建设方案\n一、建设目标\n新增实训工位300个。\n"
        "二、保障措施\n制定《实训基地管理办法》《设备维护制度》等制度保障，保障校企合作长期稳定。\n"
    )
    got = _check(plan, items)
    assert got["制度保障"] == "present"
    assert got["安全保障"] == "missing"


# ------------------------------------------------------------------ figures in tables (requirements)
def _counted(name: str, keywords: list[str]) -> RubricItem:
    return _req(
        "r",
        "m",
        name,
        "covers_years",
        keywords=keywords,
        per_year=True,
        years=[2022, 2023, 2024],
        counted=True,
    )


STATS = (
    "年度\t社会消费品零售总额（亿元）\t农村网络零售额（亿元）\t快递业务量（万件）\n"
    "2022年\t101.4\t4.6\t1286\n2023年\t108.2\t5.4\t1517\n2024年\t115.6\t6.3\t1795\n"
)


@pytest.mark.parametrize("name", ["社会消费品零售总额", "农村网络零售额", "快递业务量"])
def test_checker_unseen_layouts_year_rows_give_each_years_figure(name: str) -> None:
    # before the fix: "no figure for 2022/2023/2024" — the unit stands in the header, not the cell
    got = run_check(_counted(name, [name]), STATS, 0, len(STATS))
    assert got.status == "present"


def test_checker_unseen_layouts_year_rows_blank_cell_is_no_figure() -> None:
    table = "年度\t社会消费品零售总额（亿元）\t快递业务量（万件）\n2022年\t101.4\t\n2023年\t108.2\t待补充\n2024年\t115.6\t1795\n"
    got = run_check(_counted("快递业务量", ["快递业务量"]), table, 0, len(table))
    assert got.status == "partial"


def test_checker_unseen_layouts_indicator_row_with_unit_in_label() -> None:
    table = (
        "指标\t2024年现状\t2027年目标\n乡镇商贸中心覆盖率\t54.5%\t100%\n村级便民商店数量（家）\t152\t210\n"
    )
    item = _req("r", "s", "村级便民商店数量", "has_numbers", keywords=["村级便民商店"])
    assert run_check(item, table, 0, len(table)).status == "present"
    # a row that names the indicator and leaves its cells to words is no figure
    words = "指标\t2024年现状\t2027年目标\n村级便民商店数量\t较少\t明显增加\n"
    assert run_check(item, words, 0, len(words)).status != "present"


def test_checker_unseen_layouts_money_columns_by_year() -> None:
    table = (
        "项目总投资4260万元，其中财政资金分年度安排如下：\n年度\t中央财政资金（万元）\t县级财政资金（万元）\n"
        "2025年\t500\t300\n2026年\t600\t300\n2027年\t400\t200\n合计\t1500\t800\n"
    )
    central = _req("r", "s", "中央财政资金", "has_money_per_year", years=[2025, 2026, 2027], per_year=True)
    assert run_check(central, table, 0, len(table)).status == "present"
    # the same grid without a unit in 元 is not money (人次 per year)
    people = table.replace("（万元）", "（人次）").replace("项目总投资4260万元，其中", "")
    assert run_check(central, people, 0, len(people)).status != "present"


# ------------------------------------------------------------------ money for each year (requirements)
def test_checker_unseen_layouts_sentence_naming_years_is_no_year_table() -> None:
    # "分年度安排为：2025年…" names the years in a sentence; the next lines are other sources' totals
    body = (
        "项目预算总额1580万元。其中：\n省级补助资金700万元，分年度安排为：2025年280万元，2026年260万元，2027年160万元；\n"
        "举办方投入资金共计380万元，由市财政统筹安排；\n按支出类别分：设备购置1030万元，场地改造360万元，师资培训80万元。\n"
    )
    host = _req("r", "s", "举办方投入资金", "has_money_per_year", years=[2025, 2026, 2027], per_year=True)
    assert run_check(host, body, 0, len(body)).status == "partial"  # a total, no year's figure


def test_checker_unseen_layouts_source_named_only_where_put_off_is_empty() -> None:
    body = "省级补助资金分年度安排为：2025年280万元，2026年260万元，2027年160万元；\n企业投入资金待集团董事会审议后确定。\n"
    firm = _req("r", "s", "企业投入资金", "has_money_per_year", years=[2025, 2026, 2027], per_year=True)
    assert run_check(firm, body, 0, len(body)).status == "empty"
    # named with its own figures elsewhere: not deferred
    given = body + "企业投入资金2025年200万元、2026年150万元、2027年100万元。\n"
    assert run_check(firm, given, 0, len(given)).status == "present"


def test_checker_unseen_layouts_every_year_figure_covers_each_year() -> None:
    body = "（三）拟申请补助：申请建设补助48万元、运营补助每年20万元。\n"
    subsidy = _req("r", "s", "申请补助金额", "has_money_per_year", years=[2025, 2026], per_year=True)
    assert run_check(subsidy, body, 0, len(body)).status == "present"
    once = "（三）拟申请补助：申请建设补助48万元、运营补助20万元。\n"
    assert run_check(subsidy, once, 0, len(once)).status == "partial"


# ------------------------------------------------------------------ deferred target (requirements)
def test_checker_unseen_layouts_target_put_off_in_its_clause_is_empty() -> None:
    body = "到2027年，乡镇商贸中心覆盖率达到100%，村级便民商店建设数量待补充。\n"
    shops = _req("r", "s", "村级便民商店数量", "has_numbers", keywords=["村级便民商店"])
    cover = _req("r2", "s", "乡镇商贸中心覆盖率", "has_numbers", keywords=["乡镇商贸中心"])
    assert run_check(shops, body, 0, len(body)).status == "empty"
    assert run_check(cover, body, 0, len(body)).status == "present"


@pytest.mark.parametrize(
    "body",
    [
        "到2027年村级便民商店达到280家，具体布点待补充。\n",  # the figure is in the clause
        "村级便民商店建设数量待补充；经测算，村级便民商店达到280家。\n",  # given in another clause
    ],
)
def test_checker_unseen_layouts_target_with_a_figure_is_not_put_off(body: str) -> None:
    shops = _req("r", "s", "村级便民商店数量", "has_numbers", keywords=["村级便民商店"])
    assert run_check(shops, body, 0, len(body)).status == "present"


# ------------------------------------------------------------------ a person asked for (requirements)
LEADERSHIP = _req(
    "r",
    "s",
    "组织领导",
    keywords=["组织领导"],
    hints=["领导小组", "组长", "牵头"],
    aspects=["试点工作牵头部门", "责任领导", "各成员单位职责分工"],
)


def test_checker_unseen_layouts_bureaus_without_a_person_are_partial() -> None:
    body = "加强组织领导。成立试点工作领导小组，办公室设在市工业和信息化局。市财政局负责资金保障。\n"
    assert run_check(LEADERSHIP, body, 0, len(body)).status == "partial"


def test_checker_unseen_layouts_named_post_answers_the_person() -> None:
    body = "加强组织领导。成立由副市长任组长的试点工作领导小组，办公室设在市工业和信息化局。\n"
    assert run_check(LEADERSHIP, body, 0, len(body)).status == "present"
    # no person asked for: bureaus are enough
    plain = _req("r", "s", "组织领导", keywords=["组织领导"])
    bureaus = "加强组织领导。成立试点工作领导小组，办公室设在市工业和信息化局。\n"
    assert run_check(plain, bureaus, 0, len(bureaus)).status == "present"


# ------------------------------------------------------------------ a list of parts (requirements)
FLOWS = _req("r", "s", "农产品上行、工业品下行情况", keywords=["农产品上行", "工业品下行"])


def test_checker_unseen_layouts_list_needs_each_part() -> None:
    one = "工业品下行方面，县城建有县级物流配送中心1个，开通镇村配送线路24条。\n"
    both = one + "农产品上行方面，建成产地集配中心3个，2024年农产品网络零售额4.2亿元。\n"
    assert run_check(FLOWS, one, 0, len(one)).status == "partial"
    assert run_check(FLOWS, both, 0, len(both)).status == "present"


@pytest.mark.parametrize(
    "name, keywords, body",
    [
        # "和" joins words of one thing
        ("本地商务和财政部门支持项目证明材料", ["证明材料"], "附县商务局、财政局支持项目证明材料。"),
        # short nouns listed: a reviewer accepts them in other words
        ("合作企业投入的设备、技术和人员", ["设备", "技术", "人员"], "集团投入生产线设备并派出技术骨干8人。"),
    ],
)
def test_checker_unseen_layouts_list_rule_must_not_apply(name: str, keywords: list[str], body: str) -> None:
    item = _req("r", "s", name, keywords=keywords)
    assert run_check(item, body, 0, len(body)).status == "present"


# ------------------------------------------------------------------ a pointer with a title (requirements)
@pytest.mark.parametrize(
    "body, expected",
    [
        ("项目资金预算详见附件3《现代设施农业产教融合实训基地资金预算明细表》。", "empty"),
        ("资金预算详见附件3。", "empty"),
        # figures given before the pointer: content
        ("项目总投资1640万元，其中省级补助700万元，明细详见附件3《资金预算明细表》。", "full"),
    ],
)
def test_checker_unseen_layouts_pointer_with_attachment_title(body: str, expected: str) -> None:
    assert body_state(body, 0, len(body)) == expected


# ------------------------------------------------------------------ generic modifiers (matcher)
def test_checker_unseen_layouts_expected_is_a_generic_modifier() -> None:
    from pipeline.check.matcher import MATCH_MIN, word_score

    # "预期效益" is the plan's 办学效益 (effects of running the school), "预期" qualifies anything
    assert word_score("预期效益", ["办学效益"]) >= MATCH_MIN
    # …but it names no other part
    assert word_score("预期目标", ["办学效益"]) == 0.0
    assert word_score("预期效益", ["经费来源"]) == 0.0


# ------------------------------------------------------------------ a year left for later (requirements)
MATCHING = _req("r", "s", "地方配套资金", "has_money", keywords=["地方配套资金"], years=[2025, 2026, 2027])


def test_checker_unseen_layouts_year_of_a_source_put_off_is_partial() -> None:
    body = "市财政2025年安排配套资金1500万元，2026年安排2000万元，2027年配套资金另行安排。"
    assert run_check(MATCHING, body, 0, len(body)).status == "partial"


@pytest.mark.parametrize(
    "body",
    [
        "市财政2025—2027年安排地方配套资金共4500万元，每年1500万元。",
        # another source's year put off is not this source's
        "地方配套资金每年1500万元。2027年企业自筹资金待董事会审议后确定。",
    ],
)
def test_checker_unseen_layouts_year_put_off_must_not_apply(body: str) -> None:
    assert run_check(MATCHING, body, 0, len(body)).status == "present"


# ------------------------------------------------------------------ a run-in label (checker)
def _funds_checklist() -> list[RubricItem]:
    """A 资金筹措安排 section asking for central and county money in 2025 and 2026."""

    def money(rid: str, name: str) -> RubricItem:
        return _req(rid, "s.funds", name, "has_money_per_year", years=[2025, 2026], per_year=True)

    section = RubricItem(
        "s.funds", "资金筹措安排", "section", None, "present", {}, 1.0, ["资金筹措", "资金安排"], "funding"
    )
    return [section, money("r1", "中央财政资金"), money("r2", "县级财政资金")]


def test_checker_unseen_layouts_run_in_label_inside_a_chapter_is_the_part() -> None:
    items = _funds_checklist()
    plan = (
        "某某县县域商业体系建设实施方案\n一、发展基础\n全县辖12个乡镇。\n"
        "二、要素保障\n一是资金保障。按照多渠道资金筹措的原则，2025年计划安排中央财政资金600万元、县级财政资金400万元；"
        "2026年计划安排中央财政资金600万元，县级财政资金待预算确定后另行明确。二是用地保障。优先安排用地指标。\n"
    )
    got = _check(plan, items)
    # before the fix: partial ("no heading of its own"); the chapter labels the part 资金保障 (GUIDE: content
    # counts wherever it is), and the gaps show in the sub-requirements
    assert got["资金筹措安排"] == "present"
    assert got["中央财政资金"] == "present"
    assert got["县级财政资金"] == "partial"


def test_checker_unseen_layouts_content_inside_without_a_label_stays_partial() -> None:
    items = _funds_checklist()
    plan = (
        "某某县县域商业体系建设实施方案\n一、发展基础\n全县辖12个乡镇。\n"
        "二、要素保障\n优先安排用地指标，多渠道资金筹措。2025年计划安排中央财政资金600万元、县级财政资金400万元；"
        "2026年计划安排中央财政资金600万元、县级财政资金300万元。\n"
    )
    assert _check(plan, items)["资金筹措安排"] == "partial"


# ------------------------------------------------------------------ deferral masks and sources (requirements)
def test_checker_unseen_layouts_deferral_keeps_the_figure_before_its_comma() -> None:
    from pipeline.check.requirements import _mask_deferrals

    body = "2026年计划安排中央财政资金600万元，县级财政资金待预算确定后另行明确。"
    masked = _mask_deferrals(body, 0, len(body))
    assert "中央财政资金600万元" in masked and "县级财政资金" not in masked
    # a clause with no figure goes with the deferral: "2026年、2027年的任务" is put off too
    put_off = "2026年、2027年的任务，待试点进展情况确定后另行制定。"
    assert "2027年" not in _mask_deferrals(put_off, 0, len(put_off))


def test_checker_unseen_layouts_another_levels_money_is_not_this_source() -> None:
    county = _req("r", "s", "县级财政资金", "has_money_per_year", years=[2025, 2026], per_year=True)
    body = "2025年安排中央财政资金500万元、县级财政资金300万元；2026年安排中央财政资金600万元。"
    assert run_check(county, body, 0, len(body)).status == "partial"
    # 地方 is any local level: the city's matching funds are the plan's 地方配套资金
    local = _req("r", "s", "地方配套资金", "has_money_per_year", years=[2025, 2026], per_year=True)
    city = "2025年安排市级配套资金1500万元，2026年安排市级配套资金2000万元。"
    assert run_check(local, city, 0, len(city)).status == "present"


# ------------------------------------------------------------------ a form in name only (checker)
FORM = RubricItem(
    "m.form", "示范县申报表", "material", None, "present", {}, 1.0, ["申报表"], "application_form"
)


@pytest.mark.parametrize(
    "form, expected",
    [
        # who applies and how to reach them: nothing the form exists for (GUIDE: partial)
        ("申报县：河西县；联系人：邱某；电话：0546-3321000。", "partial"),
        ("申报单位：北林县人民政府；联系人：柏某；电话：0530-5567000。", "partial"),
        # the form's facts are there
        (
            (
                "申报单位：北林县人民政府；联系人：柏某；电话：0530-5567000。\n乡镇数量：12个；行政村：187个；"
                "2024年社会消费品零售总额：115.6亿元；乡镇商贸中心：9个。"
            ),
            "present",
        ),
    ],
)
def test_checker_unseen_layouts_contact_only_form(form: str, expected: str) -> None:
    plan = f"北林县县域商业体系建设方案\n一、建设基础\n全县辖12个乡镇，2024年社会消费品零售总额115.6亿元。\n附件1：申报表\n{form}\n"
    assert _check(plan, [FORM])["示范县申报表"] == expected


# ------------------------------------------------------------------ a period's figures (checker)
def _period_rubric() -> list[RubricItem]:
    name = "近三年实训教学运行数据（2022—2024年）"
    return [
        _material("m4", name),
        _req("m4.years", "m4", "覆盖2022年-2024年", "covers_years", years=[2022, 2023, 2024], demand=True),
        _req("m4.r1", "m4", "实训项目开出数", "has_numbers", keywords=["实训项目"]),
        _req("m4.r2", "m4", "面向社会培训人次", "has_numbers", keywords=["社会培训"]),
    ]


def test_checker_unseen_layouts_one_year_of_a_period_makes_its_figures_partial() -> None:
    plan = (
        "某某学校实训基地建设方案\n一、建设基础\n现有实训场地8400平方米。\n"
        "近三年实训教学运行数据（2022—2024年）\n2024年，学校开出实训项目126个，面向社会培训1860人次。\n"
    )
    got = _check(plan, _period_rubric())
    assert got["实训项目开出数"] == "partial"
    assert got["面向社会培训人次"] == "partial"


def test_checker_unseen_layouts_whole_period_keeps_its_figures_present() -> None:
    plan = (
        "某某学校实训基地建设方案\n一、建设基础\n现有实训场地8400平方米。\n"
        "近三年实训教学运行数据（2022—2024年）\n2022年开出实训项目110个，面向社会培训1500人次。\n"
        "2023年开出实训项目118个，面向社会培训1690人次。\n2024年开出实训项目126个，面向社会培训1860人次。\n"
    )
    got = _check(plan, _period_rubric())
    assert got["实训项目开出数"] == "present"
    assert got["面向社会培训人次"] == "present"
