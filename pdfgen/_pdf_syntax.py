"""The little of PDF's syntax the documents need, written directly: numbers, text strings,
streams, and the file around the objects (header, cross-reference table, trailer).

The writer takes each object's body as bytes and numbers them 1, 2, … in order; parts that
are the same in every document (the fixed font subsets) are formatted once per process and
only copied. The file is the same for the same objects: no dates, and an ID from `identity`.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Sequence
from functools import lru_cache

NUMBERS_KEPT = 4096  # distinct values formatted; a document has a few hundred, most shared
HEADER = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"  # the comment's high bytes mark the file as binary
CONTENT_COMPRESSION = 1  # zlib level: nearly as small as the default, in half the time


@lru_cache(maxsize=NUMBERS_KEPT)
def number(value: float) -> str:
    """`value` to at most three decimals, without trailing zeros ("12", "3.5", "-0.25")."""
    if value == int(value):
        return str(int(value))
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def numbers(*values: float) -> str:
    return " ".join([number(value) for value in values])


def text_string(text: str) -> bytes:
    """A PDF text string: printable ASCII as itself (a fingerprint in the document's subject
    stays searchable in the file's bytes), anything else as UTF-16BE with its byte-order
    mark, in hex."""
    if text.isascii() and text.isprintable():
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return f"({escaped})".encode("ascii")
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def stream(content: bytes, *, level: int = CONTENT_COMPRESSION, **entries: int) -> bytes:
    """A deflated stream object's body; `entries` are extra integer entries (/Length1)."""
    compressed = zlib.compress(content, level)
    extra = "".join(f" /{key} {value}" for key, value in entries.items())
    head = f"<< /Filter /FlateDecode /Length {len(compressed)}{extra} >>\nstream\n"
    return b"".join((head.encode("ascii"), compressed, b"\nendstream"))


def reference(number: int) -> str:
    return f"{number} 0 R"


def pdf_file(objects: Sequence[bytes], *, root: int, info: int, identity: bytes) -> bytes:
    """The file of `objects` (bodies of objects 1, 2, …); `identity` seeds the file ID."""
    pieces = [HEADER]
    offsets = []
    position = len(HEADER)
    for index, body in enumerate(objects, start=1):
        opening = b"%d 0 obj\n" % index
        offsets.append(position)
        pieces += (opening, body, b"\nendobj\n")
        position += len(opening) + len(body) + 8
    count = len(objects) + 1
    table = [b"xref\n0 %d\n0000000000 65535 f \n" % count]
    table += [b"%010d 00000 n \n" % offset for offset in offsets]
    file_id = hashlib.md5(identity, usedforsecurity=False).hexdigest().upper().encode("ascii")
    trailer = b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] >>\n" % (
        count,
        root,
        info,
        file_id,
        file_id,
    )
    trailer += b"startxref\n%d\n%%%%EOF\n" % position
    return b"".join([*pieces, *table, trailer])
