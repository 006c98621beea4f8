"""The generated documents kept by fingerprint: a revision's PDFs are rendered once.

A document prints only its application's id, revision and form data (and the wording, fixed
for the process), and the fingerprint names exactly those; so the bytes of a fingerprint never
change, and downloading, regenerating or mailing the documents of an unchanged revision again
renders nothing. The most recent `capacity` documents are kept (about 60 KB each).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from enum import StrEnum

from pdfgen import DocumentTexts, FormSnapshot, fingerprint, render_consent, render_info_form

DEFAULT_CAPACITY = 256


class DocumentKind(StrEnum):
    INFO_FORM = "info_form"
    CONSENT = "consent"


_RENDERERS: dict[DocumentKind, Callable[..., bytes]] = {
    DocumentKind.INFO_FORM: render_info_form,
    DocumentKind.CONSENT: render_consent,
}


class DocumentCache:
    """Rendered documents by (kind, fingerprint). `renders` counts the documents actually
    rendered: the seam the tests and the benchmark read to tell a hit from a render."""

    def __init__(self, texts: DocumentTexts, *, capacity: int = DEFAULT_CAPACITY) -> None:
        self.texts = texts
        self.capacity = capacity
        self.renders = 0
        self._kept: OrderedDict[tuple[DocumentKind, str], bytes] = OrderedDict()
        self._lock = threading.Lock()

    def document(self, kind: DocumentKind, snapshot: FormSnapshot, generated_on: date) -> bytes:
        """The PDF of `kind` for `snapshot`; raises `pdfgen.DocumentRefused` as rendering does.

        `generated_on` is the day the form is checked against; it is not printed, so a kept
        document stays right (a form valid once stays valid: an opening date only recedes).
        """
        key = (kind, str(fingerprint(snapshot.id, snapshot.revision, snapshot.form)))
        with self._lock:
            kept = self._kept.get(key)
            if kept is not None:
                self._kept.move_to_end(key)
                return kept
        pdf = _RENDERERS[kind](snapshot, generated_on=generated_on, texts=self.texts)
        with self._lock:
            self.renders += 1
            self._kept[key] = pdf
            self._kept.move_to_end(key)
            while len(self._kept) > self.capacity:
                self._kept.popitem(last=False)
        return pdf
