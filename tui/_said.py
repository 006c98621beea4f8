"""What the API and the domain say, in the kiosk's language: every sentence rendered from a
code and its parameters with the shared catalogue (docs/messages.md); nothing received is
parsed, and what people typed (a reason, a name, a note) is shown exactly as typed.

A code the kiosk's catalogue does not know — a newer server's — falls back on the sentence the
server rendered for the kiosk's language (the client asks for it with `Accept-Language`), and
last on a general sentence: the operator always reads something in their own language.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from client import AlreadyInHqmsError, ApiError
from domain import DomainError, Message, describe_status, event_sentence, render, status_summary

from ._i18n import N_, current_language, tr

if TYPE_CHECKING:
    from client import Notification
    from domain import Application, CodeCheck, Event, Problem

GENERAL_REFUSAL = N_("中央服务未能完成这个请求，请核对后重试。")


def problem_sentence(problem: Problem) -> str:
    """One problem of a form or a request."""
    return render("problem", problem, current_language()) or problem.message or tr(GENERAL_REFUSAL)


def domain_sentence(error: DomainError) -> str:
    """A refusal of the domain's own rules (a validator in the kiosk, say)."""
    return render("problem", error.message, current_language()) or tr(GENERAL_REFUSAL)


def api_error_sentence(error: ApiError) -> str:
    """An error answer of the API, or no answer at all."""
    language = current_language()
    if error.message is not None:
        sentence = render("problem", error.message, language)
        if sentence is not None:
            return sentence
    if error.detail:
        return error.detail
    return render("client", error.default(), language) or tr(GENERAL_REFUSAL)


def code_check_sentence(check: CodeCheck) -> str:
    """What to tell a caller whose institution is in the existing-HQMS registry: it keeps its
    HQMS account and downloads the new 前置机 program (the code the API names, `hqms_code`)."""
    language = current_language()
    said = render("problem", Message(code=check.hqms_code), language) if check.hqms_code else None
    return said or render("client", AlreadyInHqmsError.default(), language) or ""


def status_words(application: Application, *, now: datetime) -> str:
    """The status line an operator reads aloud ("待审核，已提交 3 天")."""
    return describe_status(status_summary(application, now=now), current_language())


def event_words(event: Event) -> str:
    """What a timeline event says; its action's name when the catalogue lacks the code."""
    return event_sentence(event, current_language()) or event.detail or event.action


def delivery_failure(notification: Notification) -> str:
    """Why a notification's last attempt failed, "" when none did."""
    if not notification.error_code:
        return ""
    failure = Message(code=notification.error_code, params=notification.error_params)
    return render("delivery", failure, current_language()) or notification.last_error or ""
