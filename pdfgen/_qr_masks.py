"""reportlab's QR encoder made several times faster, the modules unchanged.

`QRCode.make` rebuilds the error correction polynomials for every code, then tries all 8 mask
patterns, placing the data bit by bit through a lambda and scoring each matrix with
`QRUtil.getLostPoint` in pure Python: ≈ 6 ms a code, more than the rest of a document.
`FastMaskQRCode` computes the same error correction codewords with a shift register, and the
same scores on rows held as integers and strings. It keeps reportlab's rules where they differ
from the standard (the finder-like pattern is looked for in rows only, in one direction, and
not at the last position of a row: reportlab's column scan compares tuples with a list and
never matches), so it picks the very mask, and draws the very modules, reportlab would.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

from ._qr_encoder import qrencoder

_FINDER_LIKE = "10111010000"


class FastMaskQRCode(qrencoder.QRCode):
    """A `qrencoder.QRCode` whose `make` gives the same modules several times faster."""

    version: int | None
    dataCache: list[int] | None

    def make(self) -> None:
        if self.version is None:
            self.version = self.calculate_version()
        if self.dataCache is None:
            self.dataCache = _codewords(self.version, self.errorCorrectLevel, self.dataList)
        super().make()

    def getBestMaskPattern(self) -> int:
        # Masks only flip data modules (test matrices leave the format bits light), so each
        # candidate is the first one with its mask swapped: rows as integers, one XOR a row.
        self.makeImpl(True, 0)
        rows = [int("".join("1" if module else "0" for module in row), 2) for row in self.modules]
        first_mask = _mask_rows(self, 0)
        best_pattern, best_score = 0, -1
        for pattern in range(8):
            mask = _mask_rows(self, pattern)
            candidate = [
                row ^ old ^ new for row, old, new in zip(rows, first_mask, mask, strict=True)
            ]
            score = lost_points(candidate, self.moduleCount)
            if best_score < 0 or score < best_score:  # the first of equal scores, as reportlab
                best_pattern, best_score = pattern, score
        return best_pattern

    def dataPosIterator(self) -> list[tuple[int, int]]:
        return _data_positions(self)

    def mapData(self, data: Sequence[int], maskPattern: int) -> None:
        positions = _data_positions(self)
        dark_bits = itertools.chain(self.dataBitIterator(data), itertools.repeat(False))
        masks = _mask_values(self, maskPattern)
        modules = self.modules
        for (column, row), dark, mask in zip(positions, dark_bits, masks, strict=False):
            modules[row][column] = dark ^ mask


def _codewords(version: int, level: int, data_list: Sequence[Any]) -> list[int]:
    """`qrencoder.QRCode.createData`: the data, padded, then the error correction codewords,
    both interleaved across the blocks."""
    blocks = qrencoder.QRRSBlock.getRSBlocks(version, level)
    buffer = qrencoder.QRBitBuffer()
    for data in data_list:
        data.write(buffer, version)
    capacity = 8 * sum(block.dataCount for block in blocks)
    if buffer.getLengthInBits() > capacity:
        raise ValueError(f"code length overflow ({buffer.getLengthInBits()} > {capacity})")
    if buffer.getLengthInBits() + 4 <= capacity:
        buffer.put(0, 4)
    while buffer.getLengthInBits() % 8:
        buffer.putBit(False)
    padding = itertools.cycle((0xEC, 0x11))
    while buffer.getLengthInBits() < capacity:
        buffer.put(next(padding), 8)
    data_blocks: list[list[int]] = []
    correction_blocks: list[list[int]] = []
    offset = 0
    for block in blocks:
        codewords = buffer.buffer[offset : offset + block.dataCount]
        offset += block.dataCount
        data_blocks.append(codewords)
        correction_blocks.append(_correction(codewords, block.totalCount - block.dataCount))
    return [
        codeword
        for group in (data_blocks, correction_blocks)
        for column in itertools.zip_longest(*group)
        for codeword in column
        if codeword is not None
    ]


def _correction(data: list[int], count: int) -> list[int]:
    """The Reed–Solomon remainder of `data` by reportlab's generator of degree `count`."""
    generator = _generator_logs(count)
    exp, log = qrencoder.EXP_TABLE, qrencoder.LOG_TABLE
    remainder = [0] * count
    for codeword in data:
        factor = codeword ^ remainder[0]
        remainder = [*remainder[1:], 0]
        if factor:
            shift = log[factor]
            for index in range(count):
                remainder[index] ^= exp[(generator[index + 1] + shift) % 255]
    return remainder


_GENERATOR_LOGS: dict[int, tuple[int, ...]] = {}  # by degree: a few dozen at most


