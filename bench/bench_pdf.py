"""Rendering both generated documents: warm, cached and cold, beside a bare reportlab page.

- warm: in this process, after one render of each; the median of `runs` renders, each of a new
  application revision (a new fingerprint, QR code and address), so only what a server reuses
  across applications is reused. Target: ≤ 150 ms for both documents.
- cached: both documents of one revision again through the server's cache by fingerprint
  (`server/services/document_cache.py`), as a second download or a resend gets them. Target:
  ≤ 5 ms.
- cold: a fresh `python -c` per sample, timed from spawn to exit, so interpreter start, imports
  and font registration count; the median of `cold_runs` after one run that warms the page
  cache. Target: ≤ 1 s.

For information, in the same run: a bare one-page reportlab document in the same embedded font
(WenQuanYi Micro Hei, registered from the same file as a plain `TTFont`; a line of Chinese
drawn so a subset is embedded), warm and cold: the least any reportlab PDF with that font
costs; and the number of lines of `pdfgen/`.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

WARM_TARGET_MS = 150.0
CACHED_TARGET_MS = 5.0
COLD_TARGET_MS = 1000.0
ROOT = Path(__file__).resolve().parent.parent
FONT_PATH = ROOT / "pdfgen" / "fonts" / "wqy-microhei.ttc"
GENERATED_ON = date(2026, 11, 20)

# The cold children: each renders and writes nothing; the parent times spawn to exit.
DOCUMENTS_CHILD = """
from bench.bench_pdf import render_documents, sample_application
render_documents(sample_application())
"""
BARE_CHILD = f"""
from bench.bench_pdf import render_bare
render_bare({str(FONT_PATH)!r})
"""


def sample_application(revision: int = 3) -> Any:
    """A complete draft like the README's sample (imported lazily: the cold child times it).

    Each revision has its own street number, so its form data and fingerprint differ.
    """
    from domain import (
        Address,
        Admin,
        Application,
        Form,
        Kind,
        Person,
        Status,
        make_institution_code,
    )

    at = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    form = Form(
        name="广州市越秀区示范人民医院",
        opened_on="1998-09",
        code=make_institution_code("45038862", "440104", "11", "A100", "1"),
        address=Address(
            province="440000",
            city="440100",
            district="440104",
            street=f"中山二路 {55 + revision} 号",
        ),
        subjects=["预防保健科", "内科", "外科", "妇产科", "儿科", "医学检验科", "医学影像科"],
        legal_rep=Person(name="陈志远", mobile="13800138000"),
        admin=Admin(name="林晓梅", mobile="13912345678", email="linxiaomei@example-hospital.cn"),
    )
    return Application(
        id="HQ7K-M2XP",
        kind=Kind.NEW,
        status=Status.DRAFT,
        revision=revision,
        form=form,
        created_at=at,
        updated_at=at,
    )


def render_documents(application: Any) -> int:
    """Both documents; their total size (so the work cannot be skipped)."""
    from pdfgen import render_consent, render_info_form

    info_form = render_info_form(application, generated_on=GENERATED_ON)
    consent = render_consent(application, generated_on=GENERATED_ON)
    return len(info_form) + len(consent)


def render_bare(font_path: str) -> int:
    """One A4 page with one line of Chinese in the embedded font, invariant like ours."""
    from io import BytesIO

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    if "BareWQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("BareWQY", font_path, subfontIndex=0))
    font = pdfmetrics.getFont("BareWQY")
    if type(font) is not TTFont:
        # reportlab hands a second registration of a face the object registered first: had
        # anything in this process registered the same face with a faster subclass (pdfgen
        # once did), the "bare" page would be drawn with it and the baseline be no baseline.
        raise RuntimeError(f"the bare page would be drawn with {type(font).__name__}")
    output = BytesIO()
    canvas = Canvas(output, pagesize=A4, invariant=1, initialFontName="BareWQY")
    canvas.setFont("BareWQY", 18)
    canvas.drawString(72, 760, "医疗机构信息收集表")
    canvas.showPage()
    canvas.save()
    return len(output.getvalue())


def warm_medians_s(
    documents: Callable[[int], int], bare: Callable[[], int], runs: int
) -> tuple[float, float]:
    """Median seconds of `documents(run)` and of `bare()`, taking turns, after one of each."""
    documents(-1)  # registers the font and fills caches, as in a long-running server
    bare()
    document_samples, bare_samples = [], []
    for run in range(runs):
        started = time.perf_counter()
        documents(run)
        document_samples.append(time.perf_counter() - started)
        started = time.perf_counter()
        bare()
        bare_samples.append(time.perf_counter() - started)
    return statistics.median(document_samples), statistics.median(bare_samples)


def cold_median_s(child_code: str, runs: int) -> float:
    def one() -> float:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", child_code], cwd=ROOT, check=True)
        return time.perf_counter() - started

    one()  # page cache
    return statistics.median(one() for _ in range(runs))


def cached_median_s(runs: int) -> float:
    """Median seconds of both documents of one revision through the server's cache."""
    from pdfgen import FormSnapshot, load_document_texts
    from server.services.document_cache import DocumentCache, DocumentKind

    application = sample_application()
    snapshot = FormSnapshot(application.id, application.revision, application.form)
    cache = DocumentCache(load_document_texts())

    def both() -> int:
        return sum(len(cache.document(kind, snapshot, GENERATED_ON)) for kind in DocumentKind)

    both()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        both()
        samples.append(time.perf_counter() - started)
    if cache.renders != len(DocumentKind):
        raise RuntimeError(f"the cache rendered {cache.renders} documents, not 2")
    return statistics.median(samples)


def pdfgen_lines() -> int:
    """Lines of `pdfgen/`'s Python modules."""
    return sum(len(path.read_text().splitlines()) for path in (ROOT / "pdfgen").glob("*.py"))


def run(*, runs: int = 30, cold_runs: int = 5) -> dict[str, Any]:
    applications = [sample_application(revision) for revision in range(4, runs + 5)]

    def new_application(run: int) -> int:
        return render_documents(applications[run + 1])

    def bare() -> int:
        return render_bare(str(FONT_PATH))

    warm_documents, warm_bare = warm_medians_s(new_application, bare, runs)
    cached = cached_median_s(runs)
    cold_documents = cold_median_s(DOCUMENTS_CHILD, cold_runs)
    cold_bare = cold_median_s(BARE_CHILD, cold_runs)
    return {
        "warm": {"documents_ms": warm_documents * 1000, "bare_ms": warm_bare * 1000, "runs": runs},
        "cached": {"documents_ms": cached * 1000, "runs": runs},
        "cold": {
            "documents_ms": cold_documents * 1000,
            "bare_ms": cold_bare * 1000,
            "runs": cold_runs,
        },
        "targets_ms": {"warm": WARM_TARGET_MS, "cached": CACHED_TARGET_MS, "cold": COLD_TARGET_MS},
        "pdfgen_lines": pdfgen_lines(),
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
