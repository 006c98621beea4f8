"""The existing-HQMS registry: `POST /v1/registry/imports` loads the HQMS office's list
(administrators only; the same import as `hqms-desk registry import`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Response, UploadFile

from domain import Operator, Role, define_code

from .._problems import ApiProblem
from .._responses import json_response
from ..auth import require_role
from ..context import ContextDep
from ..idempotency import IdempotentRoute
from ..services import registry
from ..services.registry import RegistryImport

router = APIRouter(prefix="/v1/registry", tags=["registry"], route_class=IdempotentRoute)

MAX_REGISTRY_BYTES = 32 * 2**20
"""Far above the office's list (50,000 institutions are about 3 MB), far below a memory risk."""
_TOO_LARGE = define_code("problem.registry_too_large", "size_mb", "limit_mb")

Administrator = Annotated[Operator, require_role(Role.ADMIN)]


@router.post("/imports", response_model=RegistryImport)
async def import_registry(
    file: Annotated[
        UploadFile,
        File(description="CSV：每行 机构代码,机构名称；UTF-8（可带 BOM）、UTF-16 或 GB18030"),
    ],
    operator: Administrator,
    context: ContextDep,
) -> Response:
    """Import the list; 200 with the counts and every rejected line (its number and reason),
    also when some lines were rejected. 422 `field_invalid` when the file is not a list at all
    (then nothing is imported), 413 above 32 MB. Importing a file again changes nothing."""
    # One byte more than allowed is enough to know it is too large.
    content = await file.read(MAX_REGISTRY_BYTES + 1)
    if len(content) > MAX_REGISTRY_BYTES:
        size_mb = f"{(file.size or len(content)) / 2**20:.1f}"
        raise ApiProblem(
            413, "file_too_large", _TOO_LARGE(size_mb=size_mb, limit_mb=MAX_REGISTRY_BYTES // 2**20)
        )
    result = await context.database.run(
        registry.import_registry,
        content,
        filename=file.filename or "",
        actor=operator.username,
        now=context.clock(),
    )
    return json_response(result)
