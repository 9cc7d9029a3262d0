"""Word .docx: body paragraphs and tables in reading order, headings, numbering.

python-docx opens the package and gives us the parts; we walk the XML of the
body ourselves because python-docx's ``paragraphs`` and ``tables`` lists lose
the order between them, its ``Paragraph.text`` skips runs inside tracked
insertions, content controls and fields, and it knows nothing of automatic
numbering — the "一、" a reader sees before 总体要求 lives in numbering.xml
(see ``docx_numbering``).

Paragraphs in a .docx are real paragraphs, so the builder is told not to
re-join lines (``rejoin=False``). Headers and footers become furniture, kept
out of the text. Text boxes (common for red-head 文件 banners) follow the
paragraph that anchors them.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.config import Limits
from pipeline.errors import CorruptFileError, EncryptedFileError, ResourceLimitError
from pipeline.ingest.builder import DocumentBuilder
from pipeline.ingest.docx_numbering import NumberingState, parse_numbering, w
from pipeline.model import BlockKind, Document, Source

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_TITLE_NAMES = {"title", "标题"}
# an OLE compound file: a legacy .doc, or an encrypted .docx (EncryptedPackage stream inside)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(slots=True)
class _Style:
    name: str
    based_on: str | None
    outline: int | None  # 0-based w:outlineLvl; 9 = body text
    num_id: str | None
    ilvl: int | None


class _Styles:
    """Paragraph styles by id, with inheritance (w:basedOn) resolved on lookup."""

    def __init__(self, root: Any | None) -> None:
        self.by_id: dict[str, _Style] = {}
        if root is None:
            return
        for st in root.iter(w("style")):
            sid = st.get(w("styleId"))
            if sid is None:
                continue
            ppr = st.find(w("pPr"))
            num = ppr.find(w("numPr")) if ppr is not None else None
            outline = ppr.find(w("outlineLvl")) if ppr is not None else None
            name_el = st.find(w("name"))
            based = st.find(w("basedOn"))
            self.by_id[sid] = _Style(
                name=name_el.get(w("val"), sid) if name_el is not None else sid,
                based_on=based.get(w("val")) if based is not None else None,
                outline=_int_or_none(outline.get(w("val"))) if outline is not None else None,
                num_id=_child_val(num, "numId"),
                ilvl=_int_or_none(_child_val(num, "ilvl")),
            )

    def chain(self, sid: str | None) -> Iterator[_Style]:
        seen: set[str] = set()
        while sid and sid in self.by_id and sid not in seen:
            seen.add(sid)
            st = self.by_id[sid]
            yield st
            sid = st.based_on

    def name(self, sid: str | None) -> str | None:
        from docx.styles import BabelFish

        # Word stores built-in names in lower case ("heading 1") and shows "Heading 1"
        return BabelFish.internal2ui(self.by_id[sid].name) if sid in self.by_id else sid

    def outline(self, sid: str | None) -> int | None:
        for st in self.chain(sid):
            m = _HEADING_NAME.match(st.name.strip())
            if m:
                return int(m.group(1)) - 1
            if st.outline is not None:
                return st.outline
        return None

    def numbering(self, sid: str | None) -> tuple[str | None, int | None]:
        for st in self.chain(sid):
            if st.num_id is not None:
                return st.num_id, st.ilvl
        return None, None

    def style_num_table(self) -> dict[str, tuple[str | None, int | None]]:
        return {sid: (st.num_id, st.ilvl) for sid, st in self.by_id.items() if st.num_id}


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _child_val(el: Any | None, tag: str) -> str | None:
    if el is None:
        return None
    child = el.find(w(tag))
    return child.get(w("val")) if child is not None else None


# ----- text of one paragraph ------------------------------------------------------
_SKIP_CONTAINERS = {w("del"), w("moveFrom"), _MC + "Fallback", w("txbxContent")}


def paragraph_text(p: Any) -> str:
    """The visible text of a w:p: runs in order, inside hyperlinks, insertions, fields, controls.

    Deleted text (tracked changes), field codes (w:instrText) and the text of
    text boxes anchored in the paragraph are not part of it.
    """
    out: list[str] = []
    for el in p.iter(w("t"), w("tab"), w("br"), w("cr"), w("noBreakHyphen"), w("sym")):
        if _hidden(el, p):
            continue
        tag = el.tag
        if tag == w("t"):
            out.append(el.text or "")
        elif tag == w("tab"):
            if el.getparent() is not None and el.getparent().tag == w("r"):
                out.append("\t")
        elif tag in (w("br"), w("cr")):
            if el.get(w("type")) in (None, "textWrapping"):
                out.append("\n")
        elif tag == w("noBreakHyphen"):
            out.append("-")
        elif tag == w("sym"):
            char = el.get(w("char"), "")
            try:
                code = int(char, 16)
            except ValueError:
                continue
            # symbol-font code points (F0xx) have no Unicode meaning; keep real characters only
            if not 0xF000 <= code <= 0xF0FF:
                out.append(chr(code))
    return "".join(out)


def _hidden(el: Any, p: Any) -> bool:
    node = el.getparent()
    while node is not None and node is not p:
        if node.tag in _SKIP_CONTAINERS or node.tag == w("p"):
            return True
        if node.tag == w("r") and _vanished(node.find(w("rPr"))):
            return True  # hidden text (w:vanish): not shown, not printed
        node = node.getparent()
    return False


def _vanished(rpr: Any | None) -> bool:
    if rpr is None:
        return False
    v = rpr.find(w("vanish"))
    return v is not None and v.get(w("val"), "true") not in ("0", "false", "off")


def _mark_hidden(ppr: Any | None) -> bool:
    """A paragraph whose mark is hidden shows no number (Word's way of hiding a list item)."""
    return ppr is not None and _vanished(ppr.find(w("rPr")))


def _text_boxes(p: Any) -> Iterator[Any]:
    """Paragraphs of text boxes anchored in ``p`` (the mc:Fallback copy is skipped)."""
    for box in p.iter(w("txbxContent")):
        node = box.getparent()
        fallback = False
        while node is not None and node is not p:
            if node.tag == _MC + "Fallback":
                fallback = True
                break
            node = node.getparent()
        if not fallback:
            yield from box.iter(w("p"))


# ----- the reader ---------------------------------------------------------------------
class _DocxReader:
    def __init__(self, document: Any, source: Source) -> None:
        self.document = document
        part = document.part
        styles_root = None
        try:
            styles_root = part.styles.element if part._styles_part is not None else None
        except Exception:  # noqa: BLE001 - a docx without a styles part is legal
            styles_root = None
        self.styles = _Styles(styles_root)
        numbering_root = None
        try:
            numbering_root = part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering_root = None
        defs = parse_numbering(numbering_root)
        self.numbering = NumberingState(defs, self.styles.style_num_table())
        # abstract levels bound to a paragraph style (w:pStyle in w:lvl) give the ilvl
        self.level_of_style: dict[str, int] = {}
        for levels in defs.abstract.values():
            for ilvl, lvl in levels.items():
                if lvl.style:
                    self.level_of_style.setdefault(lvl.style, ilvl)
        self.builder = DocumentBuilder(source, rejoin=False)

    # one paragraph -> (kind, text, style, level)
    def paragraph(self, p: Any) -> tuple[BlockKind, str, str | None, int | None] | None:
        ppr = p.find(w("pPr"))
        sid = _child_val(ppr, "pStyle")
        text = paragraph_text(p)
        style = self.styles.name(sid)
        outline = self.styles.outline(sid)
        own_outline = _int_or_none(_child_val(ppr, "outlineLvl"))
        if own_outline is not None:
            outline = own_outline
        num_pr = ppr.find(w("numPr")) if ppr is not None else None
        num_id, ilvl = self.styles.numbering(sid)
        if num_pr is not None:
            own_id = _child_val(num_pr, "numId")
            own_lvl = _int_or_none(_child_val(num_pr, "ilvl"))
            num_id = own_id if own_id is not None else num_id
            ilvl = own_lvl if own_lvl is not None else ilvl
        if num_id is not None and ilvl is None and sid is not None:
            ilvl = self.level_of_style.get(sid, 0)
        label = None
        if num_id is not None and not _mark_hidden(ppr):
            # an empty numbered paragraph still shows (and uses up) its number in Word
            label = self.numbering.label(num_id, ilvl)
        if not text.strip():
            return None
        if label and label != "•":
            text = label + text.lstrip()
        kind = BlockKind.PARAGRAPH
        level = None
        if outline is not None and 0 <= outline <= 8:
            kind, level = BlockKind.HEADING, outline + 1
        elif style and style.strip().lower() in _TITLE_NAMES:
            kind = BlockKind.HEADING
        elif label:
            kind = BlockKind.LIST_ITEM
        return kind, text, style, level

    def table_rows(self, tbl: Any) -> list[list[str]]:
        rows: list[list[str]] = []
        for tr in tbl.findall(w("tr")):
            row: list[str] = []
            for tc in _cells(tr):
                span = _int_or_none(_child_val(tc.find(w("tcPr")), "gridSpan")) or 1
                vmerge = tc.find(w("tcPr") + "/" + w("vMerge")) if tc.find(w("tcPr")) is not None else None
                if vmerge is not None and vmerge.get(w("val")) in (None, "continue"):
                    text = ""  # the merged cell's text sits in the first row of the merge
                else:
                    parts = []
                    for p in tc.iter(w("p")):
                        got = self.paragraph(p)
                        if got:
                            parts.append(got[1])
                    text = "\n".join(parts)
                row.append(text)
                row.extend([""] * (span - 1))
            rows.append(row)
        return rows

    def body(self, container: Any) -> None:
        for child in container:
            tag = child.tag
            if tag == w("p"):
                got = self.paragraph(child)
                if got:
                    kind, text, style, level = got
                    self.builder.add(kind, text, style=style, level=level)
                for box_p in _text_boxes(child):
                    got = self.paragraph(box_p)
                    if got:
                        self.builder.add(BlockKind.PARAGRAPH, got[1], style=got[2])
            elif tag == w("tbl"):
                rows = self.table_rows(child)
                if rows:
                    self.builder.add_table(rows)
            elif tag in (w("sdt"), w("customXml"), w("ins"), w("moveTo")):
                content = child.find(w("sdtContent")) if tag == w("sdt") else child
                if content is not None:
                    self.body(content)
            elif tag == _MC + "AlternateContent":
                choice = child.find(_MC + "Choice")
                if choice is not None:
                    self.body(choice)

    def furniture(self) -> None:
        seen: set[tuple[BlockKind, str]] = set()
        for section in self.document.sections:
            for kind, parts in (
                (BlockKind.HEADER, (section.header, section.first_page_header, section.even_page_header)),
                (BlockKind.FOOTER, (section.footer, section.first_page_footer, section.even_page_footer)),
            ):
                for part in parts:
                    try:
                        if part.is_linked_to_previous:
                            continue
                        element = part._element
                    except (AttributeError, KeyError):
                        continue
                    for p in element.iter(w("p")):
                        text = paragraph_text(p).strip()
                        if text and (kind, text) not in seen:
                            seen.add((kind, text))
                            self.builder.add_furniture(kind, text)


def _cells(tr: Any) -> Iterator[Any]:
    for child in tr:
        if child.tag == w("tc"):
            yield child
        elif child.tag in (w("sdt"), w("customXml")):
            content = child.find(w("sdtContent")) if child.tag == w("sdt") else child
            if content is not None:
                yield from (c for c in content if c.tag == w("tc"))


def _check_package(path: Path, name: str, limits: Limits) -> None:
    """Refuse encrypted (OLE-wrapped) and zip-bomb packages before python-docx loads them."""
    with open(path, "rb") as fh:
        head = fh.read(8)
        if head == _OLE_MAGIC:
            data = head + fh.read()
            if "EncryptedPackage".encode("utf-16-le") in data:
                raise EncryptedFileError(name, fmt="DOCX")
            raise CorruptFileError(name, "an OLE compound file (old .doc?), not a .docx package", fmt="DOCX")
    try:
        with zipfile.ZipFile(path) as zf:
            total = sum(i.file_size for i in zf.infolist())
    except zipfile.BadZipFile as exc:
        raise CorruptFileError(name, f"not a readable zip package: {exc}", fmt="DOCX") from None
    if total > limits.max_archive_total:
        raise ResourceLimitError(
            name, f"docx expands to {total} bytes, over the {limits.max_archive_total}-byte limit"
        )


# python-docx only opens the plain document content type; macro-enabled documents and
# templates (.docm, .dotx, .dotm) have the same body XML under another name.
_WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OTHER_WORD_MAINS = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)


