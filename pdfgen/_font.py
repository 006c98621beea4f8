"""The embedded CJK font: parsed once per process, its metrics, and what it can draw.

WenQuanYi Micro Hei ships inside the package (see `fonts/README.md`), so a PDF prints the same
on any machine: each document embeds subsets of the glyphs it uses (`_font_objects`). Parsing
the 5 MB file (≈ 0.1 s) happens once per process, when a document is first rendered.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFontFace

FONT_PATH = Path(__file__).resolve().parent / "fonts" / "wqy-microhei.ttc"


@cache
def embedded_face() -> TTFontFace:
    """The font's first face (of the .ttc); later calls return the same object."""
    return TTFontFace(str(FONT_PATH), subfontIndex=0)


@cache
def _advances() -> tuple[dict[int, int], int]:
    face = embedded_face()
    return face.charWidths, face.defaultWidth


def text_width(text: str, size: float) -> float:
    """The advance of `text` at font `size`, in points (widths are in 1/1000 of the size)."""
    widths, default = _advances()
    return 0.001 * size * sum([widths.get(ord(char), default) for char in text])


def char_widths(text: str) -> list[int]:
    """Each character's advance in 1/1000 of the font size."""
    widths, default = _advances()
    return [widths.get(ord(char), default) for char in text]


@cache
def _covered_code_points() -> frozenset[int]:
    return frozenset(embedded_face().charToGlyph)


def unprintable_characters(text: str) -> list[str]:
    """Characters of `text` the font has no glyph for, each once, in order of appearance.

    Whitespace is left out: line breaks and spaces are layout, not glyphs (`_text.plain_lines`
    makes each run a space). Other control characters never print, whatever the font maps
    them to.
    """
    covered = _covered_code_points()
    missing: list[str] = []
    for char in text:
        if char.isspace() or char in missing:
            continue
        if ord(char) not in covered or unicodedata.category(char) == "Cc":
            missing.append(char)
    return missing


def is_rare_ideograph(char: str) -> bool:
    """A CJK ideograph outside the common block (Extension A, B and later, compatibility)."""
    return unicodedata.name(char, "").startswith("CJK") and not 0x4E00 <= ord(char) <= 0x9FFF
