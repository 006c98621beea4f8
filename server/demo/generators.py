"""Realistic, reproducible institutions and people for the demo and the benchmark.

Everything is drawn from a `random.Random` the caller seeds, so the same seed gives the same
data. An institution's name, category, economic type, management class and 诊疗科目 agree
(a 镇卫生院 is a C2xx 卫生院 run by the state, a 口腔门诊部 a private D1xx), its address is a real
GB/T 2260 district, and its 22-character code is valid with that district as its division.
"""

from __future__ import annotations

from bisect import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from random import Random
from typing import TypeVar

from domain import Address, Admin, Form, Person, Region, make_institution_code, region_tree

from . import _vocab as vocab

T = TypeVar("T")

# Grouping levels of GB/T 2260 that are not a city a name would mention.
_GROUPING_CITIES = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
# Mobile prefixes for generated people. 138 is left out: the demo's fixed numbers use it.
_MOBILE_PREFIXES = (
    "130", "131", "132", "133", "135", "136", "137", "139", "150", "151", "152", "153",
    "155", "156", "157", "158", "159", "166", "177", "180", "181", "182", "183", "185",
    "186", "187", "188", "189", "191", "198", "199",
)  # fmt: skip


@dataclass(frozen=True)
class Place:
    """A district with its province and city, as the address form needs them."""

    province: Region
    city: Region
    district: Region

    @property
    def city_name(self) -> str:
        """The city as a name mentions it: "广州市"; the province for a municipality."""
        if self.city.name in _GROUPING_CITIES:
            return self.province.name if self.province.name.endswith("市") else ""
        return self.city.name

    @property
    def is_urban_district(self) -> bool:
        return self.district.name.endswith("区")


@dataclass(frozen=True)
class Institution:
    """One medical institution as its licence describes it."""

    name: str
    code: str
    category: str
    place: Place
    street: str
    opened_on: str
    subjects: tuple[str, ...]


@dataclass(frozen=True)
class _Template:
    """A family of institutions: how they are named and what their code segments are."""

    category: str
    economic_types: tuple[str, ...]
    management: str
    subjects: tuple[str, ...]
    name: Callable[[Random, Place], str]
    founded: tuple[int, int]  # range of opening years
    weight: int
    fits: Callable[[Place], bool] = lambda place: True


def pick(rng: Random, items: Sequence[T]) -> T:
    """`rng.choice` at a fraction of its cost (it matters at a million rows)."""
    return items[int(rng.random() * len(items))]


def _short(city: str) -> str:
    return city.removesuffix("市") if len(city) > 2 else city


def _general_name(rng: Random, place: Place) -> str:
    ordinal = pick(rng, ("", "", *vocab.ORDINALS[:3]))
    if place.is_urban_district:
        return f"{place.city_name}{place.district.name}{ordinal}人民医院"
    return f"{place.district.name}{ordinal}人民医院"


def _tcm_name(rng: Random, place: Place) -> str:
    if place.is_urban_district and rng.random() < 0.5:
        return f"{place.city_name}中医医院"
    return f"{place.city_name if place.is_urban_district else ''}{place.district.name}中医医院"


def _maternal_name(rng: Random, place: Place) -> str:
    prefix = place.city_name if place.is_urban_district else ""
    return f"{prefix}{place.district.name}妇幼保健院"


def _community_name(rng: Random, place: Place) -> str:
    subdistrict = pick(rng, vocab.SUBDISTRICT_NAMES)
    return f"{place.city_name}{place.district.name}{subdistrict}街道社区卫生服务中心"


def _township_name(rng: Random, place: Place) -> str:
    return f"{place.district.name}{pick(rng, vocab.TOWN_NAMES)}镇卫生院"


def _central_township_name(rng: Random, place: Place) -> str:
    return f"{place.district.name}{pick(rng, vocab.TOWN_NAMES)}镇中心卫生院"


def _specialist(kind: str) -> Callable[[Random, Place], str]:
    def name(rng: Random, place: Place) -> str:
        return f"{place.city_name or place.province.name}{kind}"

    return name


def _private(kind: str) -> Callable[[Random, Place], str]:
    def name(rng: Random, place: Place) -> str:
        city = _short(place.city_name or place.district.name)
        return f"{city}{pick(rng, vocab.CLINIC_BRANDS)}{kind}"

    return name


