"""《医疗机构信息收集表》: every field of the form in one bordered table, to sign and stamp."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from ._blocks import SHARED_FIXED_TEXT, heading, signing
from ._build import build_pdf
from ._content import SEGMENT_TITLES, DocumentContent
from ._font import font_name
from ._layout import (
    CONTENT_WIDTH,
    HEADING_FILL,
    LABEL_FILL,
    LINE,
    MUTED,
    bordered_table,
    para,
    styles,
)
from ._paragraphs import fixed_characters, fixed_para, form_value_and_note

TITLE = "医疗机构信息收集表"
LABEL_WIDTH = 30 * mm
SHORT_VALUE_WIDTH = 55 * mm
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
    story: list[Flowable] = [
        *heading(TITLE, content),
        _fields_table(content),
        Spacer(1, 4 * mm),
        signing(STATEMENT, content),
    ]
    return build_pdf(
        story,
        title=TITLE,
        fingerprint_text=str(content.fingerprint),
        fixed_characters=FIXED_CHARACTERS,
    )


def _fields_table(content: DocumentContent) -> Table:
    s = styles()
    rows: list[list[object]] = []
    extra: list[tuple[Any, ...]] = []

    def cell(text: str) -> Paragraph:
        return para(text, s.value)

    def label(text: str) -> Paragraph:
        return fixed_para(text, s.value)

    def section(title: str) -> None:
        row = len(rows)
        rows.append([fixed_para(title, s.section), "", "", ""])
        extra.extend(
            [("SPAN", (0, row), (3, row)), ("BACKGROUND", (0, row), (3, row), HEADING_FILL)]
        )

    def wide(key: str, value: object) -> None:
        row = len(rows)
        rows.append([label(LABELS[key]), value, "", ""])
        extra.append(("SPAN", (1, row), (3, row)))

    def person(name: str, mobile: str) -> None:
        row = len(rows)
        rows.append([label(LABELS["person"]), cell(name), label(LABELS["mobile"]), cell(mobile)])
        extra.append(("BACKGROUND", (2, row), (2, row), LABEL_FILL))

    basic, legal_rep, admin = SECTIONS
    section(basic)
    wide("name", cell(content.name))
    wide("opened_on", cell(content.opened_on))
    wide("code", [cell(content.code), Spacer(1, 1.5 * mm), _code_segments(content)])
    wide("address", cell(content.address))
    wide("subjects", cell(SUBJECTS_SEPARATOR.join(content.subjects) or NO_SUBJECTS))
    section(legal_rep)
    person(content.legal_rep_name, content.legal_rep_mobile)
    section(admin)
    person(content.admin_name, content.admin_mobile)
    wide("email", cell(content.admin_email))
    return bordered_table(rows, COLUMN_WIDTHS, extra=extra)


def _code_segments(content: DocumentContent) -> Table:
    """The code's five parts under it: title, then the value and what it means."""
    s = styles()
    segments = content.code_segments
    width = (CONTENT_WIDTH - LABEL_WIDTH - 5 * mm) / max(1, len(segments))
    note_color = "#" + MUTED.hexval()[2:]
    meanings = [
        form_value_and_note(
            segment.value, segment.label, s.value, note_size=8.5, note_color=note_color
        )
        for segment in segments
    ]
    table = Table(
        [[fixed_para(segment.title, s.small) for segment in segments], meanings],
        colWidths=[width] * len(segments),
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, LINE),
                ("FONTNAME", (0, 0), (-1, -1), font_name()),
                ("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 1.5 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 0.8 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2 * mm),
            ]
        )
    )
    return table
