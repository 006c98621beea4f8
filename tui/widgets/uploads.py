"""`UploadsPanel`: 上传文件 — the two documents to stamp, and the three stamped scans.

The rules come first, so the operator can tell the caller what a good scan is before anyone
tries. The panel only collects what the operator asks for and posts it as a message; the
screen does the I/O in workers. `check_local_scan` applies the server's rules to a local file
before sending it, so a scan that would be refused is explained without a round trip.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Button, DataTable, Input, Label, Select, Static

from domain import FileInfo, FileKind

from .._i18n import N_, tr
from .._labels import FILE_KIND_LABELS, FILE_TITLES, file_size

MAX_SCAN_BYTES = 5 * 1024 * 1024
SCAN_SIGNATURES: dict[bytes, str] = {b"\xff\xd8\xff": "JPG", b"%PDF-": "PDF"}
UPLOAD_RULES = N_(
    "上传规则：最多三份——{info_form}、{consent}、{license}，每份一个文件。"
    "每份为 JPG 或 PDF（按文件内容识别，改扩展名无效），不超过 5 MB；"
    "一份有多页（如许可证正副本）时，请合成一个 PDF 上传。"
    "资料修改后，已上传的两份盖章表会失效，需重新下载、盖章、上传。"
)
"""Filled with the scans' full titles (`FILE_TITLES`), by `FileKind` value."""


def upload_rules() -> str:
    return tr(UPLOAD_RULES, **{str(kind): FILE_TITLES[kind] for kind in FILE_TITLES})


def check_local_scan(path: Path) -> str | None:
    """The sentence saying why the server would refuse this file, or None if it looks right."""
    if not path.is_file():
        return tr("找不到文件 {path}，请核对路径。", path=path)
    size = path.stat().st_size
    if size > MAX_SCAN_BYTES:
        return tr(
            "文件 {name} 有 {size}，超过 5 MB，请压缩或降低扫描分辨率。",
            name=path.name,
            size=file_size(size),
        )
    with path.open("rb") as handle:
        head = handle.read(8)
    if not any(head.startswith(signature) for signature in SCAN_SIGNATURES):
        return tr(
            "文件 {name} 的内容不是 JPG 或 PDF（与扩展名无关），请换成扫描的 JPG 或 PDF。",
            name=path.name,
        )
    return None


class UploadsPanel(VerticalScroll):
    """Rules, the documents (save to a folder, email the admin), upload and the list of scans."""

    DEFAULT_CSS = """
    UploadsPanel { height: 1fr; padding: 0 1; }
    UploadsPanel .rules { color: $text-muted; margin-bottom: 1; }
    UploadsPanel .upload-row { height: auto; margin-bottom: 1; }
    UploadsPanel .upload-row > Label { width: 11; color: $text-muted; }
    UploadsPanel .upload-row > Input { width: 1fr; }
    UploadsPanel #scan-kind { width: 20; }
    UploadsPanel Button { margin-left: 1; }
    UploadsPanel #scans { height: auto; max-height: 6; }
    UploadsPanel .upload-row > #missing { width: 1fr; color: $text-warning; }
    """

    class Download(Message):
        def __init__(self, directory: str) -> None:
            self.directory = directory
            super().__init__()

    class SendDocuments(Message):
        pass

    class Upload(Message):
        def __init__(self, kind: FileKind, path: str) -> None:
            self.kind = kind
            self.path = path
            super().__init__()

    class Delete(Message):
        def __init__(self, file_id: str) -> None:
            self.file_id = file_id
            super().__init__()

    def compose(self) -> ComposeResult:
        yield Static(upload_rules(), classes="rules", markup=False)
        yield Horizontal(
            Label(tr("文件保存到")),
            Input(id="documents-dir", compact=True),
            Button(tr("下载两份文件"), id="download", compact=True),
            Button(tr("发到管理员邮箱"), id="send", compact=True),
            classes="upload-row",
        )
        kinds = [(FILE_KIND_LABELS[kind], kind) for kind in FileKind]
        yield Horizontal(
            Label(tr("上传扫描件")),
            Select[FileKind](kinds, allow_blank=False, id="scan-kind", compact=True),
            Input(
                placeholder=tr("本机文件路径，如 ~/scans/license.pdf"), id="scan-path", compact=True
            ),
            Button(tr("上传"), id="upload", compact=True),
            classes="upload-row",
        )
        yield DataTable[str](id="scans", cursor_type="row", zebra_stripes=True)
        yield Horizontal(
            Label("", id="missing"),
            Button(tr("删除所选文件"), id="delete", compact=True),
            classes="upload-row",
        )

    def on_mount(self) -> None:
        self.query_one("#scans", DataTable).add_columns(
            tr("类别"), tr("文件名"), tr("大小"), tr("状态")
        )

    def set_documents_dir(self, directory: str) -> None:
        field = self.query_one("#documents-dir", Input)
        if not field.value:
            field.value = directory

    def show_files(self, files: list[FileInfo]) -> None:
        table: DataTable[str] = self.query_one("#scans", DataTable)
        table.clear()
        for info in files:
            state = tr("已失效，需重新盖章上传") if info.stale else tr("有效")
            table.add_row(
                FILE_KIND_LABELS[info.kind],
                info.filename,
                file_size(info.size),
                state,
                key=info.id,
            )
        have = {info.kind for info in files if not info.stale}
        missing = [FILE_KIND_LABELS[kind] for kind in FileKind if kind not in have]
        shown = (
            tr("还缺：{files}", files=tr("、").join(missing)) if missing else tr("三份文件已齐。")
        )
        self.query_one("#missing", Label).update(shown)

    @on(Button.Pressed, "#download")
    def download(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.Download(self.query_one("#documents-dir", Input).value.strip()))

    @on(Button.Pressed, "#send")
    def send(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.SendDocuments())

    @on(Button.Pressed, "#upload")
    @on(Input.Submitted, "#scan-path")
    def upload(self, event: Button.Pressed | Input.Submitted) -> None:
        event.stop()
        kind = self.query_one("#scan-kind", Select).value
        path = self.query_one("#scan-path", Input).value.strip()
        if isinstance(kind, FileKind):
            self.post_message(self.Upload(kind, path))

    @on(Button.Pressed, "#delete")
    def delete(self, event: Button.Pressed) -> None:
        event.stop()
        table: DataTable[str] = self.query_one("#scans", DataTable)
        if table.row_count:
            row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
            if row_key.value is not None:
                self.post_message(self.Delete(row_key.value))

    def clear_path(self) -> None:
        self.query_one("#scan-path", Input).value = ""
