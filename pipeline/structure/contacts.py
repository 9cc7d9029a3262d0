"""Contact blocks: who to call about a notice, with phones, address and email.

Seed 000 ends with two organisations' contacts, each a 联系人 line followed by
its 联系电话 and 地址 lines; web notices squeeze one into a line
(``联系人：王西祯，电话：26536206``) or a bracket (``（联系科室：…，联系电话：…）``).
A name (or organisation) label opens a contact and the phone/address/email
labels after it belong to it, so each Contact is one organisation or person
group with its own numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.data import load_data
from pipeline.model import Contact, Document
from pipeline.structure.lines import Line, text_lines
from pipeline.structure.metadata import is_org

_SEP = "，,；;。 \t（）()"


@dataclass(frozen=True, slots=True)
class _Rules:
    label: re.Pattern[str]
    field_of: dict[str, str]
    block_headers: tuple[str, ...]
    phone: re.Pattern[str]
    email: re.Pattern[str]
    max_line: int


def _spaced(label: str) -> str:
    """ "地址" also matches "地    址" (labels aligned with spaces)."""
    return r"\s*".join(re.escape(ch) for ch in label.replace(" ", ""))


@lru_cache(maxsize=1)
def rules() -> _Rules:
    d = load_data("contacts.yaml")
    field_of: dict[str, str] = {}
    for field, labels in d["labels"].items():
        for lab in labels:
            field_of[lab.replace(" ", "")] = field
    alternation = "|".join(_spaced(lab) for lab in sorted(field_of, key=len, reverse=True))
    return _Rules(
        label=re.compile(rf"(?P<label>{alternation})\s*[：:]"),
        field_of=field_of,
        block_headers=tuple(d["block_headers"]),
        phone=re.compile(d["phone"]),
        email=re.compile(d["email"]),
        max_line=d["max_line_chars"],
    )


@dataclass(slots=True)
class _Draft:
    start: int
    end: int
    name: str | None = None
    organisation: str | None = None
    phones: list[str] | None = None
    address: str | None = None
    email: str | None = None

    def empty(self) -> bool:
        return not (self.name or self.phones or self.address or self.email)


def extract_contacts(doc: Document) -> Document:
    """Stage ``structure.contacts.v1``: fill ``doc.contacts`` (replacing any: re-running is idempotent)."""
    doc.contacts = []
    r = rules()
    drafts: list[_Draft] = []
    current: _Draft | None = None
    in_block = False  # after a "联系方式：" header, "单位：电话" lines are contacts too

    def flush() -> None:
        nonlocal current
        if current is not None and not current.empty():
            drafts.append(current)
        current = None

    for ln in text_lines(doc.text):
        if len(ln.text) > r.max_line:
            flush()
            in_block = False
            continue
        fields = _fields(ln)
        if not fields:
            org_phone = _org_phone_line(ln) if in_block else None
            if org_phone is not None:
                flush()
                current = org_phone
                continue
            flush()
            in_block = False
            continue
        if len(fields) == 1 and fields[0][0] == "header" and not fields[0][2].strip(_SEP):
            flush()
            in_block = True
            continue
        for field, org, value, _a, b in fields:
            if field in ("name", "organisation"):
                if (
                    current is None
                    or getattr(current, field) is not None
                    or (field == "organisation" and current.name is not None)
                ):
                    flush()
                    current = _Draft(ln.start, b)
                if field == "name":
                    current.name = _name(value) or None
                    current.organisation = current.organisation or org or None
                else:
                    current.organisation = value.strip(_SEP) or None
                current.phones = (current.phones or []) + _phones(value)
            else:
                if current is None:
                    current = _Draft(ln.start, b, organisation=org or None)
                if field in ("phone", "header"):
                    current.phones = (current.phones or []) + _phones(value)
                elif field == "address":
                    current.address = current.address or value.strip(_SEP) or None
                elif field == "email":
                    m = r.email.search(value)
                    current.email = current.email or (m.group(0) if m else None)
            current.end = max(current.end, b)
    flush()
    for d in drafts:
        doc.contacts.append(
            Contact(
                text=doc.text[d.start : d.end],
                start=d.start,
                end=d.end,
                name=d.name,
                organisation=d.organisation,
                phones=_dedupe(d.phones or []),
                address=d.address,
                email=d.email,
            )
        )
    return doc


def _fields(ln: Line) -> list[tuple[str, str, str, int, int]]:
    """(field, organisation prefix, value, value start, value end) for each label on the line."""
    r = rules()
    hits = []
    for m in r.label.finditer(ln.text):
        before = ln.text[: m.start()]
        org = ""
        if before and before[-1] not in _SEP:
            # only the first label may carry an organisation in front (省商务厅联系人：)
            if hits or not is_org(before):
                continue
            org = before
        label = re.sub(r"\s+", "", m.group("label"))
        field = r.field_of[label]
        if label in r.block_headers:
            field = "header" if field == "phone" else field
        hits.append((field, org, m.start(), m.end()))
    if not hits and any(ln.text.rstrip("：: ").replace(" ", "") == h for h in r.block_headers):
        return [("header", "", "", ln.end, ln.end)]
    out = []
    for k, (field, org, _s, e) in enumerate(hits):
        stop = hits[k + 1][2] if k + 1 < len(hits) else len(ln.text)
        out.append((field, org, ln.text[e:stop], ln.start + e, ln.end))
    return out


def _org_phone_line(ln: Line) -> _Draft | None:
    """ "北京市经济和信息化局：55521000" under a 联系方式 header."""
    m = re.match(r"^(?P<org>[^：:]{2,40})[：:]\s*(?P<rest>.+)$", ln.text)
    if not m or not is_org(m.group("org")):
        return None
    phones = _phones(m.group("rest"))
    if not phones:
        return None
    return _Draft(ln.start, ln.end, organisation=m.group("org"), phones=phones)


def _name(value: str) -> str:
    """The people named, without any phone number written after them."""
    value = value.strip(_SEP)
    m = re.search(r"[\d（(]|电话|手机", value)
    return value[: m.start()].strip(_SEP) if m else value


def _phones(value: str) -> list[str]:
    """Phone numbers, normalised to ``0531-89013465``; a bare local number after one with an
    area code shares it (seed 000 "（0531）89013465、89013532")."""
    out: list[str] = []
    area: str | None = None
    for m in rules().phone.finditer(value):
        raw = re.sub(r"\s+", "", m.group(0))
        code = re.match(r"^[（(]?(0\d{2,3})[）)]?[-－—‐]?(?=\d)", raw)
        if code and len(raw) - len(code.group(0)) >= 7:
            area = code.group(1)
            local = raw[code.end() :]
            out.append(f"{area}-{local}")
        elif area and re.fullmatch(r"[2-9]\d{6,7}", raw):
            out.append(f"{area}-{raw}")
        else:
            out.append(raw.replace("－", "-").replace("—", "-"))
    return out


def _dedupe(items: list[str]) -> list[str]:
    seen: list[str] = []
    for x in items:
        if x not in seen:
            seen.append(x)
    return seen
