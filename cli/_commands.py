"""The body of each `hqms-desk` sub-command; `cli.main` only parses arguments."""

from __future__ import annotations

import getpass
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from cli._loopback import serve_in_thread
from cli._progress import ProgressLine
from cli._settings import DEMO_PASSWORD, DEMO_USERNAME, KioskSettings
from cli._status import in_process_api, print_status
from client import CentralAPI
from domain import DEFAULT_LANGUAGE, DomainError, render, word
from pdfgen import DocumentTextsInvalid, check_one_page, load_document_texts
from server import Settings, create_app, upgrade_database
from server import add_operator as add_operator_service
from server.demo import DemoSummary, bulk_phone, seed_bulk, seed_demo
from server.services.registry import RegistryImport
from server.services.registry import import_registry as import_registry_service
from server.storage.engine import create_database_engine
from server.storage.tables import applications as applications_table


def _seed_message(summary: DemoSummary) -> str:
    if summary.skipped:
        return "演示数据已存在，未重复写入。"
    states = "，".join(f"{status} {count}" for status, count in sorted(summary.by_status.items()))
    return f"已写入演示数据：{summary.applications} 份申请（{states}）。"


def _prepare_database(settings: Settings) -> None:
    if settings.is_sqlite:
        Path(settings.data_dir).mkdir(parents=True, exist_ok=True)
    upgrade_database(settings.database_url)


def _document_texts_problem(settings: Settings) -> str | None:
    """What is wrong with the documents' wording (`HQMS_DOCUMENT_TEXTS`), in one sentence, or
    None: a server must not start with documents it cannot print on one page."""
    try:
        check_one_page(load_document_texts(settings.document_texts))
    except DocumentTextsInvalid as invalid:
        sentence = render("problem", invalid.message, DEFAULT_LANGUAGE) or invalid.code
        return f"设置有误：HQMS_DOCUMENT_TEXTS — {sentence}"
    return None


def demo(*, seed: int) -> int:
    """API on a free loopback port, seeded on first run, and the kiosk signed in; one process."""
    from tui import HotlineApp  # the kiosk only loads for commands that show it
    from tui._i18n import set_language

    kiosk = KioskSettings()
    set_language(kiosk.lang)
    settings = Settings()
    problem = _document_texts_problem(settings)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    _prepare_database(settings)
    summary = seed_demo(settings.database_url, seed=seed)
    print(_seed_message(summary), file=sys.stderr)
    with serve_in_thread(create_app(settings)) as base_url:
        app = HotlineApp(
            CentralAPI(base_url, language=kiosk.lang),
            username=DEMO_USERNAME,
            password=DEMO_PASSWORD,
            idle_lock_minutes=kiosk.idle_lock_minutes,
        )
        app.run()
    return 0


def serve(*, host: str, port: int) -> int:
    import uvicorn

    settings = Settings()
    problem = _document_texts_problem(settings)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    _prepare_database(settings)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")
    return 0


async def status(phone: str, *, api_url: str | None, as_json: bool) -> int:
    kiosk = KioskSettings()
    url = api_url or kiosk.api_url
    if url:
        if not (kiosk.username and kiosk.password):
            print("请设置 HQMS_USERNAME 和 HQMS_PASSWORD（坐席账号）后再查询。", file=sys.stderr)
            return 2
        return await print_status(
            CentralAPI(url),
            phone,
            username=kiosk.username,
            password=kiosk.password,
            as_json=as_json,
        )
    settings = Settings()
    if settings.is_sqlite and not Path(settings.data_dir, "hqms.sqlite3").exists():
        print(
            "本机还没有演示数据：请先运行 make demo 或 hqms-desk seed，"
            "或用 --api 指定中央服务地址。",
            file=sys.stderr,
        )
        return 2
    return await print_status(
        in_process_api(create_app(settings)),
        phone,
        username=kiosk.username or DEMO_USERNAME,
        password=kiosk.password or DEMO_PASSWORD,
        as_json=as_json,
    )


