"""Where the text lands, read back with `pdftotext -bbox`: extreme but valid forms stay inside
the frame on every page, keep every value, and number their pages; whitespace prints as a space.

The domain bounds the name (200 characters) and the email (64 + 253) only: a street, a person's
name and the list of subjects may be any length, so a single value can be taller than a page.
"""

from __future__ import annotations

import html
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from domain import Address, Admin, Form, Person
from pdfgen import DocumentRefused, fingerprint, render_consent, render_info_form
from tests.pdfgen.pdf_samples import GENERATED_ON, application, complete_form, squeezed

Render = Callable[..., bytes]
MM = 72 / 25.4
PAGE_WIDTH, PAGE_HEIGHT = 210 * MM, 297 * MM
LEFT, RIGHT = 20 * MM, PAGE_WIDTH - 20 * MM  # the text width: 20 mm margins
# pdftotext measures y from the top of the page.
HEADER_RULE = 15.5 * MM
FOOTER_RULE = PAGE_HEIGHT - 21 * MM
# The info form's columns: label, value, label, value; the consent's value is after 32 mm.
VALUE_COLUMN, SECOND_LABEL = LEFT + 30 * MM, LEFT + 85 * MM
CONSENT_VALUE_COLUMN = LEFT + 32 * MM
TOLERANCE = 0.5
HEADER = "国家卫生健康委医政医管局医院质量监测系统（HQMS）流感医疗服务监测系统"
NO_ALTERATION = (
    "本文件由系统根据填写资料自动生成，内容不得涂改，否则无效。如需更改，请修改资料后重新下载。"
)
# A licence's subjects as they are written, each numbered below to tell them apart.
LICENCE_SUBJECTS = (
    "预防保健科、内科、呼吸内科专业、消化内科专业、神经内科专业、心血管内科专业、血液内科专业、"
    "肾病学专业、内分泌专业、免疫学专业、变态反应专业、老年病专业、外科、普通外科专业、"
    "神经外科专业、骨科专业、泌尿外科专业、胸外科专业、心脏大血管外科专业、烧伤科专业"
)
SUBJECT_NAMES = LICENCE_SUBJECTS.split("、")


@dataclass(frozen=True)
class Word:
    x_min: float
    y_min: float
    x_max: float
    y_max: float
    text: str