def _generator_logs(count: int) -> tuple[int, ...]:
    """The logarithms of the generator polynomial's coefficients, the leading one first."""
    logs = _GENERATOR_LOGS.get(count)
    if logs is None:
        generator = qrencoder.QRUtil.getErrorCorrectPolynomial(count)
        logs = _GENERATOR_LOGS[count] = tuple(qrencoder.QRMath.glog(c) for c in generator.num)
    return logs


# Keyed by version (1–40) and mask pattern (0–7): small and bounded.
_DATA_POSITIONS: dict[int, list[tuple[int, int]]] = {}
_MASK_VALUES: dict[tuple[int, int], tuple[bool, ...]] = {}
_MASK_ROWS: dict[tuple[int, int], tuple[int, ...]] = {}


def _data_positions(code: qrencoder.QRCode) -> list[tuple[int, int]]:
    """Where the data modules go, (column, row) in placement order: fixed by the version."""
    positions = _DATA_POSITIONS.get(code.version)
    if positions is None:
        positions = _DATA_POSITIONS[code.version] = list(code._dataPosIterator())
    return positions


def _mask_values(code: qrencoder.QRCode, pattern: int) -> tuple[bool, ...]:
    """The mask's value at each data position, in placement order."""
    values = _MASK_VALUES.get((code.version, pattern))
    if values is None:
        mask = qrencoder.QRUtil.getMask(pattern)
        values = tuple(bool(mask(row, column)) for column, row in _data_positions(code))
        _MASK_VALUES[code.version, pattern] = values
    return values


def _mask_rows(code: qrencoder.QRCode, pattern: int) -> tuple[int, ...]:
    """The modules the mask flips, a row an integer (column 0 the highest bit)."""
    rows = _MASK_ROWS.get((code.version, pattern))
    if rows is None:
        size = code.moduleCount
        flipped = [0] * size
        for (column, row), flip in zip(
            _data_positions(code), _mask_values(code, pattern), strict=True
        ):
            if flip:
                flipped[row] |= 1 << (size - 1 - column)
        rows = _MASK_ROWS[code.version, pattern] = tuple(flipped)
    return rows


def lost_points(rows: Sequence[int], size: int) -> int:
    """`qrencoder.QRUtil.getLostPoint` of the matrix whose rows are `rows` (column 0 highest)."""
    score = _long_runs(rows, size) + 3 * _same_colour_blocks(rows, size)
    line_format = f"0{size}b"
    score += sum(_finder_like_score(format(row, line_format)) for row in rows)
    dark = sum(row.bit_count() for row in rows)
    return score + 10 * (abs(100 * dark // (size * size) - 50) // 5)


def _long_runs(rows: Sequence[int], size: int) -> int:
    """Length − 2 for each run of 5 or more modules of one colour, in rows and in columns.

    A run of L modules is a run of L − 1 "same as the next" bits, which holds L − 4 starts of
    four such bits in a row: the score is that count plus 2 for each run.
    """
    score = 0
    pairs_mask = (1 << (size - 1)) - 1
    for row in rows:
        same = ~(row ^ (row >> 1)) & pairs_mask
        fours = same & (same >> 1) & (same >> 2) & (same >> 3)
        score += fours.bit_count() + 2 * (fours & ~(fours >> 1)).bit_count()
    row_mask = (1 << size) - 1
    same_below = [~(upper ^ lower) & row_mask for upper, lower in itertools.pairwise(rows)]
    fours_below = [
        a & b & c & d
        for a, b, c, d in zip(
            same_below, same_below[1:], same_below[2:], same_below[3:], strict=False
        )
    ]
    ends = zip(fours_below, [*fours_below[1:], 0], strict=True)
    score += sum(fours.bit_count() for fours in fours_below)
    return score + 2 * sum((fours & ~following).bit_count() for fours, following in ends)


def _same_colour_blocks(rows: Sequence[int], size: int) -> int:
    """How many 2×2 blocks are all dark or all light."""
    pairs_mask = (1 << (size - 1)) - 1
    count = 0
    for upper, lower in itertools.pairwise(rows):
        same_vertically = ~(upper ^ lower)
        same_horizontally = ~(upper ^ (upper >> 1))
        count += (
            same_vertically & (same_vertically >> 1) & same_horizontally & pairs_mask
        ).bit_count()
    return count


def _finder_like_score(line: str) -> int:
    """40 for each 1:1:3:1:1 pattern followed by light, scanned as reportlab scans."""
    score = 0
    last_start = len(line) - len(_FINDER_LIKE)
    start = line.find(_FINDER_LIKE)
    while 0 <= start < last_start:
        score += 40
        start = line.find(_FINDER_LIKE, start + len(_FINDER_LIKE))
    return score
