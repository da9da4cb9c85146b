"""Bytes of one report file -> decoded text, or BadReportError with a one-line reason.

Order of checks (cheapest and most certain first):
1. empty;
2. a byte-order mark (UTF-8, UTF-32, UTF-16) decides the codec;
3. magic bytes of common binary formats (named in the reason);
4. NUL bytes: UTF-16/32 without a BOM (detected by charset-normalizer) or else binary;
5. strict UTF-8 -- almost every file stops here, without any detection cost;
6. charset-normalizer choosing among LEGACY_ENCODINGS (Windows-1256, Windows-1252).
A decoded text that is mostly control characters is treated as binary.
"""

from __future__ import annotations

import re

from ..errors import BadReportError

__all__ = ["decode_bytes", "sniff_binary", "LEGACY_ENCODINGS"]

# Hand-written on purpose: we only need a *name* for the skip reason of a few formats that
# people actually drop into report folders; a libmagic binding would add a system library.
# The real guard is the NUL/control-character and decoding checks below.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive or DOCX/ODT/EPUB"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
    (b"{\\rtf", "RTF document"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
)

# UTF-32 before UTF-16: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)

# C0 controls other than tab, LF, VT, FF, CR and ESC; plus DEL
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
#: share of control characters above which a decoded "text" is really binary
_CONTROL_SHARE = 0.01


def sniff_binary(data: bytes) -> str | None:
    """Name of the binary format ``data`` starts with, or None."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return "RIFF media file"
    return None


def _mostly_control(text: str) -> bool:
    if not text:
        return False
    # sample: counting on at most 1 MB is enough to tell text from binary
    sample = text[:1_000_000]
    if not _CONTROL.search(sample):
        return False
    return len(_CONTROL.findall(sample)) > _CONTROL_SHARE * len(sample)


#: legacy single-byte encodings tried when a file is not UTF-8: Arabic/Persian (the usual
#: legacy encoding of Persian Windows files) and Western European (Word's curly quotes).
#: A closed, documented set keeps the outcome predictable: charset-normalizer picks between
#: them by how coherent the decoded text is, and gives up on binary-looking bytes.
LEGACY_ENCODINGS: tuple[str, ...] = ("cp1256", "cp1252")
_WIDE_ENCODINGS = ("utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be")


def _detect(data: bytes, encodings: tuple[str, ...]) -> str | None:
    # imported lazily: most files are UTF-8 and never need it
    import charset_normalizer

    best = charset_normalizer.from_bytes(data, cp_isolation=list(encodings)).best()
    return None if best is None else str(best)


def _utf16_by_nul_parity(data: bytes) -> str | None:
    """Fallback for UTF-16 without BOM that charset-normalizer misses (it does on some
    Persian+English mixes): in UTF-16 every ASCII character has its NUL byte on the same
    side (odd offsets for LE, even for BE); binary data has NULs on both sides."""
    if len(data) % 2:
        return None
    sample = data[:200_000]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if even + odd == 0 or min(even, odd) > 0.02 * (even + odd):
        return None
    codec = "utf-16-le" if odd > even else "utf-16-be"
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def decode_bytes(data: bytes) -> str:
    """Decode the bytes of one report file. Raises BadReportError with the reason."""
    if not data:
        raise BadReportError("empty file")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError:
                raise BadReportError(f"not valid {name} text (despite its byte-order mark)") from None
            if _mostly_control(text):
                raise BadReportError("binary file (control characters)")
            return text
    kind = sniff_binary(data)
    if kind:
        raise BadReportError(f"binary file ({kind})")
    if b"\x00" in data:
        # UTF-16/32 without BOM has NUL bytes for every ASCII character; anything else with
        # NULs is binary.
        text = _detect(data, _WIDE_ENCODINGS) or _utf16_by_nul_parity(data)
        if text is not None and not _mostly_control(text):
            return text
        raise BadReportError("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _detect(data, LEGACY_ENCODINGS)
        if text is None:
            raise BadReportError(
                "not valid text in UTF-8, UTF-16, Windows-1256 or Windows-1252") from None
    # Known gap: UTF-16 without BOM *and* without a single ASCII character (no space, no
    # newline) has no NUL byte and is not recognised; real reports always have spaces.
    if _mostly_control(text):
        raise BadReportError("binary file (control characters)")
    return text
