"""Drawing what does not depend on the form once per process, and replaying its operators.

The operators a paragraph or table writes depend on its content, its width and the codes its
characters have in the document's font subsets. Each document first claims the codes of its
fixed text's characters (`_subsets.claim_fixed_glyphs`), so for content made only of those
characters the operators are the same in every document with the same fixed characters: they
are recorded once, on a scratch canvas that can encode only those characters, and appended to
each document's page after. Content needing any other character (the form's own) cannot be
recorded there and is drawn live in every document, so a replay never carries another form's
codes.

A replay goes where the live drawing would, the origin moved as `Flowable.drawOn` moves it,
and the recorded operators save and restore the graphics state they change. The recordings
change only while a document is built, under the build lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import lru_cache
from io import BytesIO
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfdoc import PDFError
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from ._font import embedded_font, font_name
from ._operators import numbers
from ._subsets import claim_fixed_glyphs

LAYOUTS_KEPT = 8  # sizes, and drawings per width and fixed characters, kept for one content
FIXED_FLOWABLES = 64  # distinct fixed flowables kept

# Recorded operators by (width, fixed characters); None: needs other characters, draw live.
Drawings = dict[tuple[float, str], tuple[str, ...] | None]


class FixedCharactersCanvas(Canvas):
    """A canvas whose document claimed `fixed_characters` before anything was drawn."""

    def __init__(self, *args: Any, fixed_characters: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fixed_characters = fixed_characters
        claim_fixed_glyphs(embedded_font(), self._doc, fixed_characters)


def replay_or_draw(
    canvas: Canvas, drawings: Drawings, width: float, draw: Callable[[Canvas], None]
) -> None:
    """Append the recording of `draw` at `width` to `canvas`, recording it first if need be;
    call `draw(canvas)` when it cannot be recorded or `canvas` claimed no fixed characters."""
    characters = getattr(canvas, "fixed_characters", None)
    if characters is None:
        draw(canvas)
        return
    key = (width, characters)
    if key in drawings:
        operators = drawings[key]
    else:
        operators = record_drawing(characters, draw)
        if len(drawings) < LAYOUTS_KEPT:
            drawings[key] = operators
    if operators is None:
        draw(canvas)
    else:
        canvas._code.extend(operators)


def replay_on(
    flowable: Flowable,
    canvas: Canvas,
    position: tuple[float, float, float],
    drawings: Drawings,
    width: float,
) -> bool:
    """`flowable.drawOn(canvas, x, y, shift)` from its recording at `width`, if it has one:
    the operators `Flowable.drawOn` writes (save the state, move the origin, draw, restore),
    without keeping the canvas's own copy of a state that is restored right after."""
    characters = getattr(canvas, "fixed_characters", None)
    if characters is None:
        return False
    operators = drawings.get((width, characters))
    if operators is None:
        return False
    x, y, shift = position
    x = flowable._hAlignAdjust(x, shift)
    code = canvas._code
    code.append("q")
    code.append(f"1 0 0 1 {numbers(x, y)} cm")  # `Canvas.translate` after a "q"
    code.extend(operators)
    code.append("Q")
    return True


def record_drawing(characters: str, draw: Callable[[Canvas], None]) -> tuple[str, ...] | None:
    """The operators `draw` writes on a canvas that can encode only `characters`; None when
    it needs another character. `draw` must save and restore the graphics state it changes."""
    scratch = _scratch_canvas(characters)
    start = len(scratch._code)
    try:
        draw(scratch)
    except PDFError:  # a character outside the fixed ones: the font state refused it
        _scratch_canvas.cache_clear()  # the scratch canvas stopped mid-drawing
        return None
    operators = tuple(scratch._code[start:])
    del scratch._code[start:]
    return operators


@lru_cache(maxsize=4)
def _scratch_canvas(characters: str) -> FixedCharactersCanvas:
    """A page like a document's, whose font state refuses any character not in `characters`."""
    canvas = FixedCharactersCanvas(
        BytesIO(),
        pagesize=A4,
        invariant=1,
        initialFontName=font_name(),
        fixed_characters=characters,
    )
    embedded_font()._assignState(canvas._doc).frozen = 1
    return canvas


@dataclass
class _SharedFlowable:
    prototype: Flowable  # laid out and drawn only while recording, under the build lock
    make: Callable[[], Flowable]
    sizes: dict[float, tuple[float, float]] = field(default_factory=dict)
    drawings: Drawings = field(default_factory=dict)


class FixedFlowable(Flowable):
    """A flowable that does not depend on the form (a table of signature boxes), made by
    `make` and known by `key`: its size per width and its drawing are worked out once.

    Its size must not depend on the height available, and it is split (if ever) by a fresh
    flowable from `make`.
    """

    width: float
    height: float

    def __init__(self, key: Hashable, make: Callable[[], Flowable]) -> None:
        super().__init__()
        self._shared = _shared_flowable(key, make)
        prototype = self._shared.prototype
        self.hAlign = prototype.hAlign
        self.spaceBefore = prototype.getSpaceBefore()
        self.spaceAfter = prototype.getSpaceAfter()

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        sizes = self._shared.sizes
        size = sizes.get(availWidth)
        if size is None:
            size = self._shared.prototype.wrapOn(self.canv, availWidth, availHeight)
            if len(sizes) < LAYOUTS_KEPT:
                sizes[availWidth] = size
        self._available_width = availWidth
        self.width = size[0]
        self.height = size[1]
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = self._shared.make().splitOn(self.canv, availWidth, availHeight)
        return parts

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        drawings = self._shared.drawings
        if not replay_on(self, canvas, (x, y, _sW), drawings, self._available_width):
            super().drawOn(canvas, x, y, _sW)

    def draw(self) -> None:
        width: float = self._available_width
        height: float = self.height
        prototype = self._shared.prototype

        def draw_prototype(canvas: Canvas) -> None:
            prototype.wrapOn(canvas, width, height)
            prototype._drawOn(canvas)

        replay_or_draw(self.canv, self._shared.drawings, width, draw_prototype)


_shared: dict[Hashable, _SharedFlowable] = {}
_shared_lock = threading.Lock()  # stories are made outside the build lock


def _shared_flowable(key: Hashable, make: Callable[[], Flowable]) -> _SharedFlowable:
    with _shared_lock:
        shared = _shared.get(key)
        if shared is None:
            if len(_shared) >= FIXED_FLOWABLES:
                _shared.clear()
            shared = _shared[key] = _SharedFlowable(make(), make)
        return shared
