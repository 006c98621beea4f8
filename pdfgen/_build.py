"""Building a document: A4 pages with the furniture, the same bytes for the same input.

Every page: the system's name as a header, the no-alteration note, the fingerprint and
"第 1 页 共 N 页" as a footer. The total page count is known only after layout, so the canvas
keeps each page's drawing and adds the furniture when the document is saved; the part that is
the same on every page is drawn once per process and replayed (`_recording`).
"""

from __future__ import annotations

import threading
import zlib
from functools import lru_cache
from io import BytesIO
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from ._font import font_name
from ._grid import QuickKeepTogether
from ._layout import (
    AUTHORITY,
    LINE,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    NO_ALTERATION,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    SYSTEM,
)
from ._recording import FixedCharactersCanvas, record_drawing

FINGERPRINT_LABEL = "文件指纹："
FOOTER_Y = 12 * mm
FOOTER_FONT_SIZE = 8.5
# The furniture's fixed text, for the documents' fixed characters.
FURNITURE_TEXT = f"{AUTHORITY}{SYSTEM}{NO_ALTERATION}{FINGERPRINT_LABEL}第页共"

# reportlab keeps per-document subset state inside the one shared TTFont object, so two
# documents built at once in different threads corrupt each other's subsets (the server
# renders in worker threads); the layouts and recordings shared across documents
# (`_paragraphs`, `_recording`) change during a build too. One build at a time; a build takes
# a few milliseconds.
_BUILD_LOCK = threading.Lock()


def build_pdf(
    story: list[Flowable], *, title: str, fingerprint_text: str, fixed_characters: str
) -> bytes:
    """The PDF bytes of `story` on A4 pages with the furniture; identical for the same input.

    `fixed_characters` (`_paragraphs.fixed_characters` of the document's fixed text) get the
    first font codes, so that what does not depend on the form is drawn and embedded the same
    way in every document.
    """
    output = BytesIO()
    document = SimpleDocTemplate(
        output,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=f"{SYSTEM}（HQMS）",
        subject=fingerprint_text,
        creator="hqms-desk",
        initialFontName=font_name(),
        invariant=1,
    )
    document.keepTogetherClass = QuickKeepTogether  # headings kept with what follows them

    def make_canvas(*args: Any, **kwargs: Any) -> FixedCharactersCanvas:
        return _FurnishedCanvas(
            *args, fingerprint_text=fingerprint_text, fixed_characters=fixed_characters, **kwargs
        )

    with _BUILD_LOCK:
        document.build(story, canvasmaker=make_canvas)
    return output.getvalue()


class _FurnishedCanvas(FixedCharactersCanvas):
    """Keeps each page until `save`, then draws header and footer knowing the page count."""

    def __init__(self, *args: Any, fingerprint_text: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._fingerprint_text = fingerprint_text
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        for number, page in enumerate(self._pages, start=1):
            self.__dict__.update(page)
            self._draw_furniture(number, len(self._pages))
            super().showPage()
            _compress_without_ascii85(self._doc.Pages.pages[-1])
        super().save()

    def _draw_furniture(self, number: int, total: int) -> None:
        fixed = _fixed_furniture(self.fixed_characters)
        if fixed is None:
            _draw_fixed_furniture(self)
        else:
            self._code.extend(fixed)
        self.saveState()
        self.setFillColor(MUTED)
        self.setFont(font_name(), FOOTER_FONT_SIZE)
        self.drawString(MARGIN_X, FOOTER_Y, f"{FINGERPRINT_LABEL}{self._fingerprint_text}")
        self.drawRightString(PAGE_WIDTH - MARGIN_X, FOOTER_Y, f"第 {number} 页 共 {total} 页")
        self.restoreState()


@lru_cache(maxsize=4)
def _fixed_furniture(fixed_characters: str) -> tuple[str, ...] | None:
    """The operators of the furniture that is the same on every page, drawn once."""
    return record_drawing(fixed_characters, _draw_fixed_furniture)


def _draw_fixed_furniture(canvas: Canvas) -> None:
    top = PAGE_HEIGHT - 13 * mm
    canvas.saveState()
    canvas.setFillColor(MUTED)
    canvas.setFont(font_name(), 9)
    canvas.drawString(MARGIN_X, top, AUTHORITY)
    canvas.drawRightString(PAGE_WIDTH - MARGIN_X, top, SYSTEM)
    canvas.setStrokeColor(LINE)
    canvas.setLineWidth(0.8)
    canvas.line(MARGIN_X, top - 2.5 * mm, PAGE_WIDTH - MARGIN_X, top - 2.5 * mm)
    canvas.line(MARGIN_X, FOOTER_Y + 9 * mm, PAGE_WIDTH - MARGIN_X, FOOTER_Y + 9 * mm)
    canvas.setFont(font_name(), FOOTER_FONT_SIZE)
    canvas.drawCentredString(PAGE_WIDTH / 2, FOOTER_Y + 4.5 * mm, NO_ALTERATION)
    canvas.restoreState()


class _QuickDeflate(pdfdoc.PDFStreamFilterZCompress):
    """reportlab's deflate filter at zlib's quickest level: a page's operators compress
    nearly as well (a few % larger) in half the time."""

    def encode(self, text: str | bytes) -> bytes:
        return zlib.compress(text.encode("utf8") if isinstance(text, str) else text, 1)


_QUICK_DEFLATE = _QuickDeflate()


def _compress_without_ascii85(page: Any) -> None:
    """Deflate the page's content stream without reportlab's default ASCII85 wrapping.

    ASCII85 keeps a PDF 7-bit clean at the cost of a quarter more bytes, and its pure Python
    encoder costs more than laying out a page; any PDF reader takes binary streams.
    """
    stream = pdfdoc.PDFStream(content=page.stream, filters=[_QUICK_DEFLATE])
    stream.__Comment__ = "page stream"
    page.Contents = stream
