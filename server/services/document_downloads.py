"""The audit line of a generated document handed to an operator.

Operators print or save the documents for callers who lost them (issue 5: regenerate); the
documents carry the administrator's full name and mobile, so who took which copy is recorded
like any reveal of personal data (DESIGN §5).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from ..storage.writes import add_event

DOCUMENT_TITLES = {
    "info_form": "《医疗机构信息收集表》",
    "consent": "《系统使用须知及同意书》",
}


def record_download(
    session: Session, application_id: str, *, which: str, actor: str, at: datetime, revision: int
) -> None:
    add_event(
        session,
        application_id=application_id,
        at=at,
        actor=actor,
        action="document_downloaded",
        detail=f"下载{DOCUMENT_TITLES[which]}（第 {revision} 版资料）",
    )
    session.commit()
