"""Character-level normalisation: what is folded, what must stay as written."""

from __future__ import annotations

import pytest

from pipeline.ingest.normalise import display_width, normalise_line, normalise_text

FOLDS = [
    # full-width digits, letters and ％
    ("５００万元", "500万元"),
    ("ＧＤＰ增长６．５％", "GDP增长6.5%"),
    ("２０１９－２０２１年", "2019-2021年"),
    ("ｗｗｗ．ｇｏｖ．ｃｎ", "www.gov.cn"),
    ("ｓｚｍｍａ＠ｓｉｎａ．ｃｏｍ", "szmma@sina.com"),
    ("１，０００，０００元", "1,000,000元"),
    # look-alike code points from PDF fonts
    ("⼩微企业", "小微企业"),  # U+2F29 KANGXI RADICAL SMALL
    ("⻓期⽀持", "长期支持"),  # U+2ED3 CJK RADICAL C-SIMPLIFIED LONG, U+2F40 KANGXI RADICAL BRANCH
    ("⺠营经济", "民营经济"),  # U+2EA0 CJK RADICAL CIVILIAN
    ("\uf9dc政", "隆政"),  # U+F9DC CJK COMPATIBILITY IDEOGRAPH → 隆
    # invisible characters and odd spaces
    ("\ufeff关于\u200b印发", "关于印发"),
    ("\u3000\u3000为加快推进", "为加快推进"),  # ideographic-space indentation
    ("对年度\u00a0500\u00a0万元", "对年度500万元"),
    # spaces around numbers are typesetting artefacts (seed 004)
    ("全年进出口总量 500 万元人民币", "全年进出口总量500万元人民币"),
    ("达 5 亿元", "达5亿元"),
    ("每 1 美元再增加奖励 0.02 元人民币", "每1美元再增加奖励0.02元人民币"),
    ("市中政办字〔2019〕16 号", "市中政办字〔2019〕16号"),
    ("2020 年 9 月 24 日", "2020年9月24日"),
    ("每次展位费再补助 30 %", "每次展位费再补助30%"),
    ("世界 500 强", "世界500强"),
    ("按 30% 的比例", "按30%的比例"),
    ("0 .02 元", "0.02元"),
    # a space inside a 《title》 is a line-break artefact of the title (seed 004)
    (
        "关于印发《中共市中区委员会 关于深化改革创新全面提升对外开放水平的 实施意见》的通知",
        "关于印发《中共市中区委员会关于深化改革创新全面提升对外开放水平的实施意见》的通知",
    ),
    # spaces beside Chinese punctuation carry nothing
    ("各镇街 ， 区直各部门 ：", "各镇街，区直各部门："),
]

UNCHANGED = [
    "各镇街，区直各部门（单位）、专业公司、企业：",  # Chinese punctuation stays Chinese
    "2019年-2021年",
    "《实施方案》（2019年—2021年）",
    "中共市中区委 市中区人民政府",  # issuers side by side: the space separates two names
    "姓  名：",  # label alignment is kept (see normalise.yaml: drop_spaces)
    "加快布局5G 基站",  # Latin/CJK spacing is left alone
    "按照 LPR（实际利率低于 LPR 的，按照实际利率）",
    "第1，2项",  # ，between digits is only a thousands separator before exactly three digits
    "电话：0531-12345678",
    "WHO 等国际机构",
    "“一带一路”",
    "（一）",
    "一．总体要求",  # ．after a Chinese numeral is Chinese punctuation
    # form blanks (3+ spaces) are content: a plan checker must see an unfilled field
    "（    年）",
    "经手人：          审批人：",
    "申报人数：     人",
    "年   月   日",
    "－－专栏",
]


@pytest.mark.parametrize(("raw", "expected"), FOLDS)
def test_normalise_folds(raw: str, expected: str) -> None:
    assert normalise_line(raw) == expected


@pytest.mark.parametrize("text", UNCHANGED)
def test_normalise_leaves_alone(text: str) -> None:
    assert normalise_line(text) == text


def test_normalise_does_not_nfkc_chinese_punctuation() -> None:
    text = "一、总体要求：坚持“稳中求进”，（一）到2025年；完成！"
    assert normalise_line(text) == text


def test_normalise_text_unifies_newlines() -> None:
    assert normalise_text("第一行\r\n第二行\r第三行\n") == "第一行\n第二行\n第三行\n"


def test_normalise_private_use_at_line_end_removed() -> None:
    # bulk/lawrefbook 01574: "…产业化。" followed by two U+E5F9 glyphs hid the full stop
    assert normalise_line("推进重大科技成果产业化。\ue5f9\ue5f9") == "推进重大科技成果产业化。"


@pytest.mark.parametrize(("text", "width"), [("abc", 3), ("中文", 4), ("5G 基站", 7), ("（一）", 6)])
def test_normalise_display_width(text: str, width: int) -> None:
    assert display_width(text) == width
