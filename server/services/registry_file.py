"""Reading the list of institutions already in HQMS that the HQMS office keeps: one institution
per line, its code (the 22-character institution code, the 9-character organization code, or
the unified social credit code) and its name, comma- or tab-separated, with or without a header.

The office's lists come out of Excel and older systems, so the text may be UTF-8 with or without
a byte-order mark, UTF-16 with one, or GB18030 (which GBK and GB2312 files are too). Each line is
judged on its own: a bad line is rejected with its number and the reason, as a code with
parameters, and the other lines still count. Nothing here touches the database.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import Field

from domain import (
    FieldInvalid,
    Message,
    Problem,
    check_institution_code,
    credit_check_char,
    define_code,
)

from .codes import organization_of

NAME_LIMIT = 200
"""Characters of a name the registry keeps (its column's length)."""

_NOT_TEXT = define_code("problem.registry_not_text")
_BROKEN = define_code("problem.registry_broken_line", "line")
_CODE_MISSING = define_code("problem.registry_code_missing")
_NAME_MISSING = define_code("problem.registry_name_missing")
_NAME_TOO_LONG = define_code("problem.registry_name_too_long", "limit", "length")
_DUPLICATE = define_code("problem.registry_duplicate", "line")

_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class RejectedLine(Problem):
    """A line of the file that was not imported: `field` says which column (`code` or
    `name`), `code` and `params` why."""

    line: int = Field(description="its number in the file, the first line being 1")


@dataclass(frozen=True, slots=True)
class RegistryEntry:
    """A good line: the code as the registry keeps it (a full code or an organization code)."""

    line: int
    code: str
    name: str


def decode_registry(content: bytes) -> str:
    """The file's text; raises FieldInvalid (`file`) when it is not text in one of the
    encodings the office's lists come in."""
    for mark, encoding in _BYTE_ORDER_MARKS:
        if content.startswith(mark):
            candidates: tuple[str, ...] = (encoding,)
            break
    else:
        candidates = ("utf-8", "gb18030")
    for encoding in candidates:
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        # NUL never occurs in text (PostgreSQL refuses it): a binary file that happened to
        # decode, such as a spreadsheet saved as .xlsx, is not a list.
        if "\x00" not in text:
            return text
    raise FieldInvalid("file", _NOT_TEXT())


def line_count(text: str) -> int:
    """Physical lines of `text` (a last line without a newline counts)."""
    return text.count("\n") + (0 if text.endswith("\n") or not text else 1)


def registry_lines(text: str) -> Iterator[RegistryEntry | RejectedLine]:
    """Each data line of the file, judged: a `RegistryEntry`, or a `RejectedLine` saying why.

    Blank lines are skipped, and so is a first line whose code column holds no digit (a header
    such as `机构代码,机构名称`). Columns after the name are ignored. A code that repeats an
    earlier line's is rejected, naming that line, so importing a file gives one answer however
    it is ordered.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    seen: dict[str, int] = {}
    first = True
    rows = iter(reader)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as error:
            raise FieldInvalid("file", _BROKEN(line=reader.line_num)) from error
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if first and not any(char.isdigit() for char in cells[0]):
            first = False
            continue
        first = False
        yield _judged(reader.line_num, cells, seen)


def _delimiter(text: str) -> str:
    # Excel's "Unicode text" export separates columns with tabs; everything else uses commas.
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    return "\t" if "\t" in first_line and "," not in first_line else ","


def _judged(line: int, cells: list[str], seen: dict[str, int]) -> RegistryEntry | RejectedLine:
    raw_code, name = cells[0], cells[1] if len(cells) > 1 else ""
    if not raw_code:
        return _rejected(line, "code", _CODE_MISSING())
    code = _registry_code(raw_code)
    if isinstance(code, Problem):
        return RejectedLine(line=line, field="code", code=code.code, params=code.params)
    if not name:
        return _rejected(line, "name", _NAME_MISSING())
    if len(name) > NAME_LIMIT:
        return _rejected(line, "name", _NAME_TOO_LONG(limit=NAME_LIMIT, length=len(name)))
    if code in seen:
        return _rejected(line, "code", _DUPLICATE(line=seen[code]))
    seen[code] = line
    return RegistryEntry(line=line, code=code, name=name)


def _registry_code(raw: str) -> str | Problem:
    """The code the registry keeps for what a line holds, or the problem that refuses it.

    A full code is kept whole; its warnings (a wrong check character, a retired division)
    describe real licences and do not refuse it. An organization code is kept as it is, and a
    credit code as the organization code inside it. Anything else is refused with the
    domain's sentence, which says what the number is and what is needed instead.
    """
    report = check_institution_code(raw)
    if report.recognized_as is None and report.valid:
        return report.normalized
    organization = organization_of(report)
    if report.recognized_as == "organization_code" and organization is not None:
        return organization
    if report.recognized_as == "credit_code" and organization and _valid_credit(report.normalized):
        return organization
    return report.errors[0]


def _valid_credit(code: str) -> bool:
    # A credit code with a wrong check character was misread somewhere: its organization code
    # may be wrong too, so the line is refused with the domain's sentence saying so.
    try:
        return credit_check_char(code[:17]) == code[17]
    except ValueError:  # a character outside the credit code's alphabet
        return False


def _rejected(line: int, field: str, message: Message) -> RejectedLine:
    return RejectedLine(line=line, field=field, code=message.code, params=message.params)
