"""`HQMS_DOCUMENT_TEXTS`: a wording file that cannot be used stops `serve` before it starts,
with one sentence naming the key (exit 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
import uvicorn

from cli.main import main
from pdfgen._texts import DEFAULT_TEXTS


def serve_with(texts: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> int:
    monkeypatch.setenv("HQMS_DOCUMENT_TEXTS", str(texts))
    monkeypatch.setenv("HQMS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: pytest.fail("the API started"))
    return main(["serve"])


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ('date_line = "　　　　年　　月　　日"\n', "", "seal.date_line"),
        ('title = "系统使用须知及同意书"', 'title = "{hospital}系统使用须知"', "consent.title"),
    ],
    ids=["missing-key", "unknown-placeholder"],
)
def test_a_broken_file_stops_serve_with_one_sentence(
    old: str,
    new: str,
    key: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    texts = tmp_path / "texts.toml"
    text = DEFAULT_TEXTS.read_text(encoding="utf-8")
    assert old in text
    texts.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert serve_with(texts, monkeypatch, tmp_path) == 2
    [said] = capsys.readouterr().err.strip().splitlines()
    assert said.startswith("设置有误：HQMS_DOCUMENT_TEXTS — ")
    assert key in said
    assert not (tmp_path / "data").exists(), "nothing was prepared for a server that won't start"
