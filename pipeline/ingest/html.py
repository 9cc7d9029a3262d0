"""HTML: the article body of a government web page, not its menus and footers.

Government sites wrap the 正文 in a handful of known CMS containers
(``TRS_Editor``, ``#zoom``, ``#UCAP-CONTENT`` …, listed in
``pipeline/data/html.yaml``). We take the first that holds real text, drop
the share bars and font-size buttons inside it, and fall back to
readability-lxml when no known container fits. Paragraphs and headings
become blocks; ``<table>`` becomes a table block.

The charset comes from a BOM, then the ``<meta>`` declaration (GBK/GB2312
pages are still common), then the same content sniffing as plain text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.config import Limits
from pipeline.data import load_data
from pipeline.errors import CorruptFileError, EmptyFileError
from pipeline.ingest.builder import DocumentBuilder
from pipeline.ingest.normalise import CJK
from pipeline.ingest.txt import decode_text
from pipeline.model import BlockKind, Document, Source

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-]+)""", re.IGNORECASE)
# GB2312/GBK declarations are decoded as GB18030, their superset: pages declared gb2312 use
# GBK-only characters (镕, 堃) all the time.
_CHARSET_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "big5": "big5hkscs",
    "utf8": "utf-8",
    "unicode": "utf-16",
}  # Word's "Save as Web Page" writes charset=unicode
_BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "blockquote",
    "pre",
    "center",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "tfoot",
    "hr",
    "main",
    "figure",
    "figcaption",
    "address",
}
MIN_TITLE_CHARS = 6
_CONTAINER_TAGS = {
    "div",
    "section",
    "article",
    "main",
    "td",
    "table",
    "tbody",
    "tr",
    "center",
    "font",
    "span",
}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_CJK_RUN = re.compile(f"[{CJK}]")
_WS_NEWLINE_BETWEEN_CJK = re.compile(rf"(?<=[{CJK}，。；：、）》”])[ \t\r\n]*\n[ \t\r\n]*(?=[{CJK}（《“])")
# HTML collapses whitespace; runs of &nbsp; are layout too (Word's list markers "1.&nbsp;&nbsp;&nbsp;")
_WS = re.compile(r"[ \t\r\n\f\xa0]+")


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    data = dict(load_data("html.yaml"))
    data["_boiler"] = re.compile("|".join(f"(?:{p})" for p in data["boilerplate_lines"]))
    data["_title_suffix"] = re.compile(data["title_suffix"])
    data["_already_numbered"] = re.compile(data["already_numbered"])
    return data


def read_html(path: Path, source: Source, limits: Limits) -> Document:
    data = Path(path).read_bytes()
    text, encoding = decode_html(data, source.display_name)
    source.encoding = encoding
    return html_to_document(text, source)


