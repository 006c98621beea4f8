"""The server renders documents in worker threads: concurrent renders stay correct."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from pdfgen import render_consent, render_info_form
from tests.pdfgen.pdf_samples import GENERATED_ON, application


def test_documents_rendered_at_once_in_threads_are_the_same_bytes() -> None:
    app = application()
    expected = {
        "info": render_info_form(app, generated_on=GENERATED_ON),
        "consent": render_consent(app, generated_on=GENERATED_ON),
    }
    jobs = [("info", render_info_form), ("consent", render_consent)] * 8
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda job: (job[0], job[1](app, generated_on=GENERATED_ON)), jobs))
    assert all(pdf == expected[name] for name, pdf in results)
