"""《医疗机构信息收集表》: every field of the form in one bordered table, to sign and stamp."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from ._blocks import heading, signing
from ._content import DocumentContent
from ._font import font_name
from ._layout import (
    CONTENT_WIDTH,
    HEADING_FILL,
    LABEL_FILL,
    LINE,
    MUTED,
    bordered_table,
    build_pdf,
    para,
    styles,
)

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


def info_form_pdf(content: DocumentContent) -> bytes:
    story: list[Flowable] = [
        *heading(TITLE, content),
        _fields_table(content),
        Spacer(1, 4 * mm),
        signing(STATEMENT, content),
    ]
    return build_pdf(story, title=TITLE, fingerprint_text=str(content.fingerprint))


def _fields_table(content: DocumentContent) -> Table:
    s = styles()
    rows: list[list[object]] = []
    extra: list[tuple[Any, ...]] = []

    def cell(text: str) -> Paragraph:
        return para(text, s.value)

    def section(title: str) -> None:
        row = len(rows)
        rows.append([para(title, s.section), "", "", ""])
        extra.extend(
            [("SPAN", (0, row), (3, row)), ("BACKGROUND", (0, row), (3, row), HEADING_FILL)]
        )

    def wide(label: str, value: object) -> None:
        row = len(rows)
        rows.append([cell(label), value, "", ""])
        extra.append(("SPAN", (1, row), (3, row)))

    def pair(label: str, value: str, second_label: str, second_value: str) -> None:
        row = len(rows)
        rows.append([cell(label), cell(value), cell(second_label), cell(second_value)])
        extra.append(("BACKGROUND", (2, row), (2, row), LABEL_FILL))

    section("一、医疗机构基本信息")
    wide("医疗机构名称", cell(content.name))
    wide("开业日期", cell(content.opened_on))
    wide("医疗机构代码", [cell(content.code), Spacer(1, 1.5 * mm), _code_segments(content)])
    wide("医疗机构地址", cell(content.address))
    wide("诊疗科目", cell("、".join(content.subjects) or "（未填写）"))
    section("二、法定代表人")
    pair("姓名", content.legal_rep_name, "手机号码", content.legal_rep_mobile)
    section("三、数据管理员")
    pair("姓名", content.admin_name, "手机号码", content.admin_mobile)
    wide("电子邮箱", cell(content.admin_email))
    return bordered_table(rows, COLUMN_WIDTHS, extra=extra)


def _code_segments(content: DocumentContent) -> Table:
    """The code's five parts under it: title, then the value and what it means."""
    s = styles()
    segments = content.code_segments
    width = (CONTENT_WIDTH - LABEL_WIDTH - 5 * mm) / max(1, len(segments))
    meanings = [
        Paragraph(
            f'{escape(segment.value)}<br/><font size="8.5" color="{MUTED.hexval()[2:]}">'
            f"{escape(segment.label)}</font>".replace('color="', 'color="#'),
            s.value,
        )
        for segment in segments
    ]
    table = Table(
        [[para(segment.title, s.small) for segment in segments], meanings],
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
