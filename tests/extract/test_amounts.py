"""Money amounts: values in yuan, kinds, bounds, percentages, caps and per-unit rates.

Expected values were worked out by reading the phrases (the examples of issue 4
and sentences of real policy texts), not copied from the extractor's output.
"""

from __future__ import annotations

import pytest

from pipeline.extract.amounts import extract_amounts, find_amounts
from pipeline.ingest.normalise import normalise_text
from pipeline.model import Clause, Document, Source
from tests.conftest import REAL, SEED_NOTICE, SEED_OPINIONS, need_shared


def _doc(text: str) -> Document:
    return Document(source=Source("<test>", "txt", "-"), text=text)


def _money(text: str) -> list:
    return [a for a in find_amounts(text) if a.kind not in ("percent", "rate")]


def _only(text: str):
    found = find_amounts(text)
    assert len(found) == 1, [(a.text, a.kind) for a in found]
    return found[0]


# (input, value, kind, currency) — one money amount each
SINGLE = [
    ("给予奖励10万元", 100000, "exact", "CNY"),
    ("奖励八百万元", 8000000, "exact", "CNY"),
    ("资助壹佰万元整", 1000000, "exact", "CNY"),
    ("补贴一千五百万元", 15000000, "exact", "CNY"),
    ("投资1.5亿元", 150000000, "exact", "CNY"),
    ("总投资3480.83万元", 34808300, "exact", "CNY"),
    ("总投资10.581亿元", 1058100000, "exact", "CNY"),
    ("补贴5千元", 5000, "exact", "CNY"),
    ("奖励50,000元", 50000, "exact", "CNY"),
    ("标准为每人每月1963.5元", 1963.5, "per_unit", "CNY"),
    ("给予一次性奖励一万元", 10000, "exact", "CNY"),
    ("奖励两千元", 2000, "exact", "CNY"),
    ("奖励十五万元", 150000, "exact", "CNY"),
    ("注册资本为人民币100亿元", 10000000000, "exact", "CNY"),
    ("奖励20万美元", 200000, "exact", "USD"),
    ("投资500万欧元", 5000000, "exact", "EUR"),
    ("资助30万港元", 300000, "exact", "HKD"),
    ("资助30万港币", 300000, "exact", "HKD"),
    ("全市5亿元工业互联网专项基金", 500000000, "exact", "CNY"),
    ("投资500万USD的项目", 5000000, "exact", "USD"),
    ("奖励RMB 50,000", 50000, "exact", "CNY"),
    ("奖励￥500万", 5000000, "exact", "CNY"),
    ("按照人民币1,000.00元收取", 1000, "exact", "CNY"),
    ("每年最高可获得30万元补贴", 300000, "cap", "CNY"),
    ("最高奖励100万元/家", 1000000, "cap", "CNY"),
    # caps
    ("奖励资金最高800万元", 8000000, "cap", "CNY"),
    ("每家企业每年最高不超过10万元", 100000, "cap", "CNY"),
    ("补贴不超过5万元", 50000, "cap", "CNY"),
    ("奖励在50万元以内", 500000, "cap", "CNY"),
    ("补贴最高补贴不超过1000万元", 10000000, "cap", "CNY"),
    ("最高补助2万元", 20000, "cap", "CNY"),
    ("300万美元及以下的项目", 3000000, "cap", "USD"),
    ("每家企业最高补贴50万。", 500000, "cap", "CNY"),
    ("奖励封顶100万元", 1000000, "cap", "CNY"),
    ("每个项目奖励以100万元封顶", 1000000, "cap", "CNY"),
    ("给予补贴一千五百万。", 15000000, "exact", "CNY"),
    ("违法所得不足5000元的", 5000, "cap", "CNY"),
    ("单次补贴不得超过5万元", 50000, "cap", "CNY"),
    # floors
    ("给予最低500万元扶持资金", 5000000, "floor", "CNY"),
    ("不低于5000万美元", 50000000, "floor", "USD"),
    ("全年进出口总量500万元人民币及以上的生产型企业", 5000000, "floor", "CNY"),
    ("年实际投资达到30万元以上的", 300000, "floor", "CNY"),
    ("总投资达到1000万元（含）以上的", 10000000, "floor", "CNY"),
    ("投资5000万元以上，实行一事一议", 50000000, "floor", "CNY"),
    ("年度进出口额达5亿元的企业", 500000000, "floor", "CNY"),
    ("销售收入超过2000万元的", 20000000, "floor", "CNY"),
    ("2020年新开工过亿元项目30个", 100000000, "floor", "CNY"),
    ("每年滚动实施1000项亿元以上技术改造项目", 100000000, "floor", "CNY"),
    ("设备投资总额达到300万元(含税)以上的", 3000000, "floor", "CNY"),
    ("年度营业收入首次突破1亿元的", 100000000, "floor", "CNY"),
    # regression: read as a cap through the 少于 inside 不得少于
    ("企业的注册资本不得少于3万元人民币", 30000, "floor", "CNY"),
    # per unit
    ("一次性奖励100元/亩", 100, "per_unit", "CNY"),
    ("给予5元/人/夜的奖励", 5, "per_unit", "CNY"),
    ("每人每月1309元", 1309, "per_unit", "CNY"),
    ("市级补贴标准为每亩300元", 300, "per_unit", "CNY"),
    ("补贴标准为480元/吨", 480, "per_unit", "CNY"),
    ("富力大厦32.5元/平方米/月", 32.5, "per_unit", "CNY"),
    ("扶贫专项助学金，标准为1000元/生•年", 1000, "per_unit", "CNY"),
    ("人均住房补助1.2万元", 12000, "per_unit", "CNY"),
    ("每满一万人奖励一万元", 10000, "per_unit", "CNY"),
    ("自本办法施行届满5年之日起为每分钟2元", 2, "per_unit", "CNY"),
]


