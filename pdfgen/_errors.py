"""The one error of pdfgen: a document that cannot be generated for this form."""

from __future__ import annotations

from domain import FormInvalid, Problem, define_code

_ONE = define_code("problem.document_refused_one", "field")
_MANY = define_code("problem.document_refused_many", "count")
UNPRINTABLE = define_code("problem.document_unprintable", "char", "field")
UNPRINTABLE_RARE = define_code("problem.document_unprintable_rare", "char", "field")
MASKED_VALUE = define_code("problem.document_masked_value", "field", "value")


class DocumentRefused(FormInvalid):
    """The form is incomplete or invalid, still masked, or has a character the font lacks.

    A `FormInvalid` (the server answers 422 with `errors`) of its own kind; its message names
    the one field to correct, or how many problems there are when several (each is in
    `problems`).
    """

    kind = "document_refused"
    default = define_code("problem.document_refused")

    def __init__(self, problems: list[Problem]):
        if len(problems) == 1:
            message = _ONE(field=problems[0].field)
        else:
            message = _MANY(count=len(problems))
        super().__init__(message, problems=problems)
