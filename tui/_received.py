"""Sentences the kiosk receives (a problem's `detail`, a validator's message) in its language.

In Chinese a received sentence is shown as it came. In English it is the catalogue's
translation (`tr_received`: exact entries, then entries as templates). A sentence the catalogue
does not know (a newer server) falls back on an English sentence for its problem `code`, and
last on a general one: an English screen never shows a Chinese sentence the operator cannot read.
"""

from __future__ import annotations

from ._i18n import SOURCE_LANGUAGE, current_language, tr_received

GENERAL_SENTENCE = "The central service refused this request; please check and try again."

# One English sentence per problem code: the client's exception codes and the domain's
# `Problem.code`s. Field codes not listed fall back on their `_required` / `_invalid` ending.
PROBLEM_SENTENCES: dict[str, str] = {
    "api_error": "The central service could not complete this operation.",
    "domain_error": "The operation could not be completed.",
    "field_invalid": "This field is not valid.",
    "form_invalid": "Some details on the form need correcting.",
    "document_refused": "The form is incomplete or has errors, so the documents cannot be made.",
    "invalid_request": "The request is not valid.",
    "validation_error": "Some of the request is not valid; please correct it.",
    "transition_not_allowed": "This is not possible in the application's current status.",
    "submit_blocked": "Cannot submit for review yet: deal with the listed problems first.",
    "not_found": "No matching record was found.",
    "unauthorized": "Your session has expired; please sign in again.",
    "invalid_credentials": "The user name or password is not correct.",
    "login_locked": "Signing in is locked for a while after too many failed attempts.",
    "forbidden": "This account is not allowed to do this.",
    "conflict": "This conflicts with an existing record.",
    "already_in_hqms": "This institution already exchanges data with HQMS; no new account needed.",
    "verification_used": "This SMS verification was already used; send a new code.",
    "file_kind_taken": "A file of this kind is already uploaded; delete the old one first.",
    "too_many_files": "At most three files can be uploaded; delete the extra ones first.",
    "call_required": "Start a call and look up this application first.",
    "caller_not_checked": "Verify the caller, or record why not, before showing full details.",
    "call_ended": "This call has ended; nothing more can be recorded on it.",
    "call_without_application": "This call has no application yet: look it up first.",
    "not_a_change": "This is not a change application; there are no changes to preview.",
    "precondition_failed": "Someone else changed this application; reload it and try again.",
    "precondition_required": "Changing an application needs its current version (If-Match).",
    "verification_failed": "The code is not correct; ask the caller to read the 6 digits again.",
    "verification_phone_mismatch": "The code was not sent to the registered mobile number.",
    "idempotency_mismatch": "The same request id was used for a different request; try again.",
    "gone": "The verification has expired or is used up; send a new code.",
    "verification_gone": "The code has expired or was entered wrong too often; send a new one.",
    "rate_limited": "Too many attempts; please wait a moment and try again.",
    "verification_rate_limited": "Codes were sent too often; please wait before sending again.",
    "file_refused": "The file is not accepted: only JPG or PDF, at most 5 MB each.",
    "file_too_large": "The file is larger than 5 MB; compress it or scan at a lower resolution.",
    "file_type": "The file is not a JPG or PDF (judged by its content); use a scanned JPG or PDF.",
    "internal_error": "The central service had an internal error; please try again later.",
    "unavailable": "Cannot reach the central service; please try again later.",
    "timeout": "The central service did not answer in time; please try again later.",
    "method_not_allowed": "This request method is not supported.",
    "http_error": "The request could not be handled; please check it and try again.",
    # The domain's problems on a form (`Problem.code`).
    "code_required": "Enter the institution code.",
    "subjects_too_many": "Too many specialties for the documents' one page; enter fewer.",
    "subject_too_long": "A specialty is too long; enter the licence's specialties one by one.",
    "name_too_long": "The institution's name is too long.",
    "address.street_too_long": "The street address is too long.",
    "legal_rep.name_too_long": "The legal representative's name is too long.",
    "admin.name_too_long": "The data administrator's name is too long.",
    "admin.email_too_long": "The data administrator's email is too long.",
    "code_length": "The institution code must be 22 characters.",
    "code_charset": "The institution code may contain only digits and letters.",
    "code_check_char": "The check character of the organization code does not match.",
    "code_is_organization_code": "That is only the 9-character organization code.",
    "code_is_credit_code": "That is a unified social credit code, not the institution code.",
    "code_is_registration_number": "That is a provincial registration number, not the code.",
    "code_division_format": "Characters 10–15 of the code must be a 6-digit division code.",
    "code_division_unknown": "The division in the code is not a current division.",
    "code_economic_type_format": "Characters 16–17 of the code must be 2 digits.",
    "code_economic_type_unknown": "The economic type in the code is not a known one.",
    "code_category_format": "Characters 18–21 of the code must start with a letter.",
    "code_category_unknown": "The category in the code is not a known one.",
    "code_management_class": "Character 22 of the code must be 1, 2 or 9.",
    "code_division_address_mismatch": "The division in the code differs from the address.",
    "file_missing": "A required file has not been uploaded yet.",
    "file_duplicate": "A file was uploaded more than once; keep only one.",
    "file_stale": "A stamped file is from before the form was changed; upload it again.",
}
_ENDINGS = {
    "_required": "This field is required.",
    "_invalid": "This field is not valid.",
}


def received(text: str, code: str | None = None) -> str:
    """`text`, received from the API or the domain, in the kiosk's language."""
    if current_language() == SOURCE_LANGUAGE:
        return text
    known = tr_received(text)
    if known is not None:
        return known
    return code_sentence(code) or GENERAL_SENTENCE


def code_sentence(code: str | None) -> str | None:
    """The English sentence for a problem code, None for an unknown one."""
    if not code:
        return None
    if code in PROBLEM_SENTENCES:
        return PROBLEM_SENTENCES[code]
    return next((line for end, line in _ENDINGS.items() if code.endswith(end)), None)
