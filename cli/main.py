"""`hqms-desk` — one command for the central API, the kiosk and their demo.

hqms-desk demo                        API on loopback + kiosk, SQLite, demo data, signed in
hqms-desk serve [--host H] [--port P] the central API (schema brought up to date first)
hqms-desk tui [--api URL]             the kiosk against a running API (login screen)
hqms-desk web [--host H] [--port P] [--api URL]   the kiosk in a browser (docs/web-kiosk.md)
hqms-desk status PHONE [--json]       quick status without the kiosk
hqms-desk seed [--applications N] [--seed S]
hqms-desk operator add NAME --role operator|reviewer|admin   (password from stdin)
hqms-desk registry import FILE.csv    the HQMS office's list of institutions already in HQMS
hqms-desk --version                   the installed version (also -V)
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tomllib
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, NoReturn


def package_version() -> str:
    """The installed distribution's version; from a source tree never installed, the version
    its pyproject.toml declares."""
    try:
        return version("hqms-desk")
    except PackageNotFoundError:
        pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
        try:
            return str(tomllib.loads(pyproject.read_text("utf-8"))["project"]["version"])
        except (OSError, KeyError, tomllib.TOMLDecodeError):
            return "unknown"


class _PrintVersion(argparse.Action):
    """`-V/--version`, looked up only when asked: every other command starts without it."""

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> NoReturn:
        print(f"{parser.prog} {package_version()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hqms-desk", description="HQMS 流感医疗服务监测系统 账号申请热线坐席工具"
    )
    parser.add_argument("-V", "--version", action=_PrintVersion, nargs=0, help="显示版本号后退出")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = commands.add_parser("demo", help="本机演示：启动中央服务和坐席界面（演示数据）")
    demo.add_argument("--seed", type=int, default=2026, help="演示数据的随机种子")

    serve = commands.add_parser("serve", help="启动中央登记服务 API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)

    tui = commands.add_parser("tui", help="连接已运行的中央服务，打开坐席界面")
    tui.add_argument("--api", help="中央服务地址（默认取 HQMS_API_URL）")

    web = commands.add_parser("web", help="在浏览器中提供坐席界面（每位操作员各自登录）")
    web.add_argument("--host", default="127.0.0.1", help="监听地址（默认只听本机）")
    web.add_argument("--port", type=int, default=8080)
    web.add_argument("--api", help="中央服务地址（默认取 HQMS_API_URL）")
    web.add_argument("--public-url", help="浏览器访问的地址，在反向代理之后时填写（https://…）")

    status = commands.add_parser("status", help="按手机号查询申请状态（不打开界面）")
    status.add_argument("phone")
    status.add_argument("--json", action="store_true", help="以 JSON 输出")
    status.add_argument("--api", help="中央服务地址（默认取 HQMS_API_URL，未设置时查本机演示库）")

    seed = commands.add_parser("seed", help="写入可复现的演示数据")
    seed.add_argument("--applications", type=int, default=None, help="申请数量")
    seed.add_argument("--seed", type=int, default=2026)

    operator = commands.add_parser("operator", help="管理坐席账号")
    operator_commands = operator.add_subparsers(dest="operator_command", required=True)
    add = operator_commands.add_parser("add", help="新增坐席账号（密码从标准输入读取）")
    add.add_argument("name")
    add.add_argument("--role", choices=["operator", "reviewer", "admin"], default="operator")
    add.add_argument("--display-name", default="")

    registry = commands.add_parser("registry", help="HQMS 已对接机构名单")
    registry_commands = registry.add_subparsers(dest="registry_command", required=True)
    load = registry_commands.add_parser(
        "import",
        help="导入 HQMS 办公室的名单：每行 机构代码,机构名称（UTF-8 或 GB18030），可重复导入",
    )
    load.add_argument("file", help="CSV 文件")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from pydantic import ValidationError  # already loaded by the settings any command reads

    try:
        return _run(args)
    except ValidationError as error:
        # A wrong HQMS_* variable: one line naming it, not a traceback.
        for problem in error.errors():
            name = "HQMS_" + "_".join(str(part) for part in problem["loc"]).upper()
            print(f"设置有误：{name} — {problem['msg']}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    if args.command == "tui":
        from cli._kiosk import tui  # without the server's imports: see cli._kiosk

        return tui(api_url=args.api)
    from cli import _commands  # the server and its database load only for these commands

    match args.command:
        case "demo":
            return _commands.demo(seed=args.seed)
        case "serve":
            return _commands.serve(host=args.host, port=args.port)
        case "web":
            from cli._web import web  # aiohttp and textual-serve load only for this command

            return web(host=args.host, port=args.port, api_url=args.api, public_url=args.public_url)
        case "status":
            return asyncio.run(_commands.status(args.phone, api_url=args.api, as_json=args.json))
        case "seed":
            return _commands.seed(applications=args.applications, seed=args.seed)
        case "operator":
            password = _commands.read_password()
            return _commands.add_operator(
                args.name, role=args.role, display_name=args.display_name, password=password
            )
        case "registry":
            return _commands.import_registry(args.file)
    print(f"未知命令：{args.command}", file=sys.stderr)
    return 2
