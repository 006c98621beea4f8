"""Text from the form as a flowable: one font, size and colour, lines broken the CJK way.

The form's values (a name, an address, a code segment's meaning) are plain text in one style.
reportlab's `Paragraph` parses markup, keeps fragments and breaks lines through generic
machinery that costs more than the rest of the cell; `PlainText` breaks the text itself and
writes each line with the canvas, placed as `Paragraph` places its lines (first baseline one
font size below the top, then one leading per line).

Line breaking: a line may end between any two CJK characters, at a space, or inside a run of
Latin letters and digits only when the run alone is wider than the line; closing punctuation
(。，、）…) never starts a line and opening punctuation (（《“…) never ends one
(reportlab's lists), the character beside it moving with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from ._font import embedded_font
from ._operators import draw_flowable_at, number, numbers, set_fill

_SPACES = re.compile(r"[ \t\r\n\f\v]+")
# A run of characters that stays on one line: Latin letters, digits and their punctuation.
_WORD = re.compile(r"[\x21-\x7e\u00a1-\u02ff]+")


@dataclass(frozen=True)
class TextStyle:
    size: float
    leading: float
    color: Color
    centred: bool = False


def plain_lines(text: str) -> str:
    """`text` as a paragraph shows it: whitespace runs collapsed to one space, an ideographic
    space kept as the width of two no-break spaces (as `_paragraphs.paragraph_markup`)."""
    return _SPACES.sub(" ", text.replace("\u3000", "\xa0\xa0")).strip(" ")


def _tokens(text: str) -> list[str]:
    """Pieces no line break may split (unless a piece alone is wider than a line)."""
    pieces: list[str] = []
    position = 0
    while position < len(text):
        word = _WORD.match(text, position)
        end = word.end() if word else position + 1
        piece = text[position:end]
        joined = pieces and (piece[0] in ALL_CANNOT_START or pieces[-1][-1] in ALL_CANNOT_END)
        if joined and pieces[-1] != " " and piece != " ":
            pieces[-1] += piece
            position = end
            continue
        pieces.append(piece)
        position = end
    return pieces


def break_lines(text: str, width: float, size: float) -> list[str]:
    """`text` (already `plain_lines`) in lines no wider than `width` at font `size`."""
    font = embedded_font()
    lines: list[str] = []
    line = ""
    used = 0.0
    space = font.stringWidth(" ", size)
    for piece in _tokens(text):
        if piece == " ":
            if line:
                line += " "
                used += space
            continue
        piece_width = font.stringWidth(piece, size)
        if used + piece_width <= width + 1e-6:
            line += piece
            used += piece_width
            continue
        if line.rstrip(" "):
            lines.append(line.rstrip(" "))
        line, used = "", 0.0
        for char in piece:  # a piece wider than a line: broken where it must be
            char_width = font.stringWidth(char, size)
            if line and used + char_width > width + 1e-6:
                lines.append(line)
                line, used = "", 0.0
            line += char
            used += char_width
    if line.rstrip(" "):
        lines.append(line.rstrip(" "))
    return lines or [""]


class PlainText(Flowable):
    """Plain text in `style`; `first_baseline`: the first line's baseline below the top
    (the font size unless the text follows a larger line of the same paragraph)."""

    def __init__(self, text: str, style: TextStyle, *, first_baseline: float | None = None) -> None:
        super().__init__()
        self.text = plain_lines(text)
        self.style = style
        self.first_baseline = style.size if first_baseline is None else first_baseline
        self.lines: list[str] = []
        self._wrapped_width: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availWidth != self._wrapped_width:
            self.lines = break_lines(self.text, availWidth, self.style.size)
            self._wrapped_width = availWidth
        self.width = availWidth
        self.height = len(self.lines) * self.style.leading
        return self.width, self.height

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        draw_flowable_at(self, canvas, x, y, _sW)

    def draw(self) -> None:
        """One text object, written directly: the lines placed by their text matrix, the
        subset font switched when the characters need another. The font is set inside the
        text object, so within the graphics state `drawOn` saves and restores around this."""
        canvas: Canvas = self.canv
        style = self.style
        font = embedded_font()
        document = canvas._doc
        set_fill(canvas, style.color)
        canvas.setFont(font.fontName, style.size)  # makes the font one of the page's
        size = number(style.size)
        code = ["BT"]
        current = None
        y = self.height - self.first_baseline
        for line in self.lines:
            x = (self.width - font.stringWidth(line, style.size)) / 2 if style.centred else 0
            code.append(f"1 0 0 1 {numbers(x, y)} Tm")
            for subset, encoded in font.splitString(line, document):
                if subset != current:
                    code.append(f"{font.getSubsetInternalName(subset, document)} {size} Tf")
                    current = subset
                code.append(f"({canvas._escape(encoded)}) Tj")
            y -= style.leading
        code.append("ET")
        canvas._code.append(" ".join(code))