@pytest.mark.parametrize("text,value,kind,currency", SINGLE)
def test_amounts_single_value_kind_currency(text: str, value: float, kind: str, currency: str) -> None:
    found = _money(text)
    assert len(found) == 1, [(a.text, a.kind, a.value) for a in found]
    a = found[0]
    assert (a.value, a.kind, a.currency) == (pytest.approx(value, rel=1e-9), kind, currency)
    assert text[a.start : a.end] == a.text


# (input, low, high, low_inclusive, high_inclusive, currency)
RANGES = [
    ("给予企业10-50万元资金支持", 100000, 500000, None, None, "CNY"),
    ("给予10万元至50万元补助", 100000, 500000, None, None, "CNY"),
    ("给予2万-5万元补助", 20000, 50000, None, None, "CNY"),
    ("奖励5000元～1万元", 5000, 10000, None, None, "CNY"),
    ("投资5至10亿元", 500000000, 1000000000, None, None, "CNY"),
    ("给予10~50万补贴", 100000, 500000, None, None, "CNY"),
    ("给予50万—100万元资金支持", 500000, 1000000, None, None, "CNY"),
    ("项目资金投入500万元—5000万元", 5000000, 50000000, None, None, "CNY"),
    ("300-1000万美元（含1000万美元）", 3000000, 10000000, None, True, "USD"),
    ("固定资产投资1000万元及以上至5000万元", 10000000, 50000000, True, None, "CNY"),
    ("5000万元以上至1亿元", 50000000, 100000000, False, None, "CNY"),
    ("0-35000元按60%报销", 0, 35000, None, None, "CNY"),
    ("处一万元以上十万元以下罚款", 10000, 100000, False, True, "CNY"),
    ("价值二十万元以上不满二百万元的", 200000, 2000000, False, False, "CNY"),
    ("并处以五百元至五千元的罚款", 500, 5000, None, None, "CNY"),
]


@pytest.mark.parametrize("text,low,high,low_inc,high_inc,currency", RANGES)
def test_amounts_range_bounds(text, low, high, low_inc, high_inc, currency) -> None:
    found = _money(text)
    assert len(found) == 1, [(a.text, a.kind) for a in found]
    a = found[0]
    assert a.kind == "range"
    assert a.value is None
    assert (a.low, a.high) == (pytest.approx(low), pytest.approx(high))
    assert (a.low_inclusive, a.high_inclusive, a.currency) == (low_inc, high_inc, currency)


# (input, low_inclusive, high_inclusive) for caps and floors
INCLUSIVENESS = [
    ("500万元人民币及以上", True, None),
    ("2000万美元以上的项目", False, None),
    ("1000万元（含）以上", True, None),
    ("1000万元以上（含）", True, None),
    ("不低于5000万美元", True, None),
    ("超过2000万元的", False, None),
    ("300万美元及以下", None, True),
    ("最高不超过10万元", None, True),
    ("50万元以内", None, True),
    ("不足5000元的", None, False),
]


