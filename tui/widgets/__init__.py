"""Reusable widgets of the kiosk."""

from .banner import StatusBanner
from .phone_input import PhoneInput, digits_for_phone
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

__all__ = [
    "AccountSection",
    "FilesSection",
    "FormSection",
    "PhoneInput",
    "ResultsTable",
    "Section",
    "StatusBanner",
    "StatusLine",
    "TimelineSection",
    "digits_for_phone",
    "is_file_problem",
]
