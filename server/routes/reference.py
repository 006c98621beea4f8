"""Reference data: `GET /v1/codes/{code}` (decode an institution code) and `GET /v1/regions`."""

from __future__ import annotations

from functools import cache
from typing import Annotated

from fastapi import APIRouter, Path, Response

from domain import CodeCheck, RegionTree, region_tree

from .._responses import json_response
from ..auth import CurrentOperator
from ..context import ContextDep
from ..services.codes import check_code

router = APIRouter(prefix="/v1", tags=["reference"])


@router.get("/codes/{code}", response_model=CodeCheck)
async def decode_code(
    code: Annotated[str, Path(max_length=64, description="机构代码或来电者念出的号码")],
    operator: CurrentOperator,
    context: ContextDep,
) -> Response:
    return json_response(await context.database.run(check_code, code))


@cache
def _regions_json() -> bytes:
    # The division tree is static and large: serialize it once per process.
    return region_tree().model_dump_json().encode()


@router.get("/regions", response_model=RegionTree)
async def regions(operator: CurrentOperator) -> Response:
    return Response(
        _regions_json(),
        media_type="application/json",
        headers={"Cache-Control": "private, max-age=86400"},
    )
