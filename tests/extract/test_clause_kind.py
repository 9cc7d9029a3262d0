"""Clause kinds: the cue-word rules, the shipped classifier, and safe model loading."""

from __future__ import annotations

import json
from pathlib import Path
from typing import ClassVar

import pytest

from pipeline.errors import ModelFileError
from pipeline.extract import clause_kind
from pipeline.extract.clause_kind import (
    BUNDLE_FORMAT,
    META_PATH,
    MODEL_PATH,
    TRUSTED_TYPES,
    DictionaryWords,
    FastModel,
    classify,
    classify_many,
    cue_tokens,
    export_vectorizer,
    labels,
    load_model,
    neighbour_features,
    rule_kind,
)
from pipeline.extract.clauses import extract_clauses
from tests.conftest import SEED_NOTICE, SEED_OPINIONS

# (clause, the kind a cue-word rule must give)
RULES = [
    ("联系电话：0531-82669593", "contact"),
    ("地    址：济南市历阳大街6号银丰大厦331室", "contact"),
    ("省商务厅联系人：蔡培安、刘斐斐", "contact"),
    ("如有疑问，请拨打咨询电话：020-12345678。", "contact"),
    ("本办法自2019年1月1日起施行。", "other"),
    ("本办法由区人力资源和社会保障局负责解释。", "other"),
    ("对成效不显著的试点县责令限期整改，经整改后仍达不到要求的取消试点资格。", "penalty_supervision"),
    ("对弄虚作假骗取资金的，追回已拨付资金，并依法追究责任。", "penalty_supervision"),
    ("将加盖公章的申报材料装订成册于2019年8月23日前分别报各市商务主管部门和财政部门。", "deadline"),
    ("申报时间：2025年8月11日至8月22日。", "deadline"),
    # a due date without its year: notices date it within their own year
    ("请于9月30日前将申报材料报送市商务局。", "deadline"),
    ("市高校毕业生公共就业服务机构应在收到申请材料之日起5个工作日内出具补正通知。", "deadline"),
    ("营业执照复印件（加盖公章）；", "required_material"),
    ("对年度进出口额达5亿元、3亿元、1亿元、5000万元且较上年增长的企业，一次性分别给予30万元、20万元、15万元、10万元奖励。", "funding_reward"),
    ("每个试点县奖励资金最高800万元，根据评审结果和绩效考核情况分批下达。", "funding_reward"),
    ("到2025年，全省工业互联网平台服务企业超过10万家。", "target"),
    ("为加快推动我省外贸转动力调结构，积极探索具有山东特色的县域外贸转型发展路径，决定开展认定工作。", "background"),
    # a period counted from an event (lawref_00554 社会抚养费征收管理办法 第六条)
    ("当事人应当自收到征收决定之日起30日内一次性缴纳社会抚养费。", "deadline"),
    # lawref_00012 第十五条
    ("第十五条 国家安全机关应当在作出奖励决定之日起10个工作日内，以适当方式将奖励决定告知举报人。", "deadline"),
    # rules see the clause without its article number (lawref_00012 第二十四条)
    ("第二十四条 本办法自公布之日起施行。", "other"),
    # a short item naming a document, or a document the reader must hand in (lawref_00086, lawref_00051)
    ("（五）其他相关证明材料。", "required_material"),
    ("企业办理产权登记，应当按照规定填报国有资产产权登记表并提交有关文件、凭证、报表等。", "required_material"),
    ("第七条 送养人应当向收养登记机关提交下列证件和证明材料：", "required_material"),
    # a purpose clause leading to its basis (lawref_00051 第一条)
    ("第一条 为了规范收养登记行为，根据《中华人民共和国民法典》（以下简称民法典），制定本办法。", "background"),
]


@pytest.mark.parametrize("text,kind", RULES)
def test_clause_kind_rules(text: str, kind: str) -> None:
    assert rule_kind(text) == kind


