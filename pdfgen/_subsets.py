"""The embedded font's subsets, with the ones every document shares built once per process.

reportlab embeds a TrueType font as subsets of up to 256 glyphs, numbered in the order the
document first uses each character, and builds every subset program (milliseconds for a full one)
and its width and ToUnicode tables anew for each document. A document here first claims its
fixed text's characters (`claim_fixed_glyphs`), sorted, and starts the form's own characters
on a fresh subset: the fixed subsets are then identical for every form, and
`SubsetCachingTTFont` builds their PDF objects once, compressed, and reuses them. The subsets
holding the form's characters are built for each document, as reportlab does.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import (
    FF_NONSYMBOLIC,
    FF_SYMBOLIC,
    SUBSETN,
    TTFont,
    makeToUnicodeCMap,
)

SUBSET_SIZE = 256
FIXED_SUBSETS_CACHED = 16  # subsets; a document has 2 or 3 fixed ones (≈ 40 KB each, compressed)


@dataclass(frozen=True)
class SubsetObjects:
    """What one subset puts in the PDF, streams already compressed."""

    base_font_name: str
    widths: bytes  # the formatted /Widths array
    to_unicode: bytes
    font_program: bytes
    font_program_length: int  # /Length1: the uncompressed length


class SubsetCachingTTFont(TTFont):
    """A TTFont that reuses the PDF objects of subsets fixed by `claim_fixed_glyphs`."""

    def __init__(self, name: str, filename: str, *, subfontIndex: int = 0) -> None:
        super().__init__(name, filename, subfontIndex=subfontIndex)
        self.fixed_subset_objects = lru_cache(maxsize=FIXED_SUBSETS_CACHED)(self.subset_objects)

    def stringWidth(self, text: str | bytes, size: float, encoding: str = "utf8") -> float:
        """reportlab's width (0.001 × size × the sum of glyph widths), without its generator
        for a single character: CJK line breaking asks for each character's width alone."""
        if isinstance(text, bytes):
            text = text.decode(encoding or "utf8")
        widths = self.face.charWidths
        default = self.face.defaultWidth
        if len(text) == 1:
            return 0.001 * size * widths.get(ord(text), default)
        return 0.001 * size * sum(widths.get(ord(char), default) for char in text)

    def subset_objects(self, number: int, subset: tuple[int, ...]) -> SubsetObjects:
        face = self.face
        base_font_name = b"".join((SUBSETN(number), b"+", face.name, face.subfontNameX)).decode(
            "pdfdoc"
        )
        widths = pdfdoc.PDFArray([face.getCharWidth(code) for code in subset]).format(None)
        program = face.makeSubset(list(subset))
        return SubsetObjects(
            base_font_name=base_font_name,
            widths=widths,
            to_unicode=zlib.compress(makeToUnicodeCMap(base_font_name, subset).encode()),
            font_program=zlib.compress(program),
            font_program_length=len(program),
        )

    def addObjects(self, doc: Any) -> None:
        """reportlab's objects for each subset; the fixed ones come from the cache."""
        if not doc.compression:
            super().addObjects(doc)
            return
        state = self._assignState(doc)
        state.frozen = 1
        fixed = getattr(state, "fixed_subsets", 0)
        for number, subset in enumerate(state.subsets):
            key = (number, tuple(subset))
            parts = self.fixed_subset_objects(*key) if number < fixed else self.subset_objects(*key)
            self._add_subset(doc, number, len(subset), parts)
        del self.state[doc]

    def _add_subset(self, doc: Any, number: int, length: int, parts: SubsetObjects) -> None:
        internal_name = self.getSubsetInternalName(number, doc)[1:]
        font = pdfdoc.PDFTrueTypeFont()
        font.__Comment__ = f"Font {self.fontName} subset {number}"
        font.Name = internal_name
        font.BaseFont = parts.base_font_name
        font.FirstChar = 0
        font.LastChar = length - 1
        font.Widths = _Formatted(parts.widths)
        font.ToUnicode = doc.Reference(
            _compressed_stream(parts.to_unicode), f"toUnicodeCMap:{parts.base_font_name}"
        )
        font.FontDescriptor = self._descriptor(doc, parts)
        doc.Reference(font, internal_name)
        doc.idToObject["BasicFonts"].dict[internal_name] = font

    def _descriptor(self, doc: Any, parts: SubsetObjects) -> Any:
        face = self.face
        program = _compressed_stream(parts.font_program, Length1=parts.font_program_length)
        name = parts.base_font_name
        program_ref = doc.Reference(program, f"fontFile:{face.filename}({name})")
        descriptor = pdfdoc.PDFDictionary(
            {
                "Type": "/FontDescriptor",
                "Ascent": face.ascent,
                "CapHeight": face.capHeight,
                "Descent": face.descent,
                "Flags": (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC,
                "FontBBox": pdfdoc.PDFArray(face.bbox),
                "FontName": pdfdoc.PDFName(name),
                "ItalicAngle": face.italicAngle,
                "StemV": face.stemV,
                "FontFile2": program_ref,
                "MissingWidth": face.defaultWidth,
            }
        )
        return doc.Reference(descriptor, f"fontDescriptor:{name}")


def claim_fixed_glyphs(font: TTFont, doc: Any, characters: str) -> None:
    """Give `characters` the first codes of `doc`'s subsets, the form's text the next subset.

    Called before anything is drawn: the codes, and so the fixed subsets, depend on
    `characters` only. Whatever is drawn later and is not among them starts a new subset.
    """
    claimed = _claimed_state(font, characters)
    state = font._assignState(doc)
    state.assignments = dict(claimed.assignments)
    state.subsets = [list(subset) for subset in claimed.subsets]
    state.nextCode = claimed.nextCode
    state.fixed_subsets = claimed.fixed_subsets
    font.getSubsetInternalName(0, doc)  # the font's name in this document, fixed now too


class _Claim:
    """Stands for a document while the codes of a set of characters are worked out."""


@lru_cache(maxsize=8)
def _claimed_state(font: TTFont, characters: str) -> Any:
    """The font state of a document that claimed `characters`: copied into each document,
    rather than encoding the few hundred characters again."""
    claim = _Claim()
    font.splitString(characters, claim)
    state = font.state.pop(claim)
    if state.nextCode % SUBSET_SIZE:
        state.nextCode += SUBSET_SIZE - state.nextCode % SUBSET_SIZE
    state.fixed_subsets = len(state.subsets)
    return state


class _Formatted(pdfdoc.PDFObject):
    """A PDF value formatted once."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, document: Any) -> bytes:
        return self.data


def _compressed_stream(content: bytes, **entries: int) -> Any:
    stream = pdfdoc.PDFStream(
        pdfdoc.PDFDictionary(
            {**entries, "Filter": pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])}
        )
    )
    stream.content = content
    return stream
