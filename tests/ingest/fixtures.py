"""Builders of the binary test files (docx, pdf, images): known Chinese text goes in.

Tests compare what the readers return with the text written here, character
for character, so every constant below is the expected output too.
"""

from __future__ import annotations

from pathlib import Path

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")

# ----- docx ---------------------------------------------------------------------------------
TITLE = "关于开展数字化转型试点工作的通知"
HEADER_TEXT = "某某市人民政府办公室"
FOOTER_TEXT = "内部资料 注意保存"
TABLE_ROWS = [["项目名称", "补助金额", "备注"], ["智能工厂", "500万元", "一次性"], ["数字车间", "200万元", ""]]

# (style, numbering key or None, text): numbering keys refer to the lists built below
DOCX_BODY: list[tuple[str, str | None, str]] = [
    ("Heading 1", "cn", "总体要求"),
    ("Heading 2", "cn_paren", "工作目标"),
    ("Normal", None, "到2025年，全市规上工业企业数字化改造全覆盖。"),
    ("Normal", "dec", "完成企业摸底调查"),
    ("Normal", "dec", "建立试点项目库"),
    ("Heading 2", "cn_paren", "基本原则"),
    ("Normal", None, "坚持企业主体、政府引导。"),
    ("Heading 1", "cn", "主要任务"),
    ("Heading 2", "cn_paren", "加强组织领导"),
    ("TABLE", None, ""),
    ("Normal", "dec2", "成立工作专班"),
    ("Normal", "dec2", "定期调度"),
]
# what a reader sees: numbering labels rendered, level-2 counter restarted under 二、,
# the second decimal list restarted at 1 by a w:startOverride on its own numId
DOCX_EXPECTED: list[tuple[str, int | None, str]] = [
    ("heading", None, TITLE),
    ("heading", 1, "一、总体要求"),
    ("heading", 2, "（一）工作目标"),
    ("paragraph", None, "到2025年，全市规上工业企业数字化改造全覆盖。"),
    ("list_item", None, "1.完成企业摸底调查"),
    ("list_item", None, "2.建立试点项目库"),
    ("heading", 2, "（二）基本原则"),
    ("paragraph", None, "坚持企业主体、政府引导。"),
    ("heading", 1, "二、主要任务"),
    ("heading", 2, "（一）加强组织领导"),
    ("table", None, "项目名称\t补助金额\t备注\n智能工厂\t500万元\t一次性\n数字车间\t200万元\t"),
    ("list_item", None, "1.成立工作专班"),
    ("list_item", None, "2.定期调度"),
    ("heading", 3, "附件：试点申报表"),
    ("heading", 2, "联系人：张三"),
]


def _numbering_xml(document) -> None:
    """Add abstractNum/num definitions: 一、 / （一） (two levels of one list), 1. and a restart."""
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f"""<w:abstractNum {ns} w:abstractNumId="90">
          <w:multiLevelType w:val="multilevel"/>
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
            <w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
            <w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
        </w:abstractNum>"""
    )
    decimal = parse_xml(
        f"""<w:abstractNum {ns} w:abstractNumId="91">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
            <w:lvlText w:val="%1."/></w:lvl>
        </w:abstractNum>"""
    )
    nums = [
        parse_xml(f'<w:num {ns} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'),
        parse_xml(f'<w:num {ns} w:numId="91"><w:abstractNumId w:val="91"/></w:num>'),
        # the same decimal list again, restarted: "restart numbering" in Word writes this
        parse_xml(
            f"""<w:num {ns} w:numId="92"><w:abstractNumId w:val="91"/>
              <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"""
        ),
    ]
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    for el in (abstract, decimal):
        if first_num is not None:
            first_num.addprevious(el)
        else:
            numbering.append(el)
    for el in nums:
        numbering.append(el)


_NUM = {"cn": ("90", 0), "cn_paren": ("90", 1), "dec": ("91", 0), "dec2": ("92", 0)}


def _set_num(paragraph, num_id: str, ilvl: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    lvl = OxmlElement("w:ilvl")
    lvl.set(qn("w:val"), str(ilvl))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), num_id)
    num_pr.append(lvl)
    num_pr.append(nid)
    ppr.append(num_pr)


