"""Where pdfgen does reportlab's work its own faster way, it gives reportlab's results; its own
line breaking keeps every character and stays inside the line."""

from __future__ import annotations

import random
import string
from struct import unpack

import pytest
from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib.textsplit import ALL_CANNOT_START
from reportlab.pdfbase.ttfonts import TTFont

from pdfgen._font import FONT_PATH, embedded_face, text_width
from pdfgen._qr import qr_modules
from pdfgen._qr_masks import FastMaskQRCode, lost_points
from pdfgen._subset_program import make_subset
from pdfgen._text import break_lines, plain_lines

ALPHANUMERIC = string.ascii_uppercase + string.digits + " $%*+-./:"


def payloads(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    made = []
    for index in range(count):
        if index % 3 == 0:  # fingerprints, as printed
            made.append(
                f"HQMS:{''.join(rnd.choices(ALPHANUMERIC[:36], k=4))}-"
                f"{''.join(rnd.choices(ALPHANUMERIC[:36], k=4))}:R{rnd.randint(1, 999)}:"
                f"{''.join(rnd.choices('0123456789ABCDEF', k=12))}"
            )
        elif index % 3 == 1:
            made.append("".join(rnd.choices(ALPHANUMERIC, k=rnd.randint(1, 150))))
        else:
            made.append("".join(rnd.choices(string.printable[:94], k=rnd.randint(1, 90))))
    return made


@pytest.mark.parametrize("level", ["L", "M", "Q", "H"])
def test_fast_mask_choice_draws_reportlabs_modules(level: str) -> None:
    correction = getattr(qrencoder.QRErrorCorrectLevel, level)
    for payload in payloads(12, seed=ord(level)):
        reference = qrencoder.QRCode(None, correction)
        reference.addData(payload)
        reference.make()
        fast = FastMaskQRCode(None, correction)
        fast.addData(payload)
        fast.make()
        assert fast.modules == reference.modules, payload
        for pattern in range(8):
            reference.makeImpl(True, pattern)
            rows = [int("".join("1" if m else "0" for m in row), 2) for row in reference.modules]
            assert lost_points(rows, len(rows)) == qrencoder.QRUtil.getLostPoint(reference)


def test_printed_qr_code_is_the_one_reportlabs_widget_makes() -> None:
    for payload in payloads(9, seed=7)[::3]:
        widget = QrCodeWidget(payload, barLevel="M").qr
        widget.make()
        assert qr_modules(payload) == tuple(tuple(bool(m) for m in row) for row in widget.modules)


def test_subset_programs_are_reportlabs() -> None:
    face = embedded_face()
    codes = sorted(face.charToGlyph)
    glyf = face.get_table_pos("glyf")[0]

    def composite(code: int) -> bool:
        glyph = face.charToGlyph[code]
        start = glyf + face.glyphPos[glyph]
        long_enough = face.glyphPos[glyph + 1] - face.glyphPos[glyph] > 2
        return long_enough and unpack(">h", face._ttf_data[start : start + 2])[0] < 0

    composites = [code for code in codes[:30000] if composite(code)][:60]
    assert composites, "the embedded font has composite glyphs: their components must follow"
    rnd = random.Random(5)
    subsets = [[ord(char) for char in "广州市越秀区 陈志远@example.cn"], composites]
    subsets += [rnd.sample(codes, size) for size in (1, 2, 17, 100, 255)]
    subsets.append(rnd.sample(composites, 20) + rnd.sample(codes, 20))
    for subset in subsets:
        assert make_subset(face, subset) == face.makeSubset(subset), len(subset)


def test_plain_text_lines_fit_and_keep_every_character() -> None:
    rnd = random.Random(11)
    alphabet = "广州市越秀区示范人民医院中山二路，。、（）《》 -:@.0123456789abcdefXYZ"
    texts = ["linxiaomei@example-hospital-with-a-very-long-domain-name.cn", "（附属）医院。"]
    texts += ["".join(rnd.choices(alphabet, k=rnd.randint(1, 120))) for _ in range(200)]
    for text in texts:
        for width in (40.0, 120.0, 300.0):
            text = plain_lines(text)
            lines = break_lines(text, width, 10.5)
            assert "".join(lines).replace(" ", "") == text.replace(" ", ""), text
            for line in lines:
                too_wide = text_width(line, 10.5) > width + 1e-6
                assert not too_wide or len(line) == 1, (line, width)


def test_closing_punctuation_never_starts_a_line() -> None:
    text = "广州医科大学附属第一医院（南院区），越秀区中山二路58号。"
    for width in range(30, 330, 7):
        lines = break_lines(text, width, 10.5)
        assert "".join(lines) == text
        assert [line for line in lines[1:] if line[0] in ALL_CANNOT_START] == [], width
        assert [line for line in lines[:-1] if line[-1] in "（《“"] == [], width


def test_the_first_line_can_be_narrower_or_wider_than_the_rest() -> None:
    text = "数据管理员由本机构指定，负责本机构账号的日常管理：保管登录信息，组织并核对数据报送。"
    for first_width, width in ((100.0, 200.0), (200.0, 100.0)):
        lines = break_lines(text, width, 10.5, first_width)
        assert "".join(lines) == text
        assert text_width(lines[0], 10.5) <= first_width
        assert text_width(lines[0] + lines[1][0], 10.5) > first_width  # filled, not short
        assert all(text_width(line, 10.5) <= width for line in lines[1:])


def test_a_latin_word_that_fits_is_not_broken() -> None:
    assert break_lines("电子邮箱 linxiaomei@example.cn", 120, 10.5) == [
        "电子邮箱",
        "linxiaomei@example.cn",
    ]


def test_string_widths_are_reportlabs() -> None:
    reference = TTFont("ReferenceWQY", str(FONT_PATH), subfontIndex=0)
    for text in ["", "医", "a", "医疗机构 abc，。", "\xa0\u3000", "𠀀"]:
        for size in (7, 8.5, 10.5, 20):
            assert text_width(text, size) == pytest.approx(reference.stringWidth(text, size))