# (clause, a kind the rules must NOT give it): wording that looks like a cue but is not one
RULES_MUST_NOT = [
    ("联系实际，加强部门协作。", "contact"),  # 联系 without 联系人/电话
    ("本办法自2019年1月1日起施行。", "deadline"),  # a start date, not a due date
    ("对获奖企业给予一次性奖励，申请表见附件。", "required_material"),  # money first
    ("对符合条件的企业给予支持。", "funding_reward"),  # no reward word, no amount
    ("根据评审结果确定候选名单。", "background"),  # 根据 not opening a preamble
    ("鼓励企业积极开拓国际市场。", "target"),
    ("加强专项资金的使用监管。", "penalty_supervision"),  # supervision words alone decide nothing
    # a bare "N个月内" is not a limit: liuhe_key_industries_opinions_2023 (procedure)
    ("新建重点产业项目在12个月内全面建成并投产，可在项目启动建设后一次性兑现全额政策奖励。", "deadline"),
    ("国家级教学成果奖每4年评审一次。", "deadline"),  # a frequency (lawref_00405)
    ("（一）国内首创的；", "eligibility"),  # an item is a condition only under a lead-in that says so
    # a form mentioned, not asked for (lawref_00086 第十二条, 第十四条; lawref_00331 第七条)
    ("第十二条 国有资产产权登记表由国务院国有资产管理部门统一制定。", "required_material"),
    ("任何单位和个人不得伪造、涂改、出卖或者出借国有资产产权登记表。", "required_material"),
    ("第七条 婚姻登记机关应当对结婚登记当事人出具的证件、证明材料进行审查并询问相关情况。", "required_material"),
    # "为" opening a duty or a benefit, not a purpose (lawref_00051 第十二条, lawref_01513)
    ("第十二条 为收养关系当事人出具证明材料的组织，应当如实出具有关证明材料。", "background"),
    ("为参加城镇居民和新型农村社会养老保险的重度残疾人代缴最低档次养老保险费，有条件的县（市、区）可以适当提高代缴标准。", "background"),
]


@pytest.mark.parametrize("text,kind", RULES_MUST_NOT)
def test_clause_kind_rules_must_not(text: str, kind: str) -> None:
    assert rule_kind(text) != kind


# (item, its lead-in, the kind the context rules must give): read in the documents named
CONTEXT_RULES = [
    ("（一）国内首创的；", "第五条 具备下列条件的，可以申请国家级教学成果奖：", "eligibility"),  # lawref_00405
    ("(一)未到法定结婚年龄的；", "第六条 办理结婚登记的当事人有下列情形之一的，婚姻登记机关不予登记：", "eligibility"),
    ("（2）初创企业登记注册满6个月；", "初创企业的法定代表人符合以下条件之一：", "eligibility"),
    (
        "(二)玩忽职守造成婚姻登记档案损失的；",
        "第十八条 婚姻登记机关及其婚姻登记员有下列行为之一的，对直接负责的主管人员和其他直接责任人员依法给予行政处分：",
        "penalty_supervision",
    ),
    ("（一）登记申请书；", "第七条 申请事业单位法人登记，应当向登记管理机关提交下列文件：", "required_material"),  # lawref_00064
    ("利用2-3年时间，建立健全数据专区配套管理制度和标准规范；", "（三）工作目标", "target"),  # beijing_data_zone
]


@pytest.mark.parametrize("text,leadin,kind", CONTEXT_RULES)
def test_clause_kind_context_rules(text: str, leadin: str, kind: str) -> None:
    assert rule_kind(text, (leadin,)) == kind


# the next article after a list is not one of its items, and a lead-in about materials makes no condition
CONTEXT_RULES_MUST_NOT = [
    ("第七条 婚姻登记机关应当对结婚登记当事人出具的证件、证明材料进行审查。", "第六条 …有下列情形之一的，婚姻登记机关不予登记：", "eligibility"),
    ("（一）登记申请书；", "第七条 申请事业单位法人登记，应当向登记管理机关提交下列文件：", "eligibility"),
    # framing principles in a goals section stay background (guangzhou_family_doctor_service_plan_2023)
    ("围绕“扩面、提质、增效”的总体要求，遵循需求导向、循序渐进的基本原则。", "一、主要目标", "target"),
    ("（一）有自己的名称、组织机构和场所；", "第七条 申请事业单位法人登记，应当向登记管理机关提交下列文件：", "eligibility"),
]


