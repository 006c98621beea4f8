"""The fingerprint's QR code as a flowable.

reportlab's encoder makes the module matrix, with its mask choice sped up (`_qr_masks`, the
same modules as `QrCodeWidget`); both documents of an application carry the same payload, so
the matrix and its drawing operators are computed once per payload.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

from reportlab.graphics.barcode.qrencoder import QRErrorCorrectLevel
from reportlab.lib import colors
from reportlab.platypus import Flowable

from ._qr_masks import FastMaskQRCode

QUIET_ZONE_MODULES = 2  # the standard asks for 4; the cell's white padding adds the rest


@lru_cache(maxsize=64)
def qr_modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The dark/light matrix of `payload`, error correction level M, top row first."""
    code = FastMaskQRCode(None, QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    return tuple(tuple(bool(module) for module in row) for row in code.modules)


@lru_cache(maxsize=64)
def _dark_runs_operators(payload: str) -> str:
    """PDF operators filling the dark runs, in module units with the origin at bottom left.

    Integer coordinates written once per payload: formatting ~300 rectangles through the
    canvas on every document costs more than laying out a page.
    """
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


class QrCode(Flowable):
    """A square QR code of side `size` points, quiet zone included."""

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        self.payload = payload
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        side = len(qr_modules(self.payload))
        module = self.width / (side + 2 * QUIET_ZONE_MODULES)
        offset = QUIET_ZONE_MODULES * module
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(colors.black)
        canvas.transform(module, 0, 0, module, offset, offset)
        canvas.addLiteral(_dark_runs_operators(self.payload))
        canvas.restoreState()