def build_docx(path: Path) -> Path:
    """A notice with Title, Heading 1/2 + numbering, decimal lists, a table, header/footer,
    a Chinese-named style "标题 3" and a paragraph with its own w:outlineLvl."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    _numbering_xml(document)
    document.add_paragraph(TITLE, style="Title")
    for style, key, text in DOCX_BODY:
        if style == "TABLE":
            table = document.add_table(rows=len(TABLE_ROWS), cols=len(TABLE_ROWS[0]))
            for r, row in enumerate(TABLE_ROWS):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            continue
        p = document.add_paragraph(text, style=style)
        if key:
            _set_num(p, *_NUM[key])
    cn_style = document.styles.add_style("标题 3", WD_STYLE_TYPE.PARAGRAPH)
    cn_style.base_style = document.styles["Normal"]
    document.add_paragraph("附件：试点申报表", style=cn_style)
    p = document.add_paragraph("联系人：张三")
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), "1")
    p._p.get_or_add_pPr().append(outline)
    section = document.sections[0]
    section.header.paragraphs[0].text = HEADER_TEXT
    section.footer.paragraphs[0].text = FOOTER_TEXT
    document.save(str(path))
    return path


def build_docx_paragraphs(path: Path, count: int) -> Path:
    """A long plain docx (benchmark): ``count`` body paragraphs, every tenth a numbered heading."""
    import docx

    document = docx.Document()
    _numbering_xml(document)
    for i in range(count):
        if i % 10 == 0:
            p = document.add_paragraph("重点任务", style="Heading 1")
            _set_num(p, "90", 0)
        else:
            document.add_paragraph(PDF_PARAGRAPHS[i % len(PDF_PARAGRAPHS)])
    document.save(str(path))
    return path


# ----- pdf ------------------------------------------------------------------------------------
PAGE_W, PAGE_H = 595.0, 842.0
MARGIN_L, MARGIN_R, MARGIN_TOP, MARGIN_BOTTOM = 72.0, 72.0, 72.0, 90.0
SIZE = 12.0
LEADING = 20.0

PDF_PARAGRAPHS = [
    "为深入贯彻落实国家关于推进制造业数字化转型的决策部署，加快推动我市产业转型升级，经市政府同意，现就开展数字化转型试点工作有关事项通知如下。",
    "一、总体要求",
    "坚持企业主体、政府引导、分类施策的原则，聚焦重点行业和关键环节，培育一批可复制可推广的典型案例，形成以点带面的示范效应。",
    "对年度实际投资额达到500万元以上的项目，按照设备投资额的10%给予补助，单个项目最高不超过300万元。",
    "二、申报条件",
    "申报单位应当在本市依法注册登记，具有独立法人资格，财务管理制度健全，近三年内未发生重大安全生产事故和环境污染事件，未被列入严重失信主体名单。",
    "三、申报材料",
    "申报单位应当按照要求如实填写申报书，并提供营业执照复印件、项目可行性研究报告、上一年度财务审计报告以及其他能够证明项目实施成效的相关材料。",
]


def _font_name() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(FONT), subfontIndex=0))
    return "WQY"


def _wrap(text: str, width: float, indent: int, size: float = SIZE) -> list[str]:
    """Greedy wrap by measured width (digits are half as wide as Chinese characters)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = _font_name()
    lines: list[str] = []
    avail = width - indent * size
    cur = ""
    for ch in text:
        if cur and stringWidth(cur + ch, font, size) > avail + 0.01:
            lines.append(cur)
            cur, avail = "", width
        cur += ch
    if cur:
        lines.append(cur)
    return lines


class _Flow:
    """A tiny typesetter: paragraphs into a column, new page (and page number) when full."""

    def __init__(self, canvas, x0: float, x1: float, page_numbers: bool = True) -> None:
        self.c = canvas
        self.x0, self.x1 = x0, x1
        self.y = PAGE_H - MARGIN_TOP
        self.page = 1
        self.page_numbers = page_numbers
        self.c.setFont(_font_name(), SIZE)

    def new_page(self) -> None:
        self.finish_page()
        self.c.showPage()
        self.c.setFont(_font_name(), SIZE)
        self.page += 1
        self.y = PAGE_H - MARGIN_TOP

    def finish_page(self) -> None:
        if self.page_numbers:
            self.c.setFont(_font_name(), 10.5)
            self.c.drawCentredString(PAGE_W / 2, 50, f"— {self.page} —")
            self.c.setFont(_font_name(), SIZE)

    def paragraph(self, text: str, *, heading: bool = False) -> None:
        indent = 0 if heading or text[:2] in ("一、", "二、", "三、") else 2
        for i, line in enumerate(_wrap(text, self.x1 - self.x0, indent)):
            if self.y < MARGIN_BOTTOM:
                self.new_page()
            x = self.x0 + (indent * SIZE if i == 0 else 0)
            self.c.drawString(x, self.y, line)
            self.y -= LEADING