@pytest.mark.parametrize("text,leadin,kind", CONTEXT_RULES_MUST_NOT)
def test_clause_kind_context_rules_must_not(text: str, leadin: str, kind: str) -> None:
    assert rule_kind(text, (leadin,)) != kind


def test_clause_kind_shape_tokens() -> None:
    duty = cue_tokens("运营单位应当明确数据管理策略，建立数据管理制度和操作规程。").split()
    assert "sh_duty_bearer" in duty and "sh_issuer_open" not in duty
    issuer = cue_tokens("加强职业技术师范院校建设，优化结构布局。").split()
    assert "sh_issuer_open" in issuer and "sh_duty_bearer" not in issuer
    limit = cue_tokens("第十六条 举报人应当在被告知奖励决定之日起6个月内领取奖励。").split()
    assert "sh_limit" in limit and "sh_article" in limit and "sh_item" not in limit


# (clause, tokens the deadline stage's findings must give, tokens they must not give); checked by reading
DEADLINE_TOKENS = [
    # seed 000: a due date with the action due
    ("将加盖公章的申报材料装订成册于2019年8月23日前分别报各市商务主管部门和财政部门。", {"dl_due_by", "dl_act"}, {"dl_anchor"}),
    # lawref_00554 第六条: a period counted from an event
    ("当事人应当自收到征收决定之日起30日内一次性缴纳社会抚养费。", {"dl_period", "dl_anchor"}, {"dl_due_by"}),
    # an application window: its start and its end
    ("申报时间：2025年8月11日至8月22日。", {"dl_start", "dl_range_end"}, {"dl_due_by"}),
    # an effective date is a start, never a due date
    ("本办法自2019年1月1日起施行。", {"dl_start"}, {"dl_due_by", "dl_period"}),
]

# no time limit in these: no deadline token at all
NO_DEADLINE = [
    "加大宣传推介力度，不断扩大班列的知名度、影响力和辐射力。",
    "2019年上半年进出口增幅超过10%。",  # a statistic (seed 000), not a limit
    "",
]


@pytest.mark.parametrize("text,present,absent", DEADLINE_TOKENS)
def test_clause_kind_deadline_tokens(text: str, present: set, absent: set) -> None:
    tokens = set(clause_kind.deadline_tokens([text])[0].split())
    assert present <= tokens and not absent & tokens, tokens


@pytest.mark.parametrize("text", NO_DEADLINE)
def test_clause_kind_deadline_tokens_must_not(text: str) -> None:
    assert clause_kind.deadline_tokens([text]) == [""]


def test_clause_kind_deadline_tokens_stay_with_their_clause() -> None:
    texts = ["加快推进项目建设。", "请于9月30日前报送材料。", "加强组织领导。", "自受理之日起10个工作日内办结。"]
    tokens = clause_kind.deadline_tokens(texts)
    assert tokens[0] == "" and tokens[2] == ""
    assert "dl_due_by" in tokens[1].split() and "dl_period" not in tokens[1].split()
    assert "dl_period" in tokens[3].split() and "dl_due_by" not in tokens[3].split()
    # the deadline tokens reach the model through the cue column
    rows = clause_kind.model_rows([(t, ()) for t in texts])
    assert "dl_due_by" in rows[1][2].split() and "dl_" not in rows[0][2]


# (clause, shape token it must have, shape token it must not have): checked by reading
SHAPES = [
    # sc_zero_waste_city_pilot_plan_2018: a target year mid-sentence; 应用 is no duty
    ("加快推进快递业绿色包装应用，到2020年，基本实现同城快递环境友好型包装材料全面应用。", "sh_goal_year", "sh_duty_bearer"),
    # anhui_industrial_internet_policy_2021: a count to build
    ("力争全省建成10个二级节点。", "sh_build_count", "sh_goal_year"),
    ("每年滚动实施1000项亿元以上技术改造项目。", "sh_count", "money"),  # 亿元 without a figure is no amount
    # a duty-bearer before 应当 is still one
    ("运营单位应当明确数据管理策略。", "sh_duty_bearer", "sh_goal_year"),
]


