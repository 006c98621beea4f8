"""What a page is made of: blocks that know their height at a width and draw themselves.

A block is laid out by `wrap(width)` (its height at that width) and drawn by `draw(page, x, y)`
with its bottom-left corner at (x, y). Text from the form (`Text`) is broken and encoded for
each document. Text that is the same in every document (`FixedText`: headings, labels, the
terms) is broken once per width and its operators written once per set of fixed characters
(`_encoding`), then placed where the layout puts it: most of both documents costs a copy.
"""

from __future__ import annotations

import itertools
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ._encoding import DocumentEncoding, FixedEncoding, Run, runs
from ._pdf_syntax import numbers
from ._qr import qr_modules
from ._text import TextStyle, break_lines, plain_lines, text_operators

_FUZZ = 1e-6
FIXED_LAYOUTS_KEPT = 512  # distinct fixed texts at their widths; the documents use about 70
QUIET_ZONE_MODULES = 2  # the standard asks for 4; the white around the code adds the rest


@dataclass
class Page:
    """One page's operators, drawn with the document's encoding."""

    encoding: DocumentEncoding
    operators: list[str] = field(default_factory=list)


class Block(ABC):
    space_before = 0.0
    space_after = 0.0
    keep_with_next = False
    width = 0.0
    height = 0.0

    @abstractmethod
    def wrap(self, width: float) -> float:
        """Lay out at `width`; the height."""

    @abstractmethod
    def draw(self, page: Page, x: float, y: float) -> None:
        """Write the operators, the bottom-left corner at (x, y)."""

    def split(self, height: float) -> tuple[Block, Block] | None:
        """A first part no taller than `height` and the rest, or None: moves whole."""
        return None

    def split_inside(self, height: float) -> tuple[Block, Block] | None:
        """For a block at the top of a page that `split` cannot part: a first part no taller
        than `height`, cut where it would rather not be (inside a table row), or None."""
        return None


def place(operators: str, x: float, y: float) -> str:
    """`operators` drawn with their origin at (x, y), the graphics state kept around them."""
    return f"q 1 0 0 1 {numbers(x, y)} cm\n{operators}\nQ"


class Spacer(Block):
    def __init__(self, height: float) -> None:
        self.height = height

    def wrap(self, width: float) -> float:
        self.width = width
        return self.height

    def draw(self, page: Page, x: float, y: float) -> None:
        return


