"""`HqmsVerdict`: what the registry says about an institution's code, to read to the caller.

An institution that already sends 病案首页 data to HQMS keeps its HQMS account: it signs in with
it and downloads the new 前置机 program, and applies for nothing (seed). The lookup box and the
walk-through's 身份验证 step show this before anything else happens: the registry's name for the
institution and the sentence to read out, or that it is not in the registry, or — for a number
that names no institution (a provincial registration number) — what is needed instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from domain import CodeCheck

from .._i18n import tr
from .._said import code_check_sentence, problem_sentence


class HqmsVerdict(Static):
    """Hidden until `show`; `-in-hqms`, `-not-in-hqms` or `-no-organization` says which."""

    DEFAULT_CSS = """
    HqmsVerdict {
        height: auto;
        padding: 0 1;
        display: none;
    }
    HqmsVerdict.-shown {
        display: block;
    }
    HqmsVerdict.-in-hqms {
        color: $text-warning;
        background: $warning-muted;
    }
    HqmsVerdict.-not-in-hqms {
        color: $text-success;
    }
    HqmsVerdict.-no-organization {
        color: $text-error;
    }
    """

    _KINDS = ("-in-hqms", "-not-in-hqms", "-no-organization")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.text = ""
        self.check: CodeCheck | None = None

    @property
    def in_hqms(self) -> bool:
        return self.check is not None and self.check.in_hqms

    def show(self, check: CodeCheck, *, accounts: Sequence[str] | None = None) -> None:
        """The verdict on `check`; `accounts`: the login names of the institution's accounts
        on this system, when the lookup found its applications (None: not looked for)."""
        self.check = check
        lines: list[Text] = []
        if check.in_hqms:
            kind = "-in-hqms"
            lines.append(Text(tr("HQMS 已对接机构：{name}", name=check.hqms_name), style="bold"))
            lines.append(Text(code_check_sentence(check)))
        elif check.organization:
            kind = "-not-in-hqms"
            sentence = tr(
                "组织机构代码 {organization} 不在 HQMS 已对接机构名单中：需要申请账号。",
                organization=check.organization,
            )
            lines.append(Text(sentence))
        else:
            kind = "-no-organization"
            lines.extend(Text(f"✗ {problem_sentence(problem)}") for problem in check.errors)
        if accounts:
            lines.append(Text(tr("本系统的账号：{logins}", logins=tr("、").join(accounts))))
        elif accounts is not None:
            lines.append(Text(tr("本系统还没有这家机构的账号。"), style="dim"))
        shown = Text("\n").join(lines)
        self.text = shown.plain
        self.update(shown)
        self.remove_class(*self._KINDS)
        self.add_class("-shown", kind)

    def clear(self) -> None:
        self.check = None
        self.text = ""
        self.update("")
        self.remove_class("-shown", *self._KINDS)