@pytest.mark.parametrize("text,has,lacks", SHAPES)
def test_clause_kind_goal_and_duty_shapes(text: str, has: str, lacks: str) -> None:
    tokens = cue_tokens(text).split()
    assert has in tokens and lacks not in tokens, tokens


def test_clause_kind_rule_kinds_are_in_label_set() -> None:
    _, rules = clause_kind.kind_config()
    assert {r.kind for r in rules} <= set(labels())


def test_clause_kind_cue_tokens() -> None:
    tokens = cue_tokens("鼓励企业积极参加展会，给予最高2万元补助。", ["一、推动外贸转型升级"]).split()
    assert tokens.count("cue_measure") >= 2  # 鼓励, 积极
    assert "cue_funding_reward" in tokens and "money" in tokens
    assert "open:鼓" in tokens
    assert "date" not in tokens


# (clause, cue token, how many times): cue words are found leftmost-longest without overlap, so a
# decoy word (相应, 主要, 经济) or a longer cue (应当, 申报条件) takes the characters of a shorter one
CUE_COUNTS = [
    ("企业应当按时报送。", "cue_obligation", 1),  # 应当 once, not 应当 + 应
    ("按照相应标准执行。", "cue_obligation", 0),  # 相应 is not a duty
    ("主要做法如下。", "cue_obligation", 0),  # 主要: no 要
    ("各地要加强领导。", "cue_obligation", 1),  # 要 with a duty-bearer
    ("促进经济发展。", "cue_procedure", 0),  # 经济: no 经
    ("经审核后予以公示。", "cue_procedure", 4),  # 经, 审核, 后, 公示
    ("申报条件见附件。", "cue_eligibility", 1),  # 申报条件 is eligibility, not procedure's 申报
    ("申报条件见附件。", "cue_procedure", 0),
]


@pytest.mark.parametrize("text,token,count", CUE_COUNTS)
def test_clause_kind_cue_counts(text: str, token: str, count: int) -> None:
    assert cue_tokens(text).split().count(token) == count


# seed clauses whose kind we checked by reading (guide: corpora/gold/clauses/GUIDE.md)
SEED_KINDS = [
    (SEED_NOTICE, "每个试点县奖励资金最高800万元", "funding_reward"),
    (SEED_NOTICE, "将加盖公章的申报材料装订成册于2019年8月23日前", "deadline"),
    (SEED_NOTICE, "（五）其他相关证明材料", "required_material"),
    (SEED_NOTICE, "省商务厅联系人：蔡培安", "contact"),
    (SEED_NOTICE, "对成效不显著的试点县责令限期整改", "penalty_supervision"),
    (SEED_NOTICE, "（一）2018年外贸进出口或出口规模居本地前三位", "eligibility"),
    (SEED_NOTICE, "省商务厅、财政厅收到各市推荐意见", "procedure"),
    (SEED_OPINIONS, "对年度进出口额达5亿元、3亿元、1亿元、5000万元", "funding_reward"),
    (SEED_OPINIONS, "鼓励企业积极参与“百展计划”", "measure"),
]


@pytest.fixture(scope="module")
def seed_docs() -> dict[Path, object]:
    from pipeline.ingest import load

    return {p: extract_clauses(load(p)) for p in (SEED_NOTICE, SEED_OPINIONS)}


@pytest.mark.parametrize("path,quote,kind", SEED_KINDS)
def test_clause_kind_seed_clauses(seed_docs: dict, path: Path, quote: str, kind: str) -> None:
    doc = seed_docs[path]
    at = doc.text.index(quote)
    clause = doc.clause_at(at)
    assert clause is not None and clause.kind == kind, (quote, clause and clause.kind)


def test_clause_kind_classify_returns_a_label() -> None:
    kind, confidence = classify("积极引进日韩金融机构，在跨境人民币贷款等方面开展试点。", ["三、打造对外开放平台"])
    assert kind in labels()
    assert 0.0 <= confidence <= 1.0


# ---- the shipped model ----------------------------------------------------------