@pytest.mark.parametrize("text,low_inc,high_inc", INCLUSIVENESS)
def test_amounts_bound_inclusiveness(text: str, low_inc, high_inc) -> None:
    a = _only(text)
    assert (a.low_inclusive, a.high_inclusive) == (low_inc, high_inc)
    if a.kind == "floor":
        assert a.low == a.value
    else:
        assert a.high == a.value


# (input, percent, base, cap, kind)
PERCENTS = [
    (
        "按照年度实际投资额的10%给予补助，每家企业每年最高不超过10万元。",
        10,
        "年度实际投资额",
        100000,
        "percent",
    ),
    ("对平台收取的服务费给予最高50%的补助，每年最高不超过5万元。", 50, None, 50000, "percent"),
    ("场地租金总额的50%予以租金补贴，每个企业租金补贴每年不超过5万元。", 50, "场地租金总额", 50000, "percent"),
    ("省级按照项目设备购置额的10%给予奖补，最高500万元。", 10, "项目设备购置额", 5000000, "percent"),
    ("按照不超过相关保费的50％给予补贴，单个企业最高补贴不超过1000万元。", 50, "相关保费", 10000000, "percent"),
    ("三星级按60%奖励返还。", 60, None, None, "percent"),
    ("给予不超过2%的固定资产投资贷款贴息支持，单个项目支持最高不超过1000万元。", 2, None, 10000000, "rate"),
    ("省级按照同期银行基准利率40%给予贴息，最高500万元。", 40, "同期银行基准利率", 5000000, "rate"),
    ("由市财政按本市最低工资标准的50%核拨经费补贴。", 50, "本市最低工资标准", None, "percent"),
    ("给予企业超出额0.5%的奖励，奖励最高不超过20万元。", 0.5, "超出额", 200000, "percent"),
    ("补偿标准不低于被征收房屋价值的百分之五的补偿", 5, "被征收房屋价值", None, "percent"),
    ("按销售收入的5%给予奖励", 5, "销售收入", None, "percent"),
    ("按照同期贷款利率的50%给予贴息", 50, "同期贷款利率", None, "rate"),
]


@pytest.mark.parametrize("text,percent,base,cap,kind", PERCENTS)
def test_amounts_percent_base_and_cap(text: str, percent: float, base, cap, kind: str) -> None:
    rates = [a for a in find_amounts(text) if a.kind in ("percent", "rate")]
    assert len(rates) == 1, [(a.text, a.kind) for a in rates]
    a = rates[0]
    assert (a.percent, a.base, a.cap, a.kind, a.value) == (pytest.approx(percent), base, cap, kind, None)


def test_amounts_percent_with_cap_gives_cap_amount_too() -> None:
    found = find_amounts("按照年度实际投资额的10%给予补助，每家企业每年最高不超过10万元。")
    assert [(a.kind, a.value, a.percent) for a in found] == [("percent", None, 10), ("cap", 100000, None)]


@pytest.mark.parametrize(
    "text,low,high,base",
    [
        ("奖励投资额度的5%—20%", 5, 20, "投资额度"),
        ("其数额为本人工资百分之六十至百分之一百", 60, 100, "本人工资"),
        ("其数额为残废前本人工资的百分之十至三十", 10, 30, "残废前本人工资"),
        ("并处虚假出资金额5%以上10%以下的罚款", 5, 10, "虚假出资金额"),
    ],
)
def test_amounts_percent_bands(text: str, low: float, high: float, base: str) -> None:
    a = _only(text)
    assert (a.kind, a.low, a.high, a.percent, a.base) == ("percent", low, high, None, base)


def test_amounts_percent_band() -> None:
    a = _only("奖励投资额度的5%—20%")
    assert (a.kind, a.low, a.high, a.percent, a.base) == ("percent", 5, 20, None, "投资额度")


def test_amounts_per_unit_dollar_rate() -> None:
    # seed 004: the 1 美元 is the unit, not an amount of its own
    a = _only("对进出口额超上年度增加部分，每1美元再增加奖励0.02元人民币")
    assert (a.kind, a.value, a.currency, a.per) == ("per_unit", 0.02, "CNY", "美元")


