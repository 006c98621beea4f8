"""The parts both documents share: the title with its QR code, and the signing block."""

from __future__ import annotations

from functools import lru_cache

from ._blocks import Block, FixedText, KeepTogether, Page, Spacer, Text, fixed_runs, place
from ._content import DocumentContent
from ._document import FURNITURE_TEXT
from ._encoding import FixedEncoding
from ._layout import CONTENT_WIDTH, DATE_LINE, LINE, MM, QR_CAPTION, Styles, title_block
from ._pdf_syntax import number, numbers
from ._text import text_operators

SIGNERS = ("法定代表人（签字）", "数据管理员（签字）", "医疗机构（盖章）")
DOCUMENT_LINE = (
    "申请编号：{id}　资料版本：第 {revision} 版　生成日期：{year} 年 {month:02d} 月 {day:02d} 日"
)
FINGERPRINT_NOTE = (
    "文件指纹 {fingerprint}：本文件对应申请 {id} 第 {revision} 版资料，审核时将与系统中的当前资料"
    "核对。资料修改后本文件作废，请重新下载、签字盖章后上传。"
)
# Text of every page and of these parts that does not depend on the form, for the documents'
# fixed characters (`_encoding.fixed_characters`).
SHARED_FIXED_TEXT = "".join(
    (FURNITURE_TEXT, DATE_LINE, QR_CAPTION, DOCUMENT_LINE, FINGERPRINT_NOTE, *SIGNERS)
)
TITLE_ROW = 8 * MM
DATE_ROW = 8 * MM
SIGNING_SPACE = 44 * MM  # clear space for a 42 mm round seal
SIDE_PADDING = 6.0  # left and right of a box's title and date line


def heading(title: str, content: DocumentContent) -> list[Block]:
    day = content.generated_on
    line = DOCUMENT_LINE.format(
        id=content.application_id,
        revision=content.revision,
        year=day.year,
        month=day.month,
        day=day.day,
    )
    return [title_block(title, line, str(content.fingerprint)), Spacer(3 * MM)]


def signing(statement: str, content: DocumentContent) -> Block:
    """Statement, signature and seal boxes and the fingerprint note, kept on one page."""
    note = FINGERPRINT_NOTE.format(
        fingerprint=content.fingerprint, id=content.application_id, revision=content.revision
    )
    return KeepTogether(
        [
            FixedText(statement, Styles.body),
            Spacer(3 * MM),
            SignatureBoxes(SIGNERS),
            Spacer(2 * MM),
            Text(note, Styles.small),
        ]
    )


class SignatureBoxes(Block):
    """Side-by-side boxes to sign or stamp in, each titled, its date line at the bottom."""

    def __init__(self, titles: tuple[str, ...]) -> None:
        self.titles = titles
        self.width = CONTENT_WIDTH
        self.height = TITLE_ROW + SIGNING_SPACE + DATE_ROW

    def wrap(self, width: float) -> float:
        return self.height

    def draw(self, page: Page, x: float, y: float) -> None:
        page.operators.append(place(_boxes_operators(self.titles, page.encoding.fixed), x, y))


@lru_cache(maxsize=4)
def _boxes_operators(titles: tuple[str, ...], fixed: FixedEncoding) -> str:
    """The boxes with their origin at the bottom left, written once."""
    style = Styles.centred
    column = CONTENT_WIDTH / len(titles)
    height = TITLE_ROW + SIGNING_SPACE + DATE_ROW
    inner = column - 2 * SIDE_PADDING

    def centred(text: str, left: float, row_top: float, row_height: float) -> str:
        # Centred in its row as reportlab's tables centre a line between equal paddings.
        top = row_top - (row_height - style.leading) / 2
        box = (left + SIDE_PADDING, top, inner)
        return text_operators([text], style, box, lambda line: fixed_runs(fixed, line))

    code = []
    for index, title in enumerate(titles):
        left = index * column
        code.append(centred(title, left, height, TITLE_ROW))
        code.append(centred(DATE_LINE, left, DATE_ROW, DATE_ROW))
    code.append(f"q {LINE} RG {number(0.6)} w")
    below_title = height - TITLE_ROW
    for index in range(len(titles)):
        left = index * column
        code.append(f"{numbers(left, below_title)} m {numbers(left + column, below_title)} l S")
    code.append(f"{number(1.2)} w")
    for index in range(len(titles)):
        code.append(f"{numbers(index * column, 0, column, height)} re S")
    code.append("Q")
    return "\n".join(code)
