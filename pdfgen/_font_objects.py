"""The PDF objects of the embedded font's subsets, the fixed ones formatted once per process.

Each subset is four objects: the font (its widths), its descriptor, the font program (a
TrueType subset, `_subset_program`) and the ToUnicode map that lets a reader extract the text.
They are numbered from `FIRST_FONT_OBJECT`, four a subset, the fixed subsets first: in every
document the fixed subsets are the same objects under the same numbers, so their bytes are
made once and copied. A document's own subsets are made for it, compressed quickly.
"""

from __future__ import annotations

import zlib
from functools import lru_cache

from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC, SUBSETN

from ._encoding import FixedEncoding
from ._font import embedded_face
from ._pdf_syntax import number, reference, stream
from ._subset_program import make_subset

FIRST_FONT_OBJECT = 5  # after the catalog, the page tree, the info and the resources
OBJECTS_PER_SUBSET = 4
OWN_SUBSET_COMPRESSION = 1  # zlib level for a document's own subsets: a few % larger, quicker


def font_resource_name(subset: int) -> str:
    return f"F{subset}"


def font_object(subset: int) -> int:
    """The number of the font object of `subset` (its other three objects follow)."""
    return FIRST_FONT_OBJECT + OBJECTS_PER_SUBSET * subset


def subset_objects(
    subset_number: int, code_points: tuple[int, ...], level: int = zlib.Z_DEFAULT_COMPRESSION
) -> tuple[bytes, bytes, bytes, bytes]:
    """The four objects of subset `subset_number` drawing `code_points` (by code), as
    numbered by `FIRST_FONT_OBJECT`."""
    face = embedded_face()
    first = font_object(subset_number)
    descriptor, program, to_unicode = first + 1, first + 2, first + 3
    base_name = b"".join((SUBSETN(subset_number), b"+", face.name, face.subfontNameX)).decode()
    widths = widths_array([face.charWidths.get(point, face.defaultWidth) for point in code_points])
    font = (
        f"<< /Type /Font /Subtype /TrueType /Name /{font_resource_name(subset_number)}"
        f" /BaseFont /{base_name} /FirstChar 0 /LastChar {len(code_points) - 1}"
        f" /Widths {widths} /FontDescriptor {reference(descriptor)}"
        f" /ToUnicode {reference(to_unicode)} >>"
    )
    flags = (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC
    bbox = " ".join(number(value) for value in face.bbox)
    descriptor_text = (
        f"<< /Type /FontDescriptor /FontName /{base_name} /Flags {flags} /FontBBox [{bbox}]"
        f" /ItalicAngle {number(face.italicAngle)} /Ascent {number(face.ascent)}"
        f" /Descent {number(face.descent)} /CapHeight {number(face.capHeight)}"
        f" /StemV {number(face.stemV)} /MissingWidth {number(face.defaultWidth)}"
        f" /FontFile2 {reference(program)} >>"
    )
    font_program = make_subset(face, list(code_points))
    cmap = to_unicode_map(base_name, code_points)
    return (
        font.encode("ascii"),
        descriptor_text.encode("ascii"),
        stream(font_program, level=level, Length1=len(font_program)),
        stream(cmap, level=level),
    )


def to_unicode_map(name: str, code_points: tuple[int, ...]) -> bytes:
    """The CMap that gives each code its character back (text extraction, search): one byte a
    code, the characters in UTF-16BE, so those beyond the BMP as their surrogate pairs."""
    pairs = [
        f"<{code:02X}> <{chr(point).encode('utf-16-be').hex().upper()}>"
        for code, point in enumerate(code_points)
    ]
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        f"/CIDSystemInfo << /Registry ({name}) /Ordering ({name}) /Supplement 0 >> def",
        f"/CMapName /{name} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(code_points) - 1:02X}>",
        "endcodespacerange",
    ]
    for first in range(0, len(pairs), 100):  # a bfchar section holds at most 100 entries
        chunk = pairs[first : first + 100]
        lines += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("ascii")


def widths_array(widths: list[int]) -> str:
    return "[" + " ".join([number(width) for width in widths]) + "]"


@lru_cache(maxsize=4)
def fixed_font_objects(encoding: FixedEncoding) -> tuple[bytes, ...]:
    """The objects of `encoding`'s subsets, in order, compressed well: made once."""
    objects: list[bytes] = []
    for subset_number, code_points in enumerate(encoding.subsets):
        objects += subset_objects(subset_number, code_points)
    return tuple(objects)


def own_font_objects(first_subset: int, subsets: list[list[int]]) -> list[bytes]:
    """The objects of one document's own subsets, numbered from subset `first_subset`."""
    objects: list[bytes] = []
    for offset, code_points in enumerate(subsets):
        objects += subset_objects(first_subset + offset, tuple(code_points), OWN_SUBSET_COMPRESSION)
    return objects
