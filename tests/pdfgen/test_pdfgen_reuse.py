"""What a process reuses across documents: never another form's content, never more and more.

A warm process reuses the layout and operators of the fixed text and the fixed font subsets. A
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

from domain import Admin, Application, Person
from pdfgen import (
    _blocks,
    _content,
    _document,
    _encoding,
    _font_objects,
    _qr,
    fingerprint,
    render_consent,
    render_info_form,
)
from pdfgen._layout import Styles
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
    for (form, _kind), pdf in warm.items():
        text = squeezed(pdf_text(pdf, tmp_path))
        source = sources[form]
        assert str(fingerprint(source.id, source.revision, source.form)) in text
        assert names[form] in text
        other = "second" if form == "first" else "first"
        assert names[other] not in text


def test_what_is_kept_does_not_grow_with_the_number_of_forms() -> None:
    def kept() -> tuple[int, ...]:
        return (
            _blocks._fixed_lines.cache_info().currsize,
            _blocks._fixed_operators.cache_info().currsize,
            _font_objects.fixed_font_objects.cache_info().currsize,
            _encoding.fixed_encoding.cache_info().currsize,
        )

    for render in RENDERERS.values():
        render(application(), generated_on=GENERATED_ON)
    before = kept()
    for revision in range(4, 4 + _content.RECENT_SNAPSHOTS + 4):
        for render in RENDERERS.values():
            render(other_application(revision), generated_on=GENERATED_ON)
    assert kept() == before
    assert len(_content._recent) == _content.RECENT_SNAPSHOTS
    # Kept per payload (both documents of an application share one), up to a bound.
    for per_payload in (_qr.qr_modules, _blocks._dark_runs):
        info = per_payload.cache_info()
        assert info.maxsize is not None and info.currsize <= info.maxsize


def test_fixed_text_is_laid_out_and_encoded_once_for_every_form() -> None:
    _blocks._fixed_lines.cache_clear()
    _blocks._fixed_operators.cache_clear()
    for render in RENDERERS.values():
        render(application(), generated_on=GENERATED_ON)
    first = _blocks._fixed_operators.cache_info()
    assert first.misses > 40  # the terms, labels, headings and titles of both documents
    for render in RENDERERS.values():
        render(other_application(), generated_on=GENERATED_ON)
    again = _blocks._fixed_operators.cache_info()
    assert again.misses == first.misses
    assert again.hits >= first.hits + first.misses


def test_a_fixed_text_with_a_character_not_claimed_is_refused_at_once() -> None:
    blocks: list[_blocks.Block] = [_blocks.FixedText("未认领的字", Styles.value)]
    claimed = _encoding.fixed_characters(_document.FURNITURE_TEXT, "认领的字")
    with pytest.raises(ValueError, match="未"):
        _document.build_pdf(blocks, title="t", fingerprint_text="f", fixed_characters=claimed)


def test_characters_beyond_one_subset_get_more_subsets_and_read_back(
    pdftotext: str, tmp_path: Path
) -> None:
    # 600 different ideographs, none of them fixed: three subsets of the document's own.
    many = "".join(chr(0x4E00 + 7 * index) for index in range(600))
    encoding = _encoding.DocumentEncoding(_encoding.fixed_encoding("医院"))
    codes = [(subset, code) for subset, run in encoding.runs(many) for code in run]
    assert encoding.subset_count == 1 + 3
    assert len(set(codes)) == len(many) and all(code for _subset, code in codes)
    text = _blocks.Text(many, Styles.value)
    claimed = _encoding.fixed_characters(_document.FURNITURE_TEXT)
    pdf = _document.build_pdf([text], title="t", fingerprint_text="f", fixed_characters=claimed)
    assert squeezed(pdf_text(pdf, tmp_path)).count(many) == 1


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
