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

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import (
    FF_NONSYMBOLIC,
    FF_SYMBOLIC,
    SUBSETN,
    TTFont,
    makeToUnicodeCMap,
)

from ._subset_program import make_subset

SUBSET_SIZE = 256
FORM_SUBSET_COMPRESSION = 1  # zlib level of the subsets of the form's own characters
FIXED_SUBSETS_CACHED = 16  # subsets; a document has 2 or 3 fixed ones (≈ 40 KB each, compressed)


@dataclass(frozen=True)
class SubsetObjects:
    """What one subset puts in the PDF, formatted: the streams compressed, with their
    dictionaries (they refer to no other object, so their text is the same in any document)."""

    base_font_name: str
    widths: bytes  # the formatted /Widths array
    to_unicode: bytes  # the formatted stream objects
    font_program: bytes


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

    def subset_objects(
        self, number: int, subset: tuple[int, ...], level: int = zlib.Z_DEFAULT_COMPRESSION
    ) -> SubsetObjects:
        """The subset's PDF objects, its streams compressed at zlib `level`."""
        face = self.face
        base_font_name = b"".join((SUBSETN(number), b"+", face.name, face.subfontNameX)).decode(
            "pdfdoc"
        )
        widths = widths_array([face.getCharWidth(code) for code in subset])
        program = make_subset(face, list(subset))
        return SubsetObjects(
            base_font_name=base_font_name,
            widths=widths,
            to_unicode=_formatted_stream(
                zlib.compress(makeToUnicodeCMap(base_font_name, subset).encode(), level)
            ),
            font_program=_formatted_stream(zlib.compress(program, level), Length1=len(program)),
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
            if number < fixed:
                parts = self.fixed_subset_objects(*key)
            else:  # built for this document only: compressed quickly (a few % larger)
                parts = self.subset_objects(*key, level=FORM_SUBSET_COMPRESSION)
            self._add_subset(doc, number, len(subset), parts)
        del self.state[doc]

    def _add_subset(self, doc: Any, number: int, length: int, parts: SubsetObjects) -> None:
        internal_name = self.getSubsetInternalName(number, doc)[1:]
        to_unicode = doc.Reference(
            _Formatted(parts.to_unicode), f"toUnicodeCMap:{parts.base_font_name}"
        )
        descriptor = self._descriptor(doc, parts)
        text = self._font_text(internal_name, number, parts.base_font_name, length, parts.widths)
        font = _Spliced(text, (descriptor, to_unicode))
        doc.Reference(font, internal_name)
        doc.idToObject["BasicFonts"].dict[internal_name] = font

    @lru_cache(maxsize=FIXED_SUBSETS_CACHED)  # noqa: B019 (one font object per process)
    def _font_text(
        self, internal_name: str, number: int, base_font_name: str, length: int, widths: bytes
    ) -> tuple[bytes, ...]:
        """reportlab's font dictionary of a subset, formatted once: the text around the
        references to its descriptor and ToUnicode map, which differ per document."""
        font = pdfdoc.PDFTrueTypeFont()
        font.Name = internal_name
        font.BaseFont = base_font_name
        font.FirstChar = 0
        font.LastChar = length - 1
        font.Widths = _Formatted(widths)
        font.FontDescriptor = _Formatted(_PLACEHOLDER)
        font.ToUnicode = _Formatted(_PLACEHOLDER)
        return tuple(font.format(None).split(_PLACEHOLDER))

    def _descriptor(self, doc: Any, parts: SubsetObjects) -> Any:
        name = parts.base_font_name
        program = _Formatted(parts.font_program)
        program_ref = doc.Reference(program, f"fontFile:{self.face.filename}({name})")
        text = self._descriptor_text(name)
        return doc.Reference(_Spliced(text, (program_ref,)), f"fontDescriptor:{name}")

    @lru_cache(maxsize=FIXED_SUBSETS_CACHED)  # noqa: B019 (one font object per process)
    def _descriptor_text(self, name: str) -> tuple[bytes, ...]:
        """reportlab's descriptor dictionary of subset `name`, formatted once: the text
        before and after the reference to the font program, which differs per document."""
        face = self.face
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
                "FontFile2": _Formatted(_PLACEHOLDER),
                "MissingWidth": face.defaultWidth,
            }
        )
        return tuple(descriptor.format(None).split(_PLACEHOLDER))


_PLACEHOLDER = b"\0reference\0"  # where a reference goes in a dictionary formatted once


class _Spliced(pdfdoc.PDFObject):
    """A dictionary formatted once (`text`, split where references go) around references
    formatted per document."""

    __RefOnly__ = 1  # an object of its own, referred to where it is used

    def __init__(self, text: tuple[bytes, ...], references: tuple[Any, ...]) -> None:
        self.text = text
        self.references = references

    def format(self, document: Any) -> bytes:
        pieces = [self.text[0]]
        for reference, after in zip(self.references, self.text[1:], strict=True):
            pieces += (reference.format(document), after)
        return b"".join(pieces)


def widths_array(widths: list[float]) -> bytes:
    """`pdfdoc.PDFArray(widths).format(…)`: the same bytes, each width formatted once."""
    items = [_formatted_number(width) for width in widths]
    for position in reversed(range(10, len(items), 10)):  # reportlab breaks every 10
        items.insert(position, b"\n ")
    return b"[ " + b" ".join(items) + b" ]"


@lru_cache(maxsize=256)
def _formatted_number(value: float) -> bytes:
    return fp_str(value).encode("latin-1")


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


def _formatted_stream(compressed: bytes, **entries: int) -> bytes:
    """`pdfdoc.PDFStream.format` of deflated content, without encryption (never used here)."""
    dictionary = pdfdoc.PDFDictionary(
        {
            **entries,
            "Filter": pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")]),
            "Length": len(compressed),
        }
    )
    return b"".join((dictionary.format(None), b"\nstream\n", compressed, b"endstream\n"))
