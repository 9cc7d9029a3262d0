"""Build the demo dossiers in ``dossiers/`` from TRAIN gold plans (never test ones).

Five applicants, each a different shape of what counties really send:
  泓川县/     txt plan + a 请示 letter (complete plan)
  莘垣市/     plan as .docx with a file name that does not say 方案, plus the annual
              plan and the 申请表 as separate files (the dossier supplies what the plan lacks)
  芦湾区/     plan as PDF, an enterprise list, and a corrupt scan (must be listed, not fatal)
  杞原县/     a short memo-style plan
  鹤鸣县.zip  a zip whose member names are GBK-encoded (as Windows zip tools write them),
              with the analysis report as a separate annex
Deterministic; the output is committed. Usage: .venv/bin/python corpora/samples/build_samples.py
"""

from __future__ import annotations

import importlib.util
import shutil
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLANS = HERE.parent / "plans"
OUT = HERE / "dossiers"

_spec = importlib.util.spec_from_file_location("plans_build", PLANS / "build.py")
build = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(build)  # type: ignore[union-attr]


def items_of(text: str) -> list[tuple[str, object]]:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return [("title", lines[0])] + [("p", ln) for ln in lines[1:]]


REQUEST = """关于申报第二批山东省外贸转型升级试点县的请示

市商务局、市财政局：
根据《关于开展第二批山东省外贸转型升级试点县（市、区）认定工作的通知》要求，经县政府同意，我县申报第二批省级外贸转型升级试点县。现将《泓川县外贸转型升级试点县实施方案（2019年-2021年）》及相关材料报上，请予审核推荐。

泓川县商务局  泓川县财政局
2019年8月20日
"""

ANNUAL = """莘垣市外贸转型升级试点年度工作计划（2019年-2021年）

2019年：出台《若干政策》，启动全钢子午胎智能工厂和东南亚海外仓项目，全市进出口总额达到138亿元。
2020年：建成海外仓3个、智能工厂7家，跨境电商产业园投入运营，进出口总额达到144亿元。
2021年：完成全部重点项目建设，开展试点总结评估，进出口总额达到150亿元。
"""

FORM = [
    ("title", "外贸转型升级试点县申请表"),
    ("p", "申报单位：莘垣市人民政府"),
    ("p", "特色产业：轮胎及橡胶制品"),
    ("p", "2018年进出口额：131亿元，增长4.8%"),
    ("p", "2019年上半年进出口增幅：12.6%，居全市第二位"),
    ("p", "联系人：高志强  0536-5210987"),
    ("p", "市政府意见：同意申报。"),
]

COMPANIES = """芦湾区主要外贸企业名单及经营状况（2016年以来）

1. 芦湾精模科技有限公司：2018年销售收入12.6亿元，出口6.1亿元，利税1.3亿元。
2. 芦湾电子股份有限公司：2018年销售收入31.2亿元，出口22.4亿元，利税2.8亿元。
3. 芦湾综合保税区运营公司：2018年保税维修业务额3.5亿元。
"""

ANALYSIS = """附件2 近三年外贸运行情况分析报告（2016年-2018年）

2016年全县发制品出口8.6亿元，2017年10.1亿元，增长17.4%，2018年12.4亿元，增长22.8%。
出口市场以非洲和北美为主，非洲市场占比由38%提高到46%；跨境电商出口占比由5%提高到15%。
主要问题是原料价格上涨、染色环节环保压力较大、自主品牌影响力不足。
"""


class GBKInfo(zipfile.ZipInfo):
    """A zip member whose name is stored in GBK without the UTF-8 flag (Windows zip tools do this)."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("gbk"), self.flag_bits & ~0x800


def main() -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)

    d = OUT / "泓川县"
    d.mkdir()
    (d / "1.申报请示.txt").write_text(REQUEST, encoding="utf-8")
    shutil.copy(PLANS / "p01_hongchuan_complete.txt", d / "2.实施方案.txt")

    d = OUT / "莘垣市"
    d.mkdir()
    build.build_docx(
        items_of((PLANS / "p09_xinyuan_no_annual_plan.txt").read_text(encoding="utf-8")),
        d / "莘垣市申报材料.docx",
        styles=False,
    )
    (d / "附件2 年度工作计划.txt").write_text(
        ANNUAL, encoding="gb18030"
    )  # a GBK text file, as Windows saves it
    build.build_pdf(FORM, d / "附件1 申请表.pdf")

    d = OUT / "芦湾区"
    d.mkdir()
    build.build_pdf(
        items_of((PLANS / "p10_luwan_no_mechanism.txt").read_text(encoding="utf-8")), d / "芦湾区方案.pdf"
    )
    (d / "企业名单.txt").write_text(COMPANIES, encoding="utf-8")
    # a scan that was cut off during upload: a PDF header and nothing else usable
    (d / "证明材料扫描件.pdf").write_bytes(
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n%%trunc"
    )

    d = OUT / "杞原县"
    d.mkdir()
    shutil.copy(PLANS / "p16_zhuyuan_short.txt", d / "杞原县.txt")

    with zipfile.ZipFile(OUT / "鹤鸣县.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in (
            ("鹤鸣县/实施方案.txt", (PLANS / "p21_heming_mixed_gaps.txt").read_bytes()),
            ("鹤鸣县/附件2 近三年外贸运行情况分析报告.txt", ANALYSIS.encode("utf-8")),
        ):
            info = GBKInfo(name, date_time=build.FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    for p in sorted(OUT.rglob("*")):
        if p.is_file():
            print(p.relative_to(HERE), p.stat().st_size)


if __name__ == "__main__":
    main()
