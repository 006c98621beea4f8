"""《医疗机构信息收集表》: every field of the form in one bordered table, to stamp."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from ._content import DocumentContent
from ._page import Furniture, build_pdf
from ._parts import seal_block, title_block
from ._styles import (
    CONTENT_WIDTH,
    HEADING_FILL,
    LABEL_FILL,
    LINE,
    Styles,
    form_table_style,
    paragraph,
    table_style,
)
from ._texts import DocumentTexts, filled

LABEL_WIDTH = 24 * mm
MOBILE_LABEL_WIDTH = 20 * mm
MOBILE_WIDTH = 30 * mm
COLUMN_WIDTHS = (
    LABEL_WIDTH,
    CONTENT_WIDTH - LABEL_WIDTH - MOBILE_LABEL_WIDTH - MOBILE_WIDTH,
    MOBILE_LABEL_WIDTH,
    MOBILE_WIDTH,
)
# The code's segments share the value column, the division (with its name) widest.
SEGMENT_SHARES = {"organization": 24, "division": 46, "economic_type": 26, "category": 30}
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


def info_form_pdf(content: DocumentContent, texts: DocumentTexts) -> tuple[bytes, int]:
    """The document and its number of pages."""
    title = filled(texts.text("info_form.title"), content.placeholders())
    story: list[Flowable] = [
        title_block("info_form.title", texts, content),
        Spacer(1, 3 * mm),
        _fields_table(content),
        seal_block("info_form.confirmation", texts, content),
    ]
    furniture = Furniture.of(texts, content)
    return build_pdf(story, title=title, subject=str(content.fingerprint), furniture=furniture)


def _fields_table(content: DocumentContent) -> Table:
    rows: list[list[object]] = []
    commands: list[tuple[object, ...]] = []

    def value(text: str) -> Flowable:
        return paragraph(text, Styles.value)

    def section(title: str) -> None:
        row = len(rows)
        rows.append([paragraph(title, Styles.section), "", "", ""])
        commands.append(("SPAN", (0, row), (-1, row)))
        commands.append(("BACKGROUND", (0, row), (-1, row), HEADING_FILL))

    def wide(key: str, cell: object) -> None:
        row = len(rows)
        rows.append([paragraph(LABELS[key], Styles.label), cell, "", ""])
        commands.append(("SPAN", (1, row), (-1, row)))
        commands.append(("BACKGROUND", (0, row), (0, row), LABEL_FILL))

    def person(name: str, mobile: str) -> None:
        row = len(rows)
        rows.append(
            [
                paragraph(LABELS["person"], Styles.label),
                value(name),
                paragraph(LABELS["mobile"], Styles.label),
                value(mobile),
            ]
        )
        commands.append(("BACKGROUND", (0, row), (0, row), LABEL_FILL))
        commands.append(("BACKGROUND", (2, row), (2, row), LABEL_FILL))

    basic, legal_rep, admin = SECTIONS
    section(basic)
    wide("name", value(content.name))
    wide("opened_on", value(content.opened_on))
    wide("code", [value(content.code), Spacer(1, 1.2 * mm), _code_segments(content)])
    wide("address", value(content.address))
    subjects = SUBJECTS_SEPARATOR.join(content.subjects) or NO_SUBJECTS
    wide("subjects", paragraph(subjects, Styles.dense))
    section(legal_rep)
    person(content.legal_rep_name, content.legal_rep_mobile)
    section(admin)
    person(content.admin_name, content.admin_mobile)
    wide("email", value(content.admin_email))
    return Table(
        rows,
        colWidths=COLUMN_WIDTHS,
        style=form_table_style(*commands),
    )


def _code_segments(content: DocumentContent) -> Table:
    """The code's five parts under it: each title shaded above its value and meaning."""
    segments = content.code_segments
    shares = [SEGMENT_SHARES.get(segment.name, 20) for segment in segments]
    inner = CONTENT_WIDTH - LABEL_WIDTH - 4 * mm
    titles = [paragraph(segment.title, Styles.segment) for segment in segments]
    meanings = [
        [paragraph(segment.value, Styles.segment)]
        + ([paragraph(segment.label, Styles.note)] if segment.label else [])
        for segment in segments
    ]
    return Table(
        [titles, meanings],
        colWidths=[inner * share / sum(shares) for share in shares],
        style=table_style(
            ("GRID", (0, 0), (-1, -1), 0.4, LINE),
            ("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 0.6 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1 * mm),
            ("LEFTPADDING", (0, 0), (-1, -1), 1.2 * mm),
            ("RIGHTPADDING", (0, 0), (-1, -1), 1 * mm),
        ),
    )
