"""Render both generated documents for a sample application, and page 1 of each as a PNG.

    python docs/tools/render_documents.py [--out screenshots] [--keep-pdf]

Writes `info-form.png` and `consent.png` (pdftoppm from poppler-utils, 80 dpi) into the output
folder: the document's page (each is one A4 page, its seal box on it) on a grey background, as
a 64-colour PNG to stay small. With `--keep-pdf` also the two PDFs. Called by
`make screenshots`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from shutil import which

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from domain import (  # noqa: E402
    Address,
    Admin,
    Application,
    Form,
    Kind,
    Person,
    Status,
    make_institution_code,
)
from pdfgen import render_consent, render_info_form  # noqa: E402

GENERATED_ON = date(2026, 11, 20)
RESOLUTION_DPI = 80
GAP_PX = 16
BACKGROUND = "#D0D4DA"


def sample_application() -> Application:
    """A realistic draft: a general hospital in 越秀区, 广州市, with its licence's subjects."""
    form = Form(
        name="广州市越秀区示范人民医院",
        opened_on="1998-09",
        code=make_institution_code("45038862", "440104", "11", "A100", "1"),
        address=Address(
            province="440000", city="440100", district="440104", street="中山二路 58 号"
        ),
        subjects=[
            "预防保健科",
            "内科",
            "外科",
            "妇产科",
            "儿科",
            "眼科",
            "耳鼻咽喉科",
            "口腔科",
            "皮肤科",
            "急诊医学科",
            "医学检验科",
            "医学影像科",
            "中医科",
        ],
        legal_rep=Person(name="陈志远", mobile="13800138000"),
        admin=Admin(name="林晓梅", mobile="13912345678", email="linxiaomei@example-hospital.cn"),
    )
    at = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    return Application(
        id="HQ7K-M2XP",
        kind=Kind.NEW,
        status=Status.DRAFT,
        revision=3,
        form=form,
        created_at=at,
        updated_at=at,
    )


def pages_png(pdf: bytes, png: Path) -> None:
    """Every page of `pdf` (one, for these documents) side by side on a grey background,
    through pdftoppm."""
    with tempfile.TemporaryDirectory(prefix="hqms-render-") as folder:
        source = Path(folder) / "document.pdf"
        source.write_bytes(pdf)
        prefix = Path(folder) / "page"
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(RESOLUTION_DPI), str(source), str(prefix)], check=True
        )
        pages = [Image.open(path) for path in sorted(Path(folder).glob("page-*.png"))]
        width = sum(page.width for page in pages) + GAP_PX * (len(pages) + 1)
        height = max(page.height for page in pages) + 2 * GAP_PX
        sheet = Image.new("RGB", (width, height), BACKGROUND)
        left = GAP_PX
        for page in pages:
            sheet.paste(page, (left, GAP_PX))
            left += page.width + GAP_PX
        sheet.quantize(colors=64).save(png, optimize=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--keep-pdf", action="store_true", help="also write the two PDFs")
    options = parser.parse_args(argv)
    if which("pdftoppm") is None:
        print("pdftoppm is missing: install poppler-utils", file=sys.stderr)
        return 1
    options.out.mkdir(parents=True, exist_ok=True)
    application = sample_application()
    documents = {
        "info-form": render_info_form(application, generated_on=GENERATED_ON),
        "consent": render_consent(application, generated_on=GENERATED_ON),
    }
    for name, pdf in documents.items():
        if options.keep_pdf:
            (options.out / f"{name}.pdf").write_bytes(pdf)
        png = options.out / f"{name}.png"
        pages_png(pdf, png)
        print(f"{png} ({png.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
