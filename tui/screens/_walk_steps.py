"""The walk-through's four steps and where an application stands among them.

身份验证 → 填写资料 → 上传文件 → 审批状态. Plain rules on an `Application`, apart from the screen
so that they read (and test) without Textual.
"""

from __future__ import annotations

from domain import Application, Status

from ..widgets import is_file_problem

STEP_IDS = ("step-verify", "step-form", "step-upload", "step-status")
"""The id of each step's panel in the screen's `ContentSwitcher`, in step order."""
VERIFY, FORM, UPLOAD, STATUS = range(4)


def step_where_it_stands(application: Application) -> int:
    """The first step with something left to do (审批状态 once submitted or decided)."""
    if application.status is not Status.DRAFT:
        return STATUS
    blocking = [p for p in application.problems if not p.warning]
    if any(not is_file_problem(p) for p in blocking):
        return FORM
    return UPLOAD if any(is_file_problem(p) for p in blocking) else STATUS


def steps_done(application: Application | None) -> set[int]:
    """The steps the steps bar ticks: nothing before the application exists."""
    if application is None:
        return set()
    blocking = [p for p in application.problems if not p.warning]
    done = {VERIFY}
    if not any(not is_file_problem(p) for p in blocking):
        done.add(FORM)
    if not any(is_file_problem(p) for p in blocking):
        done.add(UPLOAD)
    if application.status is Status.APPROVED:
        done.add(STATUS)
    return done
