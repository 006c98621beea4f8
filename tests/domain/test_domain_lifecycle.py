"""The application state machine, the status banner and application ids."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from domain import (
    AccountRef,
    Action,
    Application,
    Kind,
    Review,
    Status,
    TransitionNotAllowed,
    actions_for,
    describe_status,
    is_application_id,
    new_application_id,
    next_status,
    opens_change_application,
    render,
    status_summary,
)
from tests.domain.domain_samples import NOW, all_scans, complete_form, said

BEIJING = timezone(timedelta(hours=8))

EXPECTED_ACTIONS = {
    Status.DRAFT: [
        Action.SAVE_FORM,
        Action.CHANGE_ADMIN_MOBILE,
        Action.UPLOAD,
        Action.DELETE_FILE,
        Action.SUBMIT,
        Action.SEND_DOCUMENTS,
    ],
    Status.PENDING: [Action.AMEND, Action.APPROVE, Action.REJECT, Action.SEND_DOCUMENTS],
    Status.REJECTED: [Action.AMEND, Action.SEND_DOCUMENTS, Action.RESEND_NOTICE],
    Status.APPROVED: [
        Action.AMEND,
        Action.RESET_PASSWORD,
        Action.SEND_DOCUMENTS,
        Action.RESEND_NOTICE,
    ],
}


@pytest.mark.parametrize("kind", list(Kind))
@pytest.mark.parametrize("status", list(Status))
def test_actions_for_each_state(status: Status, kind: Kind) -> None:
    assert actions_for(status, kind) == EXPECTED_ACTIONS[status]


def test_an_open_change_hides_amend_on_the_approved_application() -> None:
    assert Action.AMEND not in actions_for(Status.APPROVED, Kind.NEW, has_open_change=True)
    with pytest.raises(TransitionNotAllowed) as refused:
        next_status(Status.APPROVED, Action.AMEND, has_open_change=True)
    assert "已有一份未完成的变更资料申请" in said(refused.value)
    assert opens_change_application(Status.APPROVED, Action.AMEND)
    assert not opens_change_application(Status.PENDING, Action.AMEND)


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("status", list(Status))
def test_every_pair_is_allowed_or_refused_with_a_sentence(status: Status, action: Action) -> None:
    if action in actions_for(status, Kind.NEW):
        assert isinstance(next_status(status, action), Status)
    else:
        with pytest.raises(TransitionNotAllowed) as refused:
            next_status(status, action)
        assert refused.value.kind == "transition_not_allowed"
        assert refused.value.code != TransitionNotAllowed.default.name
        for language in ("zh_CN", "en"):
            sentence = render("problem", refused.value.message, language)
            assert sentence is not None
            assert sentence.endswith(("。", "."))
            assert "{" not in sentence


def test_transitions() -> None:
    assert next_status(Status.DRAFT, Action.SUBMIT) is Status.PENDING
    assert next_status(Status.PENDING, Action.APPROVE) is Status.APPROVED
    assert next_status(Status.PENDING, Action.REJECT) is Status.REJECTED
    assert next_status(Status.PENDING, Action.AMEND) is Status.DRAFT
    assert next_status(Status.REJECTED, Action.AMEND) is Status.DRAFT
    assert next_status(Status.APPROVED, Action.AMEND) is Status.APPROVED
    assert next_status(Status.DRAFT, Action.SAVE_FORM) is Status.DRAFT


def test_refusals_name_the_state() -> None:
    with pytest.raises(TransitionNotAllowed) as refused:
        next_status(Status.PENDING, Action.SAVE_FORM)
    assert said(refused.value) == "已提交待审核的申请不能直接修改资料，请先点“修改”退回填写状态。"
    with pytest.raises(TransitionNotAllowed) as refused:
        next_status(Status.PENDING, Action.RESET_PASSWORD)
    assert (
        said(refused.value) == "“待审核”的申请还没有账号，不能重置密码；账号在审核通过后才会开通。"
    )
    assert said(refused.value, "en").startswith("An application in “Pending review” has no account")
    with pytest.raises(TransitionNotAllowed) as refused:
        next_status(Status.DRAFT, Action.APPROVE)
    assert "尚未提交审核" in said(refused.value)


class Lifecycle(RuleBasedStateMachine):
    """Random walks: the offered actions always succeed, the others always refuse."""

    def __init__(self) -> None:
        super().__init__()
        self.status = Status.DRAFT
        self.open_change = False

    @rule(action=st.sampled_from(list(Action)))
    def act(self, action: Action) -> None:
        offered = actions_for(self.status, Kind.NEW, has_open_change=self.open_change)
        if action in offered:
            after = next_status(self.status, action, has_open_change=self.open_change)
            if opens_change_application(self.status, action):
                self.open_change = True
            self.status = after
        else:
            with pytest.raises(TransitionNotAllowed):
                next_status(self.status, action, has_open_change=self.open_change)

    @rule()
    def change_application_finished(self) -> None:
        self.open_change = False

    @invariant()
    def approved_stays_approved(self) -> None:
        offered = actions_for(self.status, Kind.NEW, has_open_change=self.open_change)
        if self.status is Status.APPROVED:
            assert all(
                next_status(self.status, a, has_open_change=self.open_change) is Status.APPROVED
                for a in offered
            )


TestLifecycle = Lifecycle.TestCase


def _application(status: Status, **changes: object) -> Application:
    app = Application(
        id="HQ7K-M2XP",
        kind=Kind.NEW,
        status=status,
        revision=1,
        form=complete_form(),
        files=all_scans(),
        created_at=NOW - timedelta(days=10),
        updated_at=NOW - timedelta(days=1),
    )
    return app.model_copy(update=changes)


def status_sentence(app: Application, *, now: datetime, language: str = "zh_CN") -> str:
    return describe_status(status_summary(app, now=now), language)


def test_banner_for_a_draft() -> None:
    assert status_sentence(_application(Status.DRAFT), now=NOW) == "资料已齐全，可提交审核"
    missing = _application(Status.DRAFT, form=complete_form(name="", code=""), files=[])
    assert status_sentence(missing, now=NOW) == (
        "填写中：还差 5 项（医疗机构名称、医疗机构代码、盖章的《医疗机构信息收集表》、"
        "盖章的《系统使用须知及同意书》等）"
    )


def test_banner_for_a_pending_application() -> None:
    three_days = _application(Status.PENDING, submitted_at=NOW - timedelta(days=3))
    assert status_sentence(three_days, now=NOW) == "待审核，已提交 3 天"
    today = _application(Status.PENDING, submitted_at=NOW - timedelta(hours=2))
    assert status_sentence(today, now=NOW) == "待审核，今天提交"
    # Submitted at 01:00 and read at 08:30 Beijing time: the same day there, not in UTC.
    submitted = datetime(2026, 11, 24, 17, 0, tzinfo=UTC)
    morning = datetime(2026, 11, 25, 8, 30, tzinfo=BEIJING)
    early = _application(Status.PENDING, submitted_at=submitted)
    assert status_sentence(early, now=morning) == "待审核，今天提交"


def test_banner_for_reviewed_applications() -> None:
    rejected = _application(Status.REJECTED, review=Review(reason="许可证扫描件不清晰"))
    assert status_sentence(rejected, now=NOW) == "审核不通过：许可证扫描件不清晰"
    approved = _application(Status.APPROVED, account=AccountRef(id="1", login_name="gz440104"))
    assert status_sentence(approved, now=NOW) == "审核通过，登录名 gz440104"
    change = _application(Status.PENDING, kind=Kind.CHANGE, submitted_at=NOW - timedelta(days=2))
    assert status_sentence(change, now=NOW) == "变更资料：待审核，已提交 2 天"


def test_banner_in_english_keeps_what_people_typed() -> None:
    """A reason that happens to be one of our words, or a login name that looks like a status,
    is data: shown exactly as typed, whatever the language (nothing is parsed)."""
    rejected = _application(Status.REJECTED, review=Review(reason="修改"))
    assert status_sentence(rejected, now=NOW, language="en") == "Rejected: 修改"
    approved = _application(Status.APPROVED, account=AccountRef(id="1", login_name="待审核"))
    assert status_sentence(approved, now=NOW, language="en") == "Approved, login name 待审核"
    missing = _application(Status.DRAFT, form=complete_form(name="", code=""), files=[])
    assert status_sentence(missing, now=NOW, language="en") == (
        "Draft: 5 items missing (Institution, Inst. code, Stamped institution information "
        "form, Stamped terms of use and consent form, etc.)"
    )


def test_status_summary_is_data() -> None:
    pending = _application(Status.PENDING, submitted_at=NOW - timedelta(days=3))
    summary = status_summary(pending, now=NOW)
    assert (summary.status, summary.days_pending, summary.reason) == (Status.PENDING, 3, "")
    missing = _application(Status.DRAFT, form=complete_form(name="", code=""), files=[])
    assert status_summary(missing, now=NOW).missing == [
        "name",
        "code",
        "files.info_form",
        "files.consent",
        "files.license",
    ]


def test_application_ids() -> None:
    ids = {new_application_id() for _ in range(500)}
    assert len(ids) == 500
    for value in ids:
        assert is_application_id(value)
        assert len(value) == 9 and value[4] == "-"
        assert not set(value) & set("0O1IL")
    for value in ["HQ7K-M2XP"]:
        assert is_application_id(value)
    for value in ["", "HQ7KM2XP", "hq7k-m2xp", "HQ0K-M2XP", "HQ7K-M2XPQ", "HQ7K_M2XP"]:
        assert not is_application_id(value)
