"""Child process of the lookup benchmark: serves the real API or the bare baseline.

Both run under the same uvicorn settings so that the only difference measured is the app:

    python -m bench._serve real PORT     # server.create_app(), settings from HQMS_* variables
    python -m bench._serve bare PORT     # one async endpoint returning a constant
"""

from __future__ import annotations

import sys

import uvicorn
from fastapi import FastAPI

CONSTANT_PATH = "/constant"


def bare_app() -> FastAPI:
    app = FastAPI()

    @app.get(CONSTANT_PATH)
    async def constant() -> dict[str, object]:
        return {"items": [], "next_cursor": None}

    return app


def real_app() -> FastAPI:
    from server import create_app

    return create_app()


def main(argv: list[str]) -> None:
    which, port = argv[0], int(argv[1])
    app = real_app() if which == "real" else bare_app()
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


if __name__ == "__main__":
    main(sys.argv[1:])