@pytest.mark.parametrize(
    "text,per",
    [
        ("每人每月3000元实习补贴", "人/月"),
        ("5元/人/夜的奖励", "人/夜"),
        ("100元/亩奖励", "亩"),
        ("32.5元/平方米/月", "平方米/月"),
        ("每间奖励2000元", "间"),
        ("每满一万人奖励一万元", "一万人"),
    ],
)
def test_amounts_per_unit_names_its_unit(text: str, per: str) -> None:
    a = _only(text)
    assert (a.kind, a.per) == ("per_unit", per)


# Not money: must give no amount at all.
NOT_AMOUNTS = [
    "仓储总面积达到500平方米以上",
    "每年分行业发布100个工业互联网动态场景清单",
    "新建800个智能工厂",
    "连续种植3年以上的",
    "2019年",
    "从2022年7月5日起，在2022-2024年内有效",
    "第3条",
    "第1 0条",
    "对年度进出口额居全区前三位的企业",
    "重点企业生产效率提高20%以上",
    "村级集体经济在上一年的基础上增长10%以上",
    "年组织游客人数达到1.5万人次以上",
    "新增“皖企登云”企业2万家",
    "面向3万名专业技术人才",
    "实现标识注册总量突破5亿。",
    "港澳青年人数比例达30%以上的团队",
    "港澳青年实际权益持股比例达25%以上",
    "分别占比达30%、20%和10%",
    "电脑派位招生的比例为90%",
    "能按不低于20%的比例录用见习人员",
    "按3-5%的比例对拟脱贫认定贫困户进行抽查",
    "开发区年实际利用外资和外贸进出口总额要占全区总量的70%并逐年提升",
    "联系电话：020-38920123，传真：020-38920456",
    "（穗人社规字〔2019〕3号）",
    "依托“十行千亿万企”中小企业融资专项行动",
    "推动城乡二元结构改革",
    "推动实现出口市场多元化",
    "主导产业覆盖贫困户60%以上",
    "营业面积在100平方米以上",
    "有1-2个主导产业",
    "补偿比例在上年度的基础上提高10%",
    "企业利润率达到10%",
    "园区入驻率不低于70%",
]


@pytest.mark.parametrize("text", NOT_AMOUNTS)
def test_amounts_not_money_gives_nothing(text: str) -> None:
    assert [(a.text, a.kind) for a in find_amounts(text)] == []


def test_amounts_chinese_units_apply_to_both_range_ends() -> None:
    a = _only("年度实际使用外资300-1000万美元的项目")
    assert (a.low, a.high, a.currency) == (3000000, 10000000, "USD")


def test_amounts_survive_pdf_line_break_inside_amount() -> None:
    # beijing part3: 单个项目补贴最高不超过 1000 万\n元 (a PDF line break inside the amount)
    text = normalise_text("单个项目补贴最高不超过 1000 万\n元。")
    a = _only(text)
    assert (a.kind, a.value) == ("cap", 10000000)


def test_amounts_empty_and_plain_text_give_nothing() -> None:
    assert find_amounts("") == []
    assert find_amounts("各有关单位：现将有关事项通知如下。") == []


def test_amounts_stage_sets_clause_ids() -> None:
    text = "一、奖励100万元。二、补贴最高50万元。"
    doc = _doc(text)
    doc.clauses = [
        Clause(id="c1", section=None, kind="reward", start=0, end=9, text=text[0:9]),
        Clause(id="c2", section=None, kind="reward", start=9, end=len(text), text=text[9:]),
    ]
    doc = extract_amounts(doc)
    assert [(a.value, a.clause) for a in doc.amounts] == [(1000000, "c1"), (500000, "c2")]


def test_amounts_stage_without_clauses_leaves_clause_empty() -> None:
    doc = extract_amounts(_doc("奖励100万元"))
    assert [(a.value, a.clause) for a in doc.amounts] == [(1000000, None)]


# ---- seeds: values checked by reading the texts --------------------------------------------
def _load(path):
    try:
        from pipeline.ingest import load
    except ImportError:  # ingestion not importable: same normalisation by hand
        return _doc(normalise_text(path.read_text(encoding="utf-8")))
    return load(path)


def test_amounts_seed_000_cap_per_county() -> None:
    doc = extract_amounts(_load(SEED_NOTICE))
    assert [(a.kind, a.value, a.high) for a in doc.amounts] == [("cap", 8000000, 8000000)]


