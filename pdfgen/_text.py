"""Text in one style: lines broken the CJK way, and the operators that draw them.

Line breaking: a line may end between any two CJK characters, at a space, or inside a run of
Latin letters and digits only when the run alone is wider than the line; closing punctuation
(。，、）…) never starts a line and opening punctuation (（《“…) never ends one (reportlab's
lists), the character beside it moving with it. Lines are placed as reportlab places a
paragraph's: the first baseline one font size below the top, then one leading per line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START

from ._encoding import Run
from ._font import char_widths, text_width
from ._pdf_syntax import number, numbers

# Any whitespace but the no-break space: the line and paragraph separators and the like have no
# glyph in the font, and a value pasted from elsewhere may carry them.
_SPACES = re.compile(r"[^\S\xa0]+")
# A run of characters that stays on one line: Latin letters, digits and their punctuation.
_WORD = re.compile(r"[\x21-\x7e\u00a1-\u02ff]+")
_CANNOT_START = frozenset(ALL_CANNOT_START)
_CANNOT_END = frozenset(ALL_CANNOT_END)
_FUZZ = 1e-6


@dataclass(frozen=True)
class TextStyle:
    size: float
    leading: float
    color: str = "0 0 0"  # fill colour operands (`colour`)
    align: str = "left"  # "centre" or "right"
    first_indent: float = 0.0  # added to the first line's left edge (negative: hanging)
    left_indent: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    keep_with_next: bool = False


def colour(hex_rgb: str) -> str:
    """ "#RRGGBB" as the operands of `rg`/`RG`."""
    red, green, blue = (int(hex_rgb[index : index + 2], 16) / 255 for index in (1, 3, 5))
    return numbers(round(red, 4), round(green, 4), round(blue, 4))


def plain_lines(text: str) -> str:
    """`text` as a paragraph shows it: whitespace runs collapsed to one space, an ideographic
    space kept as the width of two no-break spaces."""
    return _SPACES.sub(" ", text.replace("\u3000", "\xa0\xa0")).strip(" ")


def _tokens(text: str) -> list[str]:
    """Pieces no line break may split (unless a piece alone is wider than a line)."""
    pieces: list[str] = []
    position = 0
    end_of_text = len(text)
    while position < end_of_text:
        word = _WORD.match(text, position)
        end = word.end() if word else position + 1
        piece = text[position:end]
        if (
            pieces
            and piece != " "
            and pieces[-1] != " "
            and (piece[0] in _CANNOT_START or pieces[-1][-1] in _CANNOT_END)
        ):
            pieces[-1] += piece
        else:
            pieces.append(piece)
        position = end
    return pieces


def break_lines(
    text: str, width: float, size: float, first_width: float | None = None
) -> list[str]:
    """`text` (already `plain_lines`) in lines no wider than `width` (the first line no wider
    than `first_width`, if given) at font `size`."""
    limit = (width if first_width is None else first_width) / size * 1000 + _FUZZ
    lines: list[str] = []
    line: list[str] = []
    used = 0.0

    def end_line() -> None:
        nonlocal line, used, limit
        while line and line[-1] == " ":
            line.pop()
        lines.append("".join(line))
        line, used, limit = [], 0.0, width / size * 1000 + _FUZZ

    for piece in _tokens(text):
        if piece == " ":
            if line:
                line.append(" ")
                used += char_widths(" ")[0]
            continue
        advances = char_widths(piece)
        piece_width = sum(advances)
        if used + piece_width <= limit:
            line.append(piece)
            used += piece_width
            continue
        if any(part != " " for part in line):
            end_line()
        else:
            line, used = [], 0.0
        if piece_width <= limit:
            line.append(piece)
            used = piece_width
            continue
        for char, advance in zip(piece, advances, strict=True):  # wider than a line: cut
            if line and used + advance > limit:
                end_line()
            line.append(char)
            used += advance
    if any(part != " " for part in line):
        end_line()
    return lines or [""]


def text_operators(
    lines: Sequence[str],
    style: TextStyle,
    box: tuple[float, float, float],
    encode: Callable[[str], list[Run]],
    first_baseline: float | None = None,
) -> str:
    """One text object drawing `lines` in `style` inside `box` (left, top, width)."""
    left, top, width = box
    size = number(style.size)
    code = [f"{style.color} rg BT"]
    current = -1
    y = top - (style.size if first_baseline is None else first_baseline)
    for index, line in enumerate(lines):
        x = left + style.left_indent + (style.first_indent if index == 0 else 0.0)
        if style.align != "left":
            room = width - style.left_indent - text_width(line, style.size)
            x += room / 2 if style.align == "centre" else room
        code.append(f"1 0 0 1 {numbers(x, y)} Tm")
        for subset, codes in encode(line):
            if subset != current:
                code.append(f"/F{subset} {size} Tf")
                current = subset
            code.append(f"<{codes.hex()}> Tj")
        y -= style.leading
    code.append("ET")
    return " ".join(code)