def test_clause_kind_model_loads_with_explicit_trusted_list() -> None:
    bundle = load_model(MODEL_PATH, TRUSTED_TYPES)
    assert bundle["format"] == BUNDLE_FORMAT
    assert set(bundle["base"].classes_) <= set(labels())
    assert bundle["stacked"] is None or list(bundle["stacked"].classes_) == list(bundle["base"].classes_)


def test_clause_kind_classify_many_is_deterministic() -> None:
    items = [
        ("第三条 申请人应当提交下列材料：", ("第一章 总则",)),
        ("（一）营业执照复印件；", ("第一章 总则", "第三条 申请人应当提交下列材料：")),
        ("（二）申请表。", ("第一章 总则", "第三条 申请人应当提交下列材料：")),
        ("本办法自2020年1月1日起施行。", ("第二章 附则",)),
    ]
    first = classify_many(items, [0.1, 0.2, 0.3, 0.9])
    assert first == classify_many(items, [0.1, 0.2, 0.3, 0.9])
    assert [kind for kind, _, _ in first][1:] == ["required_material", "required_material", "other"]


def test_clause_kind_model_reads_due_dates_no_rule_covers() -> None:
    """A due date by month end fires no cue-word rule: the deadline stage's tokens make it a deadline
    (GUIDE: a step due by a date is ``deadline``), while a measure beside it stays a measure."""
    due = "各县（市、区）须于2019年9月底前将推荐材料报送省商务厅。"
    measure = "加大宣传推介力度，不断扩大班列的知名度。"
    assert rule_kind(due) is None and rule_kind(measure) is None
    kinds = classify_many([(measure, ("二、主要任务",)), (due, ("五、其他事项",))], [0.3, 0.9])
    assert [k for k, _, _ in kinds] == ["measure", "deadline"]


# ---- FastModel: the same numbers as scikit-learn ---------------------------------

# texts that exercise what sklearn's char analyzer does: lowercase, collapse runs of
# whitespace (a single newline stays), characters beyond the BMP, empty text
TRICKY = [
    "对年度进出口额达5亿元的企业，给予30万元奖励。",
    "  ABC  def\n\nGHI\t\tjk ",
    "İstanbul ß ﬁ",  # lower() changes the length of İ
    "𠀀𠀁 emoji 😀 end",  # code points above U+FFFF
    "",
    "a",
    "第 1 0 条  （一）",
]


