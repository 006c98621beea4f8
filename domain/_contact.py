"""Mobile numbers, emails and people's names: normalization, validation and masking.

Every validator raises `FieldInvalid` with a message (a code and its parameters) that says what
is wrong, which the kiosk reads aloud in the operator's language.

Masking (`138****8000`, `z***@example.com`, `张*`) is how personal data leaves the API;
`is_masked` recognizes exactly the forms these functions produce, so a masked value sent back
unchanged can be told apart from a new one.
"""

from __future__ import annotations

import re
import unicodedata

from ._errors import FieldInvalid
from ._messages import define_code

_MOBILE_SEPARATORS = re.compile(r"[\s\-‐‑–—()（）.]")
_LOCAL_PART = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\-]+$")
_DOMAIN_LABEL = re.compile(r"^[a-z0-9]([a-z0-9\-]*[a-z0-9])?$")

_MASKED_PHONE = re.compile(r"^\d{3}\*{4}\d{4}$|^\d?\*+\d{0,4}$")
_MASKED_EMAIL = re.compile(r"^[^@\s]?\*{3}@[^@\s]+$")
_MASKED_NAME = re.compile(r"^[^*\s@]{0,2}\*+$")

# Compound surnames keep both characters visible: 欧阳** rather than 欧***.
_COMPOUND_SURNAMES = frozenset(
    {
        "欧阳",
        "司马",
        "上官",
        "诸葛",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "长孙",
        "宇文",
        "司徒",
        "夏侯",
        "轩辕",
        "令狐",
        "钟离",
        "闻人",
        "澹台",
        "公冶",
        "申屠",
        "太史",
        "端木",
        "濮阳",
        "独孤",
        "南宫",
        "西门",
        "万俟",
        "呼延",
        "赫连",
        "单于",
        "百里",
        "东郭",
        "公羊",
        "拓跋",
        "第五",
        "乐正",
        "左丘",
        "谷梁",
        "宗政",
    }
)


_MOBILE_EMPTY = define_code("problem.mobile_empty")
_MOBILE_FOREIGN = define_code("problem.mobile_foreign")
_MOBILE_NOT_DIGIT = define_code("problem.mobile_not_digit", "char")
_MOBILE_TOO_SHORT = define_code("problem.mobile_too_short", "length")
_MOBILE_TOO_LONG = define_code("problem.mobile_too_long", "length")
_MOBILE_PREFIX = define_code("problem.mobile_prefix", "prefix")
_EMAIL_EMPTY = define_code("problem.email_empty")
_EMAIL_SPACE = define_code("problem.email_space")
_EMAIL_NO_AT = define_code("problem.email_no_at")
_EMAIL_MANY_AT = define_code("problem.email_many_at")
_EMAIL_NO_LOCAL = define_code("problem.email_no_local")
_EMAIL_LOCAL_LONG = define_code("problem.email_local_long", "limit")
_EMAIL_LOCAL_CHAR = define_code("problem.email_local_char", "char")
_EMAIL_LOCAL_DOTS = define_code("problem.email_local_dots")
_EMAIL_NO_DOMAIN = define_code("problem.email_no_domain")
_EMAIL_DOMAIN_PUNCTUATION = define_code("problem.email_domain_punctuation")
_EMAIL_DOMAIN_NO_DOT = define_code("problem.email_domain_no_dot", "domain")
_EMAIL_DOMAIN_LONG = define_code("problem.email_domain_long")
_EMAIL_DOMAIN_FORMAT = define_code("problem.email_domain_format", "domain")
_EMAIL_DOMAIN_SUFFIX = define_code("problem.email_domain_suffix", "suffix")


