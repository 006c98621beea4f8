"""Styles, page geometry and building blocks shared by both documents.

Text that is the same in every document goes through `fixed_para` (laid out and drawn once per
process, `_paragraphs`); text from the form through `para`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from ._font import font_name
from ._grid import Cell, Grid, GridStyle
from ._paragraphs import fixed_para
from ._plain_text import PlainText, TextStyle
from ._qr import QrCode

AUTHORITY = "国家卫生健康委医政医管局  医院质量监测系统（HQMS）"
SYSTEM = "流感医疗服务监测系统"
HOTLINE = "400 0030 686"
NO_ALTERATION = (
    "本文件由系统根据填写资料自动生成，内容不得涂改，否则无效。如需更改，请修改资料后重新下载。"
)
DATE_LINE = "日期：　　　　年　　月　　日"
QR_CAPTION = "扫码核对文件指纹"

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 24 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
LINE = colors.HexColor("#333333")
LABEL_FILL = colors.HexColor("#EEF1F5")
HEADING_FILL = colors.HexColor("#DCE3EC")
MUTED = colors.HexColor("#555555")


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    section: ParagraphStyle
    body: ParagraphStyle
    term: ParagraphStyle
    label: ParagraphStyle
    value: ParagraphStyle
    small: ParagraphStyle
    centered: ParagraphStyle
    qr_caption: ParagraphStyle


@cache
def styles() -> Styles:
    font = font_name()

    def style(name: str, size: float, leading: float, **extra: Any) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=leading, wordWrap="CJK", **extra
        )

    return Styles(
        title=style("title", 20, 28, alignment=TA_CENTER, spaceAfter=2 * mm),
        subtitle=style("subtitle", 9.5, 14, alignment=TA_CENTER, textColor=MUTED),
        heading=style("heading", 11.5, 16, spaceBefore=2 * mm, spaceAfter=1 * mm, keepWithNext=1),
        section=style("section", 11.5, 15),
        body=style("body", 10.5, 17, firstLineIndent=21),
        term=style("term", 10.5, 15.5, leftIndent=14, firstLineIndent=-14, spaceAfter=0.8 * mm),
        label=style("label", 10.5, 15),
        value=style("value", 10.5, 15),
        small=style("small", 8.5, 12, textColor=MUTED),
        centered=style("centered", 10.5, 15, alignment=TA_CENTER),
        qr_caption=style("qr_caption", 7, 9, alignment=TA_RIGHT, textColor=MUTED),
    )


def para(text: str, style: ParagraphStyle) -> PlainText:
    """Plain text from the form (never read as markup) in the size, leading, colour and
    alignment of `style`, a left-aligned or centred one."""
    return PlainText(text, text_style(style))


@cache
def text_style(style: ParagraphStyle) -> TextStyle:
    if style.alignment not in (TA_LEFT, TA_CENTER):
        raise ValueError(f"form text is left-aligned or centred, not {style.alignment}")
    return TextStyle(
        size=style.fontSize,
        leading=style.leading,
        color=style.textColor,
        centred=style.alignment == TA_CENTER,
    )


# The form tables: thin grid, heavy outline, cells padded and centred vertically.
FORM_GRID = GridStyle(
    line_color=LINE,
    inner_width=0.6,
    outer_width=1.2,
    top=1.6 * mm,
    bottom=1.8 * mm,
    left=2.5 * mm,
    right=2.5 * mm,
)


def bordered_table(rows: Sequence[Sequence[Cell]], widths: Sequence[float]) -> Grid:
    """A form table (`FORM_GRID`); label cells carry `LABEL_FILL` (see `label_cell`)."""
    return Grid(rows, widths, FORM_GRID)


def label_cell(flowable: Flowable, column: int) -> Cell:
    """A shaded cell naming the value beside it."""
    return Cell((flowable,), column, fill=LABEL_FILL)


def signature_boxes(titles: Sequence[str], *, height: float = 44 * mm) -> Table:
    """Side-by-side boxes to sign or stamp in, each with its date line at the bottom.

    44 mm of clear space holds a 42 mm round seal.
    """
    s = styles()
    count = len(titles)
    table = Table(
        [
            [fixed_para(title, s.centered) for title in titles],
            ["" for _ in titles],
            [fixed_para(DATE_LINE, s.centered) for _ in titles],
        ],
        colWidths=[CONTENT_WIDTH / count] * count,
        rowHeights=[8 * mm, height, 8 * mm],
    )
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 0), (-1, -1), font_name()),
    ]
    for column in range(count):
        commands.append(("BOX", (column, 0), (column, -1), 1.2, LINE))
        commands.append(("LINEBELOW", (column, 0), (column, 0), 0.6, LINE))
    table.setStyle(TableStyle(commands))
    return table


def title_block(title: str, document_line: str, fingerprint_text: str) -> Grid:
    """The title centred, with the fingerprint's QR code at the top right corner."""
    s = styles()
    qr_size = 22 * mm
    side = qr_size + 6 * mm
    heading = [fixed_para(title, s.title), para(document_line, s.subtitle)]
    code = [QrCode(fingerprint_text, qr_size), fixed_para(QR_CAPTION, s.qr_caption)]
    return Grid(
        [[Cell(heading, 1), Cell(code, 2, align="RIGHT")]],
        [side, CONTENT_WIDTH - 2 * side, side],
        GridStyle(left=0, right=0),
    )
