"""Page geometry, colours and the paragraph and table styles both documents share."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, TableStyle

from ._font import FONT_NAME, font

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 22 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
LINE = colors.HexColor("#333333")
LABEL_FILL = colors.HexColor("#EEF1F5")
HEADING_FILL = colors.HexColor("#DCE3EC")
MUTED = colors.HexColor("#555555")

# Any whitespace but the no-break and ideographic spaces: line and paragraph separators and the
# like have no glyph in the font, and a value pasted from elsewhere may carry them.
_SPACES = re.compile(r"[^\S\xa0\u3000]+")
# A paragraph collapses an ideographic space (the blanks of 年　　月　　日) like any other;
# no-break spaces it keeps: four of them are its width in this font (260 + 260 + 260 + 260).
IDEOGRAPHIC_SPACE = "\xa0" * 4


def plain(text: str) -> str:
    """`text` as paragraph markup that prints it as typed: whitespace runs as one space, an
    ideographic space as wide as it is, `<` and `&` as themselves."""
    return escape(_SPACES.sub(" ", text).strip(" ").replace("\u3000", IDEOGRAPHIC_SPACE))


def style(
    name: str,
    size: float,
    leading: float,
    *,
    align: int = 0,
    color: colors.Color = colors.black,
    indent: float = 0.0,
    first_indent: float = 0.0,
    space_before: float = 0.0,
    space_after: float = 0.0,
) -> ParagraphStyle:
    """A paragraph style in the embedded font, lines broken the CJK way."""
    return ParagraphStyle(
        name,
        fontName=FONT_NAME,
        fontSize=size,
        leading=leading,
        alignment=align,
        textColor=color,
        leftIndent=indent,
        firstLineIndent=first_indent,
        spaceBefore=space_before,
        spaceAfter=space_after,
        wordWrap="CJK",
    )


class Styles:
    """The documents' paragraph styles; the font is registered before the first is drawn."""

    title = style("title", 18, 24, align=TA_CENTER)
    subtitle = style("subtitle", 9, 13, align=TA_CENTER, color=MUTED)
    section = style("section", 10.5, 13)
    label = style("label", 9, 12.5)
    value = style("value", 9.5, 12.5)
    dense = style("dense", 8.5, 11)  # the subjects: up to 40 on a few lines
    segment = style("segment", 8, 10.5)
    note = style("note", 8, 10.5, color=MUTED)
    body = style("body", 9.5, 14, first_indent=19)
    heading = style("heading", 10, 14, space_before=1.2 * mm)
    clause = style("clause", 9.5, 13.5, indent=13, first_indent=-13)
    centred = style("centred", 9.5, 13, align=TA_CENTER)
    caption = style("caption", 6.5, 8, align=TA_RIGHT, color=MUTED)


def paragraph(text: str, paragraph_style: ParagraphStyle) -> Paragraph:
    """Text printed as typed (never read as markup) in `paragraph_style`."""
    font()
    return Paragraph(plain(text), paragraph_style)


def table_style(*commands: tuple[object, ...], padding: float = 0.0) -> TableStyle:
    """A table style in the embedded font (a table names its font even when every cell is a
    paragraph: left at reportlab's default, Helvetica would be listed in the file), the cells
    padded by `padding` unless `commands` say otherwise."""
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), FONT_NAME, Styles.value.fontSize),
            ("LEFTPADDING", (0, 0), (-1, -1), padding),
            ("RIGHTPADDING", (0, 0), (-1, -1), padding),
            ("TOPPADDING", (0, 0), (-1, -1), padding),
            ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
            *commands,
        ]
    )


def form_table_style(*commands: tuple[object, ...]) -> TableStyle:
    """The forms' bordered tables: thin grid, heavy outline, cells centred vertically."""
    return table_style(
        ("GRID", (0, 0), (-1, -1), 0.6, LINE),
        ("BOX", (0, 0), (-1, -1), 1.2, LINE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.3 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6 * mm),
        ("LEFTPADDING", (0, 0), (-1, -1), 2 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
        *commands,
    )
