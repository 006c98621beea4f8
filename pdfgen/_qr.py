"""The fingerprint's QR code: reportlab's encoder makes the module matrix, with its mask
choice sped up (`_qr_masks`, the same modules as `QrCodeWidget`)."""

from __future__ import annotations

from functools import lru_cache

from ._qr_encoder import qrencoder
from ._qr_masks import FastMaskQRCode


@lru_cache(maxsize=64)
def qr_modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The dark/light matrix of `payload`, error correction level M, top row first."""
    code = FastMaskQRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    return tuple(tuple(bool(module) for module in row) for row in code.modules)
