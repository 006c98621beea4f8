"""Free text an operator types (call notes, wrap-up notes) goes into the timeline, which every
operator reads: mobile numbers and email addresses in it are stored masked (DESIGN §5), the
same way the API masks them everywhere else.
"""

from __future__ import annotations

import re

from domain import mask_email, mask_phone

# A mainland mobile as people write it: 13800138000, 138 0013 8000, 138-0013-8000, with or
# without +86; not part of a longer run of digits (an id card or order number stays as it is).
_MOBILE = re.compile(r"(?<![\d+])(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def mask_personal_text(text: str) -> str:
    """`text` with every mobile number and email address masked (`138****8000`, `z***@x.cn`)."""
    masked = _MOBILE.sub(lambda m: mask_phone(m.group(1) + m.group(2) + m.group(3)), text)
    return _EMAIL.sub(lambda m: mask_email(m.group(0)), masked)
