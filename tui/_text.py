"""Sentences of the screens an operator meets first (login, lookup), and of failures anywhere.

The names of the domain's values (states, actions, files, fields) are in `_labels`: they need the
domain's enums, which live with its pydantic wire models, and the first screen must not wait for
those to load (see `domain/__init__`).
"""

from __future__ import annotations

from client import ApiError
from domain import mask_phone

from ._i18n import N_, tr

UNEXPECTED_FAILURE = N_("操作没有完成：出现了意外错误，请重试；若持续出现请联系值班技术人员。")


def failure_sentence(error: BaseException | None) -> str:
    """The sentence for a failed worker: the API's own words when it gave any."""
    if isinstance(error, ApiError):
        from ._said import api_error_sentence  # the domain's wire models load on need

        return api_error_sentence(error)
    return tr(UNEXPECTED_FAILURE)


def no_match_sentence(phone: str) -> str:
    return tr("没有找到手机号 {phone} 的申请或账号。", phone=mask_phone(phone))