def build_text_pdf(path: Path, paragraphs: list[str] | None = None, *, repeat: int = 1) -> Path:
    """Single-column A4 pages, page numbers "— n —" at the bottom, paragraphs crossing pages."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    flow = _Flow(c, MARGIN_L, PAGE_W - MARGIN_R)
    for _ in range(repeat):
        for text in paragraphs or PDF_PARAGRAPHS:
            flow.paragraph(text)
    flow.finish_page()
    c.save()
    return path


def build_crossing_pdf(path: Path) -> tuple[Path, str]:
    """Two pages where the long paragraph is cut by the page break (with a page number between)."""
    filler = PDF_PARAGRAPHS[5]
    crossing = PDF_PARAGRAPHS[7]
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    flow = _Flow(c, MARGIN_L, PAGE_W - MARGIN_R)
    # fill page 1 so that only two lines remain: the next paragraph (4 lines) must cross
    while flow.y - 5 * LEADING >= MARGIN_BOTTOM:
        flow.paragraph(filler)
    while flow.y - 2 * LEADING >= MARGIN_BOTTOM:
        flow.paragraph("二、申报条件", heading=True)
    flow.paragraph(crossing)
    flow.paragraph("四、其他事项", heading=True)
    flow.finish_page()
    c.save()
    return path, crossing


TWO_COLUMN_TITLE = "试点工作简报"
LEFT_COLUMN = ["本期要点：各区县按照统一部署，全面启动试点申报工作，累计受理企业申报材料一百二十份。",
               "下一步，市工信局将组织专家开展评审，择优确定首批试点企业名单。"]
RIGHT_COLUMN = ["典型经验：部分企业通过建设工业互联网平台，实现了生产设备联网率和数据采集率的显著提升。",
                "各地要及时总结经验做法，报送典型案例。"]


def build_two_column_pdf(path: Path) -> Path:
    """A full-width title over two columns; the right column is drawn FIRST in the content
    stream, so content order is not reading order."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    font = _font_name()
    c.setFont(font, 16)
    c.drawCentredString(PAGE_W / 2, PAGE_H - 60, TWO_COLUMN_TITLE)
    gutter = 24.0
    col_w = (PAGE_W - MARGIN_L - MARGIN_R - gutter) / 2
    right = _Flow(c, MARGIN_L + col_w + gutter, PAGE_W - MARGIN_R, page_numbers=False)
    right.y = PAGE_H - 100
    for text in RIGHT_COLUMN:
        right.paragraph(text)
    left = _Flow(c, MARGIN_L, MARGIN_L + col_w, page_numbers=False)
    left.y = PAGE_H - 100
    for text in LEFT_COLUMN:
        left.paragraph(text)
    c.save()
    return path


TABLE_INTRO = "附件：试点项目汇总表"
TABLE_AFTER = "以上项目按申报顺序排列。"


