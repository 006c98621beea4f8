"""Personal data leaves the API masked (DESIGN §3, §5): phones, emails and people's names.

`reveal` (a later issue) is the one way to a full value. Institution data (name, code,
address) is not personal and stays as it is.
"""

from __future__ import annotations

from domain import Admin, Form, Person, mask_email, mask_name, mask_phone


def masked_phone(phone: str) -> str:
    return mask_phone(phone) if phone else ""


def masked_form(form: Form) -> Form:
    """A copy of `form` with the legal representative's and the admin's personal data masked."""
    legal_rep = Person(
        name=mask_name(form.legal_rep.name) if form.legal_rep.name else "",
        mobile=masked_phone(form.legal_rep.mobile),
    )
    admin = Admin(
        name=mask_name(form.admin.name) if form.admin.name else "",
        mobile=masked_phone(form.admin.mobile),
        email=mask_email(form.admin.email) if form.admin.email else "",
    )
    return form.model_copy(update={"legal_rep": legal_rep, "admin": admin})
