"""Confirming the form's warnings (DESIGN §2): a wrong check character, a retired division, a
code whose division differs from the address… are what real licences do, so the operator reads
the licence and confirms each rather than being refused. The form keeps the confirmed codes
(`Form.confirmed_warnings`); until then the warning is one of the application's `problems`
(`warning: true`), and the timeline records each confirmation and each withdrawal by name
(the `warning` vocabulary).
"""

from __future__ import annotations

from datetime import date

from domain import Form, Message, define_code, form_problems

WARNING_CONFIRMED = define_code("event.warning_confirmed", "warning")
WARNING_WITHDRAWN = define_code("event.warning_confirmation_withdrawn", "warning")


def form_warnings(form: Form, *, today: date) -> list[str]:
    """The codes of every warning the form has, confirmed or not, in the order of the form."""
    unconfirmed = form.model_copy(update={"confirmed_warnings": []})
    codes = (p.code for p in form_problems(unconfirmed, today=today) if p.warning)
    return list(dict.fromkeys(codes))


def settle_confirmations(current: Form, form: Form, *, today: date) -> list[Message]:
    """Keeps in `form.confirmed_warnings` only the warnings `form` has, and returns the timeline
    events of what the save confirms or withdraws compared with `current` (the stored form).

    A confirmation outlives no warning: one kept after the code was corrected would hide the
    next warning of its kind before anyone read it.
    """
    present = form_warnings(form, today=today)
    asked = set(form.confirmed_warnings)
    form.confirmed_warnings = [code for code in present if code in asked]
    before = set(current.confirmed_warnings)
    events = []
    for code in present:
        if code in asked and code not in before:
            events.append(WARNING_CONFIRMED(warning=code))
        elif code in before and code not in asked:
            events.append(WARNING_WITHDRAWN(warning=code))
    return events