def _sklearn_from_spec(spec: dict):
    """A scikit-learn TfidfVectorizer with the exported vocabulary and idf (the reference)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vocab = {str(t): i for i, t in enumerate(spec["terms"])}
    if spec["analyzer"] == "dict_words":
        vec = TfidfVectorizer(analyzer=DictionaryWords(list(vocab)), vocabulary=vocab, token_pattern=None,
                              sublinear_tf=spec["sublinear_tf"], lowercase=False)
    elif spec["analyzer"] == "char":
        vec = TfidfVectorizer(analyzer="char", ngram_range=tuple(spec["ngram_range"]), vocabulary=vocab,
                              sublinear_tf=spec["sublinear_tf"], lowercase=spec["lowercase"])
    else:
        vec = TfidfVectorizer(token_pattern=r"\S+", vocabulary=vocab, sublinear_tf=spec["sublinear_tf"],
                              lowercase=spec["lowercase"])
    vec.idf_ = spec["idf"]
    return vec


@pytest.mark.parametrize(
    "settings",
    [
        {"analyzer": "char", "ngram_range": (1, 3), "sublinear_tf": True},
        {"analyzer": "char", "ngram_range": (2, 3), "sublinear_tf": True},
        {"analyzer": "char", "ngram_range": (1, 2), "sublinear_tf": False},
        {"analyzer": "word", "token_pattern": r"\S+", "lowercase": False, "sublinear_tf": True},
    ],
)
def test_clause_kind_fast_features_equal_sklearn(settings: dict) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(**settings).fit(TRICKY + ["cue_measure cue_measure open:对 Money", "ctx_x  cue_measure"])
    bundle = {"encoders": [export_vectorizer(vec, 0, 1.5)], "base": _Stub()}
    texts = TRICKY + ["cue_measure open:对 unknown", "奖励奖励奖励", "  "]
    expected = vec.transform(texts) * 1.5
    got = FastModel(bundle).features([[t] for t in texts])
    assert got.shape == expected.shape
    assert abs(got - expected).max() <= 1e-12


def test_clause_kind_shipped_features_equal_sklearn(seed_docs: dict) -> None:
    from scipy import sparse

    bundle = load_model()
    rows = [
        clause_kind.model_input(c.text, (), 0.5)
        for doc in seed_docs.values()
        for c in doc.clauses
    ] + [[t, t, t, t] for t in TRICKY]
    expected = sparse.hstack(
        [_sklearn_from_spec(spec).transform([r[spec["column"]] for r in rows]) * spec["weight"] for spec in bundle["encoders"]]
    ).tocsr()
    got = FastModel(bundle).features(rows)
    assert abs(got - expected).max() <= 1e-12


class _Stub:
    classes_: ClassVar[list[str]] = ["a"]


@pytest.mark.parametrize(
    "settings",
    [
        {"analyzer": "char", "ngram_range": (1, 4)},  # keys hold at most three characters
        {"analyzer": "word", "token_pattern": r"\S+", "ngram_range": (1, 2)},
        {"analyzer": "char_wb", "ngram_range": (1, 3)},
        {"analyzer": "char", "ngram_range": (1, 3), "use_idf": False},
    ],
)
def test_clause_kind_export_refuses_what_fastmodel_cannot_apply(settings: dict) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(**settings).fit(["企业应当报送材料 a b", "给予奖励 c d"])
    with pytest.raises(ValueError, match="not one FastModel can apply"):
        export_vectorizer(vec, 0, 1.0)


WORDS = ["申请", "申请人", "申请材料", "材料", "应当", "提交", "相应", "部门", "负责", "审核", "报表"]

# (text, tokens): the longest dictionary word at the scan position wins, the scan resumes after it
DICTIONARY_TOKENS = [
    ("申请人应当提交申请材料", ["申请人", "应当", "提交", "申请材料"]),
    ("相应部门负责审核", ["相应", "部门", "负责", "审核"]),
    ("申请材料报表", ["申请材料", "报表"]),  # not 申请 + 材料
    ("请申请", ["申请"]),  # a character that starts no word is skipped
    ("申", []),
    ("", []),
    ("𠀀申请😀人", ["申请"]),  # characters beyond U+FFFF never join a word
]


@pytest.mark.parametrize("text,tokens", DICTIONARY_TOKENS)
def test_clause_kind_dictionary_words(text: str, tokens: list[str]) -> None:
    assert DictionaryWords(WORDS)(text) == tokens


def test_clause_kind_dictionary_words_never_cross_texts() -> None:
    rows, cols = DictionaryWords(WORDS).tokens(["提交申", "请人", "", "审核"])
    assert [(r, WORDS[c]) for r, c in zip(rows.tolist(), cols.tolist())] == [(0, "提交"), (3, "审核")]


def test_clause_kind_dictionary_words_refuses_other_lengths() -> None:
    with pytest.raises(ValueError, match="2–4 characters"):
        DictionaryWords(["申请", "中华人民共和国"])


def test_clause_kind_dictionary_words_features_equal_sklearn() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vocab = {w: i for i, w in enumerate(WORDS)}
    vec = TfidfVectorizer(analyzer=DictionaryWords(WORDS), vocabulary=vocab, token_pattern=None, lowercase=False,
                          sublinear_tf=True).fit([t for t, _ in DICTIONARY_TOKENS])
    texts = [t for t, _ in DICTIONARY_TOKENS] + ["申请申请申请人"]
    got = FastModel({"encoders": [export_vectorizer(vec, 0, 1.5)], "base": _Stub()}).features([[t] for t in texts])
    assert abs(got - vec.transform(texts) * 1.5).max() <= 1e-12


def test_clause_kind_neighbour_features() -> None:
    import numpy as np

    proba = np.array([[0.9, 0.1], [0.2, 0.8], [0.5, 0.5]])
    assert neighbour_features(proba, 0.5).tolist() == [
        [0.0, 0.0, 0.1, 0.4],  # no clause before; the next one's probabilities
        [0.45, 0.05, 0.25, 0.25],
        [0.1, 0.4, 0.0, 0.0],  # no clause after
    ]
    assert neighbour_features(proba[:1], 1.0).tolist() == [[0.0, 0.0, 0.0, 0.0]]


def test_clause_kind_model_meta_records_data_and_scores() -> None:
    meta = json.loads(META_PATH.read_text(encoding="utf-8"))
    assert meta["label_set"] == list(labels())
    assert len(meta["data_version"]) == 16
    assert meta["n_examples"] > 500
    assert 0.0 < meta["cv_on_train"]["macro_f1"] <= 1.0
    # the held-out test documents never feed the model
    import yaml

    split = yaml.safe_load((MODEL_PATH.parents[2] / "corpora" / "split.yaml").read_text(encoding="utf-8"))
    assert not set(meta["documents"]) & set(split["test"])


def test_clause_kind_training_skips_a_gold_file_that_fails_to_load(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new gold file with a typo must not stop training on the others: it is skipped and reported."""
    from pipeline.errors import DataFileError
    from pipeline.extract import train_clause_kind as trainer

    def fake(doc_id: str, path: Path) -> trainer.DocExamples:
        if doc_id == "bad_yaml":
            raise DataFileError(path, "mapping values are not allowed here")
        kind = "deadlines" if doc_id == "bad_kind" else "deadline"  # a kind outside the label set
        return trainer.DocExamples(doc_id, [["t", "", "", "t"]], [("t", ())], [(0, kind)])

    monkeypatch.setattr(trainer, "document_examples", fake)
    monkeypatch.setattr(trainer, "SKIPPED", {})
    docs = {name: Path(f"/nonexistent/{name}.txt") for name in ("good", "bad_yaml", "bad_kind")}
    assert [d.doc_id for d in trainer.load_examples(docs)] == ["good"]
    assert set(trainer.SKIPPED) == {"bad_yaml", "bad_kind"}
    assert "deadlines" in trainer.SKIPPED["bad_kind"]


