"""What a process reuses across documents: never another form's content, never more and more.

A warm process reuses the layout and drawing of the fixed text and the fixed font subsets. A
document must come out exactly as a fresh process renders it, whatever was rendered before.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from reportlab.lib.styles import ParagraphStyle

from domain import Admin, Application, Person
from pdfgen import (
    _build,
    _content,
    _paragraphs,
    _recording,
    fingerprint,
    render_consent,
    render_info_form,
)
from pdfgen._font import embedded_font
from tests.pdfgen.pdf_samples import GENERATED_ON, application, complete_form, pdf_text, squeezed

ROOT = Path(__file__).resolve().parents[2]
RENDERERS: dict[str, Callable[..., bytes]] = {
    "info": render_info_form,
    "consent": render_consent,
}


def other_application(revision: int = 7) -> Application:
    form = complete_form(
        name="北京协和医院",
        subjects=["内科"],
        legal_rep=Person(name="张伯礼", mobile="13600136000"),
        admin=Admin(name="欧阳靖", mobile="13711112222", email="data@pumch.example.cn"),
    )
    return application(form, revision=revision)


def fresh_process_digests(order: list[tuple[str, str]]) -> list[str]:
    """SHA-256 of each (form, document) rendered in `order` by a new process."""
    child = (
        "import hashlib, json, sys\n"
        "from pdfgen import render_consent, render_info_form\n"
        "from tests.pdfgen.pdf_samples import GENERATED_ON, application\n"
        "from tests.pdfgen.test_pdfgen_reuse import other_application\n"
        "sources = {'first': application(), 'second': other_application()}\n"
        "renderers = {'info': render_info_form, 'consent': render_consent}\n"
        f"order = {order!r}\n"
        "print(json.dumps([hashlib.sha256(renderers[document](sources[form],"
        " generated_on=GENERATED_ON)).hexdigest() for form, document in order]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", child], cwd=ROOT, check=True, capture_output=True, text=True
    )
    digests: list[str] = json.loads(result.stdout)
    return digests


def test_two_forms_in_turn_give_the_bytes_of_a_fresh_process(
    pdftotext: str, tmp_path: Path
) -> None:
    sources = {"first": application(), "second": other_application()}
    warm: dict[tuple[str, str], bytes] = {}
    for _ in range(2):
        for form, source in sources.items():
            for document, render in RENDERERS.items():
                pdf = render(source, generated_on=GENERATED_ON)
                assert warm.setdefault((form, document), pdf) == pdf

    # Each order starts with a document no earlier render in that process could have helped.
    for order in (
        [("first", "info"), ("first", "consent")],
        [("second", "consent"), ("second", "info")],
    ):
        expected = [hashlib.sha256(warm[key]).hexdigest() for key in order]
        assert fresh_process_digests(order) == expected

    names = {"first": "广州市越秀区示范人民医院", "second": "北京协和医院"}
    for (form, _document), pdf in warm.items():
        text = squeezed(pdf_text(pdf, tmp_path))
        source = sources[form]
        assert str(fingerprint(source.id, source.revision, source.form)) in text
        assert names[form] in text
        other = "second" if form == "first" else "first"
        assert names[other] not in text


def test_what_is_kept_does_not_grow_with_the_number_of_forms() -> None:
    def kept() -> tuple[int, int, int]:
        return (
            _paragraphs._shared_layout.cache_info().currsize,
            len(_recording._shared),
            embedded_font().fixed_subset_objects.cache_info().currsize,
        )

    for render in RENDERERS.values():
        render(application(), generated_on=GENERATED_ON)
    before = kept()
    for revision in range(4, 4 + _content.RECENT_SNAPSHOTS + 4):
        for render in RENDERERS.values():
            render(other_application(revision), generated_on=GENERATED_ON)
    assert kept() == before
    assert len(_content._recent) == _content.RECENT_SNAPSHOTS


def test_fixed_text_and_furniture_are_drawn_from_recordings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Start from nothing recorded, and see every recording made for the two documents.
    _paragraphs._shared_layout.cache_clear()
    _recording._shared.clear()
    _build._fixed_furniture.cache_clear()
    recordings: list[tuple[str, ...] | None] = []
    record = _recording.record_drawing

    def spy(characters: str, draw: Callable[..., None]) -> tuple[str, ...] | None:
        recordings.append(record(characters, draw))
        return recordings[-1]

    monkeypatch.setattr(_recording, "record_drawing", spy)
    monkeypatch.setattr(_build, "record_drawing", spy)
    for render in RENDERERS.values():
        render(application(), generated_on=GENERATED_ON)
    assert len(recordings) > 40
    assert None not in recordings, "a fixed text has a character its document does not claim"


def test_fixed_text_outside_the_claimed_characters_is_drawn_live(
    pdftotext: str, tmp_path: Path
) -> None:
    style = ParagraphStyle(
        "plain", fontName=embedded_font().fontName, fontSize=12, leading=16, wordWrap="CJK"
    )
    story = [_paragraphs.fixed_para("未认领的字照样印出", style)]
    pdfs = [
        _build.build_pdf(story[:], title="t", fingerprint_text="f", fixed_characters="")
        for _ in range(2)
    ]
    assert pdfs[0] == pdfs[1]
    assert "未认领的字照样印出" in squeezed(pdf_text(pdfs[0], tmp_path))


def test_two_forms_rendered_at_once_in_threads_are_their_own_bytes() -> None:
    sources = [application(), other_application()]
    expected = {
        (index, document): render(source, generated_on=GENERATED_ON)
        for index, source in enumerate(sources)
        for document, render in RENDERERS.items()
    }
    jobs = list(expected) * 6

    def run(job: tuple[int, str]) -> bytes:
        index, document = job
        return RENDERERS[document](sources[index], generated_on=GENERATED_ON)

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(run, jobs))
    wrong = [job for job, pdf in zip(jobs, results, strict=True) if pdf != expected[job]]
    assert wrong == []
