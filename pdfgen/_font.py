"""The embedded CJK font: registered once per process, and what it can draw.

WenQuanYi Micro Hei ships inside the package (see `fonts/README.md`), so a PDF prints the same
on any machine: reportlab embeds the subsets of glyphs a document uses (`_subsets`).
Registration parses the 5 MB file (≈ 0.1 s), hence once per process and only when a document
is first rendered.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics

from ._subsets import SubsetCachingTTFont

FONT_NAME = "WQYMicroHei"
FONT_PATH = Path(__file__).resolve().parent / "fonts" / "wqy-microhei.ttc"


@cache
def embedded_font() -> SubsetCachingTTFont:
    """The registered font (first face of the .ttc); later calls return the same object."""
    font = SubsetCachingTTFont(FONT_NAME, str(FONT_PATH), subfontIndex=0)
    pdfmetrics.registerFont(font)
    return font


def font_name() -> str:
    """The registered name to use in styles; registers the font on first use."""
    name: str = embedded_font().fontName
    return name


@cache
def _covered_code_points() -> frozenset[int]:
    return frozenset(embedded_font().face.charToGlyph)


def unprintable_characters(text: str) -> list[str]:
    """Characters of `text` the font has no glyph for, each once, in order of appearance.

    Whitespace is left out: line breaks and spaces are layout, not glyphs.
    """
    covered = _covered_code_points()
    missing: list[str] = []
    for char in text:
        if char.isspace() or ord(char) in covered or char in missing:
            continue
        missing.append(char)
    return missing


def is_rare_ideograph(char: str) -> bool:
    """A CJK ideograph outside the common block (Extension A, B and later, compatibility)."""
    return unicodedata.name(char, "").startswith("CJK") and not 0x4E00 <= ord(char) <= 0x9FFF
