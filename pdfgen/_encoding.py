"""Which byte draws which character: the font's subsets and each character's code.

A simple TrueType font in a PDF draws at most 256 glyphs, so the embedded font goes in as
subsets, each a font object of its own. Subset 0 holds ASCII at its own codes (readable in the
content stream, the space at 32) and the first of the documents' fixed characters; the rest of
the fixed characters fill the next subsets. These fixed subsets are the same in every document,
so their objects are built once per process (`_font_objects`) and so are the operators of all
fixed text (`_blocks`). Characters only the form brings (a name's rarer characters, a region)
get codes in further subsets, in order of first use, in each document's own `DocumentEncoding`.
Code 0 of every subset is the font's empty glyph.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

SUBSET_SIZE = 256
ASCII_CODES = 128
NO_BREAK_SPACE = 0xA0
SPACE = 0x20

# (subset number, the code's bytes) for consecutive characters in one subset
Run = tuple[int, bytes]


@dataclass(frozen=True, eq=False)  # one per set of fixed characters (`fixed_encoding`)
class FixedEncoding:
    """The codes every document shares: code point -> (subset, code)."""

    codes: dict[int, tuple[int, int]]
    subsets: tuple[tuple[int, ...], ...]  # code points by code, per subset


def fixed_characters(*texts: str) -> str:
    """The non-ASCII, non-space characters of `texts`, each once, sorted."""
    characters = {char for text in texts for char in text}
    return "".join(sorted(char for char in characters if ord(char) >= ASCII_CODES))


@cache
def fixed_encoding(characters: str) -> FixedEncoding:
    """ASCII, then `characters` (from `fixed_characters`) in order, 256 codes a subset."""
    subsets: list[list[int]] = [list(range(ASCII_CODES))]
    codes = {point: (0, point) for point in range(ASCII_CODES)}
    for char in characters:
        if len(subsets[-1]) == SUBSET_SIZE:
            subsets.append([0])
        codes[ord(char)] = (len(subsets) - 1, len(subsets[-1]))
        subsets[-1].append(ord(char))
    codes[NO_BREAK_SPACE] = codes[SPACE]  # drawn as a space, measured as one
    return FixedEncoding(codes, tuple(tuple(subset) for subset in subsets))


def runs(codes: dict[int, tuple[int, int]], text: str) -> list[Run]:
    """`text` as runs of codes, one run per stretch of characters in the same subset."""
    found: list[Run] = []
    current = -1
    pending: list[int] = []
    for char in text:
        subset, code = codes[ord(char)]
        if subset != current:
            if pending:
                found.append((current, bytes(pending)))
            current, pending = subset, []
        pending.append(code)
    if pending:
        found.append((current, bytes(pending)))
    return found


class DocumentEncoding:
    """The fixed codes plus those one document gives the form's other characters."""

    def __init__(self, fixed: FixedEncoding) -> None:
        self.fixed = fixed
        self.codes = dict(fixed.codes)
        self.own_subsets: list[list[int]] = []  # after the fixed ones

    def runs(self, text: str) -> list[Run]:
        codes = self.codes
        for char in text:
            if ord(char) not in codes:
                self._assign(ord(char))
        return runs(codes, text)

    def _assign(self, point: int) -> None:
        if not self.own_subsets or len(self.own_subsets[-1]) == SUBSET_SIZE:
            self.own_subsets.append([0])
        subset = self.own_subsets[-1]
        self.codes[point] = (len(self.fixed.subsets) + len(self.own_subsets) - 1, len(subset))
        subset.append(point)

    @property
    def subset_count(self) -> int:
        return len(self.fixed.subsets) + len(self.own_subsets)
