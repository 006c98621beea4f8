"""The documents read back: every field, the furniture, the fingerprint, the seal box (and no
signature lines unless the wording asks for them), nothing overflowing."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from domain import Address, Admin, make_institution_code
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

# At the domain's limits (`FORM_LIMITS`: 60 characters each).
LONG_NAME = ("广州市越秀区" + "中山大学附属第一医院东山院区联合" * 3 + "康复医学与老年病专科医院")[
    :60
]
LONG_STREET = ("中山二路" + "五十八号之一至之九临街商铺及其后座综合楼第一至第十二层" * 4)[:60]
A4_WIDTH_PT = 595.28
MARGIN_PT = 18 / 25.4 * 72  # the documents' side margins


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
        "医疗机构（盖章）",
        "内科、外科、儿科、医学检验科",
        "陈志远",
        "13800138000",
        "林晓梅",
        "13912345678",
        "linxiaomei@example-hospital.cn",
        f"申请编号：{APPLICATION_ID}",
        "资料版本：第3版",
        "本机构确认：以上信息真实、准确",
    ]
    assert [item for item in expected if item not in text] == []
    # The seed asks for the seal only (打印后加盖公章).
    assert "签字" not in text


@pytest.mark.parametrize("render", [render_info_form, render_consent])
def test_every_page_carries_header_footer_and_fingerprint(
    render, pdftotext: str, tmp_path: Path
) -> None:
    source = application()
    text = pdf_text(render(source, generated_on=GENERATED_ON), tmp_path)
    flat = squeezed(text)
    [page] = text.split("\f")[:-1]
    page_text = squeezed(page)
    assert "国家卫生健康委医政医管局医院质量监测系统（HQMS）" in page_text
    assert "流感医疗服务监测系统" in page_text
    assert "本文件由系统根据填写资料自动生成，内容不得涂改，否则无效。" in page_text
    assert "如需更改，请修改资料后重新下载。" in page_text
    assert re.search(r"文件指纹：HQMS:HQ7K-M2XP:R3:[0-9A-F]{12}", page_text)
    assert verify_fingerprint(flat, source.id, source.revision, source.form)


def test_consent_names_the_institution_and_the_terms(pdftotext: str, tmp_path: Path) -> None:
    text = squeezed(pdf_text(render_consent(application(), generated_on=GENERATED_ON), tmp_path))
    expected = [
        "系统使用须知及同意书",
        "广州市越秀区示范人民医院",
        CODE,
        "账号与责任",
        "数据安全与保密",
        "三、数据管理员",
        "变更资料",
        "系统重置本机构账号",
        "4000030686",
        "医疗机构（盖章）",
        "同意遵守",
    ]
    assert [item for item in expected if item not in text] == []
    assert "签字" not in text


def test_long_name_and_street_wrap_inside_the_page(pdftotext: str, tmp_path: Path) -> None:
    assert len(LONG_NAME) == 60 and len(LONG_STREET) == 60
    long_email = "data.administrator.flu@information-centre.example-hospital.cn"
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
        # reportlab's CJK line breaking lets closing punctuation (。，) hang past the line's
        # end rather than start the next line, as Chinese typesetting does: half a character.
        hanging = 5
        assert max(right_edges) <= A4_WIDTH_PT - MARGIN_PT + hanging, "text past the margin"


def test_text_that_looks_like_markup_is_printed_as_typed(pdftotext: str, tmp_path: Path) -> None:
    form = complete_form(name="示范医院<b>&amp;</b>分院")
    text = squeezed(
        pdf_text(render_info_form(application(form), generated_on=GENERATED_ON), tmp_path)
    )
    assert "示范医院<b>&amp;</b>分院" in text


@pytest.mark.parametrize(
    ("division", "written"),
    [
        (("120000", "120100", "120101"), "天津市和平区南京路1号"),
        (("460000", "469000", "469001"), "海南省五指山市南京路1号"),
        (("650000", "659000", "659001"), "新疆维吾尔自治区石河子市南京路1号"),
    ],
    ids=["municipality", "province-county", "region-county"],
)
def test_addresses_print_as_people_write_them(
    division: tuple[str, str, str], written: str, pdftotext: str, tmp_path: Path
) -> None:
    # GB/T 2260 files these under 市辖区 / 省直辖县级行政区划 / 自治区直辖县级行政区划.
    province, city, district = division
    code = make_institution_code("45038862", district, "11", "A100", "1")
    address = Address(province=province, city=city, district=district, street="南京路 1 号")
    form = complete_form(code=code, address=address)
    text = squeezed(
        pdf_text(render_info_form(application(form), generated_on=GENERATED_ON), tmp_path)
    )
    assert written in text
    for level in ("市辖区", "省直辖县级行政区划", "自治区直辖县级行政区划"):
        assert level not in text
