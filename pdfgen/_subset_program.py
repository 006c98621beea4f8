"""The TrueType program of a font subset: reportlab's `makeSubset`, byte for byte, quicker.

reportlab copies whole tables out of the font file for every subset (the 3.5 MB `glyf` table
and the 0.5 MB `post` table of the embedded font, to use a few hundred bytes of each) and sums
every table again for the checksums. Here the tables a subset copies unchanged, their
checksums and the glyph offsets are read once per font; a subset reads only its glyphs. The
file checksum is the sum of the header's and the tables' checksums (tables are padded to
whole 32-bit words, so the sums add up), as the `head` table's checksum adjustment needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from struct import pack, unpack, unpack_from

from reportlab.pdfbase.ttfonts import (
    GF_ARG_1_AND_2_ARE_WORDS,
    GF_MORE_COMPONENTS,
    GF_WE_HAVE_A_SCALE,
    GF_WE_HAVE_A_TWO_BY_TWO,
    GF_WE_HAVE_AN_X_AND_Y_SCALE,
    TTFontFace,
)

_COPIED_TABLES = ("name", "OS/2", "cvt ", "fpgm", "prep")
_WORD = 0xFFFFFFFF


def checksum(data: bytes) -> int:
    """The TrueType checksum: the sum of big-endian 32-bit words, the last zero-padded."""
    if len(data) & 3:
        data += b"\0" * (4 - (len(data) & 3))
    return sum(unpack(f">{len(data) >> 2}L", data)) & _WORD


@dataclass(frozen=True)
class _FontTables:
    data: bytes  # the whole font file
    glyf_start: int
    copied: dict[str, bytes]  # tables a subset takes unchanged (and `post`, rebuilt once)
    copied_checksums: dict[str, int]
    hhea: bytes
    maxp: bytes
    head: bytes  # with its checksum adjustment zeroed, as `TTFontMaker.add` does


@cache
def _tables(face: TTFontFace) -> _FontTables:
    def table(tag: str) -> bytes:
        position, length = face.get_table_pos(tag)
        return face._ttf_data[position : position + length]

    copied = {}
    for tag in _COPIED_TABLES:
        try:
            copied[tag] = table(tag)
        except KeyError:  # cvt, fpgm and prep are optional
            continue
    post_start = face.get_table_pos("post")[0]
    copied["post"] = (
        b"\x00\x03\x00\x00" + face._ttf_data[post_start + 4 : post_start + 16] + b"\x00" * 16
    )
    head = table("head")
    return _FontTables(
        data=face._ttf_data,
        glyf_start=face.get_table_pos("glyf")[0],
        copied=copied,
        copied_checksums={tag: checksum(data) for tag, data in copied.items()},
        hhea=table("hhea"),
        maxp=table("maxp"),
        head=head[:8] + b"\0\0\0\0" + head[12:],
    )


def _components(glyph: bytes) -> list[tuple[int, int]]:
    """(offset of the glyph index, glyph index) of each component of a composite glyph."""
    found = []
    position = 10
    flags = GF_MORE_COMPONENTS
    while flags & GF_MORE_COMPONENTS:
        flags, index = unpack_from(">HH", glyph, position)
        found.append((position + 2, index))
        position += 4 + (4 if flags & GF_ARG_1_AND_2_ARE_WORDS else 2)
        if flags & GF_WE_HAVE_A_SCALE:
            position += 2
        elif flags & GF_WE_HAVE_AN_X_AND_Y_SCALE:
            position += 4
        elif flags & GF_WE_HAVE_A_TWO_BY_TWO:
            position += 8
    return found


def make_subset(face: TTFontFace, subset: list[int]) -> bytes:
    """`face.makeSubset(subset)`: the same bytes."""
    tables = _tables(face)
    data, glyf_start, glyph_positions = tables.data, tables.glyf_start, face.glyphPos
    glyph_map = [0]  # new glyph index -> original
    glyph_set = {0: 0}  # original -> new
    code_to_glyph = {}
    for code in subset:
        original = face.charToGlyph.get(code, 0)
        if original not in glyph_set:
            glyph_set[original] = len(glyph_map)
            glyph_map.append(original)
        code_to_glyph[code] = glyph_set[original]

    glyphs: list[bytes] = []
    new_index = 0
    while new_index < len(glyph_map):  # composite glyphs bring their components
        original = glyph_map[new_index]
        start = glyf_start + glyph_positions[original]
        glyph = data[start : glyf_start + glyph_positions[original + 1]]
        glyphs.append(glyph)
        new_index += 1
        if len(glyph) > 2 and unpack_from(">h", glyph)[0] < 0:
            for _, component in _components(glyph):
                if component not in glyph_set:
                    glyph_set[component] = len(glyph_map)
                    glyph_map.append(component)

    output = dict(tables.copied)
    sums = dict(tables.copied_checksums)

    def add(tag: str, table: bytes) -> None:
        output[tag] = table
        sums[tag] = checksum(table)

    add("hmtx", _hmtx(face, glyph_map))
    add("hhea", _set_ushort(tables.hhea, 34, _full_metrics(face, glyph_map)))
    add("maxp", _set_ushort(tables.maxp, 4, len(glyph_map)))
    cmap = [0, 1, 1, 0, 0, 12, 6, 10 + len(subset) * 2, 0, 0, len(subset)]
    cmap += [code_to_glyph[code] for code in subset]
    add("cmap", pack(f">{len(cmap)}H", *cmap))

    pieces: list[bytes] = []
    offsets = []
    position = 0
    for glyph in glyphs:
        offsets.append(position)
        if len(glyph) > 2 and unpack_from(">h", glyph)[0] < 0:
            patched = bytearray(glyph)
            for offset, component in _components(glyph):
                patched[offset : offset + 2] = pack(">H", glyph_set[component])
            glyph = bytes(patched)
        pieces.append(glyph)
        position += len(glyph)
        if position % 4:
            pieces.append(b"\0" * (4 - position % 4))
            position += 4 - position % 4
    offsets.append(position)
    add("glyf", b"".join(pieces))
    if (position + 1) >> 1 > 0xFFFF:
        location_format = 1
        add("loca", pack(f">{len(offsets)}L", *offsets))
    else:
        location_format = 0
        add("loca", pack(f">{len(offsets)}H", *(offset >> 1 for offset in offsets)))
    add("head", _set_ushort(tables.head, 50, location_format))
    return _font_file(output, sums)


def _hmtx(face: TTFontFace, glyph_map: list[int]) -> bytes:
    metrics: list[int] = []
    for original in glyph_map:
        advance, side_bearing = face.hmetrics[original]
        metrics += (int(advance), int(side_bearing))
    full = _full_metrics(face, glyph_map) * 2
    metrics = metrics[:full] + metrics[full + 1 :: 2]  # full pairs, then the side bearings
    return pack(f">{len(metrics)}H", *metrics)


def _full_metrics(face: TTFontFace, glyph_map: list[int]) -> int:
    """How many glyphs keep their advance width: those before the final run of equal ones."""
    advances = [int(face.hmetrics[original][0]) for original in glyph_map]
    count = len(advances) - 1
    while count and advances[count] == advances[count - 1]:
        count -= 1
    return count + 1


def _set_ushort(data: bytes, offset: int, value: int) -> bytes:
    return data[:offset] + pack(">H", value) + data[offset + 2 :]


def _font_file(tables: dict[str, bytes], sums: dict[str, int]) -> bytes:
    """`TTFontMaker.makeStream`: directory, padded tables, the head's checksum adjustment."""
    count = len(tables)
    search_range, selector = 1, 0
    while search_range * 2 <= count:
        search_range *= 2
        selector += 1
    search_range *= 16
    header = [pack(">lHHHH", 0x00010000, count, search_range, selector, count * 16 - search_range)]
    offset = 12 + count * 16
    body = []
    head_offset = 0
    for tag, table in sorted(tables.items()):
        if tag == "head":
            head_offset = offset
        header.append(tag.encode("latin-1") + pack(">LLL", sums[tag], offset, len(table)))
        padded = (len(table) + 3) & ~3
        body.append(table + b"\0" * (padded - len(table)))
        offset += padded
    directory = b"".join(header)
    total = (checksum(directory) + sum(sums.values())) & _WORD
    adjustment = (0xB1B0AFBA - total) & _WORD
    file = bytearray(directory + b"".join(body))
    file[head_offset + 8 : head_offset + 12] = pack(">L", adjustment)
    return bytes(file)