def _as_plain_docx(path: Path) -> bytes | None:
    """The package with its main content type renamed to a plain .docx, or None if it is not
    one of the Word variants."""
    import io

    with zipfile.ZipFile(path) as zin:
        types = zin.read("[Content_Types].xml").decode("utf-8")
        if not any(t in types for t in _OTHER_WORD_MAINS):
            return None
        for t in _OTHER_WORD_MAINS:
            types = types.replace(t, _WORD_MAIN)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                data = types.encode("utf-8") if info.filename == "[Content_Types].xml" else zin.read(info)
                zout.writestr(info, data)
    return out.getvalue()


def _open_docx(path: Path, name: str) -> Any:
    import io

    import docx  # python-docx

    try:
        try:
            return docx.Document(str(path))
        except ValueError as exc:
            plain = _as_plain_docx(path) if "not a Word file" in str(exc) else None
            if plain is None:
                raise
            return docx.Document(io.BytesIO(plain))
    except Exception as exc:  # noqa: BLE001 - BadZipFile, KeyError, XMLSyntaxError, PackageNotFoundError…
        raise CorruptFileError(name, f"{type(exc).__name__}: {exc}", fmt="DOCX") from None


def read_docx(path: Path, source: Source, limits: Limits) -> Document:
    """Read a .docx into a Document (body order, headings with levels, numbering labels)."""
    name = source.display_name
    path = Path(path)
    _check_package(path, name, limits)
    document = _open_docx(path, name)
    try:
        body = document.element.body
    except AttributeError as exc:
        raise CorruptFileError(name, f"no document body ({exc})", fmt="DOCX") from None
    reader = _DocxReader(document, source)
    reader.body(body)
    reader.furniture()
    return reader.builder.build()


__all__ = ["paragraph_text", "read_docx"]