def words(pdf: bytes, pdftotext: str, tmp_path: Path) -> list[list[Word]]:
    """Each page's words with their boxes, in reading order (top to bottom, left to right)."""
    source = tmp_path / "layout.pdf"
    source.write_bytes(pdf)
    out = subprocess.run(
        [pdftotext, "-bbox", str(source), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        found = re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            page,
        )
        page_words = [
            Word(float(a), float(b), float(c), float(d), html.unescape(text))
            for a, b, c, d, text in found
        ]
        pages.append(sorted(page_words, key=lambda w: (round(w.y_min, 1), w.x_min)))
    return pages


def joined(page_words: list[Word]) -> str:
    return squeezed("".join(word.text for word in page_words))


def assert_inside_the_frame(pages: list[list[Word]], form: Form) -> None:
    """Header above its rule, footer below its rule, all else between them and the margins."""
    mark = str(fingerprint(application(form).id, application(form).revision, form))
    for number, page in enumerate(pages, start=1):
        above = [w for w in page if w.y_max <= HEADER_RULE]
        below = [w for w in page if w.y_min >= FOOTER_RULE]
        body = [w for w in page if w not in above and w not in below]
        assert joined(above) == HEADER, f"page {number}: only the header above its rule"
        footer = f"{NO_ALTERATION}文件指纹：{mark}第{number}页共{len(pages)}页"
        assert joined(below) == footer, f"page {number}: only the footer below its rule"
        crossing = [
            w.text
            for w in body
            if w.y_min < HEADER_RULE
            or w.y_max > FOOTER_RULE
            or w.x_min < LEFT - TOLERANCE
            or w.x_max > RIGHT + TOLERANCE
        ]
        assert crossing == [], f"page {number}: text outside the frame"
        overlapping = [
            (a.text, b.text)
            for index, a in enumerate(page)
            for b in page[index + 1 :]
            if min(a.x_max, b.x_max) - max(a.x_min, b.x_min) > TOLERANCE
            and min(a.y_max, b.y_max) - max(a.y_min, b.y_min) > TOLERANCE
        ]
        assert overlapping == [], f"page {number}: text drawn over other text"


def column_text(pages: list[list[Word]], left: float, right: float = RIGHT) -> str:
    """The words beginning between `left` and `right`, read down the pages without the
    furniture: a table's column, its cells' wrapped lines joined."""
    return joined(
        [
            w
            for page in pages
            for w in page
            if left - 1 <= w.x_min < right and HEADER_RULE < w.y_min < FOOTER_RULE
        ]
    )


def many_subjects(count: int) -> list[str]:
    return [f"{SUBJECT_NAMES[n % len(SUBJECT_NAMES)]}{n:03d}" for n in range(count)]


def test_very_many_subjects_flow_over_three_pages_and_every_one_prints(
    pdftotext: str, tmp_path: Path
) -> None:
    # One row holds the subjects: 500 of them are taller than a page, a valid form.
    subjects = many_subjects(500)
    form = complete_form(subjects=subjects)
    pages = words(
        render_info_form(application(form), generated_on=GENERATED_ON), pdftotext, tmp_path
    )
    assert len(pages) >= 3
    # A row no page can hold starts where it comes, not on a new page after a blank.
    assert subjects[0] in joined(pages[0]) and subjects[20] in joined(pages[0])
    # A section's heading row is never left alone at the foot of a page.
    for heading, first_value in (("二、法定代表人", "陈志远"), ("三、数据管理员", "林晓梅")):
        [page] = [page for page in pages if heading in joined(page)]
        assert first_value in joined(page), heading
    values = column_text(pages, VALUE_COLUMN)
    missing = [subject for subject in subjects if subject not in values]
    assert missing[:3] == [], f"{len(missing)} of the subjects are not printed"
    assert "、".join(subjects) in values, "the subjects in order, across the pages"
    everything = "".join(joined(page) for page in pages)
    for after in ("二、法定代表人", "陈志远", "13800138000", "三、数据管理员", "林晓梅"):
        assert after in everything, f"{after} (after the subjects) is printed"
    assert "linxiaomei@example-hospital.cn" in everything
    assert "医疗机构（盖章）" in everything
    assert_inside_the_frame(pages, form)


def test_a_street_taller_than_a_page_prints_whole_inside_the_frames(
    pdftotext: str, tmp_path: Path
) -> None:
    street = "".join(f"第{n}栋{n % 7 + 1}单元" for n in range(400))
    address = Address(province="440000", city="440100", district="440104", street=street)
    form = complete_form(address=address)
    pages = words(
        render_info_form(application(form), generated_on=GENERATED_ON), pdftotext, tmp_path
    )
    values = column_text(pages, VALUE_COLUMN)
    assert values.count("单元") == 400, "every part of the street is printed"
    assert f"广东省广州市越秀区{street}" in values
    assert "林晓梅" in "".join(joined(page) for page in pages)
    assert_inside_the_frame(pages, form)


def extreme_form() -> Form:
    """Every free value at or beyond what a real licence has, all valid."""
    name = ("中山大学附属第一医院（Sun Yat-sen University First Affiliated Hospital）" * 4)[:200]
    street = "中山二路" + "五十八号之一至之九临街商铺及其后座综合楼" * 12
    return complete_form(
        name=name,
        address=Address(province="440000", city="440100", district="440104", street=street),
        subjects=many_subjects(120),
        legal_rep=Person(
            name="Wolfeschlegelsteinhausenbergerdorff·Maximiliane", mobile="13800138000"
        ),
        admin=Admin(
            name="阿卜杜热西提·艾合买提江·买买提明·吐尔逊·阿不都克力木",
            mobile="13912345678",
            email="d" * 64 + "@" + "information-centre." * 12 + "example-hospital.cn",
        ),
    )


@pytest.mark.parametrize("render", [render_info_form, render_consent])
def test_an_extreme_form_stays_inside_the_frame_and_prints_every_value(
    render: Render, pdftotext: str, tmp_path: Path
) -> None:
    form = extreme_form()
    assert len(form.name) == 200  # the domain's maximum
    pages = words(render(application(form), generated_on=GENERATED_ON), pdftotext, tmp_path)
    if render is render_consent:
        assert squeezed(form.name) in column_text(pages, CONSENT_VALUE_COLUMN)
    else:
        values = column_text(pages, VALUE_COLUMN)
        expected = [squeezed(form.name), form.address.street, "、".join(form.subjects)]
        expected.append(form.admin.email)
        assert [value for value in expected if value not in values] == []
        names = column_text(pages, VALUE_COLUMN, SECOND_LABEL)
        assert squeezed(form.legal_rep.name) in names and form.admin.name in names
    assert_inside_the_frame(pages, form)


def name_row(pdf: bytes, pdftotext: str, tmp_path: Path) -> list[tuple[str, float, float]]:
    """The consent's name cell: its words and where each begins and ends."""
    page = words(pdf, pdftotext, tmp_path)[0]
    label = next(w for w in page if w.text == "医疗机构名称")
    row = [w for w in page if abs(w.y_min - label.y_min) < 1 and w.x_min > label.x_max]
    return [(w.text, round(w.x_min, 2), round(w.x_max, 2)) for w in row]


def consent_named(name: str) -> bytes:
    return render_consent(application(complete_form(name=name)), generated_on=GENERATED_ON)


@pytest.mark.parametrize(
    "between",
    ["\t", "\n", "\r\n", "  \t ", "\xa0", "\x0b\x0c"],
    ids=["tab", "newline", "crlf", "run", "no-break", "vt-ff"],
)
def test_whitespace_in_a_value_prints_as_one_space(
    between: str, pdftotext: str, tmp_path: Path
) -> None:
    expected = name_row(consent_named("越秀 示范医院"), pdftotext, tmp_path)
    assert [text for text, _, _ in expected] == ["越秀", "示范医院"]
    assert name_row(consent_named(f"越秀{between}示范医院"), pdftotext, tmp_path) == expected


@pytest.mark.parametrize(
    "between",
    ["\x1c", "\x1f", "\x85", "\u1680", "\u2028", "\u2029", "\u202f", "\u205f"],
    ids=["fs", "us", "nel", "ogham", "line-sep", "para-sep", "narrow-nbsp", "math-space"],
)
def test_whitespace_the_font_lacks_is_a_space_never_an_empty_box(
    between: str, pdftotext: str, tmp_path: Path
) -> None:
    # The font has no glyph for these: drawn as they are, they print as its empty box.
    expected = name_row(consent_named("越秀 示范医院"), pdftotext, tmp_path)
    try:
        pdf = consent_named(f"越秀{between}示范医院")
    except DocumentRefused as refused:  # refusing it by name is as good as printing a space
        assert [p.field for p in refused.problems] == ["name"]
        return
    assert name_row(pdf, pdftotext, tmp_path) == expected


def test_an_ideographic_space_is_a_gap_wider_than_a_space_on_one_line(
    pdftotext: str, tmp_path: Path
) -> None:
    [(_, _, space_end), (_, space_next, _)] = name_row(
        consent_named("越秀 示范医院"), pdftotext, tmp_path
    )
    row = name_row(consent_named("越秀\u3000示范医院"), pdftotext, tmp_path)
    assert [text for text, _, _ in row] == ["越秀", "示范医院"]
    [(_, _, first_end), (_, second_start, _)] = row
    assert first_end == space_end
    assert second_start - first_end > 1.5 * (space_next - space_end)


@pytest.mark.parametrize("character", ["\x00", "\x07", "\x1b", "\x7f", "\x9b"])
def test_a_control_character_is_refused(character: str) -> None:
    with pytest.raises(DocumentRefused) as refused:
        consent_named(f"越秀{character}示范医院")
    assert [p.field for p in refused.value.problems] == ["name"]
    # The sentence names it by its code point: the character itself would not show.
    assert f"“U+{ord(character):04X}”（医疗机构名称）" in refused.value.problems[0].message


def test_a_character_beyond_the_bmp_reads_back_as_itself(pdftotext: str, tmp_path: Path) -> None:
    # The font draws a few (U+10400 DESERET CAPITAL LONG I); what it draws must read back.
    try:
        pdf = consent_named("越秀\U00010400示范医院")
    except DocumentRefused as refused:
        assert [p.field for p in refused.problems] == ["name"]
        return
    assert [text for text, _, _ in name_row(pdf, pdftotext, tmp_path)] == ["越秀\U00010400示范医院"]