class Text(Block):
    """Text from the form: broken and encoded in each document."""

    def __init__(self, text: str, style: TextStyle, *, first_baseline: float | None = None):
        self.text = plain_lines(text)
        self.style = style
        self.space_before = style.space_before
        self.space_after = style.space_after
        self.first_baseline = first_baseline
        self.lines: list[str] = []

    def wrap(self, width: float) -> float:
        if width != self.width or not self.lines:
            self.lines = _break(self.text, self.style, width)
            self.width = width
            self.height = len(self.lines) * self.style.leading
        return self.height

    def split(self, height: float) -> tuple[Block, Block] | None:
        """Between lines: as many as fit in `height`, the rest after."""
        count = int((height + _FUZZ) // self.style.leading)
        if count < 1 or count >= len(self.lines):
            return None
        first = self._part(self.lines[:count], self.first_baseline)
        return first, self._part(self.lines[count:], None)

    def _part(self, lines: list[str], first_baseline: float | None) -> Text:
        part = Text("", self.style, first_baseline=first_baseline)
        part.text = " ".join(lines)
        part.lines = lines
        part.width = self.width
        part.height = len(lines) * self.style.leading
        return part

    def draw(self, page: Page, x: float, y: float) -> None:
        box = (x, y + self.height, self.width)
        encode = page.encoding.runs
        page.operators.append(
            text_operators(self.lines, self.style, box, encode, self.first_baseline)
        )


def _break(text: str, style: TextStyle, width: float) -> list[str]:
    inner = width - style.left_indent
    return break_lines(text, inner, style.size, inner - style.first_indent)


@lru_cache(maxsize=FIXED_LAYOUTS_KEPT)
def _fixed_lines(text: str, style: TextStyle, width: float) -> tuple[str, ...]:
    return tuple(_break(plain_lines(text), style, width))


@lru_cache(maxsize=FIXED_LAYOUTS_KEPT)
def _fixed_operators(text: str, style: TextStyle, width: float, fixed: FixedEncoding) -> str:
    """The operators of a fixed text with its origin at the bottom left."""
    lines = _fixed_lines(text, style, width)
    box = (0.0, len(lines) * style.leading, width)
    return text_operators(lines, style, box, lambda line: fixed_runs(fixed, line))


def fixed_runs(fixed: FixedEncoding, text: str) -> list[Run]:
    """`text` in the fixed codes; a character without one is a mistake in the document's
    fixed characters, said at once rather than drawn as something else."""
    try:
        return runs(fixed.codes, text)
    except KeyError as missing:
        character = chr(missing.args[0])
        raise ValueError(f"fixed text {text!r} has {character!r}, not a fixed character") from None


class FixedText(Block):
    """Text that is the same in every document: laid out and encoded once."""

    def __init__(self, text: str, style: TextStyle) -> None:
        self.text = text
        self.style = style
        self.space_before = style.space_before
        self.space_after = style.space_after
        self.keep_with_next = style.keep_with_next

    def wrap(self, width: float) -> float:
        self.width = width
        self.height = len(_fixed_lines(self.text, self.style, width)) * self.style.leading
        return self.height

    def draw(self, page: Page, x: float, y: float) -> None:
        fixed = page.encoding.fixed
        operators = _fixed_operators(self.text, self.style, self.width, fixed)
        page.operators.append(place(operators, x, y))


class QrCode(Block):
    """A square QR code of side `size` points, quiet zone included."""

    def __init__(self, payload: str, size: float) -> None:
        self.payload = payload
        self.width = self.height = size

    def wrap(self, width: float) -> float:
        return self.height

    def draw(self, page: Page, x: float, y: float) -> None:
        side = len(qr_modules(self.payload))
        module = self.width / (side + 2 * QUIET_ZONE_MODULES)
        offset = QUIET_ZONE_MODULES * module
        matrix = numbers(module, 0, 0, module, x + offset, y + offset)
        page.operators.append(f"q 0 0 0 rg {matrix} cm\n{_dark_runs(self.payload)}\nQ")


@lru_cache(maxsize=64)
def _dark_runs(payload: str) -> str:
    """Rectangles filling the dark runs, in module units from the bottom left: written once
    per payload (both documents of an application carry the same one)."""
    modules = qr_modules(payload)
    side = len(modules)
    rects: list[str] = []
    for row_index, row in enumerate(modules):
        bottom = side - 1 - row_index
        column = 0
        for dark, run in itertools.groupby(row):
            length = len(list(run))
            if dark:
                rects.append(f"{column} {bottom} {length} 1 re")
            column += length
    return "\n".join(rects) + "\nf"


def gap(before: Block, after: Block) -> float:
    """The space between two blocks: the larger of the one's space after and the other's
    space before (they overlap, as reportlab's frames lay them out)."""
    return max(before.space_after, after.space_before)


class KeepTogether(Block):
    """Blocks kept on one page, unless together they are taller than a page."""

    def __init__(self, blocks: Sequence[Block]) -> None:
        self.blocks = list(blocks)
        self.space_before = self.blocks[0].space_before
        self.space_after = self.blocks[-1].space_after

    def wrap(self, width: float) -> float:
        self.width = width
        total = 0.0
        for previous, block in zip([None, *self.blocks], self.blocks, strict=False):
            total += block.wrap(width) + (gap(previous, block) if previous else 0.0)
        self.height = total
        return total

    def draw(self, page: Page, x: float, y: float) -> None:
        top = y + self.height
        for previous, block in zip([None, *self.blocks], self.blocks, strict=False):
            top -= block.height + (gap(previous, block) if previous else 0.0)
            block.draw(page, x + (self.width - block.width) / 2, top)