def build_table_pdf(path: Path) -> Path:
    """A paragraph, a bordered 3x3 table, a paragraph."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    font = _font_name()
    c.setFont(font, SIZE)
    c.drawString(MARGIN_L, PAGE_H - 80, TABLE_INTRO)
    col_w, row_h = 150.0, 28.0
    top = PAGE_H - 110
    for r, row in enumerate(TABLE_ROWS):
        for col, cell in enumerate(row):
            x = MARGIN_L + col * col_w
            y = top - (r + 1) * row_h
            c.rect(x, y, col_w, row_h)
            c.drawString(x + 6, y + 9, cell)
    c.drawString(MARGIN_L, top - len(TABLE_ROWS) * row_h - 30, TABLE_AFTER)
    c.save()
    return path


KANGXI_LINE = "中⼩企业数字化改造补助资金管理办法"  # U+2F29 KANGXI RADICAL SMALL, as some PDF fonts emit
KANGXI_EXPECTED = "中小企业数字化改造补助资金管理办法"


def build_kangxi_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont(_font_name(), SIZE)
    c.drawString(MARGIN_L, PAGE_H - 80, KANGXI_LINE)
    c.save()
    return path


def build_encrypted_pdf(path: Path, user_password: str = "user-secret") -> Path:
    """Encrypted; with an empty user password it opens without one (only copying/printing is
    restricted), as many published notices are."""
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    enc = StandardEncryption(user_password, "owner-secret", canPrint=0)
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), encrypt=enc)
    c.setFont(_font_name(), SIZE)
    c.drawString(MARGIN_L, PAGE_H - 80, "保密文件")
    c.save()
    return path


def build_truncated_pdf(path: Path, whole: Path) -> Path:
    data = whole.read_bytes()
    path.write_bytes(data[: len(data) * 6 // 10])
    return path


# ----- images / scans --------------------------------------------------------------------------
OCR_LINES = ["关于开展试点工作的通知", "各区县人民政府，市直各部门：", "现将试点工作方案印发给你们，请认真贯彻执行。"]


def render_text_png(path: Path, lines: list[str] = OCR_LINES, *, size: int = 40) -> Path:
    """Clean black-on-white text lines, ~200 dpi scale (40 px ≈ 14 pt)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), size, index=0)
    width = max(int(font.getlength(t)) for t in lines) + 160
    height = len(lines) * int(size * 2) + 160
    img = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(img)
    y = 80
    for t in lines:
        draw.text((80, y), t, fill="black", font=font)
        y += int(size * 2)
    img.save(path)
    return path


def build_scanned_pdf(path: Path, png: Path) -> Path:
    """An image-only page (no text layer): the PNG drawn over an A4 page."""
    from PIL import Image
    from reportlab.pdfgen import canvas

    with Image.open(png) as img:
        w_px, h_px = img.size
    # 200 dpi: pixels → points
    w_pt, h_pt = w_px * 72 / 200, h_px * 72 / 200
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.drawImage(str(png), 40, PAGE_H - 40 - h_pt, w_pt, h_pt)
    c.save()
    return path


def copy_of(src: Path, dst: Path) -> Path:
    dst.write_bytes(src.read_bytes())
    return dst






MIXED_TEXT_PAGE = "第一页有文字层，不需要识别。"


def build_mixed_pdf(path: Path, png: Path) -> Path:
    """Page 1 has a text layer; page 2 is only an image (a scanned signature page)."""
    from PIL import Image
    from reportlab.pdfgen import canvas

    with Image.open(png) as img:
        w_px, h_px = img.size
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont(_font_name(), SIZE)
    c.drawString(MARGIN_L, PAGE_H - 80, MIXED_TEXT_PAGE)
    c.showPage()
    w_pt, h_pt = w_px * 72 / 200, h_px * 72 / 200
    c.drawImage(str(png), 40, PAGE_H - 40 - h_pt, w_pt, h_pt)
    c.save()
    return path


RTF_PARAGRAPHS = ["关于做好年度申报工作的通知", "一、申报时间", "申报截止日期为2024年3月31日，逾期不予受理。"]


def build_rtf(path: Path) -> Path:
    """A hand-written RTF (as older Word and WPS write it): GBK code page, \\uN escapes."""

    def esc(text: str) -> str:
        return "".join(ch if ord(ch) < 128 else f"\\u{ord(ch) if ord(ch) < 32768 else ord(ch) - 65536}?"
                       for ch in text)

    body = "".join(f"\\pard\\plain {esc(t)}\\par\n" for t in RTF_PARAGRAPHS)
    path.write_text(
        "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}\n" + body + "}\n",
        encoding="ascii",
    )
    return path


def convert_with_soffice(src: Path, fmt: str, outdir: Path, profile: Path) -> Path:
    """Make a .doc/.odt from a .docx with LibreOffice (test set-up, not the code under test)."""
    import subprocess

    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", fmt,
         "--outdir", str(outdir), str(src)],
        check=True, capture_output=True, timeout=180,
    )
    return outdir / f"{src.stem}.{fmt}"