def decode_html(data: bytes, name: str) -> tuple[str, str]:
    """Decode an HTML page: BOM, then <meta charset>, then content sniffing."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_text(data, name)
    if max(data[:65536], default=0) > 0x7F:
        # strict UTF-8 that is not ASCII is never an accident; pages re-saved as UTF-8 keep their
        # old <meta charset=gb2312>, and GB18030 would decode those bytes into mojibake
        try:
            return _checked_html(data.decode("utf-8"), "utf-8", name)
        except UnicodeDecodeError:
            pass
    m = _META_CHARSET.search(data[:8192])
    if m:
        declared = m.group(1).decode("ascii", "replace").lower()
        codec = _CHARSET_ALIASES.get(declared, declared)
        try:
            return data.decode(codec), codec
        except (UnicodeDecodeError, LookupError):
            pass  # the declaration lies (a GBK page saved as UTF-8 keeps its meta): sniff
    return decode_text(data, name)


def _checked_html(text: str, encoding: str, name: str) -> tuple[str, str]:
    if not text.strip():
        raise EmptyFileError(name)
    return text, encoding


def read_mhtml(path: Path, source: Source, limits: Limits) -> Document:
    """A web page archive (.mht, and "Word web page" files saved as .doc): its text/html part."""
    import email
    from email import policy

    data = Path(path).read_bytes()
    msg = email.message_from_bytes(data, policy=policy.default)
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            charset = part.get_content_charset()
            if charset:
                codec = _CHARSET_ALIASES.get(charset.lower(), charset.lower())
                try:
                    text, encoding = payload.decode(codec), codec
                except (UnicodeDecodeError, LookupError):
                    text, encoding = decode_html(payload, source.display_name)
            else:
                text, encoding = decode_html(payload, source.display_name)
            source.encoding = encoding
            return html_to_document(text, source)
    raise CorruptFileError(source.display_name, "no text/html part in the web archive", fmt="MHT")


def html_to_document(html: str, source: Source) -> Document:
    import lxml.html
    from lxml import etree

    rules = _rules()
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        if not html.strip():
            raise EmptyFileError(source.display_name) from None
        raise CorruptFileError(source.display_name, str(exc), fmt="HTML") from None
    for bad in root.xpath("//script|//style|//noscript|//template|//comment()"):
        _remove(bad)
    title = _find_title(root, rules)
    body = _find_body(root, rules)
    if body is None:
        body = _densest_container(root, rules)
    if body is None:
        body = _readability_body(html, rules)
        if body is not None:
            _restore_tables(body, root)
    if body is None:
        body = root.find("body") if root.find("body") is not None else root
        _drop_boilerplate(body, rules, inside_body=False)
    else:
        _drop_boilerplate(body, rules, inside_body=True)
    builder = DocumentBuilder(source)
    walker = _Walker(builder, rules)
    body_text = _clean(" ".join(body.itertext()))
    if title and _squash(title) not in _squash(body_text[: len(title) * 3 + 200]):
        builder.add(BlockKind.HEADING, title, level=1)
    walker.walk(body)
    walker.flush()
    doc = builder.build()
    if not doc.text.strip():
        raise EmptyFileError(source.display_name)
    return doc


# ----- finding the body -----------------------------------------------------------
def _cjk_count(el: Any) -> int:
    return len(_CJK_RUN.findall("".join(el.itertext())))


def _find_body(root: Any, rules: dict[str, Any]) -> Any | None:
    for selector in rules["body_selectors"]:
        try:
            found = root.cssselect(selector)
        except Exception:  # noqa: BLE001, S112 - a bad selector in data must not break reading
            continue
        found = [el for el in found if _cjk_count(el) >= rules["min_body_chars"]]
        if found:
            # nested matches (.content inside .content): the outermost holding the most text
            return max(found, key=_cjk_count)
    return None


def _text_and_links(el: Any) -> tuple[int, int]:
    total = _cjk_count(el)
    links = sum(_cjk_count(a) for a in el.iter("a"))
    return total, links


def _densest_container(root: Any, rules: dict[str, Any]) -> Any | None:
    """The smallest container that still holds most of the page's non-link text.

    Pages outside the known CMS layouts put the article in anonymous divs;
    menus and footers are mostly links or little text, so the container that
    holds the most non-link CJK text, narrowed while one child keeps 85% of
    it, is the article.
    """
    body = root.find("body")
    if body is None:
        return None

    def own_text(el: Any) -> int:
        total, links = _text_and_links(el)
        return total - links

    best = body
    best_text = own_text(body)
    if best_text < rules["min_body_chars"]:
        return None
    while True:
        children = [c for c in best if isinstance(c.tag, str) and c.tag in _CONTAINER_TAGS]
        scored = [(own_text(c), c) for c in children]
        scored = [(t, c) for t, c in scored if t >= 0.85 * best_text]
        if not scored:
            break
        best_text, best = max(scored, key=lambda x: x[0])
    return None if best is body else best


def _readability_body(html: str, rules: dict[str, Any]) -> Any | None:
    try:
        import lxml.html
        from readability import Document as Readability

        summary = Readability(html).summary(html_partial=True)
        el = lxml.html.fragment_fromstring(summary, create_parent="div")
    except Exception:  # noqa: BLE001 - readability is a fallback; any failure means "no opinion"
        return None
    return el if _cjk_count(el) >= rules["min_body_chars"] else None


def _restore_tables(summary: Any, root: Any, look_back: int = 30) -> None:
    """Put back the data tables readability dropped from inside the article.

    QA F12: readability-lxml keeps the <h1>/<h2>/<p> of a page that puts them straight in
    <body> but drops a 2x2 <table> (项目/金额, 示范县/50万元) between two sections, and its
    amount with it. A table goes back after the kept element it follows in the page, and only
    when a later element of the page was kept too: a table after the article is a footer.
    """
    import copy

    kept_text = _squash(" ".join(summary.itertext()))
    by_text: dict[str, Any] = {}
    for el in summary.iter():
        if isinstance(el.tag, str) and el.tag in _BLOCK_TAGS and el is not summary:
            t = _squash(" ".join(el.itertext()))
            if t:
                by_text[t] = el  # later (deeper) elements win: insert next to the innermost

    def kept(el: Any) -> Any | None:
        t = _squash(" ".join(el.itertext()))
        return by_text.get(t) if len(t) >= 2 else None

    for table in root.iter("table"):
        if _is_layout_table(table) or not _cjk_count(table) or table.xpath("ancestor::table"):
            continue
        if _squash(" ".join(table.itertext())) in kept_text:
            continue
        before = [e for e in table.itersiblings(preceding=True) if isinstance(e.tag, str)][:look_back]
        after = [e for e in table.itersiblings() if isinstance(e.tag, str)][:look_back]
        anchor = next((a for a in map(kept, before) if a is not None), None)
        if anchor is None or not any(kept(e) is not None for e in after):
            continue
        clone = copy.deepcopy(table)
        clone.tail = None
        anchor.addnext(clone)
        kept_text += _squash(" ".join(clone.itertext()))


def _find_title(root: Any, rules: dict[str, Any]) -> str | None:
    for selector in rules["title_selectors"]:
        try:
            found = root.cssselect(selector)
        except Exception:  # noqa: BLE001, S112 - as above
            continue
        for el in found:
            text = el.get("content") if el.tag == "meta" else " ".join(el.itertext())
            text = _clean(text or "")
            # shorter than a real document title: a box caption such as "政务公开" or "通知公告"
            if MIN_TITLE_CHARS <= len(text) <= 200 and not _is_boilerplate(text, rules):
                return text
    t = root.find(".//title")
    if t is not None and t.text:
        text = rules["_title_suffix"].sub("", _clean(t.text))
        return text or None
    return None


def _drop_boilerplate(body: Any, rules: dict[str, Any], *, inside_body: bool) -> None:
    drop_tags = set(rules["drop_tags"])
    markers = rules["drop_class_markers"]
    total = max(_cjk_count(body), 1)
    for el in list(body.iter()):
        if el is body or not isinstance(el.tag, str) or el.getparent() is None:
            continue
        if el.tag in drop_tags:
            _remove(el)
            continue
        attrs = f"{el.get('class', '')} {el.get('id', '')}".lower()
        # inside a known body container only small widgets go (a "content-header" holding
        # half the article is not boilerplate)
        if (
            attrs.strip()
            and any(m in attrs for m in markers)
            and (not inside_body or _cjk_count(el) < 0.2 * total)
        ):
            _remove(el)


def _remove(el: Any) -> None:
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


# ----- walking the body -------------------------------------------------------------
class _Walker:
    """Emit blocks: inline text accumulates until a block element or <br> ends it."""

    def __init__(self, builder: DocumentBuilder, rules: dict[str, Any]) -> None:
        self.builder = builder
        self.rules = rules
        self.buffer: list[str] = []
        self.kind = BlockKind.PARAGRAPH
        self.marker = ""  # an <ol> number waiting for its item's first text (<li><p>…</p></li>)

    def flush(self) -> None:
        text = _clean("".join(self.buffer))
        self.buffer = []
        if not text:
            return  # keep the kind and the marker: <li><p>…</p></li> is still a list item
        if not _is_boilerplate(text, self.rules):
            self.builder.add(self.kind, self.marker + text)
        self.kind = BlockKind.PARAGRAPH
        self.marker = ""

    def walk(self, el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "table" and not _is_layout_table(el):
            self.flush()
            self.builder.add_table(_table_rows(el))
            return
        if tag in _HEADINGS:
            self.flush()
            text = _clean(" ".join(el.itertext()))
            if text and not _is_boilerplate(text, self.rules):
                self.builder.add(BlockKind.HEADING, text, level=_HEADINGS[tag])
            return
        if tag == "br":
            self.flush()
            return
        is_block = tag in _BLOCK_TAGS
        if is_block:
            self.flush()
            if tag == "li":
                self.kind = BlockKind.LIST_ITEM
                self.marker = self._ordered_marker(el)
        if el.text:
            self.buffer.append(el.text)
        for child in el:
            self.walk(child)
            if child.tail:
                self.buffer.append(child.tail)
        if is_block:
            self.flush()


    def _ordered_marker(self, li: Any) -> str:
        """The number a browser draws before an <ol> item (``start`` honoured), or ""."""
        parent = li.getparent()
        if parent is None or parent.tag != "ol":
            return ""
        if self.rules["_already_numbered"].match(_clean(" ".join(li.itertext()))):
            return ""
        try:
            start = int(parent.get("start", "1"))
        except ValueError:
            start = 1
        position = sum(1 for _ in li.itersiblings("li", preceding=True))
        return self.rules["ordered_item_marker"].format(n=start + position)


# A cell holding more CJK characters than this is page layout, not a data table: older
# government sites place the whole article in <table><tr><td> (table-based page layout).
LAYOUT_CELL_CHARS = 300


def _is_layout_table(table: Any) -> bool:
    if table.xpath(".//table"):
        return True
    return any(_cjk_count(cell) > LAYOUT_CELL_CHARS for cell in table.iter("td", "th"))


def _table_rows(table: Any) -> list[list[str]]:
    rows: list[list[str]] = []
    for tr in table.iter("tr"):
        # skip rows of nested tables: they are read as text of their cell
        owner = tr.getparent()
        while owner is not None and owner.tag != "table":
            owner = owner.getparent()
        if owner is not table:
            continue
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
        rows.append([_clean(" ".join(c.itertext())) for c in cells])
    return rows


def _clean(text: str) -> str:
    text = _WS_NEWLINE_BETWEEN_CJK.sub("", text)
    return _WS.sub(" ", text).strip()


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _is_boilerplate(text: str, rules: dict[str, Any]) -> bool:
    return len(text) <= rules["max_boilerplate_length"] and bool(rules["_boiler"].match(text))


__all__ = ["decode_html", "html_to_document", "read_html", "read_mhtml"]
