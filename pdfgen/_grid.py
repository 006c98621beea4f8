"""Bordered grids of cells: the documents' tables.

The tables have known column widths, cells spanning columns but never rows, and blocks (text,
a nested grid) in their cells, laid out as reportlab's `Table` lays them out: a row as tall as
its tallest cell plus the padding, the cell's blocks stacked, centred vertically or from the
top, shading under, lines over, and a split between rows when a page is full.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ._blocks import Block, Page, gap
from ._pdf_syntax import number, numbers


@dataclass(frozen=True)
class GridStyle:
    line_color: str | None = None  # `_text.colour` operands
    inner_width: float = 0.0  # lines between cells; 0: none
    outer_width: float = 0.0  # the outline; 0: none
    valign: str = "MIDDLE"  # or "TOP"
    top: float = 3.0  # paddings, reportlab's defaults
    bottom: float = 3.0
    left: float = 6.0
    right: float = 6.0


@dataclass(frozen=True)
class Cell:
    content: Sequence[Block]
    column: int
    span: int = 1
    fill: str | None = None  # `_text.colour` operands
    align: str = "LEFT"  # or "RIGHT": where a block narrower than the cell goes


class Grid(Block):
    """Rows of cells in columns of `widths`, drawn with `style`."""

    def __init__(
        self, rows: Sequence[Sequence[Cell]], widths: Sequence[float], style: GridStyle
    ) -> None:
        self.rows = [tuple(row) for row in rows]
        self.widths = tuple(widths)
        self.style = style
        self.width = sum(self.widths)
        self._edges = [sum(self.widths[:column]) for column in range(len(self.widths) + 1)]
        self._heights: list[float] = []
        self._content_heights: dict[tuple[int, int], float] = {}  # by (row, column), at wrap

    def wrap(self, width: float) -> float:
        if not self._heights:
            self._heights = [self._row_height(index, row) for index, row in enumerate(self.rows)]
            self.height = sum(self._heights)
        return self.height

    def split(self, height: float) -> tuple[Block, Block] | None:
        self.wrap(self.width)
        used = 0.0
        for count, row_height in enumerate(self._heights):
            if used + row_height > height:
                while count and self._kept_with_next(self.rows[count - 1]):
                    count -= 1  # a section's heading row goes on with the section
                if count == 0:
                    return None
                first = Grid(self.rows[:count], self.widths, self.style)
                return first, Grid(self.rows[count:], self.widths, self.style)
            used += row_height
        return None

    @staticmethod
    def _kept_with_next(row: Sequence[Cell]) -> bool:
        return any(block.keep_with_next for cell in row for block in cell.content)

    def split_inside(self, height: float) -> tuple[Block, Block] | None:
        """The first row cut between lines at `height` (a row taller than a page: a list of
        subjects, a street of many parts), continued in a row of the same cells after."""
        self.wrap(self.width)
        style = self.style
        inner = height - style.top - style.bottom
        firsts, rests = [], []
        for cell in self.rows[0]:
            _, width = self._cell_box(cell)
            first, rest = _split_stack(cell.content, width - style.left - style.right, inner)
            firsts.append(replace(cell, content=first))
            rests.append(replace(cell, content=rest))
        if not any(
            first.content and rest.content for first, rest in zip(firsts, rests, strict=True)
        ):
            return None  # no cell is cut: the row would only be torn from its label
        first_grid = Grid([firsts], self.widths, style)
        return first_grid, Grid([rests, *self.rows[1:]], self.widths, style)

    def _cell_box(self, cell: Cell) -> tuple[float, float]:
        """The cell's left edge and width."""
        left = self._edges[cell.column]
        return left, self._edges[cell.column + cell.span] - left

    def _row_height(self, index: int, row: Sequence[Cell]) -> float:
        style = self.style
        tallest = 0.0
        for cell in row:
            _, width = self._cell_box(cell)
            content = _stack_height(cell.content, width - style.left - style.right)
            self._content_heights[index, cell.column] = content
            tallest = max(tallest, content)
        return tallest + style.top + style.bottom

    def draw(self, page: Page, x: float, y: float) -> None:
        operators = page.operators
        top = y + self.height
        tops = []
        for row, height in zip(self.rows, self._heights, strict=True):
            tops.append(top)
            for cell in row:
                if cell.fill is not None:
                    left, width = self._cell_box(cell)
                    box = numbers(x + left, top - height, width, height)
                    operators.append(f"{cell.fill} rg {box} re f")
            top -= height
        for index, (row, row_top) in enumerate(zip(self.rows, tops, strict=True)):
            for cell in row:
                content_height = self._content_heights[index, cell.column]
                self._draw_cell(page, cell, (x, row_top, self._heights[index]), content_height)
        if self.style.line_color is not None:
            operators.append(self._lines(x, y, tops))

    def _draw_cell(
        self, page: Page, cell: Cell, row: tuple[float, float, float], content_height: float
    ) -> None:
        """`cell` in the row at `row` (its left edge, top and height)."""
        style = self.style
        if not cell.content:
            return
        x, row_top, height = row
        left, width = self._cell_box(cell)
        if style.valign == "TOP":
            top = row_top - style.top
        else:  # as `Table` centres: the padding difference shifts the content
            top = row_top - height + (height + style.bottom - style.top + content_height) / 2
        previous: Block | None = None
        for block in cell.content:
            top -= block.height + (gap(previous, block) if previous else 0.0)
            block_x = x + left + style.left
            if cell.align == "RIGHT":
                block_x = x + left + width - style.right - block.width
            block.draw(page, block_x, top)
            previous = block

    def _lines(self, x: float, y: float, tops: list[float]) -> str:
        style = self.style
        code = [f"q {style.line_color} RG"]
        if style.inner_width:
            lines = [(x, top, x + self.width, top) for top in tops[1:]]
            for row, row_top, height in zip(self.rows, tops, self._heights, strict=True):
                for cell in row:
                    if cell.column:
                        edge = x + self._edges[cell.column]
                        lines.append((edge, row_top - height, edge, row_top))
            code.append(f"{number(style.inner_width)} w")
            code += [f"{numbers(x1, y1)} m {numbers(x2, y2)} l" for x1, y1, x2, y2 in lines]
            code.append("S")
        if style.outer_width:
            code.append(f"{number(style.outer_width)} w")
            code.append(f"{numbers(x, y, self.width, self.height)} re S")
        code.append("Q")
        return " ".join(code)


def _split_stack(
    content: Sequence[Block], width: float, height: float
) -> tuple[tuple[Block, ...], tuple[Block, ...]]:
    """`content` stacked in a cell `width` wide, parted where `height` is full: the blocks
    that fit, the block that does not split between its lines, and the blocks after it."""
    used = 0.0
    previous: Block | None = None
    for index, block in enumerate(content):
        space = gap(previous, block) if previous else 0.0
        block_height = block.wrap(width)
        if used + space + block_height > height:
            parts = block.split(height - used - space)
            if parts is None:
                return tuple(content[:index]), tuple(content[index:])
            return (*content[:index], parts[0]), (parts[1], *content[index + 1 :])
        used += space + block_height
        previous = block
    return tuple(content), ()


def _stack_height(content: Sequence[Block], width: float) -> float:
    """The height of `content` stacked in a cell `width` wide (laying each block out): the
    spaces between blocks count, the first's space before and the last's after do not."""
    total = 0.0
    previous: Block | None = None
    for block in content:
        total += block.wrap(width) + (gap(previous, block) if previous else 0.0)
        previous = block
    return total