ROTATED_LINES = ["横向页面上的第一段文字，内容较长，需要折行才能排完，折行以后的第二行从左边距开始排。",
                 "第二段文字首行缩进两个字。"]


def build_rotated_pdf(path: Path) -> Path:
    """A landscape page made as a portrait page with /Rotate 90 and text drawn turned by
    90° in user space, so that it reads upright when displayed (how many scanners and
    "print to PDF" drivers store landscape tables)."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setPageRotation(90)
    c.rotate(90)  # user (x, y) = (-v, u): displayed X = u, displayed Y (down) = -v
    c.setFont(_font_name(), SIZE)
    y = 80.0
    for text in ROTATED_LINES:
        for i, line in enumerate(_wrap(text, 360.0, 2)):
            c.drawString(MARGIN_L + (2 * SIZE if i == 0 else 0), -y, line)
            y += LEADING
    c.save()
    return path


# what Word writes for edits, links, fields, text boxes and merged cells
TRICKY_EXPECTED = [
    ("paragraph", "申报截止时间为2024年3月31日。"),  # tracked: 2月 deleted, 3月 inserted
    ("paragraph", "详见市工信局网站通知公告栏。"),  # "市工信局网站" is a hyperlink
    ("paragraph", "联系人：张三"),  # followed by a hidden run (w:vanish)
    ("paragraph", "本通知共3页。"),  # "3" is a NUMPAGES field result
    ("paragraph", "红头文件标志"),  # the anchor paragraph of the text box
    ("paragraph", "某某市经济和信息化局文件"),  # the text box, once (not its VML fallback copy)
    # vMerge: 智能工厂 spans rows 2-3 (its text in the first); gridSpan: 合计 spans both columns
    ("table", "项目\t金额\n智能工厂\t500万元\n\t300万元\n合计800万元\t"),
]

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_TRICKY_XML = [
    f"""<w:p {_W}><w:r><w:t>申报截止时间为2024年</w:t></w:r>
      <w:del w:id="1" w:author="a"><w:r><w:delText>2月</w:delText></w:r></w:del>
      <w:ins w:id="2" w:author="a"><w:r><w:t>3月</w:t></w:r></w:ins>
      <w:r><w:t>31日。</w:t></w:r></w:p>""",
    f"""<w:p {_W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
      <w:r><w:t>详见</w:t></w:r><w:hyperlink r:id="rIdX"><w:r><w:t>市工信局网站</w:t></w:r></w:hyperlink>
      <w:r><w:t>通知公告栏。</w:t></w:r></w:p>""",
    f"""<w:p {_W}><w:r><w:t>联系人：张三</w:t></w:r>
      <w:r><w:rPr><w:vanish/></w:rPr><w:t>（内部备注：勿公开）</w:t></w:r></w:p>""",
    f"""<w:p {_W}><w:r><w:t>本通知共</w:t></w:r>
      <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> NUMPAGES </w:instrText></w:r>
      <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>
      <w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页。</w:t></w:r></w:p>""",
    f"""<w:p {_W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
         xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
         xmlns:v="urn:schemas-microsoft-com:vml">
      <w:r><w:t>红头文件标志</w:t></w:r>
      <w:r><mc:AlternateContent>
        <mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>
          <w:p><w:r><w:t>某某市经济和信息化局文件</w:t></w:r></w:p>
        </w:txbxContent></wps:txbx></w:drawing></mc:Choice>
        <mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>
          <w:p><w:r><w:t>某某市经济和信息化局文件</w:t></w:r></w:p>
        </w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
      </mc:AlternateContent></w:r></w:p>""",
]


def build_docx_tricky(path: Path) -> Path:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    body = document.element.body
    sect = body[-1]  # w:sectPr stays last
    for xml in _TRICKY_XML:
        sect.addprevious(parse_xml(xml))
    table = document.add_table(rows=4, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目", "金额"
    table.cell(1, 0).text, table.cell(1, 1).text = "智能工厂", "500万元"
    table.cell(2, 1).text = "300万元"
    table.cell(1, 0).merge(table.cell(2, 0))  # vertical merge: the text stays in the first cell
    table.cell(3, 0).merge(table.cell(3, 1)).text = "合计800万元"
    document.save(str(path))
    return path


LONG_HEADINGS = ["一、总体要求", "二、申报条件", "三、申报材料", "四、评审程序", "五、资金管理", "六、其他事项"]
LONG_BODY = [t for t in PDF_PARAGRAPHS if len(t) > 20]


def long_docx_expected() -> list[str]:
    out = [TITLE]
    for heading in LONG_HEADINGS:
        out.append(heading)
        out.extend(LONG_BODY)
    return out


def build_long_docx(path: Path) -> Path:
    """Several pages of justified, first-line-indented paragraphs with a running header and
    a PAGE field in the footer — for a PDF made from it by a real producer (LibreOffice)."""
    import docx
    from docx.oxml import parse_xml
    from docx.shared import Pt

    document = docx.Document()
    document.add_paragraph(TITLE, style="Title")
    for heading in LONG_HEADINGS:
        document.add_paragraph(heading, style="Heading 1")
        for text in LONG_BODY:
            p = document.add_paragraph(text)
            p.paragraph_format.first_line_indent = Pt(22)
            p.alignment = 3  # justify
    section = document.sections[0]
    section.header.paragraphs[0].text = HEADER_TEXT
    footer = section.footer.paragraphs[0]
    footer.alignment = 1
    footer._p.append(
        parse_xml(
            '<w:fldSimple xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
        )
    )
    document.save(str(path))
    return path


STYLE_NUMBERED = [("Heading 1", "总体要求"), ("Heading 2", "工作目标"), ("Heading 2", "基本原则"),
                  ("Heading 1", "保障措施"), ("Heading 2", "加强领导")]
STYLE_NUMBERED_EXPECTED = ["一、总体要求", "（一）工作目标", "（二）基本原则", "二、保障措施", "（一）加强领导"]


def build_docx_style_numbering(path: Path) -> Path:
    """Numbering bound to the heading styles (w:numPr in the style, as Word's "link level to
    style" writes it), with no w:numPr on the paragraphs themselves."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    _numbering_xml(document)
    for style_name, ilvl in (("Heading 1", None), ("Heading 2", 1)):
        ppr = document.styles[style_name].element.get_or_add_pPr()
        num_pr = OxmlElement("w:numPr")
        if ilvl is not None:
            lvl = OxmlElement("w:ilvl")
            lvl.set(qn("w:val"), str(ilvl))
            num_pr.append(lvl)
        nid = OxmlElement("w:numId")
        nid.set(qn("w:val"), "90")
        num_pr.append(nid)
        ppr.append(num_pr)
    for style_name, text in STYLE_NUMBERED:
        document.add_paragraph(text, style=style_name)
    document.save(str(path))
    return path


ATTACHMENT_PAGES = [("附件1", "试点企业申报书"), ("附件2", "项目投资明细表"), ("附件3", "承诺书")]


def build_attachments_pdf(path: Path) -> Path:
    """Each attachment starts a page with "附件N" high on the page, where a running header
    would sit (Word's default 2.54 cm top margin)."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    for i, (label, title) in enumerate(ATTACHMENT_PAGES):
        if i:
            c.showPage()
        c.setFont(_font_name(), 16)
        c.drawString(MARGIN_L, PAGE_H - 66, label)
        c.drawCentredString(PAGE_W / 2, PAGE_H - 110, title)
        c.setFont(_font_name(), SIZE)
        c.drawString(MARGIN_L + 2 * SIZE, PAGE_H - 150, "（内容略）")
    c.save()
    return path


SCAN_LABEL = "附件2"


def build_labelled_scan_pdf(path: Path, png: Path) -> Path:
    """A scanned form page with a short real text-layer label above the image."""
    from PIL import Image
    from reportlab.pdfgen import canvas

    with Image.open(png) as img:
        w_px, h_px = img.size
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont(_font_name(), 16)
    c.drawString(MARGIN_L, PAGE_H - 110, SCAN_LABEL)
    w_pt, h_pt = w_px * 72 / 200, h_px * 72 / 200
    c.drawImage(str(png), 40, PAGE_H - 140 - h_pt, w_pt, h_pt)
    c.save()
    return path


TIFF_PAGES = [["第一页：申报通知"], ["第二页：申报材料清单"]]


def build_multipage_tiff(path: Path, tmp: Path) -> Path:
    """Two scanned pages in one TIFF, as a fax server or a sheet-feed scanner writes them."""
    from PIL import Image

    frames = []
    for i, lines in enumerate(TIFF_PAGES):
        png = render_text_png(tmp / f"tiff-page-{i}.png", lines)
        with Image.open(png) as img:
            frames.append(img.convert("RGB"))
    frames[0].save(path, save_all=True, append_images=frames[1:], compression="tiff_deflate")
    return path


FAKE_BOLD_HEADING = "一、总体要求"
FAKE_BOLD_BODY = "坚持企业主体、政府引导。"


def build_fake_bold_pdf(path: Path) -> Path:
    """A heading made "bold" the WPS way: every character drawn twice, 0.4 pt apart."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont(_font_name(), SIZE)
    for dx in (0.0, 0.4):
        c.drawString(MARGIN_L + dx, PAGE_H - 80, FAKE_BOLD_HEADING)
    c.drawString(MARGIN_L + 2 * SIZE, PAGE_H - 100, FAKE_BOLD_BODY)
    c.save()
    return path


# ----- a 公文 laid out as GB/T 9704 prescribes -----------------------------------------------
GW_BANNER = "某某市人民政府文件"
GW_NUMBER = "某政发〔2024〕5号"
GW_TITLE = ["某某市人民政府关于印发数字化转型", "试点工作方案的通知"]
GW_RECIPIENTS = "各区县人民政府，市政府各部门："
GW_BODY = [PDF_PARAGRAPHS[0], "一、总体要求", PDF_PARAGRAPHS[2], PDF_PARAGRAPHS[3], "二、申报条件",
           PDF_PARAGRAPHS[5], PDF_PARAGRAPHS[7], PDF_PARAGRAPHS[5], PDF_PARAGRAPHS[7]]
GW_SIGNATURE = ["某某市人民政府", "2024年3月1日"]


def gongwen_expected() -> list[str]:
    return [GW_BANNER, GW_NUMBER, "".join(GW_TITLE), GW_RECIPIENTS, *GW_BODY, *GW_SIGNATURE]


def build_gongwen_pdf(path: Path) -> tuple[Path, int]:
    """Type area 156 x 225 mm from 37 mm top / 28 mm left, 16 pt text, 28 characters x 22
    lines, two-character indents (headings too), a 2-line centred title, page numbers
    "— n —" at the outer edge (right on odd pages, left on even), signature and date set
    right. Returns the path and the page count."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    size, pitch = 16.0, 225 * mm / 22
    left, width = 28 * mm, 28 * 16.0
    right = left + width
    top = PAGE_H - 37 * mm
    font = _font_name()
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    state = {"y": top - size, "page": 1}

    def page_number() -> None:
        c.setFont(font, 14)
        label = f"— {state['page']} —"
        if state["page"] % 2:
            c.drawRightString(right - 14, 28 * mm, label)
        else:
            c.drawString(left + 14, 28 * mm, label)

    def line(
        text: str, x: float, *, font_size: float = size, centred: bool = False, step: float = pitch
    ) -> None:
        if state["y"] < PAGE_H - 37 * mm - 225 * mm:
            page_number()
            c.showPage()
            state["page"] += 1
            state["y"] = top - size
        c.setFont(font, font_size)
        if centred:
            c.drawCentredString(left + width / 2, state["y"], text)
        else:
            c.drawString(x, state["y"], text)
        state["y"] -= step

    line(GW_BANNER, 0, font_size=36, centred=True, step=60)
    line(GW_NUMBER, 0, centred=True, step=2 * pitch)
    for part in GW_TITLE:
        line(part, 0, font_size=22, centred=True, step=30)
    state["y"] -= pitch
    line(GW_RECIPIENTS, left)
    for text in GW_BODY:
        for i, part in enumerate(_wrap(text, width, 2, size)):
            line(part, left + (2 * size if i == 0 else 0))
    state["y"] -= pitch
    c.setFont(font, size)
    for text in GW_SIGNATURE:
        x = right - 4 * size - len(text) * size if not text[0].isdigit() else right - 4 * size - 10 * size
        line(text, x)
    page_number()
    c.save()
    return path, state["page"]
