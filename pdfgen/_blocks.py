"""The parts both documents share: the title with its QR code, and the signing block."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from ._build import FURNITURE_TEXT
from ._content import DocumentContent
from ._grid import QuickKeepTogether
from ._layout import DATE_LINE, QR_CAPTION, para, signature_boxes, styles, title_block
from ._paragraphs import fixed_para
from ._recording import FixedFlowable

SIGNERS = ("法定代表人（签字）", "数据管理员（签字）", "医疗机构（盖章）")
DOCUMENT_LINE = (
    "申请编号：{id}　资料版本：第 {revision} 版　生成日期：{year} 年 {month:02d} 月 {day:02d} 日"
)
FINGERPRINT_NOTE = (
    "文件指纹 {fingerprint}：本文件对应申请 {id} 第 {revision} 版资料，审核时将与系统中的当前资料"
    "核对。资料修改后本文件作废，请重新下载、签字盖章后上传。"
)
# Text of every page and of these blocks that does not depend on the form, for the documents'
# fixed characters (`_paragraphs.fixed_characters`).
SHARED_FIXED_TEXT = "".join(
    (FURNITURE_TEXT, DATE_LINE, QR_CAPTION, DOCUMENT_LINE, FINGERPRINT_NOTE, *SIGNERS)
)


def heading(title: str, content: DocumentContent) -> list[Flowable]:
    day = content.generated_on
    line = DOCUMENT_LINE.format(
        id=content.application_id,
        revision=content.revision,
        year=day.year,
        month=day.month,
        day=day.day,
    )
    return [title_block(title, line, str(content.fingerprint)), Spacer(1, 3 * mm)]


def signing(statement: str, content: DocumentContent) -> Flowable:
    """Statement, signature and seal boxes and the fingerprint note, kept on one page."""
    s = styles()
    note = FINGERPRINT_NOTE.format(
        fingerprint=content.fingerprint, id=content.application_id, revision=content.revision
    )
    return QuickKeepTogether(
        [
            fixed_para(statement, s.body),
            Spacer(1, 3 * mm),
            FixedFlowable(("signature boxes", SIGNERS), lambda: signature_boxes(SIGNERS)),
            Spacer(1, 2 * mm),
            para(note, s.small),
        ]
    )
