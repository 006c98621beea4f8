"""Request validation errors (pydantic) as Chinese sentences an operator can read aloud."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from domain import Problem

# Request fields as an operator knows them; other fields are named by their path.
FIELD_LABELS: dict[str, str] = {
    "username": "用户名",
    "password": "密码",
    "phone": "手机号",
    "code": "医疗机构代码",
    "q": "搜索内容",
    "status": "审核状态",
    "cursor": "翻页位置",
    "limit": "每页条数",
    "body": "请求内容",
}

_LOCATIONS = {"body", "query", "path", "header", "cookie"}


def _field(loc: Iterable[Any]) -> str:
    parts = [str(part) for part in loc]
    if len(parts) > 1 and parts[0] in _LOCATIONS:
        parts = parts[1:]
    return ".".join(parts) or "body"


def _sentence(error: Mapping[str, Any]) -> str:
    kind = str(error.get("type", ""))
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    if kind == "missing":
        return "不能为空，请填写。"
    if kind in {"string_too_short"}:
        return f"太短，至少需要 {ctx.get('min_length')} 个字符。"
    if kind in {"string_too_long"}:
        return f"太长，最多 {ctx.get('max_length')} 个字符。"
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return "应为整数。"
    if kind in {"greater_than_equal", "greater_than"}:
        return f"应不小于 {ctx.get('ge', ctx.get('gt'))}。"
    if kind in {"less_than_equal", "less_than"}:
        return f"应不大于 {ctx.get('le', ctx.get('lt'))}。"
    if kind == "enum":
        return f"只能是以下之一：{ctx.get('expected', '')}。"
    if kind in {"json_invalid", "model_attributes_type", "dict_type", "model_type"}:
        return "格式不正确，应为 JSON 对象。"
    if kind in {"string_type"}:
        return "应为文字。"
    if kind in {"bool_parsing", "bool_type"}:
        return "应为 true 或 false。"
    return "格式不正确。"


def validation_problems(errors: Iterable[Mapping[str, Any]]) -> list[Problem]:
    """One `Problem` per pydantic error, its message naming the field in Chinese."""
    problems = []
    for error in errors:
        field = _field(error.get("loc", ()))
        label = FIELD_LABELS.get(field.rsplit(".", 1)[-1], field)
        problems.append(
            Problem(field=field, message=f"{label}{_sentence(error)}", code="validation_error")
        )
    return problems
