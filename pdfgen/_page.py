"""A document as PDF bytes: platypus flowables on A4 pages with the page furniture.

Every page carries the system's name as a header, and as a footer the no-alteration line and
the fingerprint; the page template's `onPage` draws them. The documents fit on one page (see
`_one_page`), so no page count is printed. `invariant=1` makes the bytes a function of the
content: the same input gives the same file in any process.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from io import BytesIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from ._content import DocumentContent
from ._font import FONT_NAME, font
from ._styles import LINE, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, MUTED, PAGE_HEIGHT, PAGE_WIDTH
from ._texts import DocumentTexts, filled

HEADER_BASELINE = PAGE_HEIGHT - 12 * mm
FOOTER_BASELINE = 10 * mm
FURNITURE_SIZE = 8.5
CREATOR = "hqms-desk"
# reportlab's `TTFont` serves one document at a time ("you cannot use the same TTFont object
# for different documents at the same time", its docstring): the server renders in worker
# threads, so documents are built one after the other. Each takes tens of milliseconds, and
# the server renders a revision's documents once (server/services/document_cache.py).
_one_document_at_a_time = threading.Lock()


@dataclass(frozen=True)
class Furniture:
    header_left: str
    header_right: str
    no_alteration: str
    fingerprint_line: str

    @classmethod
    def of(cls, texts: DocumentTexts, content: DocumentContent) -> Furniture:
        values = content.placeholders()

        def text(key: str) -> str:
            return filled(texts.text(key), values)

        return cls(
            text("page.header_left"),
            text("page.header_right"),
            text("page.no_alteration"),
            text("page.fingerprint_label") + str(content.fingerprint),
        )

    def draw(self, canvas: Canvas, _document: BaseDocTemplate) -> None:
        """Header above its rule, footer below its rule (a `PageTemplate`'s `onPage`)."""
        canvas.saveState()
        canvas.setFont(FONT_NAME, FURNITURE_SIZE)
        canvas.setFillColor(MUTED)
        right = PAGE_WIDTH - MARGIN_X
        canvas.drawString(MARGIN_X, HEADER_BASELINE, self.header_left)
        canvas.drawRightString(right, HEADER_BASELINE, self.header_right)
        canvas.drawCentredString(PAGE_WIDTH / 2, FOOTER_BASELINE + 4.5 * mm, self.no_alteration)
        canvas.drawCentredString(PAGE_WIDTH / 2, FOOTER_BASELINE, self.fingerprint_line)
        canvas.setStrokeColor(LINE)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN_X, HEADER_BASELINE - 2.5 * mm, right, HEADER_BASELINE - 2.5 * mm)
        canvas.line(MARGIN_X, FOOTER_BASELINE + 9 * mm, right, FOOTER_BASELINE + 9 * mm)
        canvas.restoreState()


def build_pdf(
    story: list[Flowable], *, title: str, subject: str, furniture: Furniture
) -> tuple[bytes, int]:
    """The PDF of `story` and its number of pages."""
    font()
    output = BytesIO()
    document = BaseDocTemplate(
        output,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=furniture.header_right,
        subject=subject,
        creator=CREATOR,
        producer=CREATOR,
        invariant=1,
        initialFontName=FONT_NAME,
    )
    frame = Frame(
        document.leftMargin,
        document.bottomMargin,
        document.width,
        document.height,
        # No padding inside the margins: the tables are exactly the text width.
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    document.addPageTemplates([PageTemplate("page", [frame], onPage=furniture.draw)])
    with _one_document_at_a_time:
        document.build(story)
    return output.getvalue(), document.page
