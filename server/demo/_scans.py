"""Small but well-formed stand-ins for stamped scans: a one-page PDF and a grey JPEG.

The server checks uploads by their magic bytes, so the demo's files must be real PDFs and
JPEGs; their content only says that they are demo files.
"""

from __future__ import annotations

import io
from functools import cache

from PIL import Image

from domain import FileKind


def _pdf(text: str) -> bytes:
    """A minimal valid one-page PDF showing `text` (ASCII) in Helvetica."""
    stream = f"BT /F1 14 Tf 72 760 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


@cache
def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (64, 48), color=200).save(buffer, format="JPEG", quality=60)
    return buffer.getvalue()


def scan_bytes(kind: FileKind, application_id: str, form_number: int) -> bytes:
    """The demo file for an upload of `kind` (PDF for the stamped forms, JPEG for the licence)."""
    if kind is FileKind.LICENSE:
        return _jpeg()
    return _pdf(f"HQMS DEMO SCAN {kind.value} {application_id} form {form_number}")
