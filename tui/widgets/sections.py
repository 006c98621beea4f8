"""The parts of the application detail: form, files, account, timeline.

Each is built from wire models once the data has arrived; the detail screen mounts fresh ones
on every reload. Values are shown as the API sent them: personal data comes masked.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label

from domain import AccountRef, Event, FileInfo, FileKind, Form, Problem, division_name

from .._i18n import N_, SOURCE_LANGUAGE, current_language, tr
from .._labels import FIELD_LABELS, FILE_KIND_LABELS, field_row, file_size, local_time
from .._said import problem_sentence
from ._timeline_words import NOTE, event_lines

EMPTY = N_("（未填写）")


def _text(content: str, classes: str = "") -> Label:
    """A label that shows `content` literally: data from the API is never markup."""
    return Label(content, markup=False, classes=classes)


def problem_label(problem: Problem) -> Label:
    """A problem under its field; warnings read differently so they are not mistaken for errors."""
    message = problem_sentence(problem)
    if problem.warning:
        return _text(tr("提醒：{message}", message=message), "problem -warning")
    return _text(tr("问题：{message}", message=message), "problem -error")


def is_file_problem(problem: Problem) -> bool:
    """Problems about scans (`files`, `files.license`, `consent`, …) belong under the files."""
    head = problem.field.split(".", 1)[0]
    return head == "files" or head in {kind.value for kind in FileKind}


def form_values(form: Form) -> dict[str, str]:
    """Each form row's value as shown (division codes spelled out as names)."""
    address = form.address
    # division_name spells the whole path (广东省广州市越秀区): the most specific code says all.
    division = address.district or address.city or address.province
    place = (division_name(division) or division) if division else ""
    return {
        "name": form.name,
        "opened_on": form.opened_on,
        "code": form.code,
        "address": f"{place} {address.street}".strip(),
        "subjects": "、".join(form.subjects),
        "legal_rep.name": form.legal_rep.name,
        "legal_rep.mobile": form.legal_rep.mobile,
        "admin.name": form.admin.name,
        "admin.mobile": form.admin.mobile,
        "admin.email": form.admin.email,
    }


class Section(Vertical):
    """A titled block of the detail screen."""

    DEFAULT_CSS = """
    Section {
        height: auto;
        margin-bottom: 1;
    }
    Section > .section-title {
        text-style: bold;
        color: $text-accent;
    }
    Section .row { height: auto; }
    Section .field-label { width: 16; color: $text-muted; }
    Section .field-value { width: 1fr; }
    Section .field-value.-empty { color: $text-muted; }
    Section .problem { padding-left: 16; width: 1fr; }
    Section .problem.-error { color: $text-error; }
    Section .problem.-warning { color: $text-warning; text-style: italic; }
    Section.-wide-labels .field-label { width: 19; }
    Section.-wide-labels .problem { padding-left: 19; }
    """

    def __init__(self, title: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title = title
        if current_language() != SOURCE_LANGUAGE:
            # English row names ("Data administrator") need more than the 8 CJK cells of 16.
            self.add_class("-wide-labels")

    def compose(self) -> ComposeResult:
        yield _text(tr(self.title), "section-title")
        yield from self.body()

    def body(self) -> Iterable[Label | Horizontal]:
        return ()

    @staticmethod
    def row(label: str, value: str) -> Horizontal:
        value_classes = "field-value" if value else "field-value -empty"
        return Horizontal(
            _text(tr(label), "field-label"),
            _text(value or tr(EMPTY), value_classes),
            classes="row",
        )


class FormSection(Section):
    """填写资料: every row with the problems that concern it right below."""

    def __init__(self, form: Form, problems: list[Problem]) -> None:
        super().__init__(N_("填写资料"), id="form-section")
        self.form = form
        self.problems = problems

    def body(self) -> Iterable[Label | Horizontal]:
        values = form_values(self.form)
        by_row: dict[str, list[Problem]] = {}
        for problem in self.problems:
            by_row.setdefault(field_row(problem.field), []).append(problem)
        for field, label in FIELD_LABELS.items():
            yield self.row(label, values[field])
            yield from (problem_label(problem) for problem in by_row.get(field, []))
        for problem in by_row.get("", []):
            yield problem_label(problem)


class FilesSection(Section):
    """上传文件: the three stamped scans, what is there and what is stale."""

    def __init__(self, files: list[FileInfo], problems: list[Problem]) -> None:
        super().__init__(N_("上传文件"), id="files-section")
        self.files = files
        self.problems = problems

    def body(self) -> Iterable[Label | Horizontal]:
        for kind in FileKind:
            uploaded = [info for info in self.files if info.kind is kind]
            if not uploaded:
                yield self.row(FILE_KIND_LABELS[kind], "")
            for info in uploaded:
                size = file_size(info.size)
                if info.stale:
                    shown = tr(
                        "{filename}（{size}，资料已修改，需重新盖章上传）",
                        filename=info.filename,
                        size=size,
                    )
                else:
                    shown = tr("{filename}（{size}）", filename=info.filename, size=size)
                yield self.row(FILE_KIND_LABELS[kind], shown)
        yield from (problem_label(problem) for problem in self.problems)


class AccountSection(Section):
    """账号: the institution's login once the application is approved."""

    def __init__(self, account: AccountRef | None) -> None:
        super().__init__(N_("账号"), id="account-section")
        self.account = account

    def body(self) -> Iterable[Label | Horizontal]:
        if self.account is None:
            yield _text(tr("尚未开通账号（审核通过后开通）。"), "field-value -empty")
        else:
            yield self.row(N_("登录名"), self.account.login_name)


class TimelineSection(Section):
    """时间线: system events and call notes in one list, newest last, as the server recorded
    them — when, what, who, and for data changes each field before → after."""

    DEFAULT_CSS = """
    TimelineSection .change { padding-left: 18; width: 1fr; color: $text-muted; }
    TimelineSection.-wide-labels .change { padding-left: 21; }
    TimelineSection .-note .field-value { color: $text-accent; }
    """

    def __init__(self, events: list[Event]) -> None:
        super().__init__(N_("时间线"), id="timeline-section")
        self.events = events

    def body(self) -> Iterable[Label | Horizontal]:
        if not self.events:
            yield _text(tr("暂无记录。"), "field-value -empty")
        for event in self.events:
            first, *changes = event_lines(event)
            row = self.row(local_time(event.at), first)
            if event.action == NOTE:
                row.add_class("-note")
            yield row
            yield from (_text(line, "change") for line in changes)
