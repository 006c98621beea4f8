"""《医疗机构信息收集表》: every field of the form in one bordered grid, to sign and stamp."""

from __future__ import annotations

from ._blocks import Block, FixedText, Spacer, Text
from ._content import SEGMENT_TITLES, DocumentContent
from ._document import build_pdf
from ._encoding import fixed_characters
from ._grid import Cell, Grid, GridStyle
from ._layout import (
    CONTENT_WIDTH,
    HEADING_FILL,
    LABEL_FILL,
    LINE,
    MM,
    MUTED,
    Styles,
    bordered_table,
    label_cell,
)
from ._parts import SHARED_FIXED_TEXT, heading, signing
from ._text import TextStyle

TITLE = "医疗机构信息收集表"
LABEL_WIDTH = 30 * MM
SHORT_VALUE_WIDTH = 55 * MM
COLUMN_WIDTHS = (
    LABEL_WIDTH,
    SHORT_VALUE_WIDTH,
    LABEL_WIDTH,
    CONTENT_WIDTH - 2 * LABEL_WIDTH - SHORT_VALUE_WIDTH,
)
STATEMENT = (
    "本机构确认：以上信息真实、准确，医疗机构名称、诊疗科目与《医疗机构执业许可证》登记内容一致。"
    "数据管理员手机号码用于登录系统，电子邮箱用于接收账号通知和找回密码。"
)
SECTIONS = ("一、医疗机构基本信息", "二、法定代表人", "三、数据管理员")
LABELS = {
    "name": "医疗机构名称",
    "opened_on": "开业日期",
    "code": "医疗机构代码",
    "address": "医疗机构地址",
    "subjects": "诊疗科目",
    "person": "姓名",
    "mobile": "手机号码",
    "email": "电子邮箱",
}
SUBJECTS_SEPARATOR = "、"
NO_SUBJECTS = "（未填写）"
FIXED_CHARACTERS = fixed_characters(
    SHARED_FIXED_TEXT,
    TITLE,
    STATEMENT,
    *SECTIONS,
    *LABELS.values(),
    *SEGMENT_TITLES.values(),
    SUBJECTS_SEPARATOR,
    NO_SUBJECTS,
)


def info_form_pdf(content: DocumentContent) -> bytes:
    blocks: list[Block] = [
        *heading(TITLE, content),
        _fields_table(content),
        Spacer(4 * MM),
        signing(STATEMENT, content),
    ]
    return build_pdf(
        blocks,
        title=TITLE,
        fingerprint_text=str(content.fingerprint),
        fixed_characters=FIXED_CHARACTERS,
    )


def _fields_table(content: DocumentContent) -> Grid:
    rows: list[list[Cell]] = []

    def cell(text: str) -> Text:
        return Text(text, Styles.value)

    def section(title: str) -> None:
        rows.append([Cell((FixedText(title, Styles.section),), 0, span=4, fill=HEADING_FILL)])

    def wide(key: str, *value: Block) -> None:
        rows.append([label_cell(LABELS[key], 0), Cell(value, 1, span=3)])

    def person(name: str, mobile: str) -> None:
        rows.append(
            [
                label_cell(LABELS["person"], 0),
                Cell((cell(name),), 1),
                label_cell(LABELS["mobile"], 2),
                Cell((cell(mobile),), 3),
            ]
        )

    basic, legal_rep, admin = SECTIONS
    section(basic)
    wide("name", cell(content.name))
    wide("opened_on", cell(content.opened_on))
    wide("code", cell(content.code), Spacer(1.5 * MM), _code_segments(content))
    wide("address", cell(content.address))
    wide("subjects", cell(SUBJECTS_SEPARATOR.join(content.subjects) or NO_SUBJECTS))
    section(legal_rep)
    person(content.legal_rep_name, content.legal_rep_mobile)
    section(admin)
    person(content.admin_name, content.admin_mobile)
    wide("email", cell(content.admin_email))
    return bordered_table(rows, COLUMN_WIDTHS)


# The code's segments: a small grid of thin lines, titles shaded above their values.
SEGMENTS_GRID = GridStyle(
    line_color=LINE,
    inner_width=0.4,
    outer_width=0.4,
    valign="TOP",
    top=0.8 * MM,
    bottom=1.2 * MM,
    left=1.5 * MM,
)
NOTE_STYLE = TextStyle(size=8.5, leading=Styles.value.leading, color=MUTED)


def _code_segments(content: DocumentContent) -> Grid:
    """The code's five parts under it: title, then the value and what it means."""
    segments = content.code_segments
    width = (CONTENT_WIDTH - LABEL_WIDTH - 5 * MM) / max(1, len(segments))
    titles = [
        Cell((FixedText(segment.title, Styles.small),), column, fill=LABEL_FILL)
        for column, segment in enumerate(segments)
    ]
    meanings = []
    for column, segment in enumerate(segments):
        # The meaning in smaller muted type, under the value as the next line of one paragraph.
        value = Text(segment.value, Styles.value)
        if segment.label:
            note = Text(segment.label, NOTE_STYLE, first_baseline=Styles.value.size)
            meanings.append(Cell((value, note), column))
        else:
            meanings.append(Cell((value,), column))
    return Grid([titles, meanings], [width] * len(segments), SEGMENTS_GRID)
