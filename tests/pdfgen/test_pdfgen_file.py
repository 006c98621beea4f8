"""The PDF as a file: embedded font only, same bytes for the same input, one A4 page that
renders to PNG, the QR code decoding to the printed fingerprint."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from PIL import Image

from pdfgen import fingerprint, render_consent, render_info_form
from tests.pdfgen.pdf_samples import GENERATED_ON, application, complete_form

RENDERERS = [render_info_form, render_consent]


@pytest.mark.parametrize("render", RENDERERS)
def test_only_the_embedded_font_is_used(render, pdffonts: str, tmp_path: Path) -> None:
    source = tmp_path / "document.pdf"
    source.write_bytes(render(application(), generated_on=GENERATED_ON))
    listing = subprocess.run(
        [pdffonts, str(source)], check=True, capture_output=True, text=True
    ).stdout
    fonts = listing.splitlines()[2:]
    assert fonts
    for line in fonts:
        assert "WenQuanYiMicroHei" in line
        _name, kind, _encoding, embedded, subset, *_ = line.split()
        assert (kind, embedded, subset) == ("TrueType", "yes", "yes"), line


@pytest.mark.parametrize("render", RENDERERS)
def test_font_program_is_in_the_file(render) -> None:
    pdf = render(application(), generated_on=GENERATED_ON)
    assert pdf.startswith(b"%PDF-")
    assert b"/FontFile2" in pdf
    assert b"/Helvetica" not in pdf


@pytest.mark.parametrize("render", RENDERERS)
def test_same_input_gives_the_same_bytes(render) -> None:
    first = render(application(), generated_on=GENERATED_ON)
    again = render(application(), generated_on=GENERATED_ON)
    assert first == again
    # The day is not printed: a hospital downloading again later gets the file it stamped.
    assert render(application(), generated_on=GENERATED_ON + timedelta(days=1)) == first
    changed = application(complete_form(name="广州市越秀区示范人民医院（东院）"))
    assert render(changed, generated_on=GENERATED_ON) != first


@pytest.mark.parametrize("render", RENDERERS)
def test_pages_render_to_png_with_ink_in_the_table(render, pdftoppm: str, tmp_path: Path) -> None:
    source = tmp_path / "document.pdf"
    source.write_bytes(render(application(), generated_on=GENERATED_ON))
    subprocess.run([pdftoppm, "-png", "-r", "50", str(source), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert pages
    with Image.open(pages[0]) as image:
        gray = image.convert("L")
        width, height = gray.size
        assert abs(height / width - 297 / 210) < 0.01  # A4 portrait
        table_area = gray.crop((int(width * 0.1), int(height * 0.2), int(width * 0.9), height // 2))
        dark = sum(table_area.histogram()[:128])
        assert dark > 0.01 * table_area.width * table_area.height
        blank_margin = gray.crop((0, int(height * 0.3), int(width * 0.05), int(height * 0.7)))
        assert blank_margin.getextrema()[0] > 200  # nothing drawn in the left margin


@pytest.mark.parametrize("render", RENDERERS)
def test_qr_code_decodes_to_the_printed_fingerprint(
    render, pdftoppm: str, zbarimg: str, tmp_path: Path
) -> None:
    source = application()
    pdf = tmp_path / "document.pdf"
    pdf.write_bytes(render(source, generated_on=GENERATED_ON))
    subprocess.run(
        [pdftoppm, "-png", "-r", "150", "-singlefile", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    decoded = subprocess.run(
        [zbarimg, "--raw", "-q", str(tmp_path / "page.png")],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert decoded == str(fingerprint(source.id, source.revision, source.form))


def test_another_process_renders_the_same_bytes() -> None:
    # A restarted server must hand out the very file a hospital already stamped.
    child = (
        "import hashlib, sys\n"
        "from pdfgen import render_consent, render_info_form\n"
        "from tests.pdfgen.pdf_samples import GENERATED_ON, application\n"
        "pdf = render_consent(application(), generated_on=GENERATED_ON)\n"
        "pdf += render_info_form(application(), generated_on=GENERATED_ON)\n"
        "print(hashlib.sha256(pdf).hexdigest())\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", child], cwd=root, check=True, capture_output=True, text=True
    )
    here = render_info_form(application(), generated_on=GENERATED_ON)
    here = render_consent(application(), generated_on=GENERATED_ON) + here
    assert result.stdout.strip() == hashlib.sha256(here).hexdigest()


@pytest.mark.parametrize("render", RENDERERS)
def test_one_a4_page_titled_with_the_fingerprint_as_subject(
    render, pdfinfo: str, tmp_path: Path
) -> None:
    pdf = render(application(), generated_on=GENERATED_ON)
    source = tmp_path / "document.pdf"
    source.write_bytes(pdf)
    checked = subprocess.run([pdfinfo, str(source)], capture_output=True, text=True, check=True)
    assert checked.stderr == ""  # no syntax error or repaired table reported
    info = dict(line.split(":", 1) for line in checked.stdout.splitlines())
    assert info["Pages"].strip() == "1"
    assert info["Page size"].strip() == "595.276 x 841.89 pts (A4)"
    assert info["Title"].strip() in ("医疗机构信息收集表", "系统使用须知及同意书")
    source_form = application()
    printed = str(fingerprint(source_form.id, source_form.revision, source_form.form))
    assert info["Subject"].strip() == printed
    # A program that only searches the file's bytes (the kiosk's review screen) finds it too.
    assert f"/Subject ({printed})".encode("ascii") in pdf
