"""The embedded CJK font: registered with reportlab once per process, and what it can draw.

WenQuanYi Micro Hei ships inside the package (see `fonts/README.md`), so a PDF prints the same
on any machine; reportlab's `TTFont` embeds a subset of the glyphs each document uses.
Reading the 5 MB file (≈ 0.1 s) happens once per process, when a document is first rendered.
"""

from __future__ import annotations

import threading
import unicodedata
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_PATH = Path(__file__).resolve().parent / "fonts" / "wqy-microhei.ttc"
FONT_NAME = "WenQuanYiMicroHei"
_registering = threading.Lock()


@cache
def font() -> TTFont:
    """The registered font (`FONT_NAME` in paragraph and canvas styles)."""
    with _registering:
        if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(FONT_PATH), subfontIndex=0))
        registered = pdfmetrics.getFont(FONT_NAME)
    assert isinstance(registered, TTFont)
    return registered


@cache
def _covered_code_points() -> frozenset[int]:
    return frozenset(font().face.charToGlyph)


def unprintable_characters(text: str) -> list[str]:
    """Characters of `text` the font has no glyph for, each once, in order of appearance.

    Whitespace is left out: it prints as a space (`_styles.plain`). Other control characters
    never print, whatever the font maps them to. The font's few glyphs beyond the Basic
    Multilingual Plane would print but read back as other characters (reportlab maps a subset's
    glyphs to 16-bit code points), so a scan's text would not match the form: refused too.
    """
    covered = _covered_code_points()
    missing: list[str] = []
    for char in text:
        if char.isspace() or char in missing:
            continue
        code = ord(char)
        if code not in covered or code > 0xFFFF or unicodedata.category(char) == "Cc":
            missing.append(char)
    return missing


def is_rare_ideograph(char: str) -> bool:
    """A CJK ideograph outside the common block (Extension A, B and later, compatibility)."""
    return unicodedata.name(char, "").startswith("CJK") and not 0x4E00 <= ord(char) <= 0x9FFF


@cache
def widest_character() -> str:
    """The printable character with the widest advance: the worst case of a layout."""
    face = font().face
    widths = face.charWidths
    printable = (
        code
        for code in face.charToGlyph
        if code in widths and unicodedata.category(chr(code))[0] in "LNPS"
    )
    return chr(max(printable, key=lambda code: (widths[code], -code)))