SEED_004_CHECKS = [
    # (text fragment the amount starts with, kind, value, low, high, percent, cap)
    ("500万元人民币及以上", "floor", 5000000, 5000000, None, None, None),
    ("0.02元人民币", "per_unit", 0.02, None, None, None, None),
    ("300万美元及以下", "cap", 3000000, None, 3000000, None, None),
    ("300-1000万美元", "range", None, 3000000, 10000000, None, None),
    ("1000-2000万美元", "range", None, 10000000, 20000000, None, None),
    ("2000万美元以上", "floor", 20000000, 20000000, None, None, None),
    ("不低于5000万美元", "floor", 50000000, 50000000, None, None, None),
    ("最低500万元", "floor", 5000000, 5000000, None, None, None),
    ("最低100万元", "floor", 1000000, 1000000, None, None, None),
    ("最高补助2万元", "cap", 20000, None, 20000, None, None),
]


@pytest.fixture(scope="module")
def seed_004_amounts():
    return extract_amounts(_load(SEED_OPINIONS)).amounts


@pytest.mark.parametrize("fragment,kind,value,low,high,percent,cap", SEED_004_CHECKS)
def test_amounts_seed_004_checked_values(seed_004_amounts, fragment, kind, value, low, high, percent, cap):
    hits = [a for a in seed_004_amounts if a.text.startswith(fragment)]
    assert hits, fragment
    a = hits[0]
    assert (a.kind, a.value, a.low, a.high, a.percent, a.cap) == (kind, value, low, high, percent, cap)


def test_amounts_seed_004_tier_thresholds_pair_with_rewards(seed_004_amounts) -> None:
    # 对年度进出口额达5亿元、3亿元、1亿元、5000万元…一次性分别给予30万元、20万元、15万元、10万元奖励
    thresholds = [a for a in seed_004_amounts if a.role == "threshold" and a.currency == "CNY"]
    assert [a.value for a in thresholds] == [5e8, 3e8, 1e8, 5e7]
    assert {a.kind for a in thresholds} == {"floor"}
    group = thresholds[0].tier_group
    rewards = sorted((a for a in seed_004_amounts if a.tier_group == group and a.role == "reward"),
                     key=lambda a: a.tier_index)
    assert [(a.tier_index, a.value) for a in rewards] == [(0, 3e5), (1, 2e5), (2, 1.5e5), (3, 1e5)]


def test_amounts_seed_004_percentage_bands(seed_004_amounts) -> None:
    # 300万美元及以下、300-1000万美元（含1000万美元）…分别给予企业当年实际到账外资额3%、4%、5%、6%的奖励
    bands = [a for a in seed_004_amounts if a.role == "threshold" and a.currency == "USD"]
    assert [(a.kind, a.low, a.high, a.low_inclusive, a.high_inclusive) for a in bands] == [
        ("cap", None, 3e6, None, True),
        ("range", 3e6, 1e7, False, True),
        ("range", 1e7, 2e7, False, True),
        ("floor", 2e7, None, False, None),
    ]
    rewards = [a for a in seed_004_amounts if a.tier_group == bands[0].tier_group and a.role == "reward"]
    assert [(a.tier_index, a.percent, a.base) for a in rewards] == [
        (0, 3, "当年实际到账外资额"),
        (1, 4, "当年实际到账外资额"),
        (2, 5, "当年实际到账外资额"),
        (3, 6, "当年实际到账外资额"),
    ]


def test_amounts_seed_004_percent_links_its_cap(seed_004_amounts) -> None:
    # 按照年度实际投资额的10%给予补助，每家企业每年最高不超过10万元
    pct = [a for a in seed_004_amounts if a.percent == 10]
    assert [(a.base, a.cap) for a in pct] == [("年度实际投资额", 100000)]


# ---- offsets on the real corpus ----------------------------------------------------------
def _real_docs():
    return sorted(REAL.glob("*.txt")) if REAL.exists() else []


@pytest.mark.corpus
def test_amounts_offsets_hold_on_real_corpus() -> None:
    need_shared(REAL)
    docs = _real_docs()
    assert docs
    total = 0
    for path in docs:
        doc = extract_amounts(_load(path))
        for a in doc.amounts:
            assert doc.text[a.start : a.end] == a.text, (path.name, a)
            assert a.kind in {"exact", "cap", "floor", "range", "rate", "percent", "per_unit"}
        total += len(doc.amounts)
    assert total > 300  # the real corpus holds several hundred money amounts


