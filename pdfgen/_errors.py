"""pdfgen's errors: a document that cannot be generated for this form, and a wording file
that cannot be used."""

from __future__ import annotations

from domain import FormInvalid, Message, ParamValue, Problem, define_code

_MANY = define_code("problem.document_refused_many", "count")
UNPRINTABLE = define_code("problem.document_unprintable", "char", "field")
UNPRINTABLE_RARE = define_code("problem.document_unprintable_rare", "char", "field")
MASKED_VALUE = define_code("problem.document_masked_value", "field", "value")


class DocumentRefused(FormInvalid):
    """The form is incomplete or invalid, still masked, or has a character the font lacks.

    A `FormInvalid` (the server answers 422 with `errors`) of its own kind; its message is the
    one problem's own, or says how many there are when several (each is in `problems`).
    """

    kind = "document_refused"
    default = define_code("problem.document_refused")

    def __init__(self, problems: list[Problem]):
        if len(problems) == 1:
            message = Message(code=problems[0].code, params=dict(problems[0].params))
        else:
            message = _MANY(count=len(problems))
        super().__init__(message, problems=problems)


TEXTS_UNREADABLE = define_code("problem.document_texts_unreadable", "path", "reason")
TEXTS_KEY_MISSING = define_code("problem.document_texts_key_missing", "path", "key")
TEXTS_KEY_INVALID = define_code("problem.document_texts_key_invalid", "key", "shape")
TEXTS_PLACEHOLDER_UNKNOWN = define_code(
    "problem.document_texts_placeholder_unknown", "key", "placeholder", "known"
)
TEXTS_UNPRINTABLE = define_code("problem.document_texts_unprintable", "key", "character")
TEXTS_TOO_LONG = define_code("problem.document_texts_too_long", "path", "document")
TEXT_SHAPES = (
    define_code("shape.text"),
    define_code("shape.list"),
    define_code("shape.sections"),
)
"""What a key of the wording file must hold (`shape` of `document_texts_key_invalid`)."""


class DocumentTextsInvalid(Exception):
    """The documents' wording file (`HQMS_DOCUMENT_TEXTS`) cannot be used: a start-up error.

    `message` is its code (`document_texts_key_missing`, …) with parameters naming the key and
    what is wrong with it (docs/messages.md); `hqms-desk serve` says it in one sentence.
    """

    def __init__(self, message: Message) -> None:
        super().__init__(message.code)
        self.message = message

    @property
    def code(self) -> str:
        return self.message.code

    @property
    def params(self) -> dict[str, ParamValue]:
        return self.message.params
