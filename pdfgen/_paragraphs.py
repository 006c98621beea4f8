"""Paragraphs of fixed text, broken into lines and drawn once per process.

Parsing a paragraph, breaking it into lines (a width lookup per character) and writing its
text operators cost most of a document, and most paragraphs (the terms, labels, headings) do
not depend on the form. A `FixedParagraph` shares one parse per text and style, one line
breaking per width, and one drawing per width and set of fixed characters, recorded and
replayed as `_recording` explains. Text from the form is `_plain_text.PlainText`.

Shared state changes only while a document is built, under the build lock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from ._recording import LAYOUTS_KEPT, Drawings, replay_on, replay_or_draw

SHARED_TEXTS = 512  # distinct fixed texts kept; the two documents use about 60


def paragraph_markup(text: str) -> str:
    """Plain text as paragraph markup: escaped, and an ideographic space as two no-break
    spaces (paragraphs collapse whitespace; no-break spaces keep their width)."""
    return escape(text).replace("\u3000", "\xa0\xa0")


def fixed_characters(*texts: str) -> str:
    """The characters a document claims first: each once, sorted, without ASCII and spaces
    (reportlab gives ASCII its own codes in the first subset)."""
    characters = {char for text in texts for char in text}
    return "".join(sorted(char for char in characters if ord(char) > 0x7E and not char.isspace()))


def fixed_para(text: str, style: ParagraphStyle) -> FixedParagraph:
    """A paragraph of `text`, which must not depend on the form, in `style`."""
    return FixedParagraph(_shared_layout(paragraph_markup(text), style))


# A paragraph's line breaking at one width: reportlab's lines, wrap widths, height.
_Wrap = tuple[Any, list[float], float]


def _wrap_once(
    paragraph: Paragraph, wraps: dict[float, _Wrap], width: float, height: float
) -> tuple[float, float]:
    """`Paragraph.wrap`, the line breaking kept in `wraps` by width."""
    known = wraps.get(width)
    if known is None:
        size: tuple[float, float] = Paragraph.wrap(paragraph, width, height)
        if hasattr(paragraph, "blPara") and len(wraps) < LAYOUTS_KEPT:
            wraps[width] = (paragraph.blPara, list(paragraph._wrapWidths), size[1])
        return size
    lines, wrap_widths, lines_height = known
    paragraph.width = width
    paragraph.blPara = lines
    paragraph._wrapWidths = list(wrap_widths)
    paragraph.height = lines_height
    return width, lines_height


@dataclass
class _SharedLayout:
    markup: str
    style: ParagraphStyle
    frags: list[Any]
    wraps: dict[float, _Wrap] = field(default_factory=dict)
    drawings: Drawings = field(default_factory=dict)


@lru_cache(maxsize=SHARED_TEXTS)
def _shared_layout(markup: str, style: ParagraphStyle) -> _SharedLayout:
    return _SharedLayout(markup, style, Paragraph(markup, style).frags)


class FixedParagraph(Paragraph):
    """A `Paragraph` that reuses the line breaking and drawing of its text across documents."""

    def __init__(self, layout: _SharedLayout) -> None:
        super().__init__(layout.markup, layout.style, frags=layout.frags)
        self._layout = layout

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return _wrap_once(self, self._layout.wraps, availWidth, availHeight)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        # Splitting builds new paragraphs from the lines; a fresh paragraph keeps the shared
        # lines untouched. It happens at most once a page.
        parts: list[Any] = Paragraph(self._layout.markup, self.style).split(availWidth, availHeight)
        return parts

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        if not replay_on(self, canvas, (x, y, _sW), self._layout.drawings, self.width):
            super().drawOn(canvas, x, y, _sW)

    def draw(self) -> None:
        replay_or_draw(self.canv, self._layout.drawings, self.width, _draw_paragraph_on(self))


def _draw_paragraph_on(paragraph: Paragraph) -> Callable[[Canvas], None]:
    def draw(canvas: Canvas) -> None:
        own_canvas = paragraph.canv
        paragraph.canv = canvas
        try:
            Paragraph.draw(paragraph)
        finally:
            paragraph.canv = own_canvas

    return draw
