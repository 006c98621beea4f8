"""Mobile and email validators, and the masks personal data leaves the API with."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain import (
    FieldInvalid,
    is_masked,
    mask_email,
    mask_name,
    mask_phone,
    normalize_email,
    normalize_mobile,
)
from tests.domain.domain_samples import said

mobiles = st.builds(
    lambda second, rest: f"1{second}{rest}",
    st.sampled_from("3456789"),
    st.text(alphabet="0123456789", min_size=9, max_size=9),
)


@pytest.mark.parametrize(
    "raw",
    [
        "13800138000",
        "+86 138-0013-8000",
        "+8613800138000",
        "0086 138 0013 8000",
        "8613800138000",
        "138 0013 8000",
        "１３８００１３８０００",
        "（+86）138-0013-8000",
        " 138\t0013\u30008000 ",
    ],
)
def test_mobile_normalizes_common_spellings(raw: str) -> None:
    assert normalize_mobile(raw) == "13800138000"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "请填写手机号码。"),
        ("1380013800", "手机号码应为 11 位数字，当前只有 10 位。"),
        ("138001380001", "手机号码应为 11 位数字，当前有 12 位。"),
        ("12800138000", "手机号码应以 13–19 开头，当前以 12 开头。"),
        ("23800138000", "手机号码应以 13–19 开头，当前以 23 开头。"),
        ("1380013800O", "手机号码只能包含数字，“O”不是数字。"),
        ("+1 415 555 0100", "只能使用中国大陆手机号码（国家代码 +86）。"),
    ],
)
def test_mobile_errors_say_what_is_wrong(raw: str, message: str) -> None:
    with pytest.raises(FieldInvalid) as caught:
        normalize_mobile(raw, "legal_rep.mobile")
    assert said(caught.value) == message
    assert caught.value.field == "legal_rep.mobile"
    assert caught.value.problems[0].field == "legal_rep.mobile"


def test_mobile_field_defaults_to_the_admin() -> None:
    with pytest.raises(FieldInvalid) as caught:
        normalize_mobile("123")
    assert caught.value.field == "admin.mobile"


@given(
    mobile=mobiles,
    prefix=st.sampled_from(["", "+86", "+86 ", "0086", "86", "(+86) "]),
    separator=st.sampled_from(["", " ", "-", "—"]),
    full_width=st.booleans(),
)
def test_mobile_round_trips_through_any_spelling(
    mobile: str, prefix: str, separator: str, full_width: bool
) -> None:
    spelled = prefix + separator.join([mobile[:3], mobile[3:7], mobile[7:]])
    if full_width:
        spelled = spelled.translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    assert normalize_mobile(spelled) == mobile
    assert normalize_mobile(normalize_mobile(spelled)) == mobile


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("zhang@example.com", "zhang@example.com"),
        ("  Zhang.San@Example.COM ", "Zhang.San@example.com"),
        ("data+hqms@hospital.org.cn", "data+hqms@hospital.org.cn"),
        ("ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ", "zhang@example.com"),
    ],
)
def test_email_normalizes(raw: str, normalized: str) -> None:
    assert normalize_email(raw) == normalized


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("", "请填写电子邮箱"),
        ("zhang.example.com", "缺少“@”"),
        ("zhang@@example.com", "只能有一个“@”"),
        ("@example.com", "“@”前面缺少用户名"),
        ("zhang@", "“@”后面缺少域名"),
        ("zhang@example", "缺少“.”后缀"),
        ("zhang@example。com", "中文标点"),
        ("zhang san@example.com", "不能有空格"),
        ("张三@example.com", "不能使用的字符“张”"),
        ("zhang..san@example.com", "连续的“..”"),
        ("zhang@exa_mple.com", "格式不对"),
        ("zhang@example.c", "后缀“.c”不对"),
    ],
)
def test_email_errors_name_the_problem(raw: str, fragment: str) -> None:
    with pytest.raises(FieldInvalid) as caught:
        normalize_email(raw)
    assert fragment in said(caught.value)
    assert caught.value.field == "admin.email"


def test_masks_match_the_examples() -> None:
    assert mask_phone("13800138000") == "138****8000"
    assert mask_email("zhang@example.com") == "z***@example.com"
    assert mask_name("张三") == "张*"
    assert mask_name("张三丰") == "张**"
    assert mask_name("欧阳娜娜") == "欧阳**"
    assert mask_name("王") == "*"
    assert mask_phone("") == mask_email("") == mask_name("") == ""


@given(mobile=mobiles)
def test_masked_phones_are_recognized_and_real_ones_are_not(mobile: str) -> None:
    assert is_masked(mask_phone(mobile))
    assert not is_masked(mobile)


@given(
    local=st.from_regex(r"[a-z0-9][a-z0-9._+]{0,15}", fullmatch=True),
    domain=st.sampled_from(["example.com", "hospital.org.cn", "qq.com"]),
)
def test_masked_emails_are_recognized_and_real_ones_are_not(local: str, domain: str) -> None:
    email = f"{local}@{domain}"
    assert is_masked(mask_email(email))
    assert not is_masked(email)


@given(name=st.text(alphabet="张王李赵欧阳司马娜修文", min_size=1, max_size=5))
def test_masked_names_are_recognized_and_real_ones_are_not(name: str) -> None:
    assert is_masked(mask_name(name))
    assert not is_masked(name)


def test_ordinary_values_are_not_masked() -> None:
    for value in ["", "138", "张三", "广州市越秀区", "a*b@c", "1*2*3"]:
        assert not is_masked(value), value