_PUBLIC = ("11",)
_PRIVATE = ("15", "17", "17", "41")
_TEMPLATES = (
    _Template("A100", _PUBLIC, "1", vocab.SUBJECTS_GENERAL, _general_name, (1950, 2015), 24),
    _Template("A210", _PUBLIC, "1", vocab.SUBJECTS_TCM, _tcm_name, (1956, 2015), 10),
    _Template("G100", _PUBLIC, "1", vocab.SUBJECTS_MATERNAL, _maternal_name, (1952, 2012), 7),
    _Template("A514", _PUBLIC, "1", vocab.SUBJECTS_GENERAL[:12], _specialist("肿瘤医院"),
              (1960, 2010), 2),
    _Template("A519", _PUBLIC, "1", vocab.SUBJECTS_MATERNAL, _specialist("儿童医院"),
              (1955, 2015), 2),
    _Template("A520", _PUBLIC, "1", ("精神科", "内科", "医学检验科"), _specialist("精神卫生中心"),
              (1958, 2012), 2),
    _Template("A511", _PRIVATE, "2", vocab.SUBJECTS_DENTAL, _private("口腔医院"), (2003, 2023), 2),
    _Template("A512", _PRIVATE, "2", ("眼科", "麻醉科", "医学检验科"), _private("眼科医院"),
              (2005, 2023), 2),
    _Template("B100", _PUBLIC, "1", vocab.SUBJECTS_PRIMARY, _community_name, (1998, 2020), 15,
              fits=lambda place: place.is_urban_district),
    _Template("C220", ("11", "12"), "1", vocab.SUBJECTS_PRIMARY, _township_name, (1952, 2000), 9,
              fits=lambda place: not place.is_urban_district),
    _Template("C210", _PUBLIC, "1", vocab.SUBJECTS_PRIMARY, _central_township_name,
              (1952, 2000), 4, fits=lambda place: not place.is_urban_district),
    _Template("D150", _PRIVATE, "2", vocab.SUBJECTS_DENTAL, _private("口腔门诊部"),
              (2006, 2024), 5),
    _Template("D110", _PRIVATE, "2", vocab.SUBJECTS_CLINIC, _private("综合门诊部"),
              (2006, 2024), 4),
    _Template("D211", ("17", "41"), "2", vocab.SUBJECTS_CLINIC, _private("诊所"), (2008, 2025), 6),
    _Template("D212", ("17", "41"), "2", ("中医科",), _private("中医诊所"), (2008, 2025), 3),
)  # fmt: skip
_CUMULATIVE_WEIGHTS = tuple(
    sum(template.weight for template in _TEMPLATES[: i + 1]) for i in range(len(_TEMPLATES))
)


def _template(rng: Random, place: Place) -> _Template:
    while True:
        roll = rng.random() * _CUMULATIVE_WEIGHTS[-1]
        template = _TEMPLATES[bisect(_CUMULATIVE_WEIGHTS, roll)]
        if template.fits(place):
            return template


@cache
def places_by_province() -> tuple[tuple[Place, ...], ...]:
    """Every province → city → district branch of the tree, grouped by province.

    Branches that stop above district level (东莞, Hong Kong) are left out: the address form
    and the code's division need a district.
    """
    grouped = []
    for province in region_tree().items:
        places = tuple(
            Place(province, city, district)
            for city in province.children
            for district in city.children
        )
        if places:
            grouped.append(places)
    return tuple(grouped)


def pick_place(rng: Random, province_index: int | None = None) -> Place:
    """A district, in the given province (index modulo their count) or in any."""
    provinces = places_by_province()
    if province_index is None:
        province_index = rng.randrange(len(provinces))
    return pick(rng, provinces[province_index % len(provinces)])


def organization_code_body(rng: Random) -> str:
    """The first 8 characters of a GB 11714 organization code, in the shapes real ones take.

    Demo codes begin with 4 (事业单位), PDY (codes health authorities assigned) or MA (newer
    private bodies); the bulk benchmark data never begins with 4, PDY or MA, so the two never
    collide.
    """
    roll = rng.random()
    if roll < 0.6:
        return f"4{rng.randrange(10**7):07d}"
    if roll < 0.8:
        return f"PDY{rng.randrange(10**5):05d}"
    letters = "ABCDEFGHJKLMNPQRTUWXY"
    return "MA" + "".join(pick(rng, letters + "0123456789") for _ in range(6))


def institution(
    rng: Random,
    *,
    place: Place | None = None,
    current_year: int = 2026,
    organization: str | None = None,
) -> Institution:
    """A plausible institution in `place` (or in a random district); `organization` is the
    first 8 characters of its organization code (random when not given)."""
    place = place or pick_place(rng)
    template = _template(rng, place)
    code = make_institution_code(
        organization or organization_code_body(rng),
        place.district.code,
        pick(rng, template.economic_types),
        template.category,
        template.management,
    )
    first, last = template.founded
    year = first + int(rng.random() * (min(last, current_year - 1) - first + 1))
    # A licence lists its subjects in the standard's order: keep that order.
    subjects = tuple(s for s in template.subjects if rng.random() < 0.7) or template.subjects[:2]
    return Institution(
        name=template.name(rng, place),
        code=code,
        category=template.category,
        place=place,
        street=street_address(rng),
        opened_on=f"{year:04d}-{1 + int(rng.random() * 12):02d}",
        subjects=subjects,
    )


def street_address(rng: Random) -> str:
    """e.g. "中山二路 58 号"."""
    street = pick(rng, vocab.STREET_NAMES) + pick(rng, vocab.STREET_SUFFIXES)
    return f"{street} {1 + int(rng.random() * 399)} 号"


def person_name(rng: Random) -> str:
    given = "".join(pick(rng, vocab.GIVEN_NAME_CHARS) for _ in range(pick(rng, (1, 2, 2))))
    return pick(rng, vocab.SURNAMES) + given


def mobile(rng: Random) -> str:
    """A valid mainland mobile outside the demo's reserved 138 range."""
    return pick(rng, _MOBILE_PREFIXES) + f"{int(rng.random() * 10**8):08d}"


def email(number: int) -> str:
    """Addresses under the reserved example.com domain: no real mailbox ever receives them."""
    return f"admin{number:04d}@hospital{number:04d}.example.com"


def full_form(place_institution: Institution, *, admin_mobile: str, rng: Random, n: int) -> Form:
    """The complete form an institution would file, with `admin_mobile` as its admin."""
    place = place_institution.place
    return Form(
        name=place_institution.name,
        opened_on=place_institution.opened_on,
        code=place_institution.code,
        address=Address(
            province=place.province.code,
            city=place.city.code,
            district=place.district.code,
            street=place_institution.street,
        ),
        subjects=list(place_institution.subjects),
        legal_rep=Person(name=person_name(rng), mobile=mobile(rng)),
        admin=Admin(name=person_name(rng), mobile=admin_mobile, email=email(n)),
    )
