"""Blocks flowed onto pages, top to bottom, as reportlab's frames flow them.

Each block goes below the one before, the larger of their spaces between them (none at the
top of a page). A block that does not fit in what is left of the page is split if it can be
(a grid between rows), else moved to the next page. A block that wants to stay with the next
(a heading) is kept with it. Blocks kept together that are taller than a whole page are let
go one by one; a table row taller than a page is cut between the lines of its cells. What
cannot be cut at all (none of the documents' blocks) is placed anyway, over the page's foot.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

from ._blocks import Block, KeepTogether, gap

_FUZZ = 1e-6

# A block with the bottom-left corner it is drawn at.
Placed = tuple[Block, float, float]


@dataclass(frozen=True)
class Frame:
    left: float
    bottom: float
    width: float
    top: float


def paginate(blocks: Sequence[Block], frame: Frame) -> list[list[Placed]]:
    """The blocks of each page, placed; at least one page."""
    pages: list[list[Placed]] = [[]]
    queue = deque(_kept_with_next(blocks))
    y = frame.top
    previous: Block | None = None
    while queue:
        block = queue.popleft()
        height = block.wrap(frame.width)
        space = gap(previous, block) if previous is not None else 0.0
        if y - space - height >= frame.bottom - _FUZZ:
            y -= space + height
            pages[-1].append((block, _left(block, frame), y))
            previous = block
            continue
        parts = block.split(y - space - frame.bottom)
        if parts is None and _cut_anyway(block, height, frame, at_top=previous is None):
            parts = block.split_inside(y - space - frame.bottom)
        if parts is not None:
            queue.extendleft(reversed(parts))
            continue
        if previous is None:
            if isinstance(block, KeepTogether):
                queue.extendleft(reversed(block.blocks))
                continue
            y -= height
            pages[-1].append((block, _left(block, frame), y))
            previous = block
            continue
        pages.append([])
        y = frame.top
        previous = None
        queue.appendleft(block)
    return pages


def _cut_anyway(block: Block, height: float, frame: Frame, *, at_top: bool) -> bool:
    """Whether `block` must be cut inside (a table row) here: an empty page could not take
    it whole or split it where it may be split, so moving it on would only leave this page's
    rest empty."""
    if at_top:
        return True
    full = frame.top - frame.bottom
    return height > full and block.split(full) is None


def _left(block: Block, frame: Frame) -> float:
    """Centred: a block as wide as the frame starts at its left; a wider one overhangs both
    sides alike (a table as wide as the page's text area in a frame with padding)."""
    return frame.left + (frame.width - block.width) / 2


def _kept_with_next(blocks: Sequence[Block]) -> list[Block]:
    """The blocks, each that wants to stay with the next grouped with it."""
    grouped: list[Block] = []
    pending: list[Block] = []
    for block in blocks:
        pending.append(block)
        if not block.keep_with_next:
            grouped.append(pending[0] if len(pending) == 1 else KeepTogether(pending))
            pending = []
    if pending:
        grouped.append(pending[0] if len(pending) == 1 else KeepTogether(pending))
    return grouped