def normalize_mobile(raw: str, field: str = "admin.mobile") -> str:
    """A mainland mobile as 11 digits: `+86 138-0013-8000` → `13800138000`.

    Accepts the +86, 0086 and 86 prefixes, spaces, hyphens, parentheses and full-width digits.
    """
    text = _MOBILE_SEPARATORS.sub("", unicodedata.normalize("NFKC", raw or ""))
    if not text:
        raise FieldInvalid(field, _MOBILE_EMPTY())
    if text.startswith("+"):
        if not text.startswith("+86"):
            raise FieldInvalid(field, _MOBILE_FOREIGN())
        text = text[3:]
    elif text.startswith("0086"):
        text = text[4:]
    elif text.startswith("86") and len(text) == 13:
        text = text[2:]
    for char in text:
        if not char.isascii() or not char.isdigit():
            raise FieldInvalid(field, _MOBILE_NOT_DIGIT(char=char))
    if len(text) != 11:
        too = _MOBILE_TOO_SHORT if len(text) < 11 else _MOBILE_TOO_LONG
        raise FieldInvalid(field, too(length=len(text)))
    if text[0] != "1" or text[1] not in "3456789":
        raise FieldInvalid(field, _MOBILE_PREFIX(prefix=text[:2]))
    return text


def normalize_email(raw: str, field: str = "admin.email") -> str:
    """Trimmed, with the domain in lower case; raises `FieldInvalid` naming the problem."""
    text = unicodedata.normalize("NFKC", raw or "").strip()
    if not text:
        raise FieldInvalid(field, _EMAIL_EMPTY())
    if any(char.isspace() for char in text):
        raise FieldInvalid(field, _EMAIL_SPACE())
    if text.count("@") != 1:
        raise FieldInvalid(field, _EMAIL_NO_AT() if "@" not in text else _EMAIL_MANY_AT())
    local, domain = text.split("@")
    _check_local_part(local, field)
    return f"{local}@{_checked_domain(domain.lower(), field)}"


def _check_local_part(local: str, field: str) -> None:
    if not local:
        raise FieldInvalid(field, _EMAIL_NO_LOCAL())
    if len(local) > 64:
        raise FieldInvalid(field, _EMAIL_LOCAL_LONG(limit=64))
    bad = next((char for char in local if not _LOCAL_PART.match(char)), None)
    if bad is not None:
        raise FieldInvalid(field, _EMAIL_LOCAL_CHAR(char=bad))
    if local.startswith(".") or local.endswith(".") or ".." in local:
        raise FieldInvalid(field, _EMAIL_LOCAL_DOTS())


def _checked_domain(domain: str, field: str) -> str:
    if not domain:
        raise FieldInvalid(field, _EMAIL_NO_DOMAIN())
    if "。" in domain or "，" in domain:
        raise FieldInvalid(field, _EMAIL_DOMAIN_PUNCTUATION())
    if "." not in domain:
        raise FieldInvalid(field, _EMAIL_DOMAIN_NO_DOT(domain=domain))
    if len(domain) > 253:
        raise FieldInvalid(field, _EMAIL_DOMAIN_LONG())
    labels = domain.split(".")
    for label in labels:
        if not _DOMAIN_LABEL.match(label):
            raise FieldInvalid(field, _EMAIL_DOMAIN_FORMAT(domain=domain))
    if not labels[-1].isalpha() or len(labels[-1]) < 2:
        raise FieldInvalid(field, _EMAIL_DOMAIN_SUFFIX(suffix=labels[-1]))
    return domain


def mask_phone(value: str) -> str:
    """`13800138000` → `138****8000`; short values keep at most their last 4 digits."""
    if not value:
        return ""
    if len(value) == 11:
        return f"{value[:3]}****{value[-4:]}"
    if len(value) <= 4:
        return "*" * len(value)
    shown = min(4, len(value) - 4)
    return "*" * (len(value) - shown) + value[-shown:]


def mask_email(value: str) -> str:
    """`zhang@example.com` → `z***@example.com`."""
    if not value:
        return ""
    if "@" not in value:
        return mask_name(value)
    local, _, domain = value.rpartition("@")
    return f"{local[:1]}***@{domain}"


def mask_name(value: str) -> str:
    """`张三` → `张*`, `欧阳娜娜` → `欧阳**`, a single character → `*`."""
    if not value:
        return ""
    if len(value) == 1:
        return "*"
    shown = 2 if value[:2] in _COMPOUND_SURNAMES and len(value) > 2 else 1
    return value[:shown] + "*" * (len(value) - shown)


def is_masked(value: str) -> bool:
    """True for the masked forms produced by `mask_phone`, `mask_email` and `mask_name`."""
    if not value or "*" not in value:
        return False
    return bool(
        _MASKED_PHONE.match(value) or _MASKED_EMAIL.match(value) or _MASKED_NAME.match(value)
    )
