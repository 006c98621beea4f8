"""`hqms-desk registry import FILE.csv`, run in-process on a data folder of its own: the counts,
each rejected line with its number and reason, the exit status, the progress line on stderr,
the audit trail. The import itself (encodings, idempotence, lookups) is tested through the API
in tests/server/test_server_registry_import.py; this is the command around it.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from cli._progress import ProgressLine
from cli.main import main
from domain import make_institution_code
from server import Settings
from server.storage.tables import audit_events, hqms_registry

FULL = make_institution_code("45038862", "440104", "11", "A100", "1")
OTHER = make_institution_code("12345678", "110101", "11", "A100", "1")
GOOD = f"机构代码,机构名称\n{FULL},广州市越秀区第二人民医院\n{OTHER[:9]},北京市东城区某某医院\n"
WITH_BAD_LINES = GOOD + f"4503886204401041,太短的代码\n{FULL},重复的医院\n{OTHER},\n"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HQMS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("HQMS_DATABASE_URL", raising=False)
    return tmp_path / "data"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def listing(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "hqms.csv") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def database_rows(statement: object) -> list[object]:
    engine = create_engine(Settings().database_url)
    try:
        with engine.connect() as connection:
            return list(connection.execute(statement))  # type: ignore[call-overload]
    finally:
        engine.dispose()


def test_a_clean_list_is_imported_with_its_counts(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["registry", "import", listing(tmp_path, GOOD, "gb18030")], capsys)
    assert code == 0
    assert out == ("HQMS 已对接机构名单 hqms.csv：读取 2 行，新增 2，更名 0，未变 0，拒收 0 行。\n")
    assert "100%" in err and "3/3 行" in err, "the progress line reaches the end"
    names = dict(database_rows(select(hqms_registry.c.code, hqms_registry.c.name)))
    assert names == {FULL: "广州市越秀区第二人民医院", OTHER[:9]: "北京市东城区某某医院"}


def test_each_rejected_line_is_printed_with_its_number_and_reason(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["registry", "import", listing(tmp_path, WITH_BAD_LINES)], capsys)
    assert code == 1, "some lines were rejected; the others are in"
    lines = out.splitlines()
    assert (
        lines[0] == "HQMS 已对接机构名单 hqms.csv：读取 5 行，新增 2，更名 0，未变 0，拒收 3 行。"
    )
    assert lines[1].startswith("第 4 行（医疗机构代码）：医疗机构代码应为 22 位")
    assert lines[1].endswith("当前是 16 位。")
    assert lines[2] == "第 5 行（医疗机构代码）：与第 2 行的机构代码重复。"
    assert lines[3] == "第 6 行（医疗机构名称）：缺少机构名称。"
    assert len(lines) == 4


def test_importing_again_changes_nothing(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = listing(tmp_path, GOOD, "utf-8-sig")
    assert run(["registry", "import", path], capsys)[0] == 0
    code, out, _ = run(["registry", "import", path], capsys)
    assert code == 0
    assert "新增 0，更名 0，未变 2，拒收 0 行。" in out
    assert len(database_rows(select(hqms_registry.c.code))) == 2


def test_the_import_is_audited_with_the_machine_account(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(["registry", "import", listing(tmp_path, WITH_BAD_LINES, name="2026 名单.csv")], capsys)
    [(actor, action, params)] = database_rows(
        select(audit_events.c.actor, audit_events.c.action, audit_events.c.params)
    )
    assert action == "registry_imported"
    assert actor.startswith("cli:") or actor == "system"
    assert params == {
        "filename": "2026 名单.csv",
        "lines": 5,
        "added": 2,
        "updated": 0,
        "unchanged": 0,
        "rejected": 3,
    }


def test_a_file_that_cannot_be_imported_exits_2_with_a_sentence(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["registry", "import", str(tmp_path / "missing.csv")], capsys)
    assert (code, out) == (2, "")
    assert err.startswith(f"无法读取文件 {tmp_path / 'missing.csv'}：")
    workbook = tmp_path / "名单.xlsx"
    workbook.write_bytes(b"PK\x03\x04\x14\x00\x00\x00" + bytes(range(256)))
    code, out, err = run(["registry", "import", str(workbook)], capsys)
    assert (code, out) == (2, "")
    assert "文件不是文本格式的名单" in err and "未导入任何机构。" in err
    assert database_rows(select(hqms_registry.c.code)) == []


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_on_a_terminal_the_progress_line_is_redrawn_in_place() -> None:
    stream, clock = Terminal(), Clock()
    progress = ProgressLine(stream, label="导入", clock=clock)
    progress(2000, 50_000)
    clock.now = 0.05
    progress(4000, 50_000)  # too soon after the last: not drawn
    clock.now = 0.2
    progress(6000, 50_000)
    progress(50_000, 50_000)  # the last one always shows
    progress.finish()
    text = stream.getvalue()
    assert text.count("\r") == 3 and text.count("\n") == 1 and text.endswith("\n")
    assert "4,000/50,000" not in text
    assert "  6,000/50,000 行" in text and "100%  50,000/50,000 行" in text


def test_into_a_log_the_progress_is_whole_lines_now_and_then() -> None:
    stream, clock = io.StringIO(), Clock()
    progress = ProgressLine(stream, label="导入", clock=clock)
    for done in range(2000, 50_001, 2000):
        clock.now += 1.0
        progress(done, 50_000)
    progress.finish()
    lines = stream.getvalue().splitlines()
    assert "\r" not in stream.getvalue()
    assert 4 <= len(lines) <= 6, lines  # one every 5 s of 25 s, and the last
    assert lines[-1].endswith("100%  50,000/50,000 行")
