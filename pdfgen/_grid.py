"""Bordered grids of cells drawn straight on the canvas, and a quicker `KeepTogether`.

The documents' tables have known column widths, cells spanning columns but never rows, and
paragraphs (or a nested grid) in their cells. reportlab's `Table` handles far more (row spans,
auto widths, styles by range) and costs more than the rest of the page to lay out and draw;
`Grid` does what ours need the way `Table` does it: a row as tall as its tallest cell plus
the padding, the cell's flowables stacked as `Table` stacks them, shading under, lines over,
and a split between rows when a page is full.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether
from reportlab.platypus.flowables import _listWrapOn

from ._operators import draw_flowable_at, number, numbers, set_fill, set_stroke


@dataclass(frozen=True)
class GridStyle:
    line_color: Color | None = None
    inner_width: float = 0.0  # lines between cells; 0: none
    outer_width: float = 0.0  # the outline; 0: none
    valign: str = "MIDDLE"  # or "TOP"
    top: float = 3.0  # paddings, reportlab's defaults
    bottom: float = 3.0
    left: float = 6.0
    right: float = 6.0


@dataclass(frozen=True)
class Cell:
    content: Sequence[Flowable]
    column: int
    span: int = 1
    fill: Color | None = None
    align: str = "LEFT"  # or "RIGHT": where a flowable narrower than the cell goes


class Grid(Flowable):
    """Rows of cells in columns of `widths`, drawn with `style`."""

    def __init__(
        self, rows: Sequence[Sequence[Cell]], widths: Sequence[float], style: GridStyle
    ) -> None:
        super().__init__()
        self.hAlign = "CENTER"  # as `Table`: a grid wider than the frame overhangs both sides
        self.rows = [tuple(row) for row in rows]
        self.widths = tuple(widths)
        self.style = style
        self.width = sum(self.widths)
        self.height = 0.0
        self._heights: list[float] = []
        # Each cell's content height and flowable sizes, worked out once by `wrap`.
        self._stacks: dict[tuple[int, int], tuple[float, list[tuple[float, float]]]] = {}
        self._edges = [sum(self.widths[:column]) for column in range(len(self.widths) + 1)]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if not self._heights and self.rows:
            self._heights = [self._row_height(index, row) for index, row in enumerate(self.rows)]
            self.height = sum(self._heights)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        used = 0.0
        for count, height in enumerate(self._heights):
            if used + height > availHeight:
                if count == 0:
                    return []
                return [
                    Grid(self.rows[:count], self.widths, self.style),
                    Grid(self.rows[count:], self.widths, self.style),
                ]
            used += height
        return [self]

    def _cell_box(self, cell: Cell) -> tuple[float, float]:
        """The cell's left edge and width."""
        return self._edges[cell.column], self._edges[cell.column + cell.span] - self._edges[
            cell.column
        ]

    def _row_height(self, index: int, row: Sequence[Cell]) -> float:
        style = self.style
        tallest = 0.0
        for cell in row:
            _, width = self._cell_box(cell)
            inner = width - style.left - style.right
            stack = _stack(cell.content, inner, self._canvas())
            self._stacks[index, cell.column] = stack
            tallest = max(tallest, stack[0])
        return tallest + style.top + style.bottom

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        draw_flowable_at(self, canvas, x, y, _sW)

    def _canvas(self) -> Canvas | None:
        return getattr(self, "canv", None)

    def draw(self) -> None:
        canvas: Canvas = self.canv
        style = self.style
        canvas.saveState()
        top = self.height
        tops = []
        for row, height in zip(self.rows, self._heights, strict=True):
            tops.append(top)
            for cell in row:
                if cell.fill is not None:
                    left, width = self._cell_box(cell)
                    set_fill(canvas, cell.fill)
                    canvas._code.append(f"{numbers(left, top - height, width, height)} re f")
            top -= height
        for index, (row, row_top) in enumerate(zip(self.rows, tops, strict=True)):
            for cell in row:
                stack = self._stacks[index, cell.column]
                self._draw_cell(canvas, cell, stack, row_top, self._heights[index])
        if style.line_color is not None:
            self._draw_lines(canvas, tops)
        canvas.restoreState()

    def _draw_cell(
        self,
        canvas: Canvas,
        cell: Cell,
        stack: tuple[float, list[tuple[float, float]]],
        row_top: float,
        height: float,
    ) -> None:
        style = self.style
        left, width = self._cell_box(cell)
        if not cell.content:
            return
        content_height, sizes = stack
        if style.valign == "TOP":
            y = row_top - style.top
        else:  # as `Table` centres: the padding difference shifts the content
            y = row_top - height + (height + style.bottom - style.top + content_height) / 2
        y += cell.content[0].getSpaceBefore()
        for flowable, (width_used, flowable_height) in zip(cell.content, sizes, strict=True):
            x = left + style.left
            if cell.align == "RIGHT":
                x = left + width - style.right - width_used
            y -= flowable.getSpaceBefore() + flowable_height
            flowable.drawOn(canvas, x, y)
            y -= flowable.getSpaceAfter()

    def _draw_lines(self, canvas: Canvas, tops: list[float]) -> None:
        style = self.style
        assert style.line_color is not None
        set_stroke(canvas, style.line_color)
        code = canvas._code
        if style.inner_width:
            lines = [(0.0, top, self.width, top) for top in tops[1:]]
            for row, row_top, height in zip(self.rows, tops, self._heights, strict=True):
                for cell in row:
                    if cell.column:
                        x = self._edges[cell.column]
                        lines.append((x, row_top - height, x, row_top))
            code.append(f"{number(style.inner_width)} w")
            path = [f"{numbers(x1, y1)} m {numbers(x2, y2)} l" for x1, y1, x2, y2 in lines]
            code.append(" ".join([*path, "S"]))
        if style.outer_width:
            code.append(f"{number(style.outer_width)} w")
            code.append(f"{numbers(0, 0, self.width, self.height)} re S")


def _stack(
    content: Sequence[Flowable], width: float, canvas: Canvas | None
) -> tuple[float, list[tuple[float, float]]]:
    """The height of `content` stacked in a cell `width` wide, and each flowable's size: the
    spaces between flowables count, the first's space before and the last's after do not."""
    sizes = [flowable.wrapOn(canvas, width, 0xFFFFFF) for flowable in content]
    if not content:
        return 0.0, sizes
    total = sum(
        height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
        for flowable, (_, height) in zip(content, sizes, strict=True)
    )
    return total - content[0].getSpaceBefore() - content[-1].getSpaceAfter(), sizes


class QuickKeepTogether(KeepTogether):
    """`KeepTogether` measuring its content without copying the frame.

    reportlab copies the whole frame at every measure, for content that adds content to the
    frame (indenters, frame actions); the documents' kept-together content never does.
    """

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        dims: list[tuple[float, float]] = []
        width, height = _listWrapOn(self._content, aW, None, dims=dims)
        self._H = height
        self._H0 = dims[0][1] if dims else 0
        self._wrapInfo = aW, aH
        return width, 0xFFFFFF  # as `KeepTogether`: always asks to be split
