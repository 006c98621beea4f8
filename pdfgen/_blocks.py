"""The parts both documents share: the title with its QR code, and the signing block."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from ._content import DocumentContent
from ._layout import para, signature_boxes, styles, title_block

SIGNERS = ("法定代表人（签字）", "数据管理员（签字）", "医疗机构（盖章）")


def heading(title: str, content: DocumentContent) -> list[Flowable]:
    day = content.generated_on
    line = (
        f"申请编号：{content.application_id}　资料版本：第 {content.revision} 版　"
        f"生成日期：{day.year} 年 {day.month:02d} 月 {day.day:02d} 日"
    )
    return [title_block(title, line, str(content.fingerprint)), Spacer(1, 3 * mm)]


def signing(statement: str, content: DocumentContent) -> Flowable:
    """Statement, signature and seal boxes and the fingerprint note, kept on one page."""
    s = styles()
    note = (
        f"文件指纹 {content.fingerprint}：本文件对应申请 {content.application_id} 第 "
        f"{content.revision} 版资料，审核时将与系统中的当前资料核对。资料修改后本文件作废，"
        "请重新下载、签字盖章后上传。"
    )
    return KeepTogether(
        [
            para(statement, s.body),
            Spacer(1, 3 * mm),
            signature_boxes(SIGNERS),
            Spacer(1, 2 * mm),
            para(note, s.small),
        ]
    )