def test_clause_kind_training_never_reads_held_out_files() -> None:
    """Neither the test split nor the fresh held-out gold feeds the model, under any doc id."""
    import yaml

    from pipeline.extract.train_clause_kind import training_docs

    root = MODEL_PATH.parents[2]
    held_out = set()
    for split_file in (root / "corpora" / "split.yaml", root / "corpora" / "gold_fresh" / "split.yaml"):
        for rel in (yaml.safe_load(split_file.read_text(encoding="utf-8")).get("test") or {}).values():
            held_out.add((root / rel).resolve())
    assert held_out and not set(training_docs().values()) & held_out


def _model_with_untrusted_type(path: Path) -> Path:
    import math

    import skops.io as sio
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import FunctionTransformer

    sio.dump(Pipeline([("f", FunctionTransformer(func=math.sqrt))]), path)
    return path


def test_clause_kind_model_rejects_untrusted_type(tmp_path: Path) -> None:
    path = _model_with_untrusted_type(tmp_path / "evil.skops")
    with pytest.raises(ModelFileError, match="untrusted types .*math.sqrt"):
        load_model(path)


def test_clause_kind_skops_refuses_untrusted_type_directly(tmp_path: Path) -> None:
    import skops.io as sio

    path = _model_with_untrusted_type(tmp_path / "evil.skops")
    with pytest.raises(Exception, match="math.sqrt"):
        sio.load(path, trusted=list(TRUSTED_TYPES))


def test_clause_kind_model_missing_file_is_clean_error(tmp_path: Path) -> None:
    with pytest.raises(ModelFileError, match="train it with"):
        load_model(tmp_path / "absent.skops")


def test_clause_kind_model_of_another_format_is_clean_error(tmp_path: Path) -> None:
    import skops.io as sio

    old = tmp_path / "old.skops"
    sio.dump({"features": None, "base": None}, old)  # a bundle of the earlier layout
    with pytest.raises(ModelFileError, match="retrain it"):
        load_model(old)


def test_clause_kind_model_corrupt_file_is_clean_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.skops"
    bad.write_bytes(b"not a zip file")
    with pytest.raises(ModelFileError, match="not a skops file"):
        load_model(bad)
