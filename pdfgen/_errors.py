"""pdfgen's errors: a document that cannot be generated for this form, and a wording file
that cannot be used."""

from __future__ import annotations

from domain import FormInvalid, Problem


class DocumentRefused(FormInvalid):
    """The form is incomplete or invalid, still masked, or has a character the font lacks.

    A `FormInvalid` (the server answers 422 with `errors`), with its own stable `code` and a
    Chinese sentence: the one problem itself, or how many there are when several.
    """

    code = "document_refused"
    default_message = "资料还不完整或有误，暂不能生成文件。"

    def __init__(self, problems: list[Problem]):
        if len(problems) == 1:
            message = f"暂不能生成文件：{problems[0].message}"
        else:
            message = (
                f"暂不能生成文件：资料中有 {len(problems)} 处需要补充或更正，"
                "请按列出的问题修改资料后重新下载。"
            )
        super().__init__(message, problems=problems)


class DocumentTextsInvalid(Exception):
    """The documents' wording file (`HQMS_DOCUMENT_TEXTS`) cannot be used: a start-up error.

    `code` is stable (`document_texts_unreadable`, `document_texts_key_missing`,
    `document_texts_key_invalid`, `document_texts_placeholder_unknown`,
    `document_texts_unprintable`, `document_texts_too_long`), `params` name the key and what
    is wrong with it, `message` is the one Chinese sentence that says so.
    """

    def __init__(self, code: str, params: dict[str, str], message: str) -> None:
        super().__init__(message)
        self.code = code
        self.params = params
        self.message = message
