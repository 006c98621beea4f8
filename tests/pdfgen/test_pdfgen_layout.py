"""Where the text lands, read back with `pdftotext -bbox`: the extreme valid forms (every free
value at the domain's limit, in the widest character the font draws) print on one A4 page each,
inside the frame, every value whole; whitespace prints as a space.
"""

from __future__ import annotations

import html
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from domain import FORM_LIMITS, Form
from pdfgen import DocumentRefused, extreme_forms, fingerprint, render_consent, render_info_form
from tests.messages_text import said
from tests.pdfgen.pdf_samples import GENERATED_ON, application, complete_form, squeezed

Render = Callable[..., bytes]
MM = 72 / 25.4
PAGE_WIDTH, PAGE_HEIGHT = 210 * MM, 297 * MM
LEFT, RIGHT = 18 * MM, PAGE_WIDTH - 18 * MM  # the text width: 18 mm margins
# pdftotext measures y from the top of the page.
HEADER_RULE = 14.5 * MM
FOOTER_RULE = PAGE_HEIGHT - 19 * MM
# The info form's columns: label, value, label, mobile; the consent's value is after 28 mm.
VALUE_COLUMN, MOBILE_LABEL = LEFT + 24 * MM, LEFT + 124 * MM
CONSENT_VALUE_COLUMN = LEFT + 28 * MM
TOLERANCE = 0.5
# reportlab's CJK line breaking lets closing punctuation hang past the line's end.
HANGING = 5
HEADER = "国家卫生健康委医政医管局医院质量监测系统（HQMS）流感医疗服务监测系统"
NO_ALTERATION = (
    "本文件由系统根据填写资料自动生成，内容不得涂改，否则无效。如需更改，请修改资料后重新下载。"
)


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


def assert_inside_the_frame(page: list[Word], form: Form) -> None:
    """Header above its rule, footer below its rule, all else between them and the margins,
    no text drawn over other text."""
    mark = str(fingerprint(application(form).id, application(form).revision, form))
    above = [w for w in page if w.y_max <= HEADER_RULE]
    below = [w for w in page if w.y_min >= FOOTER_RULE]
    body = [w for w in page if w not in above and w not in below]
    assert joined(above) == HEADER, "only the header above its rule"
    assert joined(below) == f"{NO_ALTERATION}文件指纹：{mark}", "only the footer below its rule"
    crossing = [
        w.text
        for w in body
        if w.y_min < HEADER_RULE
        or w.y_max > FOOTER_RULE
        or w.x_min < LEFT - TOLERANCE
        or w.x_max > RIGHT + HANGING
    ]
    assert crossing == [], "text outside the frame"
    overlapping = [
        (a.text, b.text)
        for index, a in enumerate(page)
        for b in page[index + 1 :]
        if min(a.x_max, b.x_max) - max(a.x_min, b.x_min) > TOLERANCE
        and min(a.y_max, b.y_max) - max(a.y_min, b.y_min) > TOLERANCE
    ]
    assert overlapping == [], "text drawn over other text"


def column_text(page: list[Word], left: float, right: float = RIGHT) -> str:
    """The words beginning between `left` and `right` without the furniture: a table's
    column, its cells' wrapped lines joined."""
    return joined(
        [w for w in page if left - 1 <= w.x_min < right and HEADER_RULE < w.y_min < FOOTER_RULE]
    )


@pytest.mark.parametrize("form", extreme_forms(), ids=["widest-character", "ideographs"])
@pytest.mark.parametrize("render", [render_info_form, render_consent])
def test_an_extreme_form_prints_on_one_page_inside_the_frame_every_value_whole(
    render: Render, form: Form, pdftotext: str, pdfinfo: str, tmp_path: Path
) -> None:
    assert len(form.name) == FORM_LIMITS.name
    assert len(form.subjects) == FORM_LIMITS.subjects
    pdf = render(application(form), generated_on=GENERATED_ON)
    source = tmp_path / "extreme.pdf"
    source.write_bytes(pdf)
    info = subprocess.run([pdfinfo, str(source)], check=True, capture_output=True, text=True)
    assert re.search(r"^Pages:\s+1$", info.stdout, re.MULTILINE), "one page"
    [page] = words(pdf, pdftotext, tmp_path)
    if render is render_consent:
        assert squeezed(form.name) in column_text(page, CONSENT_VALUE_COLUMN)
    else:
        values = column_text(page, VALUE_COLUMN)
        expected = [form.name, form.address.street, "、".join(form.subjects), form.admin.email]
        assert [value for value in expected if squeezed(value) not in values] == []
        names = column_text(page, VALUE_COLUMN, MOBILE_LABEL)
        assert squeezed(form.legal_rep.name) in names and squeezed(form.admin.name) in names
    assert "医疗机构（盖章）" in joined(page)
    assert_inside_the_frame(page, form)


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
    assert f"“U+{ord(character):04X}”（医疗机构名称）" in said(refused.value.problems[0])


def test_a_character_beyond_the_bmp_reads_back_as_itself(pdftotext: str, tmp_path: Path) -> None:
    # The font draws a few (U+10400 DESERET CAPITAL LONG I); what it draws must read back.
    try:
        pdf = consent_named("越秀\U00010400示范医院")
    except DocumentRefused as refused:
        assert [p.field for p in refused.problems] == ["name"]
        return
    assert [text for text, _, _ in name_row(pdf, pdftotext, tmp_path)] == ["越秀\U00010400示范医院"]
