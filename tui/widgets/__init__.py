"""Reusable widgets of the kiosk.

Each widget's module loads on first use of its name (PEP 562 `__getattr__`): the lookup screen
shows with `LookupInput` and `StatusLine` alone, and the detail's widgets need the domain's wire
models, which the first screen must not wait for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_attributes

if TYPE_CHECKING:
    from .banner import StatusBanner
    from .code_field import CodeField
    from .document_check import DocumentCheckSection
    from .form_editor import FormEditor
    from .hqms_verdict import HqmsVerdict
    from .lookup_input import LookupInput, is_code
    from .notifications import NotificationsSection
    from .phone_input import PhoneInput, digits_for_phone
    from .region_select import RegionSelect
    from .resend_button import ResendButton
    from .results_table import ResultsTable
    from .sections import (
        AccountSection,
        FilesSection,
        FormSection,
        Section,
        TimelineSection,
        is_file_problem,
    )
    from .status_line import StatusLine
    from .status_panel import StatusPanel
    from .steps_bar import STEP_TITLES, StepsBar
    from .uploads import UploadsPanel, check_local_scan
    from .verify_panel import VerifyPanel

_HOME_OF: dict[str, str] = {
    "STEP_TITLES": "steps_bar",
    "CodeField": "code_field",
    "FormEditor": "form_editor",
    "HqmsVerdict": "hqms_verdict",
    "LookupInput": "lookup_input",
    "is_code": "lookup_input",
    "RegionSelect": "region_select",
    "StatusPanel": "status_panel",
    "StepsBar": "steps_bar",
    "UploadsPanel": "uploads",
    "VerifyPanel": "verify_panel",
    "check_local_scan": "uploads",
    "DocumentCheckSection": "document_check",
    "NotificationsSection": "notifications",
    "AccountSection": "sections",
    "FilesSection": "sections",
    "FormSection": "sections",
    "PhoneInput": "phone_input",
    "ResendButton": "resend_button",
    "ResultsTable": "results_table",
    "Section": "sections",
    "StatusBanner": "banner",
    "StatusLine": "status_line",
    "TimelineSection": "sections",
    "digits_for_phone": "phone_input",
    "is_file_problem": "sections",
}
"""Where each public name lives; `__getattr__` imports its module at first use."""

__all__ = [
    "STEP_TITLES",
    "AccountSection",
    "CodeField",
    "DocumentCheckSection",
    "FilesSection",
    "FormEditor",
    "FormSection",
    "HqmsVerdict",
    "LookupInput",
    "NotificationsSection",
    "PhoneInput",
    "RegionSelect",
    "ResendButton",
    "ResultsTable",
    "Section",
    "StatusBanner",
    "StatusLine",
    "StatusPanel",
    "StepsBar",
    "TimelineSection",
    "UploadsPanel",
    "VerifyPanel",
    "check_local_scan",
    "digits_for_phone",
    "is_code",
    "is_file_problem",
]

if not TYPE_CHECKING:  # hidden from type checkers so that a misspelt name stays an error
    __getattr__ = lazy_attributes(__name__, _HOME_OF)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
