"""Bytes to text: gzip, binary sniffing and encoding detection."""

from __future__ import annotations

import logging
import re
import zlib

from ..errors import InputError

log = logging.getLogger(__name__)

_MAGIC = {
    b"%PDF": "PDF", b"\x89PNG": "PNG image", b"\xff\xd8\xff": "JPEG image", b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive", b"\x7fELF": "executable", b"BZh": "bzip2 archive",
    b"\xfd7zXZ": "xz archive", b"SQLite format 3": "SQLite database",
}


def gunzip(data: bytes, *, uri: str, limit: int) -> bytes:
    """Decompress gzip data, keeping what was readable from a truncated stream.

    Stops with E113 as soon as the output would pass ``limit`` bytes (a gzip bomb), so
    memory stays within the limit whatever the compression ratio.
    """
    out: list[bytes] = []  # chunks, joined once at the end: no reallocation copies
    size = 0
    while data:
        dec = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            while data and not dec.eof:
                chunk = dec.decompress(data, min(1 << 20, limit + 1 - size))
                out.append(chunk)
                size += len(chunk)
                if size > limit:
                    raise InputError.make("E113", source=uri, what="decompressed input",
                                          limit=f"{limit / 1_000_000:g}")
                data = dec.unconsumed_tail
        except zlib.error as err:
            _warn_truncated(uri, str(err), size)
            return b"".join(out)
        if not dec.eof:
            _warn_truncated(uri, "stream ends before the gzip trailer", size)
            return b"".join(out)
        data = dec.unused_data  # concatenated members
    return b"".join(out)


def _warn_truncated(uri: str, detail: str, size: int) -> None:
    if not size:
        raise InputError.make("E104", source=uri, detail=detail, kept="nothing was readable")
    log.warning(InputError.make("E104", source=uri, detail=detail, kept="kept what was readable"))


def binary_kind(data: bytes) -> str | None:
    """Name the kind of binary data, or None when it looks like text."""
    head = data[:8192]
    for magic, kind in _MAGIC.items():
        if head.startswith(magic):
            return kind
    if not head.strip(b"\x00"):
        return "zero bytes only" if head else None
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or (b"\x00" in head and _utf16_like(head)):
        return None
    if b"\x00" in head:
        return "binary data"
    if head:
        controls = sum(1 for b in head if b < 9 or 13 < b < 32)
        if controls / len(head) > 0.1:
            return "binary data"
    return None


def _utf16_like(head: bytes) -> bool:
    """Zero bytes on one side of each pair only, as in UTF-16 text (mostly ASCII)."""
    half = max(1, len(head) // 2)
    odd_zero = head[1::2].count(0) / half
    even_zero = head[0::2].count(0) / half
    return (odd_zero > 0.4 and even_zero < 0.1) or (even_zero > 0.4 and odd_zero < 0.1)


def decode(data: bytes, *, uri: str) -> str:
    """Decode bytes in any common encoding; undecodable bytes become U+FFFD, never an error.

    UTF-8 when the bytes are UTF-8, or mostly so (more valid multi-byte characters than bad
    bytes: one stray byte must not turn a UTF-8 file into cp1252 mojibake); else cp1252 when
    it reads like Latin-script text; else a detector's guess. Anything but clean UTF-8 gives
    one warning naming the file, the encoding chosen and how many bytes were not UTF-8.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    else:
        head = data[:8192]
        if b"\x00" in head and _utf16_like(head):  # UTF-16 without a byte-order mark
            little = head[1::2].count(0) > head[0::2].count(0)
            return data.decode("utf-16-le" if little else "utf-16-be", errors="replace")
    text = data.decode("utf-8", errors="surrogateescape")  # each bad byte -> one lone surrogate
    bad = len(_ESCAPED.findall(text))
    if not bad:
        return text
    if len(_MULTIBYTE.findall(text)) > bad:
        _warn_decoded(uri, bad, len(data), "utf-8", "bad bytes replaced by U+FFFD")
        return _ESCAPED.sub("\ufffd", text)
    western = _western(data)
    if western is not None:
        _warn_decoded(uri, bad, len(data), "cp1252", "it reads better so")
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    _warn_decoded(uri, bad, len(data), encoding, "detector's guess")
    return data.decode(encoding, errors="replace")


_ESCAPED = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8, after surrogateescape
_MULTIBYTE = re.compile("[^\x00-\x7f\udc80-\udcff]")  # valid non-ASCII UTF-8 characters


def _warn_decoded(uri: str, bad: int, total: int, encoding: str, why: str) -> None:
    log.warning("%s", InputError.make("E115", source=uri, bad=bad, total=total,
                                      encoding=encoding, why=why))


def _western(data: bytes) -> str | None:
    """cp1252 when it decodes cleanly and reads like a Latin-script text.

    Statistical detectors guess badly on short Western texts; a text that is
    mostly ASCII letters with a few accents is by far most often cp1252/latin-1.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [ch for ch in text[:100_000] if ch.isalpha()]
    if not letters:
        return text
    non_ascii = sum(1 for ch in letters if ord(ch) > 127)
    return text if non_ascii / len(letters) < 0.2 else None
