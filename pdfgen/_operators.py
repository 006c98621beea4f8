"""PDF operators written directly, their numbers formatted once per value.

reportlab formats every coordinate through a pure Python `fp_str` (a logarithm and string
trimming per number). A document's coordinates repeat from one document to the next (the
grid's edges, the lines' positions, the colours), so each value is formatted once per process
(`fp_str`'s own text) and the operators are joined from the pieces.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

NUMBERS_KEPT = 4096  # distinct values; a document has a few hundred, most shared


@lru_cache(maxsize=NUMBERS_KEPT)
def number(value: float) -> str:
    """`fp_str(value)`."""
    formatted: str = fp_str(value)
    return formatted


def numbers(*values: float) -> str:
    """`fp_str(*values)`."""
    return " ".join([number(value) for value in values])


@lru_cache(maxsize=64)
def _rgb(color: Color) -> str:
    return fp_str(color.red, color.green, color.blue)


def set_fill(canvas: Canvas, color: Color) -> None:
    """`canvas.setFillColor(color)` for an opaque RGB colour."""
    canvas._fillColorObj = color
    canvas._code.append(f"{_rgb(color)} rg")


def set_stroke(canvas: Canvas, color: Color) -> None:
    """`canvas.setStrokeColor(color)` for an opaque RGB colour."""
    canvas._strokeColorObj = color
    canvas._code.append(f"{_rgb(color)} RG")


def draw_flowable_at(flowable: Flowable, canvas: Canvas, x: float, y: float, shift: float) -> None:
    """`Flowable.drawOn`: the origin moved by an operator written here (reportlab's
    `translate` formats all six numbers of the matrix every time)."""
    x = flowable._hAlignAdjust(x, shift)
    canvas.saveState()
    canvas._code.append(f"1 0 0 1 {numbers(x, y)} cm")
    flowable._drawOn(canvas)
    canvas.restoreState()
