"""`FieldGuide`: what the registration guide (seed, 填写资料) tells the caller about the field
the operator is on, shown under the form as the cursor moves.

The seed's own guidance, at hand where it matters instead of in a manual: the name and the
诊疗科目 are as on the licence (a difference is for the provincial health authority), 开业日期
is a year and a month, the 22-character code is read from the licence, the administrator's
mobile signs in and the email receives the account and password recovery; and, on any other
field, where the registration guide video is.
"""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Static

from .._i18n import N_, Translated, tr

AS_ON_THE_LICENCE = N_(
    "医疗机构名称、诊疗科目以《医疗机构执业许可证》登记的内容为准；"
    "如与许可证不一致，请先与省级卫生健康行政部门联系。"
)
GUIDES = Translated(
    {
        "name": AS_ON_THE_LICENCE,
        "subjects": AS_ON_THE_LICENCE,
        "opened-year": N_("开业日期只填年和月（如 2017 年 09 月），以执业许可证为准。"),
        "opened-month": N_("开业日期只填年和月（如 2017 年 09 月），以执业许可证为准。"),
        "code-input": N_(
            "医疗机构代码共 22 位：9 位组织机构代码加 13 位机构属性代码，即执业许可证上的登记号。"
        ),
        "admin-email": N_(
            "数据管理员邮箱接收账号通知邮件，也用于找回密码，请让来电人逐个字母核对。"
        ),
        "legal-rep-mobile": N_("法定代表人手机只作联系用；数据管理员的手机号才用来登录。"),
    }
)
"""Guidance by the id of the input it concerns (`tui/widgets/_form_fields.py`)."""
GUIDE_VIDEO = N_("不清楚怎么填：“填写资料”页面右侧有“申请账号操作指导视频”，可请来电人对照观看。")


def guide_for(focused_id: str | None) -> str:
    """The guidance for the input with `focused_id`, or where the guide video is."""
    if focused_id is not None and focused_id in GUIDES:
        return GUIDES[focused_id]
    return tr(GUIDE_VIDEO)


class FieldGuide(Static):
    """One line or two under the form, following the focus; hidden off the form."""

    DEFAULT_CSS = """
    FieldGuide { height: auto; max-height: 2; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, form: Widget, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.form = form

    def on_mount(self) -> None:
        self.watch(self.screen, "focused", self.follow, init=True)

    def follow(self, focused: Widget | None) -> None:
        on_form = focused is not None and self.form in focused.ancestors_with_self
        self.display = on_form
        if on_form and focused is not None:
            self.update(guide_for(focused.id))