# ---- gold and evaluation ------------------------------------------------------------------
def test_amounts_gold_file_for_every_split_doc() -> None:
    from pipeline.eval.amounts import GOLD_DIR, split_docs

    missing = [doc_id for doc_id in split_docs("all") if not (GOLD_DIR / f"{doc_id}.yaml").exists()]
    assert missing == []


@pytest.mark.parametrize(
    "text,needle,occurrence,expected",
    [
        ("最高不超过1000万\n元。", "最高不超过1000万元", 1, (0, 12)),
        ("不超过 30%的补贴", "不超过30%", 1, (0, 7)),
        ("相关保费的50％给予", "相关保费的50%", 1, (0, 8)),
        ("奖励1万元，奖励1万元", "奖励1万元", 2, (6, 11)),
        ("奖励1万元", "奖励2万元", 1, None),
    ],
)
def test_amounts_eval_locate_is_whitespace_and_width_tolerant(text, needle, occurrence, expected) -> None:
    from pipeline.eval.amounts import locate

    assert locate(text, needle, occurrence) == expected


def test_amounts_eval_match_needs_agreeing_numbers() -> None:
    from pipeline.eval.amounts import GoldAmount, numbers_agree
    from pipeline.model import Amount

    gold = GoldAmount("10-50万元", 1, 0, 7, None, "CNY", "range", low=1e5, high=5e5)
    assert numbers_agree(gold, Amount("10-50万元", 0, 7, None, kind="range", low=1e5, high=5e5))
    assert not numbers_agree(gold, Amount("10-50万元", 0, 7, None, kind="range", low=1e5, high=5e6))
    pct = GoldAmount("10%", 1, 0, 3, None, "CNY", "percent", percent=10)
    assert numbers_agree(pct, Amount("10%", 0, 3, None, kind="percent", percent=10.0))
    assert not numbers_agree(pct, Amount("10%", 0, 3, None, kind="percent", percent=1.0))


@pytest.mark.corpus
@pytest.mark.parametrize("split", ["train"])
def test_amounts_eval_meets_targets(split: str) -> None:
    # regression guard on the issue-4 targets, on the train split only: a failing gate on the held-out
    # split would invite tuning on it; test numbers are reported by `policylens eval extraction`
    need_shared(REAL)
    from pipeline.eval.amounts import evaluate_amounts

    result = evaluate_amounts(split)
    assert result["docs"] >= 8
    assert result["f1"] >= 0.95, result["per_doc"]
    assert result["kind_accuracy"] >= 0.9


def test_amounts_rules_file_typo_fails_loudly() -> None:
    import copy
    import json

    from pipeline.data import DATA_DIR, load_data, validate
    from pipeline.errors import DataFileError

    rules = copy.deepcopy(load_data("amounts.yaml"))
    rules["cap"]["before"][0]["inclusiv"] = True  # misspelt key
    schema = json.loads((DATA_DIR / "schema" / "amounts.schema.json").read_text(encoding="utf-8"))
    with pytest.raises(DataFileError, match="amounts.yaml"):
        validate(rules, schema, DATA_DIR / "amounts.yaml")


# QA F22: traditional-character units (萬/億/圓, 美金/港幣) — (input, text of the amount, value, kind, currency)
TRADITIONAL = [
    ("每個項目獎勵最高800萬元。", "最高800萬元", 8000000, "cap", "CNY"),
    ("獎勵1.5億元。", "1.5億元", 150000000, "exact", "CNY"),
    ("補助50萬圓。", "50萬圓", 500000, "exact", "CNY"),
    ("資助壹佰萬圓整", "壹佰萬圓整", 1000000, "exact", "CNY"),
    ("獎勵20萬美金", "20萬美金", 200000, "exact", "USD"),
    ("資助30萬港幣", "30萬港幣", 300000, "exact", "HKD"),
    ("注册资本为人民幣100億元", "人民幣100億元", 10000000000, "exact", "CNY"),
]


@pytest.mark.parametrize(("text", "span", "value", "kind", "currency"), TRADITIONAL)
def test_amounts_regression_traditional_units_are_amounts(text, span, value, kind, currency) -> None:
    a = _only(text)
    assert (a.text, a.value, a.kind, a.currency) == (span, value, kind, currency)
    assert text[a.start : a.end] == a.text


@pytest.mark.parametrize("text", ["全國有萬億級市場", "億萬人民的期望", "圓滿完成任務"])
def test_amounts_regression_traditional_units_not_money(text: str) -> None:
    assert _money(text) == []