# Up to this many applications are written one by one with full timelines and scans; beyond it
# the fast bulk loader (`seed_bulk`) adds them, as the benchmark's million needs.
DETAILED_SEED_LIMIT = 1000
# Background applications of a plain `hqms-desk seed`, beside the demo's fixed situations.
DEFAULT_APPLICATIONS = 60


def seed(*, applications: int | None, seed: int) -> int:
    settings = Settings()
    _prepare_database(settings)
    if applications is None or applications <= DETAILED_SEED_LIMIT:
        summary = seed_demo(
            settings.database_url, seed=seed, applications=applications or DEFAULT_APPLICATIONS
        )
        print(_seed_message(summary))
        return 0
    print(_seed_message(seed_demo(settings.database_url, seed=seed)))
    if _bulk_already_seeded(settings.database_url, seed):
        print(f"种子 {seed} 的批量数据已经写入过；换一个 --seed 可再写入一批。", file=sys.stderr)
        return 2
    started = time.perf_counter()
    seed_bulk(settings.database_url, applications=applications, seed=seed)
    print(f"已批量写入 {applications:,} 份申请，用时 {time.perf_counter() - started:.1f} 秒。")
    return 0


def _bulk_already_seeded(database_url: str, seed: int) -> bool:
    """Bulk application 0 of a seed has a known phone: its presence means the seed ran."""
    engine = create_database_engine(database_url)
    try:
        with engine.connect() as connection:
            found = connection.scalar(
                select(applications_table.c.id)
                .where(applications_table.c.admin_phone == bulk_phone(0, seed))
                .limit(1)
            )
    finally:
        engine.dispose()
    return found is not None


def read_password() -> str:
    if sys.stdin.isatty():
        return getpass.getpass("密码：")
    return sys.stdin.readline().rstrip("\n")


def add_operator(name: str, *, role: str, display_name: str, password: str) -> int:
    settings = Settings()
    _prepare_database(settings)
    engine = create_database_engine(settings.database_url)
    try:
        with Session(engine) as session:
            operator = add_operator_service(session, name, password, role, display_name)
    except DomainError as error:
        print(render("problem", error.message, DEFAULT_LANGUAGE) or error.code, file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    print(f"已新增坐席账号 {operator.username}（{operator.role.value}）。")
    return 0


def _os_user() -> str:
    """Who ran a command, for the audit trail: the machine's login name (`cli:root`)."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no login name (a container without a passwd entry)
        return "system"


def import_registry(path: str) -> int:
    """The HQMS office's list into the local database's registry. Exit 0 when every line was
    imported, 1 when some were rejected (the rest are in), 2 when nothing could be imported."""
    try:
        content = Path(path).read_bytes()
    except OSError as error:
        print(f"无法读取文件 {path}：{error.strerror or error}", file=sys.stderr)
        return 2
    settings = Settings()
    _prepare_database(settings)
    engine = create_database_engine(settings.database_url)
    progress = ProgressLine(sys.stderr, label="导入")
    try:
        with Session(engine) as session:
            result = import_registry_service(
                session,
                content,
                filename=Path(path).name,
                actor=_os_user(),
                now=datetime.now(UTC),
                progress=progress,
            )
    except DomainError as error:
        progress.finish()
        sentence = render("problem", error.message, DEFAULT_LANGUAGE) or error.code
        print(f"{path}：{sentence}未导入任何机构。", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    progress.finish()
    print(_import_summary(result))
    for rejected in result.rejected:
        column = word("field", rejected.field, DEFAULT_LANGUAGE)
        reason = render("problem", rejected, DEFAULT_LANGUAGE) or rejected.code
        print(f"第 {rejected.line} 行（{column}）：{reason}")
    return 1 if result.rejected else 0


def _import_summary(result: RegistryImport) -> str:
    return (
        f"HQMS 已对接机构名单 {result.filename}：读取 {result.lines:,} 行，新增 {result.added:,}，"
        f"更名 {result.updated:,}，未变 {result.unchanged:,}，拒收 {len(result.rejected):,} 行。"
    )
