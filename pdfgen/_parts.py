"""The parts both documents share: the title with the fingerprint's QR code, and the block the
hospital stamps (its statement beside one 医疗机构（盖章） box with a date line)."""

from __future__ import annotations

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from ._content import DocumentContent
from ._font import FONT_NAME
from ._styles import CONTENT_WIDTH, LINE, Styles, paragraph, table_style
from ._texts import DocumentTexts, filled

QR_SIZE = 20 * mm
QR_BORDER_MODULES = 2  # the standard asks for 4; the white around the code adds the rest
SEAL_WIDTH = 62 * mm
# A 42 mm round seal, stamped over the box's title and date line as seals are.
SEAL_HEIGHT = 46 * mm
SIGNATURE_ROW = 9 * mm


def qr_code(payload: str, size: float = QR_SIZE) -> Drawing:
    """The QR code of `payload`, error correction M, scaled to `size` points square."""
    widget = QrCodeWidget(payload, barLevel="M", barBorder=QR_BORDER_MODULES)
    left, bottom, right, top = widget.getBounds()
    scale = [size / (right - left), 0, 0, size / (top - bottom), 0, 0]
    # The drawing's font, though it draws no text: else reportlab adds Helvetica to the page.
    drawing = Drawing(size, size, transform=scale, initialFontName=FONT_NAME)
    drawing.add(widget)
    return drawing


def title_block(title_key: str, texts: DocumentTexts, content: DocumentContent) -> Table:
    """The title centred, the application's id and revision under it, the QR code at the right."""
    values = content.placeholders()
    side = QR_SIZE + 4 * mm
    heading = [
        paragraph(filled(texts.text(title_key), values), Styles.title),
        Spacer(1, 1.5 * mm),
        paragraph(filled(texts.text("page.document_line"), values), Styles.subtitle),
    ]
    code = [
        qr_code(str(content.fingerprint)),
        paragraph(filled(texts.text("page.qr_caption"), values), Styles.caption),
    ]
    table = Table(
        [["", heading, code]],
        colWidths=[side, CONTENT_WIDTH - 2 * side, side],
        style=table_style(
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (2, 0), (2, 0), "RIGHT")
        ),
    )
    return table


def seal_block(statement_key: str, texts: DocumentTexts, content: DocumentContent) -> Flowable:
    """The statement the seal certifies, the signature lines the wording asks for, and the
    fingerprint note, beside the seal box: kept on one page with what it certifies."""
    values = content.placeholders()
    left: list[Flowable] = [paragraph(filled(texts.text(statement_key), values), Styles.body)]
    signatures = texts.texts("seal.signatures")
    if signatures:
        left += [Spacer(1, 2 * mm), _signature_lines(signatures, values)]
    left += [
        Spacer(1, 3 * mm),
        paragraph(filled(texts.text("page.fingerprint_note"), values), Styles.note),
    ]
    box = _seal_box(texts, values)
    table = Table(
        [[left, box]],
        colWidths=[CONTENT_WIDTH - SEAL_WIDTH - 4 * mm, SEAL_WIDTH + 4 * mm],
        style=table_style(
            ("VALIGN", (0, 0), (0, 0), "TOP"),
            ("VALIGN", (1, 0), (1, 0), "BOTTOM"),
            ("ALIGN", (1, 0), (1, 0), "RIGHT"),
        ),
    )
    return KeepTogether([Spacer(1, 4 * mm), table])


def _seal_box(texts: DocumentTexts, values: dict[str, str]) -> Table:
    """One box: its title at the top, the date line at the bottom, room for the seal."""
    rows = [
        [paragraph(filled(texts.text("seal.title"), values), Styles.centred)],
        [paragraph(filled(texts.text("seal.date_line"), values), Styles.centred)],
    ]
    return Table(
        rows,
        colWidths=[SEAL_WIDTH],
        rowHeights=[SEAL_HEIGHT / 2] * 2,
        style=table_style(
            ("BOX", (0, 0), (-1, -1), 1.2, LINE),
            ("VALIGN", (0, 0), (0, 0), "TOP"),
            ("VALIGN", (0, 1), (0, 1), "BOTTOM"),
            ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5 * mm),
        ),
    )


def _signature_lines(signatures: tuple[str, ...], values: dict[str, str]) -> Table:
    """A line to sign on after each title the wording asks for."""
    rows = [[paragraph(filled(title, values), Styles.value), ""] for title in signatures]
    label_width = 36 * mm
    return Table(
        rows,
        colWidths=[label_width, 50 * mm],
        rowHeights=[SIGNATURE_ROW] * len(rows),
        hAlign="LEFT",
        style=table_style(
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LINEBELOW", (1, 0), (1, -1), 0.6, LINE)
        ),
    )
