"""`DocumentCheckSection` (材料核对): the generated documents beside the stamped scans.

The two documents print a fingerprint (`HQMS:<id>:R<revision>:<hash of the data>`) in words and
as a QR code; a stamped scan of the current documents shows that same fingerprint. The reviewer
compares it by eye on the scan, and the server already says which stamped form was uploaded
before the form's latest change (`FileInfo.stale`). The fingerprint is read from the generated
PDF itself (its `/Subject`), so the kiosk needs no copy of the hashing rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label

from domain import FileInfo, FileKind

from .._i18n import N_, Translated, tr
from .._labels import FILE_KIND_LABELS, file_size
from .sections import Section

FINGERPRINT = re.compile(rb"HQMS:[A-Z0-9]+(?:-[A-Z0-9]+)*:R\d+:[0-9A-F]{12}")

FORM_REVISION = re.compile(r":R(\d+):")

GENERATED_TITLES = Translated(
    {
        FileKind.INFO_FORM: N_("信息收集表 PDF"),
        FileKind.CONSENT: N_("使用须知同意书 PDF"),
    }
)


def fingerprint_in_pdf(pdf: bytes) -> str | None:
    """The fingerprint printed on a generated document, read from the PDF's bytes."""
    found = FINGERPRINT.search(pdf)
    return found.group().decode("ascii") if found else None


def scan_verdict(info: FileInfo | None, kind: FileKind) -> tuple[str, bool]:
    """What the reviewer should know about one scan, and whether it is fine to approve on."""
    if info is None:
        return tr("未上传"), False
    if info.stale:
        return tr("已过期：上传后资料又改过"), False
    if kind is FileKind.LICENSE:
        return tr("不随资料过期"), True
    return tr("按当前资料盖章"), True


def _text(content: str, classes: str = "") -> Label:
    return Label(content, markup=False, classes=classes)


class DocumentCheckSection(Section):
    """Two columns: what the system generated (with its fingerprint) and what was stamped."""

    DEFAULT_CSS = """
    DocumentCheckSection .check-columns { height: auto; }
    DocumentCheckSection .check-column { height: auto; padding-right: 1; }
    DocumentCheckSection #generated-column { width: 33; }
    DocumentCheckSection #scans-column { width: 1fr; }
    DocumentCheckSection .check-column Label { width: 1fr; }
    DocumentCheckSection .check-summary { width: 1fr; }
    DocumentCheckSection .column-title { text-style: underline; }
    DocumentCheckSection .-ok { color: $text-success; }
    DocumentCheckSection .-bad { color: $text-error; }
    DocumentCheckSection .muted { color: $text-muted; }
    """

    def __init__(
        self,
        files: list[FileInfo],
        *,
        fingerprint: str | None,
        fingerprint_note: str = "",
    ) -> None:
        """`fingerprint_note` says why there is no fingerprint (e.g. the documents were refused)."""
        super().__init__(tr("材料核对"), id="document-check")
        self.files = files
        self.fingerprint = fingerprint
        self.fingerprint_note = fingerprint_note

    @property
    def all_scans_current(self) -> bool:
        return all(self.verdict(kind)[1] for kind in FileKind)

    def verdict(self, kind: FileKind) -> tuple[str, bool]:
        return scan_verdict(next((f for f in self.files if f.kind is kind), None), kind)

    def compose(self) -> ComposeResult:
        yield _text(self.title, "section-title")
        with Horizontal(classes="check-columns"):
            with Vertical(classes="check-column", id="generated-column"):
                yield from self.generated_lines()
            with Vertical(classes="check-column", id="scans-column"):
                yield from self.scan_lines()
        # The summary wraps rather than runs off the right edge (a longer language's may).
        if self.all_scans_current:
            yield _text(
                tr("三份扫描件齐全且对应当前资料：请再核对扫描件上印的文件指纹与左侧一致。"),
                "check-summary",
            )
        else:
            yield _text(
                tr("扫描件缺少或已过期：不能按现有材料通过，请选择不通过并说明。"),
                "check-summary -bad",
            )

    def generated_lines(self) -> Iterable[Label]:
        # The fingerprint counts revisions of the form, which submit and review do not change.
        found = FORM_REVISION.search(self.fingerprint or "")
        version = tr("第 {revision} 版资料", revision=found[1]) if found else tr("当前资料")
        yield _text(tr("系统生成（{version}）", version=version), "column-title")
        for title in GENERATED_TITLES.values():
            yield _text(title)
        if self.fingerprint:
            yield _text(tr("文件指纹："), "muted")
            yield _text(self.fingerprint, "fingerprint")
        else:
            yield _text(self.fingerprint_note or tr("无法读取文件指纹。"), "-bad")

    def scan_lines(self) -> Iterable[Label]:
        yield _text(tr("盖章扫描件"), "column-title")
        for kind in FileKind:
            info = next((f for f in self.files if f.kind is kind), None)
            sentence, fine = self.verdict(kind)
            mark = "✓" if fine else "✗"
            line = tr(
                "{mark} {file}：{verdict}", mark=mark, file=FILE_KIND_LABELS[kind], verdict=sentence
            )
            yield _text(line, "-ok" if fine else "-bad")
            if info is not None:
                size = file_size(info.size)
                yield _text(tr("{filename}（{size}）", filename=info.filename, size=size), "muted")
