"""`hqms-desk status PHONE [--json]` and `hqms-desk operator add`, run in-process."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from cli._loopback import serve_in_thread
from cli.main import main
from server import Settings, create_app
from server.demo import DEMO_PHONES


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_status_reads_a_pending_application_aloud(local_demo: Path, capsys) -> None:
    code, out, _ = run(["status", DEMO_PHONES["pending"]], capsys)
    assert code == 0
    assert "待审核，已提交 3 天" in out
    assert "138****8005" in out
    assert DEMO_PHONES["pending"] not in out


def test_status_gives_the_rejection_reason(local_demo: Path, capsys) -> None:
    code, out, _ = run(["status", "+86 138-0013-8006"], capsys)
    assert code == 0
    assert "审核不通过：执业许可证扫描件不清晰" in out


def test_status_lists_every_application_of_a_phone(local_demo: Path, capsys) -> None:
    code, out, _ = run(["status", DEMO_PHONES["several"]], capsys)
    assert code == 0
    assert out.count("  状态：") == 3


def test_status_as_json_is_masked(local_demo: Path, capsys) -> None:
    code, out, _ = run(["status", DEMO_PHONES["draft_incomplete"], "--json"], capsys)
    assert code == 0
    [application] = json.loads(out)
    assert application["status"] == "draft"
    summary = application["status_summary"]
    assert (summary["status"], summary["kind"]) == ("draft", "new") and summary["missing"]
    assert all("message" not in problem for problem in application["problems"])
    assert {"code", "params"} <= set(application["problems"][0])
    assert application["form"]["admin"]["mobile"] == "138****8002"
    assert DEMO_PHONES["draft_incomplete"] not in out


def test_status_of_an_unknown_phone_says_so(local_demo: Path, capsys) -> None:
    code, out, _ = run(["status", DEMO_PHONES["unknown"]], capsys)
    assert code == 1
    assert "没有找到手机号 138****8000 的申请或账号。" in out


def test_status_of_a_short_number_explains_it(local_demo: Path, capsys) -> None:
    code, _, err = run(["status", "1380013"], capsys)
    assert code == 2
    assert "11 位" in err


def test_status_without_demo_data_says_what_to_do(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("HQMS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("HQMS_API_URL", raising=False)
    code, _, err = run(["status", DEMO_PHONES["pending"]], capsys)
    assert code == 2
    assert "make demo" in err


def test_status_over_http_signs_in_with_the_environment(
    local_demo: Path, monkeypatch, capsys
) -> None:
    with serve_in_thread(create_app(Settings())) as base_url:
        monkeypatch.setenv("HQMS_API_URL", base_url)
        monkeypatch.setenv("HQMS_USERNAME", "demo")
        monkeypatch.setenv("HQMS_PASSWORD", "demo-operator-2026")
        code, out, _ = run(["status", DEMO_PHONES["approved"]], capsys)
        monkeypatch.setenv("HQMS_PASSWORD", "wrong password")
        refused, _, err = run(["status", DEMO_PHONES["approved"]], capsys)
    assert code == 0
    assert "审核通过，登录名 hqms_" in out
    assert refused == 2
    assert err.strip()


def test_status_when_the_api_is_down(local_demo: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("HQMS_USERNAME", "demo")
    monkeypatch.setenv("HQMS_PASSWORD", "demo-operator-2026")
    code, out, err = run(["status", DEMO_PHONES["pending"], "--api", "http://127.0.0.1:9"], capsys)
    assert code == 2
    assert "无法连接中央服务" in err
    assert out == ""


def test_operator_add_reads_the_password_from_stdin(local_demo: Path, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough password\n"))
    code, out, _ = run(["operator", "add", "wangfang", "--role", "reviewer"], capsys)
    assert code == 0
    assert "wangfang" in out and "reviewer" in out
    monkeypatch.setattr("sys.stdin", io.StringIO("another long password\n"))
    again, _, err = run(["operator", "add", "wangfang"], capsys)
    assert again == 2
    assert "已经存在" in err


def test_seed_twice_writes_the_demo_once(local_demo: Path, capsys) -> None:
    code, out, _ = run(["seed"], capsys)
    assert code == 0
    assert "未重复写入" in out
