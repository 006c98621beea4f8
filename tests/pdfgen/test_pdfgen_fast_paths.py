"""The faster ways pdfgen does reportlab's work give exactly reportlab's results."""

from __future__ import annotations

import random
import string
from xml.sax.saxutils import escape

import pytest
from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph

from pdfgen._font import FONT_PATH, embedded_font
from pdfgen._layout import styles
from pdfgen._paragraphs import form_para, form_value_and_note, paragraph_markup
from pdfgen._qr import qr_modules
from pdfgen._qr_masks import FastMaskQRCode, lost_points

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


def test_form_paragraphs_skip_the_parser_with_its_result() -> None:
    rnd = random.Random(3)
    alphabet = "陈志远林晓梅 　\xa0\n\t-:@.，。（）0123456789abcXYZ"
    texts = ["陈志远", "linxiaomei@example-hospital.cn", "  前后 空格  ", "a&b<c>", "1998 年 09 月"]
    texts += ["".join(rnd.choices(alphabet, k=rnd.randint(1, 30))) for _ in range(150)]
    s = styles()
    for style in (s.value, s.small, s.subtitle):
        for text in texts:
            parsed = Paragraph(paragraph_markup(text), style)
            fast = form_para(text, style)
            assert fast.text == parsed.text
            assert [vars(f) for f in fast.frags] == [vars(f) for f in parsed.frags], repr(text)


def test_code_segment_paragraphs_skip_the_parser_with_its_result() -> None:
    pairs = [("440104", "广东省广州市越秀区"), ("11", "国有全资"), ("A100", "中医（综合）医院")]
    pairs += [("450388620", ""), ("a b", "x"), ("1", "<b>&amp;</b>"), ("Z9", "非 营利")]
    style = styles().value
    for value, note in pairs:
        markup = f'{escape(value)}<br/><font size="8.5" color="#555555">{escape(note)}</font>'
        parsed = Paragraph(markup, style)
        fast = form_value_and_note(value, note, style, note_size=8.5, note_color="#555555")
        assert fast.text == parsed.text
        assert [vars(f) for f in fast.frags] == [vars(f) for f in parsed.frags], (value, note)


def test_string_widths_are_reportlabs() -> None:
    reference = TTFont("ReferenceWQY", str(FONT_PATH), subfontIndex=0)
    font = embedded_font()
    for text in ["", "医", "a", "医疗机构 abc，。", "\xa0\u3000", "𠀀"]:
        for size in (7, 8.5, 10.5, 20):
            assert font.stringWidth(text, size) == reference.stringWidth(text, size)
