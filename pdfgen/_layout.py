"""Page geometry, colours, text styles and the building blocks both documents share.

Text that is the same in every document goes through `FixedText`, text from the form through
`Text` (`_blocks`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ._blocks import Block, FixedText, QrCode, Text
from ._grid import Cell, Grid, GridStyle
from ._text import TextStyle, colour

AUTHORITY = "国家卫生健康委医政医管局  医院质量监测系统（HQMS）"
SYSTEM = "流感医疗服务监测系统"
HOTLINE = "400 0030 686"
NO_ALTERATION = (
    "本文件由系统根据填写资料自动生成，内容不得涂改，否则无效。如需更改，请修改资料后重新下载。"
)
DATE_LINE = "日期：　　　　年　　月　　日"
QR_CAPTION = "扫码核对文件指纹"

MM = 72 / 25.4
PAGE_WIDTH, PAGE_HEIGHT = 210 * MM, 297 * MM
MARGIN_X = 20 * MM
MARGIN_TOP = 22 * MM
MARGIN_BOTTOM = 24 * MM
FRAME_PADDING = 6.0  # inside the margins, as reportlab's page template pads its frame
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
LINE = colour("#333333")
LABEL_FILL = colour("#EEF1F5")
HEADING_FILL = colour("#DCE3EC")
MUTED = colour("#555555")


class Styles:
    title = TextStyle(20, 28, align="centre", space_after=2 * MM)
    subtitle = TextStyle(9.5, 14, MUTED, align="centre")
    heading = TextStyle(11.5, 16, space_before=2 * MM, space_after=1 * MM, keep_with_next=True)
    section = TextStyle(11.5, 15, keep_with_next=True)  # a table's heading row
    body = TextStyle(10.5, 17, first_indent=21)
    term = TextStyle(10.5, 15.5, left_indent=14, first_indent=-14, space_after=0.8 * MM)
    value = TextStyle(10.5, 15)
    small = TextStyle(8.5, 12, MUTED)
    centred = TextStyle(10.5, 15, align="centre")
    qr_caption = TextStyle(7, 9, MUTED, align="right")


# The form tables: thin grid, heavy outline, cells padded and centred vertically.
FORM_GRID = GridStyle(
    line_color=LINE,
    inner_width=0.6,
    outer_width=1.2,
    top=1.6 * MM,
    bottom=1.8 * MM,
    left=2.5 * MM,
    right=2.5 * MM,
)


def bordered_table(rows: Sequence[Sequence[Cell]], widths: Sequence[float]) -> Grid:
    """A form table (`FORM_GRID`); label cells carry `LABEL_FILL` (see `label_cell`)."""
    return Grid(rows, widths, FORM_GRID)


def label_cell(label: str, column: int) -> Cell:
    """A shaded cell naming the value beside it."""
    return Cell((FixedText(label, Styles.value),), column, fill=LABEL_FILL)


def title_block(title: str, document_line: str, fingerprint_text: str) -> Grid:
    """The title centred, with the fingerprint's QR code at the top right corner."""
    qr_size = 22 * MM
    side = qr_size + 6 * MM
    heading: list[Block] = [FixedText(title, Styles.title), Text(document_line, Styles.subtitle)]
    code: list[Block] = [
        QrCode(fingerprint_text, qr_size),
        FixedText(QR_CAPTION, Styles.qr_caption),
    ]
    return Grid(
        [[Cell(heading, 1), Cell(code, 2, align="RIGHT")]],
        [side, CONTENT_WIDTH - 2 * side, side],
        GridStyle(left=0, right=0),
    )
