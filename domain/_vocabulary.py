"""Our own words, each a catalogue entry: states, actions, form fields, files, code segments.

A parameter named in `VOCABULARY` (`_messages.py`) holds one of these values and is shown
through the catalogue (`status` `pending` → 待审核 / Pending review). Declared one per line so
that `pybabel extract` finds each; `terms(namespace)` lists a namespace's values for tests and
tables.
"""

from __future__ import annotations

from ._messages import declared_codes, define_code

STATUS_NAMES = (
    define_code("status_name.draft"),
    define_code("status_name.pending"),
    define_code("status_name.approved"),
    define_code("status_name.rejected"),
)

ACTION_NAMES = (
    define_code("action.save_form"),
    define_code("action.change_admin_mobile"),
    define_code("action.upload"),
    define_code("action.delete_file"),
    define_code("action.submit"),
    define_code("action.amend"),
    define_code("action.approve"),
    define_code("action.reject"),
    define_code("action.reset_password"),
    define_code("action.send_documents"),
    define_code("action.resend_notice"),
)

KIND_NAMES = (define_code("kind.new"), define_code("kind.change"))

FIELD_NAMES = (
    define_code("field.name"),
    define_code("field.opened_on"),
    define_code("field.code"),
    define_code("field.address"),
    define_code("field.address.province"),
    define_code("field.address.city"),
    define_code("field.address.district"),
    define_code("field.address.street"),
    define_code("field.subjects"),
    define_code("field.legal_rep"),
    define_code("field.legal_rep.name"),
    define_code("field.legal_rep.mobile"),
    define_code("field.admin"),
    define_code("field.admin.name"),
    define_code("field.admin.mobile"),
    define_code("field.admin.email"),
    define_code("field.files.info_form"),
    define_code("field.files.consent"),
    define_code("field.files.license"),
    define_code("field.login_name"),
)
"""Form paths (and the three scans, `files.<kind>`) as the operator knows them."""

FILE_NAMES = (
    define_code("file.info_form"),
    define_code("file.consent"),
    define_code("file.license"),
)
"""The three stamped scans by their full titles (盖章的《医疗机构信息收集表》…)."""

DOCUMENT_NAMES = (define_code("document.info_form"), define_code("document.consent"))
"""The two generated documents by title (《医疗机构信息收集表》, 《系统使用须知及同意书》)."""

SEGMENT_NAMES = (
    define_code("segment.organization"),
    define_code("segment.division"),
    define_code("segment.economic_type"),
    define_code("segment.category"),
    define_code("segment.management"),
)
"""The five parts of the 22-character institution code."""

LEVEL_NAMES = (
    define_code("level.province"),
    define_code("level.city"),
    define_code("level.district"),
)
"""The three levels of a division, as the address asks for them (省份 / 城市 / 区县)."""

WARNING_NAMES = (
    define_code("warning.code_check_char"),
    define_code("warning.code_division_unknown"),
    define_code("warning.code_economic_type_unknown"),
    define_code("warning.code_category_unknown"),
    define_code("warning.code_division_address_mismatch"),
)
"""The confirmable warnings of the form (`Problem.warning`), by code, each named as what the
operator confirms after reading the licence (the check character is the licence's, …)."""


def terms(namespace: str) -> list[str]:
    """The values of one vocabulary namespace (`field` → `name`, `opened_on`, …)."""
    return [code.name for code in declared_codes(namespace)]
