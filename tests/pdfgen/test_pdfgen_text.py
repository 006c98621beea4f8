"""The documents read back: every field, the furniture, the fingerprint, nothing overflowing."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from domain import Address, Admin
from pdfgen import render_consent, render_info_form, verify_fingerprint
from tests.pdfgen.pdf_samples import (
    APPLICATION_ID,
    CODE,
    GENERATED_ON,
    application,
    complete_form,
    pdf_text,
    squeezed,
)

LONG_NAME = "广州市越秀区" + "中山大学附属第一医院东山院区联合" * 3 + "康复医学与老年病专科医院"
LONG_STREET = (
    "中山二路"
    + "五十八号之一至之九临街商铺及其后座综合楼第一至第十二层" * 4
    + "整栋（原东山区署前路口）"
)
SUBJECTS = ["预防保健科", "内科", "外科", "妇产科", "儿科", "眼科", "耳鼻咽喉科", "口腔科"]
SUBJECTS += ["皮肤科", "急诊医学科", "医学检验科", "医学影像科", "中医科", "麻醉科", "病理科"]
SUBJECTS += ["康复医学科", "精神科", "传染科", "结核病科", "肿瘤科", "重症医学科"]
A4_WIDTH_PT = 595.28
MARGIN_PT = 20 / 25.4 * 72


def test_info_form_prints_every_field(pdftotext: str, tmp_path: Path) -> None:
    text = squeezed(pdf_text(render_info_form(application(), generated_on=GENERATED_ON), tmp_path))
    expected = [
        "医疗机构信息收集表",
        "广州市越秀区示范人民医院",
        "1998年09月",
        CODE,
        "450388620",
        "440104",
        "广东省广州市越秀区",
        "国有全资",
        "A100",
        "综合医院",
        "非营利",
        "广东省广州市越秀区中山二路58号",
        "内科、外科、儿科、医学检验科",
        "陈志远",
        "13800138000",
        "林晓梅",
        "13912345678",
        "linxiaomei@example-hospital.cn",
        f"申请编号：{APPLICATION_ID}",
        "资料版本：第3版",
        "生成日期：2026年11月20日",
        "法定代表人（签字）",
        "数据管理员（签字）",
        "医疗机构（盖章）",
        "第1页共1页",
    ]
    assert [item for item in expected if item not in text] == []


@pytest.mark.parametrize("render", [render_info_form, render_consent])
def test_every_page_carries_header_footer_and_fingerprint(
    render, pdftotext: str, tmp_path: Path
) -> None:
    source = application()
    text = pdf_text(render(source, generated_on=GENERATED_ON), tmp_path)
    flat = squeezed(text)
    pages = text.split("\f")[:-1]
    assert pages
    for number, page in enumerate(pages, start=1):
        page_text = squeezed(page)
        assert "国家卫生健康委医政医管局医院质量监测系统（HQMS）" in page_text
        assert "流感医疗服务监测系统" in page_text
        assert "本文件由系统根据填写资料自动生成，内容不得涂改，否则无效。" in page_text
        assert "如需更改，请修改资料后重新下载。" in page_text
        assert f"第{number}页共{len(pages)}页" in page_text
        assert re.search(r"HQMS:HQ7K-M2XP:R3:[0-9A-F]{12}", page_text)
    assert verify_fingerprint(flat, source.id, source.revision, source.form)


def test_consent_names_the_institution_and_the_terms(pdftotext: str, tmp_path: Path) -> None:
    text = squeezed(pdf_text(render_consent(application(), generated_on=GENERATED_ON), tmp_path))
    expected = [
        "系统使用须知及同意书",
        "广州市越秀区示范人民医院",
        CODE,
        "账号与责任",
        "数据安全与保密",
        "数据管理员职责",
        "人员变更",
        "变更资料",
        "系统重置本机构账号",
        "4000030686",
        "法定代表人（签字）",
        "医疗机构（盖章）",
        "同意遵守",
    ]
    assert [item for item in expected if item not in text] == []


def test_long_name_and_street_wrap_inside_the_page(pdftotext: str, tmp_path: Path) -> None:
    assert len(LONG_NAME) >= 60 and len(LONG_STREET) >= 120
    long_email = "data.administrator." * 3 + "flu@information-centre.example-hospital.cn"
    form = complete_form(
        name=LONG_NAME,
        address=Address(province="440000", city="440100", district="440104", street=LONG_STREET),
        admin=Admin(name="林晓梅", mobile="13912345678", email=long_email),
    )
    for render in (render_info_form, render_consent):
        pdf = render(application(form), generated_on=GENERATED_ON)
        text = squeezed(pdf_text(pdf, tmp_path))
        assert squeezed(LONG_NAME) in text
        if render is render_info_form:
            assert squeezed(LONG_STREET) in text
            assert long_email in text
        source = tmp_path / "long.pdf"
        source.write_bytes(pdf)
        bbox = subprocess.run(
            [pdftotext, "-bbox", str(source), "-"], check=True, capture_output=True, text=True
        ).stdout
        right_edges = [float(x) for x in re.findall(r'xMax="([\d.]+)"', bbox)]
        assert right_edges
        assert max(right_edges) <= A4_WIDTH_PT - MARGIN_PT + 1, "text runs past the right margin"


def test_text_that_looks_like_markup_is_printed_as_typed(pdftotext: str, tmp_path: Path) -> None:
    form = complete_form(name="示范医院<b>&amp;</b>分院")
    text = squeezed(
        pdf_text(render_info_form(application(form), generated_on=GENERATED_ON), tmp_path)
    )
    assert "示范医院<b>&amp;</b>分院" in text


def test_a_table_taller_than_a_page_continues_on_the_next(pdftotext: str, tmp_path: Path) -> None:
    subjects = [f"{subject}{number}" for number in range(9) for subject in SUBJECTS]
    form = complete_form(subjects=subjects)
    pdf = render_info_form(application(form), generated_on=GENERATED_ON)
    source = tmp_path / "tall.pdf"
    source.write_bytes(pdf)
    pages = [
        squeezed(
            subprocess.run(
                [pdftotext, "-f", str(page), "-l", str(page), str(source), "-"],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
        for page in (1, 2)
    ]
    assert "、".join(subjects) in pages[0], "the subjects' row stays whole on the first page"
    # The rows after it, and the signing block, moved to the second page, whole.
    assert "二、法定代表人" in pages[1] and "二、法定代表人" not in pages[0]
    assert "linxiaomei@example-hospital.cn" in pages[1]
    assert "第2页共2页" in pages[1]
