"""Plain text and Markdown: decode from content, then lines → blocks.

Chinese plain text still comes in GB18030/GBK from older Windows tools,
UTF-16 from Notepad's "Unicode", Big5 from Taiwan and Hong Kong sources,
and UTF-8 with or without a BOM. The extension says nothing about which, so
we decide from the bytes: a BOM; else strict UTF-8; else the legacy Chinese
codecs, each checked for plausibility (share of common CJK, ASCII and
punctuation), with charset-normalizer as a last opinion.
"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.config import Limits
from pipeline.errors import EmptyFileError, NotTextError
from pipeline.ingest.builder import build_from_text
from pipeline.model import Document, Source

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # (bom, codec to decode with, name recorded in Source.encoding)
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32", "utf-32-be"),
    (b"\xff\xfe", "utf-16", "utf-16-le"),
    (b"\xfe\xff", "utf-16", "utf-16-be"),
)

# A decoding is believed when at least this share of its characters are ones Chinese
# documents are made of (CJK, ASCII printable, CJK/full-width punctuation, whitespace).
PLAUSIBLE_SHARE = 0.9
# …and at most this share are control characters (binary data decodes to many of them).
MAX_CONTROL_SHARE = 0.01
# Undecodable bytes tolerated (as U+FFFD) in an otherwise valid UTF-8 or GB18030 text.
MAX_BAD_SHARE = 0.001


def read_txt(path: Path, source: Source, limits: Limits) -> Document:
    data = Path(path).read_bytes()
    text, encoding = decode_text(data, source.display_name)
    source.encoding = encoding
    doc = build_from_text(source, text)
    bad = text.count("\ufffd")
    if bad:
        doc.warnings.append(f"{bad} undecodable byte sequence(s) replaced by U+FFFD ({encoding})")
    return doc


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes of unknown encoding; returns (text, encoding name).

    Raises ``EmptyFileError`` for empty/whitespace-only content and
    ``NotTextError`` when no encoding gives plausible text.
    """
    if not data.strip(b" \t\r\n\x00\x0c"):
        raise EmptyFileError(name)
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise NotTextError(name, f"{label} BOM but invalid {label} at byte {exc.start}") from None
            return _checked(text, label, name)
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return _checked(data.decode(utf16), utf16, name)
        except UnicodeDecodeError:
            pass
    try:
        return _checked(data.decode("utf-8"), "utf-8", name, strict_utf8=True)
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise NotTextError(name, "binary data: contains NUL bytes")
    candidates: list[tuple[float, str, str]] = []
    for codec in ("gb18030", "big5"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if plausibility(text) >= PLAUSIBLE_SHARE and _control_share(text) <= MAX_CONTROL_SHARE:
            candidates.append((_commonness(text, codec), codec, text))
    if len(candidates) > 1:
        # both decode: prefer the one whose characters are the *common* ones of its script
        candidates.sort(reverse=True)
    if candidates:
        _, codec, text = candidates[0]
        return _checked(text, codec, name)
    # A few bad bytes (a download cut mid-character, a corrupted sector) should not lose the
    # document: UTF-8, then GB18030, with U+FFFD for at most MAX_BAD_SHARE of the text. Only
    # after the strict decodings failed: ASCII text with one GBK "，" is GBK, not UTF-8 + U+FFFD.
    # (UTF-8 Chinese almost never decodes strictly as GB18030: an odd run of 3-byte characters
    # before an ASCII byte leaves a lead byte without its trail.)
    for codec in ("utf-8", "gb18030"):
        lenient = _lenient(data, codec)
        if lenient is not None:
            return _checked(lenient, codec, name)
    return _charset_normalizer_guess(data, name)


def _lenient(data: bytes, codec: str) -> str | None:
    """``data`` decoded with U+FFFD for bad bytes, if they are at most MAX_BAD_SHARE of it."""
    text = data.decode(codec, errors="replace")
    bad = text.count("\ufffd")
    if bad <= max(1, MAX_BAD_SHARE * len(text)) and plausibility(text) >= PLAUSIBLE_SHARE:
        return text
    return None


# Characters that belong in a Chinese document: ASCII printable and whitespace, Latin-1 (·, ×, °),
# general punctuation, number forms/circled numbers/arrows (Ⅰ ①), shapes used as bullets (■ ●),
# CJK punctuation, ideographs (BMP and extension A), full-width forms, BOM.
_IMPLAUSIBLE = re.compile(
    "[^\x20-\x7e\n\r\t\f\xa0-\xff\u2000-\u206f\u2150-\u24ff\u25a0-\u25ff"
    "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\ufeff]"
)
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def plausibility(text: str) -> float:
    """Share of characters that belong in a Chinese document."""
    if not text:
        return 0.0
    return 1 - len(_IMPLAUSIBLE.findall(text)) / len(text)


def _control_share(text: str) -> float:
    return len(_CONTROL.findall(text)) / max(len(text), 1)


def _commonness(text: str, codec: str) -> float:
    """Share of CJK characters among the common ones of the codec's script.

    GB18030 decodes Big5 bytes into rare simplified/variant characters, and
    Big5 decodes GBK bytes into rare traditional ones; the real encoding gives
    mostly level-1 (frequent) characters: GB2312 B0A1–D7F9, Big5 A440–C67E.
    """
    cjk = [c for c in text if 0x4E00 <= ord(c) <= 0x9FFF]
    if not cjk:
        return 0.0
    common = 0
    for c in cjk:
        try:
            b = c.encode("gb2312" if codec == "gb18030" else "big5")
        except UnicodeEncodeError:
            continue
        if (
            codec == "gb18030"
            and 0xB0A1 <= int.from_bytes(b, "big") <= 0xD7F9
            or codec == "big5"
            and 0xA440 <= int.from_bytes(b, "big") <= 0xC67E
        ):
            common += 1
    return common / len(cjk)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows NULs in every other byte for ASCII-heavy text.

    Chinese UTF-16 is mostly CJK, so its NULs (the high bytes of digits, newlines and
    ASCII punctuation) are few, and CJK puts NULs on the other side too (一 is U+4E00),
    so the share of NULs cannot tell. The decoding can: the right byte order gives
    CJK text, the wrong one and random binary give scattered code points. Sweep: a
    BOM-less UTF-16-BE notice (about 10% ASCII) was refused as "binary data: contains
    NUL bytes".
    """
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
    even_nul = even_nuls / (len(sample) / 2)
    odd_nul = odd_nuls / (len(sample) / 2)
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    if even_nuls + odd_nuls == 0:
        return None
    best: tuple[float, str] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        text = sample.decode(codec, errors="replace")
        share = plausibility(text)
        if share >= PLAUSIBLE_SHARE and _control_share(text) <= MAX_CONTROL_SHARE:
            best = max(best or (share, codec), (share, codec))
    return best[1] if best else None


def _checked(text: str, encoding: str, name: str, *, strict_utf8: bool = False) -> tuple[str, str]:
    """Accept a decoding if it looks like a document.

    Bytes that decode as *strict* UTF-8 are text (random binary almost never
    does), so there only control characters count against them: a WeChat
    notice full of emoji (🎉📞) is still a notice.
    """
    if not text.strip(" \t\r\n\f\ufeff\u3000\x00"):
        raise EmptyFileError(name)
    share = plausibility(text)
    if (share < PLAUSIBLE_SHARE and not strict_utf8) or _control_share(text) > MAX_CONTROL_SHARE:
        raise NotTextError(name, f"decodes as {encoding} but only {share:.0%} of it is plausible text")
    return text, encoding


def _charset_normalizer_guess(data: bytes, name: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1 << 20]).best()
    if best is None or best.encoding is None:
        raise NotTextError(name, "no encoding fits")
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise NotTextError(name, f"guessed {best.encoding} but it does not decode") from None
    return _checked(text, best.encoding, name)


__all__ = ["decode_text", "plausibility", "read_txt"]
